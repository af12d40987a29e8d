package dev.preflyte.runtime.entrypoint;

/** The command line is wrong; the message is one line naming the flag at fault and the fix. */
public class UsageException extends Exception {

  public UsageException(String message) {
    super(message);
  }
}
