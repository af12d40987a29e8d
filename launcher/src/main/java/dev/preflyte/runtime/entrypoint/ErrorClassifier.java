package dev.preflyte.runtime.entrypoint;

import dev.preflyte.runtime.task.TaskFailure;
import dev.preflyte.idl.core.ContainerError.Kind;
import dev.preflyte.idl.core.ExecutionError.ErrorKind;
import dev.preflyte.runtime.executor.RecoverableException;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.registry.ExecutorLoadException;
import dev.preflyte.runtime.storage.StorageException;

/**
 * Decides whose fault a failure is and whether Flyte may retry it.
 *
 * <p>The rule: faults in the task's own logic and in its inputs or outputs are the USER's and final
 * ({@code USER:<ExceptionSimpleName>}, {@code USER:InputMismatch}, {@code USER:OutputMismatch}),
 * unless the task throws {@link RecoverableException} ({@code USER:Recoverable}, retried, the code
 * flytekit uses). Faults of the platform are the SYSTEM's and retried: reading the template
 * ({@code SYSTEM:TemplateLoad}), loading the executor or its classes ({@code SYSTEM:ExecutorLoad}),
 * reading the inputs file ({@code SYSTEM:InputLoad}) and any storage failure, even one raised inside
 * task code ({@code SYSTEM:Storage}).
 */
public final class ErrorClassifier {

  public static final String TEMPLATE_LOAD = "SYSTEM:TemplateLoad";
  public static final String EXECUTOR_LOAD = "SYSTEM:ExecutorLoad";
  public static final String INPUT_LOAD = "SYSTEM:InputLoad";
  public static final String STORAGE = "SYSTEM:Storage";
  public static final String INPUT_MISMATCH = "USER:InputMismatch";
  public static final String OUTPUT_MISMATCH = "USER:OutputMismatch";
  public static final String RECOVERABLE = "USER:Recoverable";

  private ErrorClassifier() {}

  /** Classifies a failure of the entrypoint's own steps: loading, checking, writing. */
  public static TaskFailure classifyPlatform(Throwable failure) {
    if (failure instanceof InterfaceMismatchException mismatch) {
      return mismatch(mismatch);
    }
    if (failure instanceof TemplateLoadException) {
      return system(TEMPLATE_LOAD, failure);
    }
    if (failure instanceof ExecutorLoadException || failure instanceof LinkageError) {
      return system(EXECUTOR_LOAD, failure);
    }
    if (failure instanceof InputsLoadException) {
      return system(INPUT_LOAD, failure);
    }
    if (find(failure, StorageException.class) != null) {
      return system(STORAGE, failure);
    }
    return system("SYSTEM:" + simpleName(failure), failure);
  }

  /** Classifies a failure thrown by the task's executor. */
  public static TaskFailure classifyTask(Throwable failure) {
    if (find(failure, StorageException.class) != null) {
      return system(STORAGE, failure);
    }
    if (failure instanceof InterfaceMismatchException mismatch) {
      return mismatch(mismatch);
    }
    if (failure instanceof ExecutorLoadException || failure instanceof LinkageError) {
      // A class the task needs is missing from the image.
      return system(EXECUTOR_LOAD, failure);
    }
    if (find(failure, RecoverableException.class) != null) {
      return new TaskFailure(RECOVERABLE, Kind.RECOVERABLE, ErrorKind.USER, failure);
    }
    LiteralConversionException conversion = find(failure, LiteralConversionException.class);
    if (conversion != null) {
      // Task inputs and outputs name the side a failure concerns; any other conversion in the
      // task's code decodes something it was given.
      String code = conversion.role().filter("output"::equals).isPresent() ? OUTPUT_MISMATCH : INPUT_MISMATCH;
      return new TaskFailure(code, Kind.NON_RECOVERABLE, ErrorKind.USER, failure);
    }
    return new TaskFailure("USER:" + simpleName(failure), Kind.NON_RECOVERABLE, ErrorKind.USER, failure);
  }

  private static TaskFailure mismatch(InterfaceMismatchException mismatch) {
    String code = mismatch.side() == InterfaceMismatchException.Side.INPUT ? INPUT_MISMATCH : OUTPUT_MISMATCH;
    return new TaskFailure(code, Kind.NON_RECOVERABLE, ErrorKind.USER, mismatch);
  }

  private static TaskFailure system(String code, Throwable failure) {
    return new TaskFailure(code, Kind.RECOVERABLE, ErrorKind.SYSTEM, failure);
  }

  /** The first throwable of {@code type} in the cause chain (suppressed ones aside), or null. */
  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < 64; depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      if (current.getCause() == current) {
        break;
      }
      current = current.getCause();
    }
    return null;
  }

  static String simpleName(Throwable failure) {
    String simple = failure.getClass().getSimpleName();
    if (!simple.isEmpty()) {
      return simple;
    }
    String name = failure.getClass().getName(); // anonymous or hidden class
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
