package dev.preflyte.runtime.literal;

import dev.preflyte.conventions.PropertyRules;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Type;

/**
 * One property of a struct class: its name, generic type, whether it may be null, and the handles that
 * read it (and, for a mutable class, write it). Built once per class.
 */
record StructProperty(String name, Type type, boolean nullable, MethodHandle getter, MethodHandle setter) {

  /**
   * Whether any of {@code elements} or {@code types} carries an annotation named {@code Nullable} of
   * runtime retention, from whichever library (JSpecify, javax.annotation, Checker Framework...).
   */
  static boolean isMarkedNullable(AnnotatedElement[] elements, AnnotatedType... types) {
    for (AnnotatedElement element : elements) {
      if (element != null && hasNullable(element.getAnnotations())) {
        return true;
      }
    }
    for (AnnotatedType type : types) {
      if (type != null && hasNullable(type.getAnnotations())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasNullable(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getSimpleName().equals(PropertyRules.NULLABLE_ANNOTATION)) {
        return true;
      }
    }
    return false;
  }
}
