package dev.preflyte.samples.csv;

/**
 * The CSV input cannot be summarized as configured: a missing file, malformed CSV, a configured
 * column the file does not have. The user's fault, so Flyte does not retry it.
 */
public final class CsvInputException extends RuntimeException {

  public CsvInputException(String message) {
    super(message);
  }

  public CsvInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
