package dev.preflyte.runtime.literal;

import dev.preflyte.conventions.PropertyRules;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to take a struct class apart and build it again: a record through its canonical constructor, or
 * a simple class through its public no-arg constructor and public fields or JavaBean
 * getter/setter pairs. Properties keep declaration order, which is the order of the msgpack map.
 */
final class StructModel<T> {

  private final Class<T> type;
  private final List<StructProperty> properties;
  /** For a record: the canonical constructor taking every component; else the no-arg constructor. */
  private final MethodHandle constructor;

  private StructModel(Class<T> type, List<StructProperty> properties, MethodHandle constructor) {
    this.type = type;
    this.properties = List.copyOf(properties);
    this.constructor = constructor;
  }

  Class<T> type() {
    return type;
  }

  List<StructProperty> properties() {
    return properties;
  }

  static <T> StructModel<T> of(Class<T> type) {
    if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface()
        || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName()
          + " cannot be a struct: use a record or a concrete class with a public no-arg constructor");
    }
    if (type.getName().startsWith("java.")) {
      throw new IllegalArgumentException(type.getName() + " is not a struct: use the LiteralCodecs method for"
          + " it (int64, string, datetime, listOf, mapOf, optionalOf...)");
    }
    if (type.getEnclosingClass() != null && !type.isRecord() && !Modifier.isStatic(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName()
          + " is an inner class and cannot be created on its own: make it static or a record");
    }
    try {
      return type.isRecord() ? ofRecord(type) : ofBean(type);
    } catch (IllegalAccessException | InaccessibleObjectException e) {
      throw new IllegalArgumentException(type.getName() + " cannot be accessed as a struct: " + e.getMessage()
          + "; make it public or open its package to the runtime", e);
    }
  }

  private static <T> StructModel<T> ofRecord(Class<T> type) throws IllegalAccessException {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    List<StructProperty> properties = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      parameterTypes[i] = component.getType();
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      boolean nullable = StructProperty.isMarkedNullable(new AnnotatedElement[] {component, accessor},
          component.getAnnotatedType());
      properties.add(new StructProperty(component.getName(), component.getGenericType(), nullable,
          generic(lookup.unreflect(accessor)), null));
    }
    try {
      Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
      canonical.setAccessible(true);
      MethodHandle spread = lookup.unreflectConstructor(canonical)
          .asSpreader(Object[].class, components.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      return new StructModel<>(type, properties, spread);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("record " + type.getName() + " has no canonical constructor", e);
    }
  }

  private static <T> StructModel<T> ofBean(Class<T> type) throws IllegalAccessException {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    Constructor<T> noArg;
    try {
      noArg = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName()
          + " cannot be a struct: it needs a public no-arg constructor (or make it a record)");
    }
    Map<String, StructProperty> byName = new LinkedHashMap<>();
    List<String> declarationOrder = declaredFieldNames(type);
    for (Field field : type.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
        continue;
      }
      if (Modifier.isFinal(modifiers)) {
        throw new IllegalArgumentException("field " + field.getName() + " of " + type.getName()
            + " is public final and cannot be set when decoding: make it non-final or use a record");
      }
      field.setAccessible(true); // the field is public, its class may not be
      boolean nullable = StructProperty.isMarkedNullable(new AnnotatedElement[] {field},
          field.getAnnotatedType());
      byName.put(field.getName(), new StructProperty(field.getName(), field.getGenericType(), nullable,
          generic(lookup.unreflectGetter(field)), generic(lookup.unreflectSetter(field))));
    }
    for (Method getter : type.getMethods()) {
      String name = propertyName(getter);
      if (name == null || byName.containsKey(name)) {
        continue;
      }
      Method setter;
      try {
        setter = type.getMethod(PropertyRules.setterName(name), getter.getReturnType());
      } catch (NoSuchMethodException e) {
        continue; // a read-only getter is not part of the struct
      }
      getter.setAccessible(true);
      setter.setAccessible(true);
      boolean nullable = StructProperty.isMarkedNullable(new AnnotatedElement[] {getter},
          getter.getAnnotatedReturnType());
      byName.put(name, new StructProperty(name, getter.getGenericReturnType(), nullable,
          generic(lookup.unreflect(getter)), generic(lookup.unreflect(setter))));
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException(type.getName() + " has no properties to convert: give it public"
          + " fields or getter/setter pairs, or make it a record");
    }
    List<StructProperty> ordered = new ArrayList<>(byName.values());
    ordered.sort(Comparator.comparingInt((StructProperty p) -> {
      int index = declarationOrder.indexOf(p.name());
      return index < 0 ? Integer.MAX_VALUE : index;
    }).thenComparing(StructProperty::name));
    noArg.setAccessible(true);
    MethodHandle constructor = lookup.unreflectConstructor(noArg).asType(MethodType.methodType(Object.class));
    return new StructModel<>(type, ordered, constructor);
  }

  /** The handle with every parameter and its result typed Object (boxing primitives), for invokeExact. */
  private static MethodHandle generic(MethodHandle handle) {
    return handle.asType(handle.type().generic());
  }

  /** Field names from the top superclass down, each class in declaration order. */
  private static List<String> declaredFieldNames(Class<?> type) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<String> names = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (Field f : c.getDeclaredFields()) {
        names.add(f.getName());
      }
    }
    return names;
  }

  /** The JavaBean property a public getter reads, or null if {@code method} is not a getter. */
  private static String propertyName(Method method) {
    if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
        || method.getDeclaringClass() == Object.class) {
      return null;
    }
    return PropertyRules.propertyOfGetter(
        method.getName(), method.getReturnType() == boolean.class, method.getReturnType() == void.class);
  }

  Object get(StructProperty property, Object instance) {
    try {
      return (Object) property.getter().invokeExact(instance);
    } catch (RuntimeException e) {
      throw new LiteralConversionException("the getter of "
          + type.getSimpleName() + " threw " + e, e);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("reading " + property.name() + " of " + type.getName() + " failed", e);
    }
  }

  /** Builds an instance from property values in {@link #properties()} order. */
  T create(Object[] values) {
    try {
      if (type.isRecord()) {
        return type.cast((Object) constructor.invokeExact(values));
      }
      Object instance = (Object) constructor.invokeExact();
      for (int i = 0; i < values.length; i++) {
        Object ignored = (Object) properties.get(i).setter().invokeExact(instance, values[i]);
      }
      return type.cast(instance);
    } catch (RuntimeException e) {
      throw new LiteralConversionException("creating " + type.getSimpleName() + " failed: " + e, e);
    } catch (Throwable e) {
      throw new IllegalStateException("creating " + type.getName() + " failed", e);
    }
  }
}
