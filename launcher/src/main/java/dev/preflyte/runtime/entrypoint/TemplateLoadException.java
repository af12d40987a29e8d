package dev.preflyte.runtime.entrypoint;

/** The task template cannot be read or parsed: a platform fault, reported as SYSTEM and retried. */
public class TemplateLoadException extends RuntimeException {

  public TemplateLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
