package dev.preflyte.runtime.executor;

/** A secret the task needs is neither in the environment nor mounted as a file. */
public class MissingSecretException extends RuntimeException {

  private final String group;
  private final String key;

  public MissingSecretException(String group, String groupVersion, String key) {
    super(
        "secret "
            + group
            + (groupVersion.isEmpty() ? "" : "/" + groupVersion)
            + "/"
            + key
            + " is not available: request it in the task's secrets so Flyte mounts it");
    this.group = group;
    this.key = key;
  }

  public String group() {
    return group;
  }

  public String key() {
    return key;
  }
}
