package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.ContainerError.Kind;
import dev.preflyte.idl.core.ExecutionError.ErrorKind;
import dev.preflyte.runtime.custom.CustomDecodingException;
import dev.preflyte.runtime.executor.RecoverableException;
import dev.preflyte.runtime.literal.LiteralConversionException;
import dev.preflyte.runtime.registry.ExecutorLoadException;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.UnusableUriException;
import dev.preflyte.runtime.task.TaskFailure;

/**
 * Decides whose fault a failure is and whether Flyte may retry it: the one classification table of
 * {@code preflyte-execute}, first matching row wins (README.md, "In the container", has it too).
 *
 * <table>
 *   <caption>Classification</caption>
 *   <tr><th>failure, anywhere in the cause chain unless said</th><th>code</th><th>kind</th><th>origin</th></tr>
 *   <tr><td>{@link OutOfMemoryError}, in the task or the runtime</td><td>{@code USER:OutOfMemory}</td>
 *       <td>RECOVERABLE</td><td>USER</td></tr>
 *   <tr><td>inputs or outputs that differ from the interface</td>
 *       <td>{@code USER:InputMismatch}, {@code USER:OutputMismatch}</td><td>NON_RECOVERABLE</td><td>USER</td></tr>
 *   <tr><td>an input URI that points into the container</td><td>{@code USER:InputLocation}</td>
 *       <td>NON_RECOVERABLE</td><td>USER</td></tr>
 *   <tr><td>the template cannot be read from storage</td><td>{@code SYSTEM:TemplateLoad}</td>
 *       <td>RECOVERABLE</td><td>SYSTEM</td></tr>
 *   <tr><td>the template is not a TaskTemplate, or its custom does not decode</td>
 *       <td>{@code SYSTEM:TemplateLoad}</td><td>NON_RECOVERABLE</td><td>SYSTEM</td></tr>
 *   <tr><td>the image has no executor under the name, or lacks a class</td><td>{@code SYSTEM:ExecutorLoad}</td>
 *       <td>NON_RECOVERABLE</td><td>SYSTEM</td></tr>
 *   <tr><td>the inputs file is not a LiteralMap</td><td>{@code SYSTEM:InputLoad}</td>
 *       <td>NON_RECOVERABLE</td><td>SYSTEM</td></tr>
 *   <tr><td>a storage URI no attempt can serve (malformed, unknown scheme, backend missing from the
 *       image), also for the template</td><td>{@code SYSTEM:Storage}</td><td>NON_RECOVERABLE</td><td>SYSTEM</td></tr>
 *   <tr><td>any other storage failure, in task code too</td><td>{@code SYSTEM:Storage}</td>
 *       <td>RECOVERABLE</td><td>SYSTEM</td></tr>
 *   <tr><td>task code ended the JVM (System.exit) before returning</td><td>{@code USER:SystemExit}</td>
 *       <td>NON_RECOVERABLE</td><td>USER</td></tr>
 *   <tr><td>{@link RecoverableException} from task code</td><td>{@code USER:Recoverable}</td>
 *       <td>RECOVERABLE</td><td>USER</td></tr>
 *   <tr><td>anything else task code threw, printable or not</td><td>{@code USER:<SimpleName>}</td>
 *       <td>NON_RECOVERABLE</td><td>USER</td></tr>
 *   <tr><td>anything else in the runtime's own steps</td><td>{@code SYSTEM:<SimpleName>}</td>
 *       <td>RECOVERABLE</td><td>SYSTEM</td></tr>
 * </table>
 *
 * <p>Deterministic mistakes (template, image, inputs) are not retried: the next attempt would get the
 * same template, image and inputs. Out of memory is Flyte's own class for an OOM-killed pod.
 */
public final class ErrorClassifier {

  public static final String OUT_OF_MEMORY = "USER:OutOfMemory";
  public static final String INPUT_MISMATCH = "USER:InputMismatch";
  public static final String OUTPUT_MISMATCH = "USER:OutputMismatch";
  public static final String INPUT_LOCATION = "USER:InputLocation";
  public static final String TEMPLATE_LOAD = "SYSTEM:TemplateLoad";
  public static final String EXECUTOR_LOAD = "SYSTEM:ExecutorLoad";
  public static final String INPUT_LOAD = "SYSTEM:InputLoad";
  public static final String STORAGE = "SYSTEM:Storage";
  public static final String SYSTEM_EXIT = "USER:SystemExit";
  public static final String RECOVERABLE = "USER:Recoverable";

