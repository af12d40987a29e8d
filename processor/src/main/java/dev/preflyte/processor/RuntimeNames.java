package dev.preflyte.processor;

import com.palantir.javapoet.ClassName;

/**
 * Every runtime type the generated code names, in one place. The processor does not depend on the
 * runtime (it runs on the processor path, the runtime on the class path), so {@code
 * RuntimeNamesTest} checks each of these against the runtime's classes.
 */
final class RuntimeNames {

  private static final String IDL = "dev.preflyte.idl.core";
  private static final String TASK = "dev.preflyte.runtime.task";
  private static final String EXECUTOR = "dev.preflyte.runtime.executor";
  private static final String LITERAL = "dev.preflyte.runtime.literal";
  private static final String CUSTOM = "dev.preflyte.runtime.custom";
  private static final String TYPES = "dev.preflyte.runtime.types";

  static final ClassName TASK_TEMPLATE = ClassName.get(IDL, "TaskTemplate");
  static final ClassName LITERAL_MAP = ClassName.get(IDL, "LiteralMap");
  static final ClassName STRUCT = ClassName.get("dev.preflyte.idl.protobuf", "Struct");

  static final ClassName PREBUILT_TASK = ClassName.get(TASK, "PrebuiltContainerTask");
  static final ClassName TASK_INTERFACE = ClassName.get(TASK, "TaskInterface");
  static final ClassName TASK_SETTINGS = ClassName.get(TASK, "TaskSettings");
  static final ClassName LOCAL_INPUTS = ClassName.get(TASK, "LocalInputs");
  static final ClassName LOCAL_OUTPUTS = ClassName.get(TASK, "LocalOutputs");
  static final ClassName TASK_FAILED = ClassName.get(TASK, "TaskFailedException");

  static final ClassName TASK_EXECUTOR = ClassName.get(EXECUTOR, "TaskExecutor");
  static final ClassName EXECUTION_CONTEXT = ClassName.get(EXECUTOR, "ExecutionContext");
  static final ClassName TASK_INPUTS = ClassName.get(EXECUTOR, "TaskInputs");
  static final ClassName TASK_OUTPUTS = ClassName.get(EXECUTOR, "TaskOutputs");

  static final ClassName LITERAL_CODECS = ClassName.get(LITERAL, "LiteralCodecs");
  static final ClassName LITERAL_CODEC = ClassName.get(LITERAL, "LiteralCodec");

  static final ClassName CUSTOM_CODECS = ClassName.get(CUSTOM, "CustomCodecs");
  static final ClassName CUSTOM_PROPERTY = ClassName.get(CUSTOM, "CustomProperty");
  static final ClassName CUSTOM_STRUCT = ClassName.get(CUSTOM, "CustomStruct");

  static final ClassName FLYTE_FILE = ClassName.get(TYPES, "FlyteFile");
  static final ClassName FLYTE_DIRECTORY = ClassName.get(TYPES, "FlyteDirectory");
  static final ClassName STRUCTURED_DATASET = ClassName.get(TYPES, "StructuredDataset");

  private RuntimeNames() {}
}
