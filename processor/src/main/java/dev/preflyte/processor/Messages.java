package dev.preflyte.processor;

import java.util.List;

/**
 * Every message the processor prints, in one place. Each starts with a stable bracketed code that
 * names the kind of problem, and ends with how to fix it.
 */
final class Messages {

  private Messages() {}

  static final String SUPPORTED_TYPES =
      "long/Long, int/Integer, double/Double, float/Float, boolean/Boolean, String, Instant, Duration,"
          + " enums, List<T>, Map<String, T>, Optional<T>, records and simple classes, FlyteFile,"
          + " FlyteDirectory, StructuredDataset";

  static final String SUPPORTED_CONFIG_TYPES =
      "long/Long, int/Integer, double/Double, float/Float, boolean/Boolean, String, Instant, Duration,"
          + " enums, List<T>, Map<String, T>, Optional<T> and records of these";

  static String blankImage() {
    return "[PreflyteImage] image is blank: give the OCI reference of the image the task runs in,"
        + " for example \"ghcr.io/acme/adder:1.0.0\"";
  }

  static String invalidImage(String image, String why) {
    return "[PreflyteImage] image \"" + image + "\" is not a valid image reference (" + why + "):"
        + " expected [registry[:port]/]name[:tag] or [registry[:port]/]name@sha256:<64 hex digits>";
  }

  static String latestImage(String image) {
    return "[PreflyteImage] image \"" + image + "\" uses the tag \"latest\": pin a version tag or a"
        + " sha256 digest so every run uses the same image (silence with @SuppressWarnings(\"preflyte\"))";
  }

  static String untaggedImage(String image) {
    return "[PreflyteImage] image \"" + image + "\" has no tag, so it means \"latest\": pin a version tag"
        + " or a sha256 digest (silence with @SuppressWarnings(\"preflyte\"))";
  }

  static String blankTaskType() {
    return "[PreflyteTaskType] taskType is blank: give the Flyte task type, for example \"sqlite\"";
  }

  static String invalidTaskType(String taskType) {
    return "[PreflyteTaskType] taskType \"" + taskType + "\" is not valid: use 1 to 63 lower-case letters,"
        + " digits, '-' and '_', starting and ending with a letter or digit";
  }

  static String reservedTaskType(String taskType) {
    return "[PreflyteTaskType] taskType \"" + taskType + "\" is claimed by a Flyte back-end plugin, which"
        + " would run this task instead of the container plugin: pick another name (reserved: "
        + String.join(", ", TaskTypes.RESERVED) + ")";
  }

  static String notAClass(String kind) {
    return "[PreflyteTaskClass] @PrebuiltTask is on " + kind + ": put it on a public record or a public class";
  }

  static String notPublic(String type) {
    return "[PreflyteTaskClass] " + type + " is not public: make it public so the generated task and"
        + " executor can use it";
  }

  static String enclosingPrivate(String type, String enclosing) {
    return "[PreflyteTaskClass] " + type + " is nested in private " + enclosing + ": make " + enclosing
        + " package-private or public";
  }

  static String innerClass(String type) {
    return "[PreflyteTaskClass] " + type + " is an inner class: make it static (or top level) so the"
        + " executor can create it without an enclosing instance";
  }

  static String abstractClass(String type) {
    return "[PreflyteTaskClass] " + type + " is abstract: the executor must instantiate it; remove"
        + " 'abstract'";
  }

  static String genericClass(String type) {
    return "[PreflyteTaskClass] " + type + " has type parameters: a task class must not be generic;"
        + " remove them";
  }

  static String noConstructor(String type) {
    return "[PreflyteTaskClass] " + type + " has no public no-argument constructor: add one so the"
        + " generated code can create the configuration";
  }

  static String noExecute(String type) {
    return "[PreflyteExecute] " + type + " has no public method named execute: add one whose parameters"
        + " are the task's inputs and whose return value is its output";
  }

  static String severalExecute(String type, int count) {
    return "[PreflyteExecute] " + type + " has " + count + " public methods named execute: keep exactly"
        + " one (rename or make the others non-public)";
  }

  static String staticExecute() {
    return "[PreflyteExecute] execute is static: make it an instance method; it reads the configuration"
        + " from the instance";
  }

  static String genericExecute() {
    return "[PreflyteExecute] execute has type parameters: inputs and outputs need concrete types;"
        + " remove them";
  }

  static String badInputName(String name) {
    return "[PreflyteExecute] parameter '" + name + "' cannot be a Flyte input name: use ASCII letters,"
        + " digits and '_', not starting with a digit";
  }

  static String duplicateContext() {
    return "[PreflyteExecute] execute takes ExecutionContext more than once: keep one such parameter";
  }

  static String dynamicMismatch() {
    return "[PreflyteDynamic] a task with a dynamic interface takes TaskInputs and returns TaskOutputs:"
        + " declare execute(TaskInputs inputs[, ExecutionContext context]) returning TaskOutputs, or use"
        + " typed parameters and a typed return value";
  }

  static String dynamicExtraParameter(String name) {
    return "[PreflyteDynamic] parameter '" + name + "' is neither TaskInputs nor ExecutionContext: a task"
        + " with a dynamic interface takes only those; declare inputs on the task's builder with"
        + " input(name, type)";
  }

