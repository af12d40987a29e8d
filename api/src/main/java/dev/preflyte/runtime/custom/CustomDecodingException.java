package dev.preflyte.runtime.custom;

/**
 * A {@code TaskTemplate.custom} struct does not hold the configuration the executor expects.
 *
 * <p>The message starts with the property path at fault (for example {@code custom property
 * 'limits.max'}), then says what was expected, what was found and how to fix it.
 */
public class CustomDecodingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String path;

  public CustomDecodingException(String path, String problem) {
    super(
        "custom property '"
            + path
            + "': "
            + problem
            + ": the task template was written by another version of the task class;"
            + " register the task again with the version the image runs");
    this.path = path;
  }

  /** The property path at fault, such as {@code limits.max} or {@code tags[2]}. */
  public String path() {
    return path;
  }
}
