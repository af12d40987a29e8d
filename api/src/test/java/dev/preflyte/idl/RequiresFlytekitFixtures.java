package dev.preflyte.idl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test or class only when {@link FlyteFixtures#flytekitRoot()} finds the types
 * and literals flytekit wrote, and reports it as skipped, with the places looked in, when it does not;
 * the counterpart of {@link RequiresFlyteFixtures}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FlyteFixtures.FlytekitCondition.class)
public @interface RequiresFlytekitFixtures {}
