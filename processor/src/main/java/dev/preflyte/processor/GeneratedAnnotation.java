package dev.preflyte.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The {@code @Generated} annotation on every generated type: the processor's name, no date. It is
 * left out where the code cannot see it: a named module that does not read {@code java.compiler}.
 */
final class GeneratedAnnotation {

  static final String NAME = "javax.annotation.processing.Generated";

  private static final AnnotationSpec SPEC =
      AnnotationSpec.builder(ClassName.bestGuess(NAME))
          .addMember("value", "$S", PrebuiltTaskProcessor.class.getName())
          .build();

  private GeneratedAnnotation() {}

  /** Whether code in {@code module} (null before Java 9) can use {@code @Generated}. */
  static boolean isVisible(Elements elements, ModuleElement module) {
    TypeElement generated = module == null || module.isUnnamed()
        ? elements.getTypeElement(NAME)
        : elements.getTypeElement(module, NAME);
    return generated != null;
  }

  static void addTo(TypeSpec.Builder type, boolean visible) {
    if (visible) {
      type.addAnnotation(SPEC);
    }
  }
}
