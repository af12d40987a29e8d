package dev.preflyte.idl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test or class only when {@link FlyteFixtures} finds Flyte's data, and reports
 * it as skipped, with the places looked in, when it does not.
 *
 * <p>A test that reads the data through {@link FlyteFixtures} is skipped without this annotation
 * too. It is needed where the data is read before any test runs: a parameterized test whose
 * arguments are the fixture files has no invocation to skip, so without it the test would vanish
 * from the report instead of being listed as skipped.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FlyteFixtures.Condition.class)
public @interface RequiresFlyteFixtures {}
