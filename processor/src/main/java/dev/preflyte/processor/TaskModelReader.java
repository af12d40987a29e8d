package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.preflyte.conventions.GeneratedNames;
import dev.preflyte.conventions.PropertyRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @PrebuiltTask} class and builds its {@link TaskModel}, reporting every problem
 * it finds (not only the first) on the element at fault.
 */
final class TaskModelReader {

  static final String ANNOTATION = "dev.preflyte.annotations.PrebuiltTask";
  static final String OUTPUTS = "dev.preflyte.annotations.Outputs";
  private static final String EXECUTION_CONTEXT = RuntimeNames.EXECUTION_CONTEXT.canonicalName();
  private static final String TASK_INPUTS = RuntimeNames.TASK_INPUTS.canonicalName();
  private static final String TASK_OUTPUTS = RuntimeNames.TASK_OUTPUTS.canonicalName();

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  TaskModelReader(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** The model of {@code type}, or empty after reporting what is wrong with it. */
  Optional<TaskModel> read(TypeElement type) {
    int errorsBefore = reporter.errorCount();
    AnnotationMirror annotation = annotationMirror(type, ANNOTATION);
    String image = stringValue(annotation, "image");
    String taskType = stringValue(annotation, "taskType");
    if (isErroneous(image) || isErroneous(taskType)) {
      // javac reports why the value did not attribute; checking its placeholder adds a misleading error.
      return Optional.empty();
    }
    checkImage(type, annotation, image);
    checkTaskType(type, annotation, taskType);
    if (!checkClass(type)) {
      return Optional.empty();
    }
    // Other problems with the class's shape do not stop the checks of its members: every problem is
    // reported in one compile.
    ClassName typeName = ClassName.get(type);
    String packageName = typeName.packageName();
    TypeResolver resolver = new TypeResolver(elements, reporter, packageName);
    boolean isRecord = type.getKind() == ElementKind.RECORD;
    List<ConfigProperty> properties = isRecord ? recordProperties(type, resolver) : classProperties(type, resolver);
    Optional<ExecutableElement> execute = findExecute(type);
    List<TaskModel.Parameter> parameters = new ArrayList<>();
    TaskModel.Result result = null;
    if (execute.isPresent()) {
      JavadocTags docs = JavadocTags.parse(elements.getDocComment(execute.get()));
      parameters = parameters(execute.get(), docs, resolver);
      result = result(execute.get(), docs, parameters, resolver);
    }
    if (reporter.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    List<ValueType.StructType> structs = resolver.configStructs();
    structs.sort((a, b) -> a.name().canonicalName().compareTo(b.name().canonicalName()));
    return Optional.of(
        new TaskModel(
            type,
            typeName,
            typeName.canonicalName(),
            image,
            taskType,
            ClassName.get(packageName, GeneratedNames.taskClassSimpleName(typeName.simpleNames())),
            ClassName.get(packageName, GeneratedNames.executorClassSimpleName(typeName.simpleNames())),
            isRecord,
            properties,
            structs,
            parameters,
            result,
            !execute.get().getThrownTypes().isEmpty()));
  }

  /**
   * The types in {@code type}'s signatures that do not resolve (yet): its properties, the parameters
   * and return type of {@code execute}, and the components of the records those use.
   */
  static List<String> unresolvedTypes(TypeElement type) {
    List<String> unresolved = new ArrayList<>();
    Set<TypeElement> visited = new HashSet<>();
    visited.add(type);
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.RECORD_COMPONENT) {
        collectErrors(member.asType(), unresolved, visited);
      } else if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals("execute")) {
        ExecutableElement method = (ExecutableElement) member;
        collectErrors(method.getReturnType(), unresolved, visited);
        method.getParameters().forEach(p -> collectErrors(p.asType(), unresolved, visited));
      }
    }
    return unresolved;
  }

  private static void collectErrors(TypeMirror type, List<String> unresolved, Set<TypeElement> visited) {
    if (type.getKind() == TypeKind.ERROR) {
      if (!unresolved.contains(type.toString())) {
        unresolved.add(type.toString());
      }
    } else if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      declared.getTypeArguments().forEach(t -> collectErrors(t, unresolved, visited));
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getKind() == ElementKind.RECORD && visited.add(element)) {
        element.getRecordComponents().forEach(c -> collectErrors(c.asType(), unresolved, visited));
      }
    } else if (type.getKind() == TypeKind.ARRAY) {
      collectErrors(((javax.lang.model.type.ArrayType) type).getComponentType(), unresolved, visited);
    }
  }

  private void checkImage(TypeElement type, AnnotationMirror annotation, String image) {
    AnnotationValue value = annotationValue(annotation, "image");
    if (image.isBlank()) {
      reporter.error(type, annotation, value, Messages.blankImage());
      return;
    }
    Optional<String> problem = ImageReference.problem(image);
    if (problem.isPresent()) {
      reporter.error(type, annotation, value, Messages.invalidImage(image, problem.get()));
    } else if (ImageReference.isLatest(image)) {
      reporter.warning(type, annotation, value, Messages.latestImage(image));
    } else if (!ImageReference.isPinned(image)) {
      reporter.warning(type, annotation, value, Messages.untaggedImage(image));
    }
  }

  private void checkTaskType(TypeElement type, AnnotationMirror annotation, String taskType) {
    AnnotationValue value = annotationValue(annotation, "taskType");
    if (taskType.isBlank()) {
      reporter.error(type, annotation, value, Messages.blankTaskType());
    } else if (!TaskTypes.isValid(taskType)) {
      reporter.error(type, annotation, value, Messages.invalidTaskType(taskType));
    } else if (TaskTypes.isReserved(taskType)) {
      reporter.error(type, annotation, value, Messages.reservedTaskType(taskType));
    }
  }

  /** Checks the class's own shape; false if it is not a class or record at all. */
  private boolean checkClass(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      reporter.error(type, Messages.notAClass(type.getKind().toString().toLowerCase(java.util.Locale.ROOT)
          .replace('_', ' ') + " " + name));
      return false;
    }
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.error(type, Messages.notPublic(name));
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS
        || (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC))) {
      reporter.error(type, Messages.innerClass(name));
    }
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(type, Messages.enclosingPrivate(name, ((TypeElement) e).getQualifiedName().toString()));
      }
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(type, Messages.abstractClass(name));
    }
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(type, Messages.genericClass(name));
    }
    if (type.getKind() == ElementKind.CLASS && !TypeResolver.hasPublicNoArgConstructor(type)) {
      reporter.error(type, Messages.noConstructor(name));
    }
    return true;
  }

  private List<ConfigProperty> recordProperties(TypeElement type, TypeResolver resolver) {
    List<ConfigProperty> properties = new ArrayList<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      Element at = TypeResolver.sourceElement(component);
      resolver.resolve(component.asType(), TypeResolver.Usage.CONFIG, at, "configuration property '" + name + "'")
          .ifPresent(t -> properties.add(new ConfigProperty(name, t, name, null)));
    }
    return properties;
  }

  private List<ConfigProperty> classProperties(TypeElement type, TypeResolver resolver) {
    List<ConfigProperty> properties = new ArrayList<>();
    List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements());
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Set<Modifier> modifiers = field.getModifiers();
      if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
        continue;
      }
      String name = field.getSimpleName().toString();
      String getter = PropertyRules.getterName(name, field.asType().getKind() == TypeKind.BOOLEAN);
      String setter = PropertyRules.setterName(name);
      boolean publicField = modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.FINAL);
      boolean accessors = hasGetter(methods, getter, field.asType()) && hasSetter(methods, setter, field.asType());
      if (!publicField && !accessors) {
        reporter.error(field, Messages.propertyNotAccessible(name, type.getQualifiedName().toString(), getter, setter));
        continue;
      }
      resolver.resolve(field.asType(), TypeResolver.Usage.CONFIG, field, "configuration property '" + name + "'")
          .ifPresent(t -> properties.add(publicField
              ? new ConfigProperty(name, t, null, null)
              : new ConfigProperty(name, t, getter, setter)));
    }
    return properties;
  }

  private boolean hasGetter(List<ExecutableElement> methods, String name, TypeMirror type) {
    return methods.stream().anyMatch(m -> m.getSimpleName().contentEquals(name)
        && m.getModifiers().contains(Modifier.PUBLIC) && !m.getModifiers().contains(Modifier.STATIC)
        && m.getParameters().isEmpty() && types.isSameType(m.getReturnType(), type));
  }

  private boolean hasSetter(List<ExecutableElement> methods, String name, TypeMirror type) {
    return methods.stream().anyMatch(m -> m.getSimpleName().contentEquals(name)
        && m.getModifiers().contains(Modifier.PUBLIC) && !m.getModifiers().contains(Modifier.STATIC)
        && m.getParameters().size() == 1 && types.isSameType(m.getParameters().get(0).asType(), type));
  }

  private Optional<ExecutableElement> findExecute(TypeElement type) {
    List<ExecutableElement> candidates = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals("execute") && method.getModifiers().contains(Modifier.PUBLIC)) {
        candidates.add(method);
      }
    }
    String name = type.getQualifiedName().toString();
    if (candidates.isEmpty()) {
      reporter.error(type, Messages.noExecute(name));
      return Optional.empty();
    }
    if (candidates.size() > 1) {
      for (ExecutableElement candidate : candidates) {
        reporter.error(candidate, Messages.severalExecute(name, candidates.size()));
      }
      return Optional.empty();
    }
    ExecutableElement execute = candidates.get(0);
    if (execute.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(execute, Messages.staticExecute());
    }
    if (!execute.getTypeParameters().isEmpty()) {
      reporter.error(execute, Messages.genericExecute());
    }
    return Optional.of(execute);
  }

  private List<TaskModel.Parameter> parameters(ExecutableElement execute, JavadocTags docs, TypeResolver resolver) {
    List<TaskModel.Parameter> parameters = new ArrayList<>();
    boolean context = false;
    for (VariableElement parameter : execute.getParameters()) {
      String name = parameter.getSimpleName().toString();
      TypeMirror type = parameter.asType();
      if (isType(type, EXECUTION_CONTEXT)) {
        if (context) {
          reporter.error(parameter, Messages.duplicateContext());
        }
        context = true;
        parameters.add(new TaskModel.Parameter(name, TaskModel.Parameter.Kind.CONTEXT, null, ""));
      } else if (isType(type, TASK_INPUTS)) {
        parameters.add(new TaskModel.Parameter(name, TaskModel.Parameter.Kind.TASK_INPUTS, null, ""));
      } else if (!VARIABLE_NAME.matcher(name).matches()) {
        reporter.error(parameter, Messages.badInputName(name));
      } else {
        resolver.resolve(type, TypeResolver.Usage.LITERAL, parameter, "input '" + name + "'")
            .ifPresent(t -> parameters.add(
                new TaskModel.Parameter(name, TaskModel.Parameter.Kind.INPUT, t, docs.param(name).orElse(""))));
      }
    }
    return parameters;
  }

  private TaskModel.Result result(
      ExecutableElement execute, JavadocTags executeDocs, List<TaskModel.Parameter> parameters,
      TypeResolver resolver) {
    TypeMirror returned = execute.getReturnType();
    long taskInputs = parameters.stream().filter(p -> p.kind() == TaskModel.Parameter.Kind.TASK_INPUTS).count();
    boolean dynamicReturn = isType(returned, TASK_OUTPUTS);
    if (dynamicReturn || taskInputs > 0) {
      if (!dynamicReturn || taskInputs != 1) {
        reporter.error(execute, Messages.dynamicMismatch());
        return null;
      }
      for (TaskModel.Parameter parameter : parameters) {
        if (parameter.kind() == TaskModel.Parameter.Kind.INPUT) {
          reporter.error(execute, Messages.dynamicExtraParameter(parameter.name()));
        }
      }
      return new TaskModel.Result.Dynamic();
    }
    if (returned.getKind() == TypeKind.VOID) {
      return new TaskModel.Result.None();
    }
    if (returned.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) returned).asElement();
      if (annotationMirror(element, OUTPUTS) != null) {
        if (element.getKind() != ElementKind.RECORD) {
          reporter.error(execute, Messages.outputsNotRecord(element.getQualifiedName().toString()));
          return null;
        }
        if (!resolver.isAccessible(element)) {
          reporter.error(execute, Messages.inaccessibleType("the return value of execute", returned.toString()));
          return null;
        }
        List<TaskModel.Output> outputs = new ArrayList<>();
        JavadocTags docs = JavadocTags.parse(elements.getDocComment(element));
        for (RecordComponentElement component : element.getRecordComponents()) {
          String name = component.getSimpleName().toString();
          resolver.resolve(component.asType(), TypeResolver.Usage.LITERAL, TypeResolver.sourceElement(component),
                  "output '" + name + "'")
              .ifPresent(t -> outputs.add(new TaskModel.Output(name, t, name + "()", docs.param(name).orElse(""))));
        }
        return new TaskModel.Result.Outputs(ClassName.get(element), outputs);
      }
    }
    Optional<ValueType> single = resolver.resolve(returned, TypeResolver.Usage.LITERAL, execute, "output 'o0' (the return value of execute)");
    String description = executeDocs.returns().orElse("");
    return single.map(t -> (TaskModel.Result) new TaskModel.Result.Single(t, TypeName.get(returned), description))
        .orElse(null);
  }

  private static boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  static AnnotationMirror annotationMirror(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
        return mirror;
      }
    }
    return null;
  }

  private static AnnotationValue annotationValue(AnnotationMirror annotation, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Whether {@code value} is javac's stand-in for an annotation value it could not attribute (such
   * as an undefined constant): javac hands it over as the text {@code <error>}.
   */
  private static boolean isErroneous(String value) {
    return value.equals("<error>");
  }

  private static String stringValue(AnnotationMirror annotation, String name) {
    AnnotationValue value = annotationValue(annotation, name);
    return value != null && value.getValue() instanceof String text ? text : "";
  }
}
