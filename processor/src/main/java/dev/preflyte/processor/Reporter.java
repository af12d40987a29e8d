package dev.preflyte.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints the processor's diagnostics on the element at fault and counts errors. Warnings are
 * dropped when the element or one of its enclosing elements carries
 * {@code @SuppressWarnings("preflyte")}.
 */
final class Reporter {

  static final String SUPPRESSION_KEY = "preflyte";

  private final Messager messager;
  private int errors;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void error(Element element, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }

  void warning(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    if (!isSuppressed(element)) {
      messager.printMessage(Diagnostic.Kind.WARNING, message, element, annotation, value);
    }
  }

  void note(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.NOTE, message, element);
  }

  /** How many errors were reported so far; compare two readings to see whether a step failed. */
  int errorCount() {
    return errors;
  }

  private static boolean isSuppressed(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null) {
        for (String key : suppress.value()) {
          if (SUPPRESSION_KEY.equals(key)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
