package dev.preflyte.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plain class or record as a Flyte pre-built container task.
 *
 * <p>The annotated type holds the task's configuration (its record components, or its non-static,
 * non-transient fields) and one public {@code execute} method whose parameters are the task's inputs
 * and whose return value is its output. At compile time Preflyte's processor generates
 * {@code <Name>Task} (the task definition users instantiate and register) and {@code <Name>Executor}
 * (what runs inside the container), and registers the executor under the annotated type's canonical
 * name.
 *
 * <pre>{@code
 * @PrebuiltTask(image = "ghcr.io/acme/adder:1.0.0", taskType = "adder")
 * public record Adder(long offset) {
 *   public long execute(long a, long b) { return a + b + offset; }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PrebuiltTask {

  /**
   * The image the task runs in, as an OCI reference: {@code registry/path:tag} or
   * {@code registry/path@sha256:<digest>}. It must contain Preflyte's runtime and this task's
   * classes. Users may override it per task instance.
   */
  String image();

  /**
   * The Flyte task type, for example {@code "sqlite"}. Flyte's back end sends every type it has no
   * special plugin for to its container plugin, so pick a name no back-end plugin claims.
   */
  String taskType();
}
