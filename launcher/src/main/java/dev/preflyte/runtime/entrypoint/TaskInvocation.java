package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.task.TaskFailedException;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;

/**
 * One call of an executor, the same on the cluster and locally: check the inputs against the
 * template's interface, run the executor, check its outputs. Every failure comes out classified.
 */
public final class TaskInvocation {

  private TaskInvocation() {}

  /**
   * @return the outputs, exactly the declared ones with the declared types
   * @throws TaskFailedException for mismatched inputs or outputs and anything the executor throws
   */
  public static LiteralMap invoke(
      TaskTemplate template, TaskExecutor executor, LiteralMap inputs, ExecutionContext context,
      SecretScrubber scrubber) {
    try {
      InterfaceCheck.check(inputs, template.getInterface().getInputs(), InterfaceMismatchException.Side.INPUT);
    } catch (InterfaceMismatchException e) {
      throw TaskFailures.exception(ErrorClassifier.classifyPlatform(e), scrubber);
    }
    LiteralMap outputs;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try {
      // Libraries the task uses may look up classes through the context loader.
      thread.setContextClassLoader(executor.getClass().getClassLoader());
      outputs = executor.executeFromModel(template, inputs, context);
    } catch (Throwable e) { // AssertionError, OutOfMemoryError...: all are the task's to report
      throw TaskFailures.exception(ErrorClassifier.classifyTask(e), scrubber);
    } finally {
      thread.setContextClassLoader(previous);
    }
    try {
      if (outputs == null) {
        throw new InterfaceMismatchException(InterfaceMismatchException.Side.OUTPUT,
            "executor " + executor.getClass().getName() + " returned null instead of a LiteralMap:"
                + " return LiteralMap.getDefaultInstance() when the task has no outputs");
      }
      InterfaceCheck.check(outputs, template.getInterface().getOutputs(), InterfaceMismatchException.Side.OUTPUT);
    } catch (InterfaceMismatchException e) {
      throw TaskFailures.exception(ErrorClassifier.classifyPlatform(e), scrubber);
    }
    return outputs;
  }
}
