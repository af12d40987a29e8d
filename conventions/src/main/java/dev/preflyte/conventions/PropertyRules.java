package dev.preflyte.conventions;

import java.util.Locale;

/**
 * Which members of a class are its properties, for the processor (which reads the source) and the
 * runtime (which reads the class file) alike, so that a struct the processor accepts is one the
 * runtime converts the same way.
 *
 * <ul>
 *   <li>A record's properties are its components, in order.
 *   <li>A class's are its public non-static, non-transient, non-final fields, and the pairs of a
 *       public getter ({@code getX()}, or {@code isX()} returning {@code boolean}) and a public
 *       setter {@code setX(value)} of the same type; both are named as
 *       {@code java.beans.Introspector} names them ({@code getURL} is {@code URL}).
 *   <li>A property may be null when it carries an annotation whose simple name is
 *       {@value #NULLABLE_ANNOTATION}, from whichever library; primitives never are.
 * </ul>
 */
public final class PropertyRules {

  /** The simple name of the annotations that mark a property as nullable. */
  public static final String NULLABLE_ANNOTATION = "Nullable";

  private PropertyRules() {}

  /** The getter of {@code property}: {@code isX} for a primitive boolean, {@code getX} otherwise. */
  public static String getterName(String property, boolean primitiveBoolean) {
    return (primitiveBoolean ? "is" : "get") + capitalize(property);
  }

  /** The setter of {@code property}: {@code setX}. */
  public static String setterName(String property) {
    return "set" + capitalize(property);
  }

  /**
   * The property a public, non-static, parameterless method named {@code method} reads, or null if
   * it is not a getter.
   *
   * @param returnsPrimitiveBoolean whether it returns {@code boolean} (only those may be {@code isX})
   * @param returnsVoid whether it returns nothing (never a getter)
   */
  public static String propertyOfGetter(String method, boolean returnsPrimitiveBoolean, boolean returnsVoid) {
    String rest;
    if (method.startsWith("get") && method.length() > 3 && !returnsVoid) {
      rest = method.substring(3);
    } else if (method.startsWith("is") && method.length() > 2 && returnsPrimitiveBoolean) {
      rest = method.substring(2);
    } else {
      return null;
    }
    if (method.equals("getClass")) {
      return null;
    }
    return decapitalize(rest);
  }

  /** As {@code java.beans.Introspector.decapitalize}: {@code Url} is {@code url}, {@code URL} stays. */
  public static String decapitalize(String name) {
    if (name.isEmpty() || (name.length() > 1 && Character.isUpperCase(name.charAt(0))
        && Character.isUpperCase(name.charAt(1)))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String capitalize(String property) {
    return property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
  }
}
