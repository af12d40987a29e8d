package dev.preflyte.processor;

import dev.preflyte.conventions.DeclaredTaskIndex;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Checks the {@code @DeclaredTask} members of one class and writes the class's index resource,
 * {@code META-INF/preflyte/tasks/<binary name>} (see {@link DeclaredTaskIndex}), with the class as its
 * only originating element: a partial recompile rewrites exactly the indexes of the classes it
 * compiles, and a deleted class takes its index with it.
 */
final class DeclaredTaskIndexer {

  static final String ANNOTATION = "dev.preflyte.annotations.DeclaredTask";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  /** Task names (explicit or default) to the declaration that took them, over the whole compilation. */
  private final Map<String, String> names = new HashMap<>();
  private final Set<String> indexed = new HashSet<>();

  DeclaredTaskIndexer(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** The members of {@code type} carrying the annotation, in source order. */
  static List<Element> declaredMembers(TypeElement type) {
    List<Element> members = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      if ((member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD)
          && TaskModelReader.annotationMirror(member, ANNOTATION) != null) {
        members.add(member);
      }
    }
    return members;
  }

  /** Whether some declared member's type has not resolved yet (it may be generated in this round). */
  static boolean hasUnresolvedType(TypeElement type) {
    for (Element member : declaredMembers(type)) {
      TypeMirror memberType = member instanceof ExecutableElement method ? method.getReturnType() : member.asType();
      if (isUnresolved(memberType)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnresolved(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      return declared.getTypeArguments().stream().anyMatch(DeclaredTaskIndexer::isUnresolved);
    }
    return type instanceof ArrayType array && isUnresolved(array.getComponentType());
  }

  /** Checks the declarations of {@code type} and, if all are right, writes its index. */
  void index(Filer filer, TypeElement type) throws IOException {
    String binaryName = elements.getBinaryName(type).toString();
    if (!indexed.add(binaryName)) {
      return;
    }
    int errorsBefore = reporter.errorCount();
    String className = type.getQualifiedName().toString();
    boolean classUsable = isPublicMemberOrTopLevel(type);
    TypeMirror taskType = types.erasure(elements.getTypeElement(RuntimeNames.PREBUILT_TASK.canonicalName()).asType());
    Set<String> lines = new TreeSet<>();
    for (Element member : declaredMembers(type)) {
      String simpleName = member.getSimpleName().toString();
      boolean isMethod = member.getKind() == ElementKind.METHOD;
      DeclaredTaskIndex.Kind kind = isMethod ? DeclaredTaskIndex.Kind.METHOD : DeclaredTaskIndex.Kind.FIELD;
      AnnotationMirror annotation = TaskModelReader.annotationMirror(member, ANNOTATION);
      AnnotationValue nameValue = nameValue(annotation);
      String explicitName = nameValue != null && nameValue.getValue() instanceof String text ? text : "";
      DeclaredTaskIndex.Entry entry = new DeclaredTaskIndex.Entry(kind, simpleName, explicitName);
      String declaration = entry.declaration(className);
      if (!classUsable) {
        reporter.error(member, Messages.declaredClassNotPublic(declaration, className));
      }
      TypeMirror memberType;
      if (isMethod) {
        ExecutableElement method = (ExecutableElement) member;
        String missing = missing(member, Modifier.PUBLIC, Modifier.STATIC);
        if (missing != null) {
          reporter.error(member, Messages.declaredMethodModifiers(declaration, missing));
        }
        if (!method.getParameters().isEmpty()) {
          reporter.error(member, Messages.declaredMethodParameters(declaration, method.getParameters().size()));
        }
        memberType = method.getReturnType();
      } else {
        String missing = missing(member, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        if (missing != null) {
          reporter.error(member, Messages.declaredFieldModifiers(declaration, missing));
        }
        memberType = member.asType();
      }
      if (memberType.getKind() == TypeKind.ERROR) {
        continue; // javac reports the missing type itself
      }
      if (memberType.getKind() != TypeKind.DECLARED || !types.isAssignable(types.erasure(memberType), taskType)) {
        reporter.error(member, Messages.declaredNotATask(declaration, memberType.toString()));
      }
      boolean explicit = !explicitName.isEmpty();
      String name = explicit ? explicitName : DeclaredTaskIndex.defaultName(className, simpleName);
      String problem = DeclaredTaskIndex.nameProblem(name);
      if (problem != null) {
        if (explicit) {
          reporter.error(member, annotation, nameValue, Messages.declaredInvalidName(declaration, name, problem, true));
        } else {
          reporter.error(member, Messages.declaredInvalidName(declaration, name, problem, false));
        }
      } else {
        String other = names.putIfAbsent(name, declaration);
        if (other != null && !other.equals(declaration)) {
          reporter.error(member, Messages.declaredDuplicateName(name, declaration, other));
        }
      }
      lines.add(entry.line());
    }
    if (reporter.errorCount() != errorsBefore || lines.isEmpty()) {
      return;
    }
    FileObject resource = filer.createResource(
        StandardLocation.CLASS_OUTPUT, "", DeclaredTaskIndex.indexResource(binaryName), type);
    try (Writer writer = new OutputStreamWriter(resource.openOutputStream(), StandardCharsets.UTF_8)) {
      for (String line : lines) {
        writer.write(line + "\n");
      }
    }
  }

  private static String missing(Element member, Modifier... required) {
    List<String> missing = new ArrayList<>();
    for (Modifier modifier : required) {
      if (!member.getModifiers().contains(modifier)) {
        missing.add(modifier.toString());
      }
    }
    return missing.isEmpty() ? null : String.join(", ", missing);
  }

  private static boolean isPublicMemberOrTopLevel(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
      NestingKind nesting = t.getNestingKind();
      if (nesting != NestingKind.TOP_LEVEL && nesting != NestingKind.MEMBER) {
        return false;
      }
    }
    return true;
  }

  private static AnnotationValue nameValue(AnnotationMirror annotation) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("name")) {
        return entry.getValue();
      }
    }
    return null;
  }
}
