package dev.preflyte.runtime.entrypoint;

/** Why a training run cannot make a start-up archive; the message names the task or file and the fix. */
public final class TrainingException extends RuntimeException {

  public TrainingException(String message) {
    super(message);
  }

  public TrainingException(String message, Throwable cause) {
    super(message, cause);
  }
}
