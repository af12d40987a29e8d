package dev.preflyte.register;

/** flytectl's config file is unreadable or a setting in it is wrong; the message names the key. */
public class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(RegistrationException.oneLine(message));
  }

  public ConfigException(String message, Throwable cause) {
    super(RegistrationException.oneLine(message), cause);
  }
}
