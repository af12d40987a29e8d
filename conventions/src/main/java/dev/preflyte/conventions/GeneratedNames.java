package dev.preflyte.conventions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a {@code @PrebuiltTask} type's generated classes and registration are named: written by the
 * processor, read by the runtime's executor registry.
 *
 * <p>The executor name (what the container's arguments pass to {@code preflyte-execute}) is the
 * annotated type's canonical name. The generated classes sit in its package and are named after
 * its simple names joined by {@code _}: {@code com.acme.Adder} gives {@code com.acme.AdderTask}
 * and {@code com.acme.AdderExecutor}, the nested {@code com.acme.Outer.Inner} gives {@code
 * com.acme.Outer_InnerTask} and {@code com.acme.Outer_InnerExecutor}.
 */
public final class GeneratedNames {

  /** The class-path folder holding one registration resource per task. */
  public static final String REGISTRATION_DIRECTORY = "META-INF/preflyte/executors/";

  /** Appended to the joined simple names for the task class. */
  public static final String TASK_SUFFIX = "Task";

  /** Appended to the joined simple names for the executor class. */
  public static final String EXECUTOR_SUFFIX = "Executor";

  private GeneratedNames() {}

  /**
   * The registration resource of the executor registered under {@code executorName}; its content
   * is the executor's binary class name and a newline.
   */
  public static String registrationResource(String executorName) {
    return REGISTRATION_DIRECTORY + executorName;
  }

  /** The simple name of the generated task class for a type with these simple names, outermost first. */
  public static String taskClassSimpleName(List<String> simpleNames) {
    return String.join("_", simpleNames) + TASK_SUFFIX;
  }

  /** The simple name of the generated executor class for a type with these simple names, outermost first. */
  public static String executorClassSimpleName(List<String> simpleNames) {
    return String.join("_", simpleNames) + EXECUTOR_SUFFIX;
  }

  /**
   * The executor class names the rule above may have given the task registered as {@code
   * executorName}. Which dots of a canonical name separate packages is not known from the name
   * alone, so every split is a candidate, outermost package first.
   */
  public static Set<String> executorClassCandidates(String executorName) {
    List<String> parts = List.of(executorName.split("\\."));
    Set<String> names = new LinkedHashSet<>();
    for (int classStart = 0; classStart < parts.size(); classStart++) {
      String packageName = String.join(".", parts.subList(0, classStart));
      String simple = executorClassSimpleName(new ArrayList<>(parts.subList(classStart, parts.size())));
      names.add(packageName.isEmpty() ? simple : packageName + "." + simple);
    }
    return names;
  }

  /**
   * The executor name an executor class name was derived from, if it follows the rule (nested types
   * cannot be told apart from packages here, so {@code _} stays); null if it does not end in the
   * suffix.
   */
  public static String executorNameOf(String executorClassName) {
    if (!executorClassName.endsWith(EXECUTOR_SUFFIX) || executorClassName.length() == EXECUTOR_SUFFIX.length()) {
      return null;
    }
    return executorClassName.substring(0, executorClassName.length() - EXECUTOR_SUFFIX.length());
  }
}
