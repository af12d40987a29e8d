package dev.preflyte.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The {@code @Generated} annotation on every generated type: the processor's name, no date. */
final class GeneratedAnnotation {

  static final AnnotationSpec SPEC =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", PrebuiltTaskProcessor.class.getName())
          .build();

  private GeneratedAnnotation() {}
}
