package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Maps Java types to the {@link ValueType}s the generated code can convert, reporting every type it
 * cannot on the element that declares it.
 */
final class TypeResolver {

  /** Where a value goes: a task input or output (a Flyte literal) or the task's configuration. */
  enum Usage {
    LITERAL,
    CONFIG
  }

  private static final Map<String, ValueType.ScalarKind> SCALARS =
      Map.of(
          "java.lang.Long", ValueType.ScalarKind.LONG,
          "java.lang.Integer", ValueType.ScalarKind.INT,
          "java.lang.Double", ValueType.ScalarKind.DOUBLE,
          "java.lang.Float", ValueType.ScalarKind.FLOAT,
          "java.lang.Boolean", ValueType.ScalarKind.BOOLEAN,
          "java.lang.String", ValueType.ScalarKind.STRING,
          "java.time.Instant", ValueType.ScalarKind.INSTANT,
          "java.time.Duration", ValueType.ScalarKind.DURATION);

  private final Elements elements;
  private final Reporter reporter;
  private final String targetPackage;
  private final Map<String, ValueType.StructType> configStructs = new HashMap<>();

  /**
   * @param targetPackage the package of the generated code, which must be able to access every type
   */
  TypeResolver(Elements elements, Reporter reporter, String targetPackage) {
    this.elements = elements;
    this.reporter = reporter;
    this.targetPackage = targetPackage;
  }

  /** Every configuration record type met so far, each with its properties. */
  List<ValueType.StructType> configStructs() {
    return new ArrayList<>(configStructs.values());
  }

  /**
   * The value type of {@code type}, or empty after reporting why it is not supported.
   *
   * @param at the element the error is reported on
   * @param what how the error names the value, for example {@code input 'a'}
   */
  Optional<ValueType> resolve(TypeMirror type, Usage usage, Element at, String what) {
    String supported = usage == Usage.CONFIG ? Messages.SUPPORTED_CONFIG_TYPES : Messages.SUPPORTED_TYPES;
    switch (type.getKind()) {
      case LONG:
        return Optional.of(new ValueType.Scalar(ValueType.ScalarKind.LONG, true));
      case INT:
        return Optional.of(new ValueType.Scalar(ValueType.ScalarKind.INT, true));
      case DOUBLE:
        return Optional.of(new ValueType.Scalar(ValueType.ScalarKind.DOUBLE, true));
      case FLOAT:
        return Optional.of(new ValueType.Scalar(ValueType.ScalarKind.FLOAT, true));
      case BOOLEAN:
        return Optional.of(new ValueType.Scalar(ValueType.ScalarKind.BOOLEAN, true));
      case DECLARED:
        return resolveDeclared((DeclaredType) type, usage, at, what, supported);
      default:
        reporter.error(at, Messages.unsupportedType(what, type.toString(), supported));
        return Optional.empty();
    }
  }