  private static final int MAX_CAUSES = 64;

  private ErrorClassifier() {}

  /** Classifies a failure of the entrypoint's own steps: loading, checking, writing. */
  public static TaskFailure classifyPlatform(Throwable failure) {
    TaskFailure shared = classifyKnown(failure);
    return shared != null ? shared : system("SYSTEM:" + simpleName(failure), Kind.RECOVERABLE, failure);
  }

  /** Classifies a failure thrown by the task's executor. */
  public static TaskFailure classifyTask(Throwable failure) {
    TaskFailure shared = classifyKnown(failure);
    if (shared != null) {
      return shared;
    }
    if (find(failure, RecoverableException.class) != null) {
      return user(RECOVERABLE, Kind.RECOVERABLE, failure);
    }
    return user("USER:" + simpleName(failure), Kind.NON_RECOVERABLE, failure);
  }

  /** The failure of task code that ended the JVM with System.exit while it ran. */
  public static TaskFailure exitedByTask(Throwable description) {
    return user(SYSTEM_EXIT, Kind.NON_RECOVERABLE, description);
  }

  /** The rows that are the same wherever the failure happened; null when none matches. */
  private static TaskFailure classifyKnown(Throwable failure) {
    if (find(failure, OutOfMemoryError.class) != null) {
      return user(OUT_OF_MEMORY, Kind.RECOVERABLE, failure);
    }
    InterfaceMismatchException mismatch = find(failure, InterfaceMismatchException.class);
    if (mismatch != null) {
      String code = mismatch.side() == InterfaceMismatchException.Side.INPUT ? INPUT_MISMATCH : OUTPUT_MISMATCH;
      return user(code, Kind.NON_RECOVERABLE, failure);
    }
    if (find(failure, InputLocationException.class) != null) {
      return user(INPUT_LOCATION, Kind.NON_RECOVERABLE, failure);
    }
    if (find(failure, TemplateLoadException.class) != null) {
      Kind kind = find(failure, StorageException.class) != null && find(failure, UnusableUriException.class) == null
          ? Kind.RECOVERABLE : Kind.NON_RECOVERABLE;
      return system(TEMPLATE_LOAD, kind, failure);
    }
    if (find(failure, CustomDecodingException.class) != null) {
      return system(TEMPLATE_LOAD, Kind.NON_RECOVERABLE, failure);
    }
    if (find(failure, ExecutorLoadException.class) != null
        || (failure instanceof LinkageError && !(failure instanceof ExceptionInInitializerError))) {
      return system(EXECUTOR_LOAD, Kind.NON_RECOVERABLE, failure); // a class the task needs is missing
    }
    if (find(failure, InputsLoadException.class) != null) {
      return system(INPUT_LOAD, Kind.NON_RECOVERABLE, failure);
    }
    if (find(failure, UnusableUriException.class) != null) {
      return system(STORAGE, Kind.NON_RECOVERABLE, failure); // the next attempt would meet the same URI
    }
    if (find(failure, StorageException.class) != null) {
      return system(STORAGE, Kind.RECOVERABLE, failure);
    }
    LiteralConversionException conversion = find(failure, LiteralConversionException.class);
    if (conversion != null) {
      // Task inputs and outputs name the side a failure concerns; any other conversion in the
      // task's code decodes something it was given.
      String code = conversion.role().filter("output"::equals).isPresent() ? OUTPUT_MISMATCH : INPUT_MISMATCH;
      return user(code, Kind.NON_RECOVERABLE, failure);
    }
    return null;
  }

  private static TaskFailure user(String code, Kind kind, Throwable failure) {
    return new TaskFailure(code, kind, ErrorKind.USER, failure);
  }

  private static TaskFailure system(String code, Kind kind, Throwable failure) {
    return new TaskFailure(code, kind, ErrorKind.SYSTEM, failure);
  }

  /**
   * The first throwable of {@code type} in the cause chain (suppressed ones aside), or null; a
   * {@code getCause} that throws ends the chain.
   */
  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      Throwable cause;
      try {
        cause = current.getCause();
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
      if (cause == current) {
        break;
      }
      current = cause;
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
