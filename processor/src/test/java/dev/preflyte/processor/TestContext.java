package dev.preflyte.processor;

import dev.preflyte.idl.core.Identifier;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.Secrets;
import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An execution context over a temporary directory, as a local run would have. */
final class TestContext implements ExecutionContext {

  private final Path root;
  private final Storage storage = new dev.preflyte.runtime.storage.LocalStorage();

  TestContext(Path root) {
    this.root = root;
  }

  @Override
  public String rawOutputPrefix() {
    return root.resolve("raw").toString();
  }

  @Override
  public Path workingDirectory() {
    return root.resolve("work");
  }

  @Override
  public Storage storage() {
    return storage;
  }

  @Override
  public Optional<Identifier> executionId() {
    return Optional.empty();
  }

  @Override
  public Identifier taskId() {
    return Identifier.getDefaultInstance();
  }

  @Override
  public int attemptNumber() {
    return 0;
  }

  @Override
  public Optional<String> checkpointPrefix() {
    return Optional.empty();
  }

  @Override
  public Optional<String> previousCheckpointPrefix() {
    return Optional.empty();
  }

  @Override
  public Secrets secrets() {
    return (group, groupVersion, key) -> Optional.empty();
  }

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger(TestContext.class);
  }
}
