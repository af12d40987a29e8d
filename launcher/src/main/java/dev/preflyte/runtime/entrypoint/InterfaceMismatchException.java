package dev.preflyte.runtime.entrypoint;

/**
 * The inputs a task received, or the outputs its executor returned, do not match the task's declared
 * interface: a USER fault, never retried.
 */
public class InterfaceMismatchException extends RuntimeException {

  /** Which side of the interface failed. */
  public enum Side {
    INPUT("input"),
    OUTPUT("output");

    private final String word;

    Side(String word) {
      this.word = word;
    }

    /** The lower-case word used in messages. */
    public String word() {
      return word;
    }
  }

  private final Side side;

  public InterfaceMismatchException(Side side, String message) {
    super(message);
    this.side = side;
  }

  public Side side() {
    return side;
  }
}