  static String outputsNotRecord(String type) {
    return "[PreflyteOutputs] " + type + " is annotated @Outputs but is not a record: make it a record"
        + " whose components are the outputs";
  }

  static String unsupportedType(String what, String type, String supported) {
    return "[PreflyteType] " + what + " has type " + type + ", which Preflyte cannot convert: use one of "
        + supported;
  }

  static String inaccessibleType(String what, String type) {
    return "[PreflyteType] " + what + " has type " + type + ", which the generated code in the task's"
        + " package cannot access: make it public (and its enclosing types non-private)";
  }

  static String nestedOptional(String what) {
    return "[PreflyteType] " + what + " nests Optional inside Optional, which cannot be written"
        + " unambiguously: use a single Optional";
  }

  static String rawOrWildcard(String what, String type) {
    return "[PreflyteType] " + what + " has type " + type + " with a missing or wildcard type argument:"
        + " give concrete type arguments, such as List<String>";
  }

  static String propertyNotAccessible(String field, String type, String getter, String setter) {
    return "[PreflyteProperty] configuration field '" + field + "' of " + type + " cannot be read and"
        + " written by the generated code: make it public and non-final, or add public " + getter
        + "() and " + setter + "(...)";
  }

  static String duplicateExecutor(String name, String other) {
    return "[PreflyteDuplicate] two tasks register the executor name \"" + name + "\" in one compilation"
        + " (the other is " + other + "): rename one of them";
  }

  static String duplicateGeneratedClass(String generated, String other) {
    return "[PreflyteDuplicate] the generated class " + generated + " would also be generated for "
        + other + ": rename one of the two task classes";
  }

  static String generatedNameTaken(String generated, String task) {
    return "[PreflyteDuplicate] " + generated + " is already a class of this compilation, and the processor"
        + " generates a class of that name for " + task + ": rename that class or the task class";
  }

  static String declaredFieldModifiers(String declaration, String missing) {
    return "[PreflyteDeclaredTask] the declared task " + declaration + " is not " + missing + ": declare it"
        + " 'public static final' so tools can read it without creating anything else";
  }

  static String declaredMethodModifiers(String declaration, String missing) {
    return "[PreflyteDeclaredTask] the declared task " + declaration + " is not " + missing + ": declare the"
        + " method 'public static' so tools can call it without creating anything else";
  }

  static String declaredMethodParameters(String declaration, int count) {
    return "[PreflyteDeclaredTask] the declared task " + declaration + " takes " + count + " parameter"
        + (count == 1 ? "" : "s") + ": tools call it with none; remove the parameters";
  }

  static String declaredNotATask(String declaration, String type) {
    return "[PreflyteDeclaredTask] the declared task " + declaration + " has type " + type + ", which is not a "
        + RuntimeNames.PREBUILT_TASK.canonicalName() + ": declare a generated task (a <Name>Task.of(...))"
        + " or remove @DeclaredTask";
  }

  static String declaredClassNotPublic(String declaration, String type) {
    return "[PreflyteDeclaredTask] the declared task " + declaration + " is in " + type + ", which is not a"
        + " public top-level or member class: make it (and the classes it is nested in) public";
  }

  static String declaredInvalidName(String declaration, String name, String why, boolean explicit) {
    return "[PreflyteDeclaredTask] the " + (explicit ? "" : "default ") + "task name \"" + name + "\" of "
        + declaration + " is not valid for Flyte (" + why + "): "
        + (explicit ? "use" : "give @DeclaredTask(name = ...) with")
        + " 1 to 255 letters, digits, '_', '-' and '.', starting with a letter or '_'";
  }

  static String declaredDuplicateName(String name, String declaration, String other) {
    return "[PreflyteDeclaredTask] the task name \"" + name + "\" is declared twice, by " + other + " and "
        + declaration + ": give one of them another name with @DeclaredTask(name = \"...\")";
  }

  static String runtimeMissing() {
    return "[PreflyteClasspath] " + RuntimeNames.PREBUILT_TASK.canonicalName() + " is not on the compile"
        + " class path: add the dependency dev.preflyte:preflyte-api";
  }

  static String unresolvedTypes(String type, List<String> unresolved) {
    return "[PreflyteUnresolved] " + type + " uses types that never resolved (" + String.join(", ", unresolved)
        + "): fix the imports, or the build step that should generate them";
  }

  static String modulePrepare(String module, String executor) {
    return "[PreflyteModule] module " + module + " is a named module, where executors are found through"
        + " ServiceLoader: add this line to its module-info.java: provides"
        + " dev.preflyte.runtime.executor.TaskExecutor with " + executor + ";";
  }

  static String writeFailed(String what, String error) {
    return "[PreflyteIO] could not write " + what + " (" + error + "): check the output directory";
  }

  static String debugGenerated(String task, String executor, String resource) {
    return "[PreflyteDebug] generated " + task + ", " + executor + " and " + resource;
  }

  static String debugTiming(int tasks, long millis, long cpuMillis) {
    return "[PreflyteDebug] " + tasks + " tasks generated; " + millis + " ms (" + cpuMillis
        + " ms of CPU) spent in the processor";
  }

  static String crash(String stackTrace) {
    return "[PreflyteInternal] the @PrebuiltTask processor failed; please report this with the stack"
        + " trace:\n" + stackTrace;
  }
}
