package dev.preflyte.runtime.entrypoint;

/** An input URI points into the container itself (secrets, devices, /proc...): the input's fault. */
public class InputLocationException extends RuntimeException {

  public InputLocationException(String message) {
    super(message);
  }
}
