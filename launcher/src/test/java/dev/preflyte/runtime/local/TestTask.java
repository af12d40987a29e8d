package dev.preflyte.runtime.local;

import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import java.util.Map;

/** A hand-written pre-built task, as the processor would generate it, run by any registered executor. */
public final class TestTask extends PrebuiltContainerTask<Map<String, String>> {

  public TestTask(String executorName, TaskInterface taskInterface, Map<String, String> config) {
    this(executorName, taskInterface, config, TaskSettings.defaults());
  }

  public TestTask(String executorName, TaskInterface taskInterface, Map<String, String> config,
      TaskSettings settings) {
    super("test", "preflyte-test:latest", executorName, taskInterface, config, settings);
  }

  public static LiteralType simple(SimpleType type) {
    return LiteralType.newBuilder().setSimple(type).build();
  }

  @Override
  public Struct getCustom() {
    Struct.Builder custom = Struct.newBuilder();
    config().forEach((k, v) -> custom.putFields(k, Value.newBuilder().setStringValue(v).build()));
    return custom.build();
  }
}