  private Optional<ValueType> resolveDeclared(
      DeclaredType type, Usage usage, Element at, String what, String supported) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    ValueType.ScalarKind scalar = SCALARS.get(name);
    if (scalar != null) {
      return Optional.of(new ValueType.Scalar(scalar, false));
    }
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    switch (name) {
      case "java.util.List":
        return typeArgument(type, 0, usage, at, what).map(ValueType.ListOf::new);
      case "java.util.Map":
        if (arguments.size() != 2 || !arguments.get(0).toString().equals("java.lang.String")) {
          if (arguments.size() == 2 && arguments.get(0).getKind() == TypeKind.DECLARED) {
            reporter.error(at, Messages.unsupportedType(what, type.toString(), supported));
          } else {
            reporter.error(at, Messages.rawOrWildcard(what, type.toString()));
          }
          return Optional.empty();
        }
        return typeArgument(type, 1, usage, at, what).map(ValueType.MapOf::new);
      case "java.util.Optional":
        Optional<ValueType> value = typeArgument(type, 0, usage, at, what);
        if (value.isPresent() && value.get() instanceof ValueType.OptionalOf) {
          reporter.error(at, Messages.nestedOptional(what));
          return Optional.empty();
        }
        return value.map(ValueType.OptionalOf::new);
      default:
        break;
    }
    for (ValueType.BlobKind blob : ValueType.BlobKind.values()) {
      if (blob.name.canonicalName().equals(name)) {
        if (usage == Usage.CONFIG) {
          reporter.error(at, Messages.unsupportedType(what, type.toString(), supported));
          return Optional.empty();
        }
        return Optional.of(new ValueType.Blob(blob));
      }
    }
    if (name.startsWith("java.") || name.startsWith("javax.") || !arguments.isEmpty()
        || !element.getTypeParameters().isEmpty()) {
      reporter.error(at, Messages.unsupportedType(what, type.toString(), supported));
      return Optional.empty();
    }
    if (!isAccessible(element)) {
      reporter.error(at, Messages.inaccessibleType(what, type.toString()));
      return Optional.empty();
    }
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(new ValueType.EnumType(ClassName.get(element)));
    }
    if (usage == Usage.CONFIG) {
      if (element.getKind() != ElementKind.RECORD) {
        reporter.error(at, Messages.unsupportedType(what, type.toString(), supported));
        return Optional.empty();
      }
      return configRecord(element, what);
    }
    if (element.getKind() == ElementKind.RECORD
        || (element.getKind() == ElementKind.CLASS
            && !element.getModifiers().contains(Modifier.ABSTRACT)
            && hasPublicNoArgConstructor(element))) {
      return Optional.of(new ValueType.StructType(ClassName.get(element)));
    }
    reporter.error(at, Messages.unsupportedType(what, type.toString(), supported));
    return Optional.empty();
  }

  private Optional<ValueType> configRecord(TypeElement record, String what) {
    String name = record.getQualifiedName().toString();
    ValueType.StructType known = configStructs.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    ValueType.StructType struct = new ValueType.StructType(ClassName.get(record));
    configStructs.put(name, struct);
    int errorsBefore = reporter.errorCount();
    List<ConfigProperty> properties = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      String property = component.getSimpleName().toString();
      resolve(component.asType(), Usage.CONFIG, sourceElement(component),
              "configuration property '" + property + "' of " + name)
          .ifPresent(type -> properties.add(new ConfigProperty(property, type, property, null)));
    }
    struct.properties(properties);
    return reporter.errorCount() == errorsBefore ? Optional.of(struct) : Optional.empty();
  }

  private Optional<ValueType> typeArgument(DeclaredType type, int index, Usage usage, Element at, String what) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.size() <= index || arguments.get(index).getKind() == TypeKind.WILDCARD
        || arguments.get(index).getKind() == TypeKind.TYPEVAR) {
      reporter.error(at, Messages.rawOrWildcard(what, type.toString()));
      return Optional.empty();
    }
    return resolve(arguments.get(index), usage, at, what);
  }

  /** Whether code in the target package can name {@code type}. */
  boolean isAccessible(TypeElement type) {
    boolean samePackage = elements.getPackageOf(type).getQualifiedName().contentEquals(targetPackage);
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!samePackage && !e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
      if (((TypeElement) e).getNestingKind() == NestingKind.LOCAL
          || ((TypeElement) e).getNestingKind() == NestingKind.ANONYMOUS) {
        return false;
      }
      if (e.getEnclosingElement() instanceof PackageElement) {
        break;
      }
    }
    return true;
  }

  /**
   * The element to report a record component's problems on: javac gives record components no
   * source position, but it does give one to the component's private field.
   */
  static Element sourceElement(RecordComponentElement component) {
    for (Element member : component.getEnclosingElement().getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
        return member;
      }
    }
    return component;
  }

  static boolean hasPublicNoArgConstructor(TypeElement type) {
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    for (ExecutableElement constructor : constructors) {
      if (constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }
}
