package dev.preflyte.runtime.executor;

import dev.preflyte.idl.core.Identifier;
import dev.preflyte.runtime.literal.LiteralContext;
import dev.preflyte.runtime.storage.Storage;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What an executor may use while it runs: the same on the cluster and in a local run.
 *
 * <p>On the cluster the values come from {@code preflyte-execute}'s flags and the {@code FLYTE_*}
 * environment Flyte's container plugin sets; locally from the local runner.
 */
public interface ExecutionContext extends LiteralContext {

  /** The prefix under which large outputs (files, directories, datasets) are written. */
  @Override
  String rawOutputPrefix();

  /** A private directory for scratch files, deleted after the task. */
  @Override
  Path workingDirectory();

  /** Storage for every URI scheme the runtime supports (local paths, {@code file://}, {@code s3://}). */
  @Override
  Storage storage();

  /**
   * The execution this task runs in ({@code FLYTE_INTERNAL_EXECUTION_*}), empty in a local run
   * outside Flyte.
   */
  Optional<Identifier> executionId();

  /** The task being run ({@code FLYTE_INTERNAL_TASK_*}), or the template's id. */
  Identifier taskId();

  /** The attempt number, from {@code FLYTE_ATTEMPT_NUMBER}; 0 for the first attempt. */
  int attemptNumber();

  /** Where this attempt may write checkpoints, if Flyte gave one. */
  Optional<String> checkpointPrefix();

  /** The previous attempt's checkpoint, if there was one. */
  Optional<String> previousCheckpointPrefix();

  /** The secrets requested by the task, read as flytekit reads them. */
  Secrets secrets();

  /** A logger for task code; it never prints secret values the runtime knows of. */
  Logger logger();
}
