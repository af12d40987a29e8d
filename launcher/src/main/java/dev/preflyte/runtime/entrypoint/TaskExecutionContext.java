package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.Identifier;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.Secrets;
import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The {@link ExecutionContext} handed to an executor, on the cluster and in a local run alike. Build
 * it with {@link #builder()}.
 */
public final class TaskExecutionContext implements ExecutionContext {

  private final String rawOutputPrefix;
  private final Supplier<Path> workingDirectory;
  private final Storage storage;
  private final Identifier executionId;
  private final Identifier taskId;
  private final int attemptNumber;
  private final String checkpointPrefix;
  private final String previousCheckpointPrefix;
  private final Secrets secrets;
  private final Logger logger;

  private TaskExecutionContext(Builder builder) {
    this.rawOutputPrefix = requireText(builder.rawOutputPrefix, "raw output prefix");
    this.workingDirectory = Objects.requireNonNull(builder.workingDirectory, "workingDirectory");
    this.storage = Objects.requireNonNull(builder.storage, "storage");
    this.executionId = builder.executionId;
    this.taskId = Objects.requireNonNull(builder.taskId, "taskId");
    this.attemptNumber = builder.attemptNumber;
    this.checkpointPrefix = builder.checkpointPrefix;
    this.previousCheckpointPrefix = builder.previousCheckpointPrefix;
    this.secrets = Objects.requireNonNull(builder.secrets, "secrets");
    SecretScrubber scrubber = Objects.requireNonNull(builder.scrubber, "scrubber");
    this.logger = new ScrubbingLogger(loggerName(taskId), scrubber);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String rawOutputPrefix() {
    return rawOutputPrefix;
  }

  @Override
  public Path workingDirectory() {
    return Objects.requireNonNull(workingDirectory.get(), "workingDirectory");
  }

  @Override
  public Storage storage() {
    return storage;
  }

  @Override
  public Optional<Identifier> executionId() {
    return Optional.ofNullable(executionId);
  }

  @Override
  public Identifier taskId() {
    return taskId;
  }

  @Override
  public int attemptNumber() {
    return attemptNumber;
  }

  @Override
  public Optional<String> checkpointPrefix() {
    return Optional.ofNullable(checkpointPrefix);
  }

  @Override
  public Optional<String> previousCheckpointPrefix() {
    return Optional.ofNullable(previousCheckpointPrefix);
  }

  @Override
  public Secrets secrets() {
    return secrets;
  }

  @Override
  public Logger logger() {
    return logger;
  }

  private static String loggerName(Identifier taskId) {
    return "preflyte.task." + (taskId.getName().isEmpty() ? "unnamed" : taskId.getName());
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank: give one");
    }
    return value;
  }

  /** Collects the context's parts; every part but the identifiers and checkpoints is required. */
  public static final class Builder {
    private String rawOutputPrefix;
    private Supplier<Path> workingDirectory;
    private Storage storage;
    private Identifier executionId;
    private Identifier taskId;
    private int attemptNumber;
    private String checkpointPrefix;
    private String previousCheckpointPrefix;
    private Secrets secrets;
    private SecretScrubber scrubber;

    private Builder() {}

    public Builder rawOutputPrefix(String rawOutputPrefix) {
      this.rawOutputPrefix = rawOutputPrefix;
      return this;
    }

    public Builder workingDirectory(Path workingDirectory) {
      Objects.requireNonNull(workingDirectory, "workingDirectory");
      this.workingDirectory = () -> workingDirectory;
      return this;
    }

    /** The working directory as the run creates it: on the task's first call of workingDirectory(). */
    public Builder workingDirectory(Supplier<Path> workingDirectory) {
      this.workingDirectory = workingDirectory;
      return this;
    }

    public Builder storage(Storage storage) {
      this.storage = storage;
      return this;
    }

    public Builder executionId(Identifier executionId) {
      this.executionId = executionId;
      return this;
    }

    public Builder taskId(Identifier taskId) {
      this.taskId = taskId;
      return this;
    }

    public Builder attemptNumber(int attemptNumber) {
      this.attemptNumber = attemptNumber;
      return this;
    }

    public Builder checkpointPrefix(String checkpointPrefix) {
      this.checkpointPrefix = checkpointPrefix;
      return this;
    }

    public Builder previousCheckpointPrefix(String previousCheckpointPrefix) {
      this.previousCheckpointPrefix = previousCheckpointPrefix;
      return this;
    }

    /** The secrets and the scrubber that learns every value they hand out. */
    public Builder secrets(Secrets secrets, SecretScrubber scrubber) {
      this.secrets = secrets;
      this.scrubber = scrubber;
      return this;
    }

    public TaskExecutionContext build() {
      return new TaskExecutionContext(this);
    }
  }
}
