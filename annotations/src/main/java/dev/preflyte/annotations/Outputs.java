package dev.preflyte.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record returned from a task's {@code execute} method as a set of named outputs: each
 * record component becomes one task output with the component's name and type.
 *
 * <p>Without this marker a returned value is a single output named {@code o0}, as in flytekit.
 *
 * <pre>{@code
 * @Outputs
 * public record Stats(long count, double mean) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Outputs {}
