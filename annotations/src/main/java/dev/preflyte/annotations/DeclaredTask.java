package dev.preflyte.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a task instance that tools find without scanning the class path: {@code preflyte tasks},
 * {@code preflyte package} and the runtime's {@code DeclaredTasks} read the index the processor
 * writes for each class with declared tasks.
 *
 * <p>Put it on a {@code public static final} field, or a {@code public static} method without
 * parameters, of a public class; the type must be a {@code PrebuiltContainerTask} (a generated
 * {@code <Name>Task}):
 *
 * <pre>{@code
 * public final class Tasks {
 *   @DeclaredTask
 *   public static final WordStatsTask WORDS = WordStatsTask.of(new WordStats(3));
 *
 *   @DeclaredTask(name = "nightly_words")
 *   public static WordStatsTask nightly() { return WordStatsTask.of(new WordStats(5)); }
 * }
 * }</pre>
 *
 * <p>The task's name is the annotation's {@link #name()} if given, else the name in the task's own
 * {@code TaskSettings}, else {@code <package>.<Class>.<member>} ({@code com.acme.Tasks.WORDS}), as
 * flytekit names a task after its module and function.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface DeclaredTask {

  /**
   * The task's name in Flyte; empty (the default) means the task settings' name if set, else
   * {@code <package>.<Class>.<member>}. Letters, digits, {@code _}, {@code -} and {@code .}, starting
   * with a letter or {@code _}, at most 255 characters.
   */
  String name() default "";
}
