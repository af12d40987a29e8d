package dev.preflyte.register;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;

/** A pre-built task as the processor would generate one: its template is what gets registered. */
final class EchoTask extends PrebuiltContainerTask<EchoTask.Config> {

  static final String IMAGE = "ghcr.io/example/echo:1.0";

  static final TaskInterface INTERFACE = TaskInterface.builder()
      .input("text", LiteralCodecs.string(), "what to echo")
      .input("times", LiteralCodecs.int64())
      .output("echoed", LiteralCodecs.string())
      .build();

  record Config(String prefix) {}

  private EchoTask(Config config, TaskSettings settings) {
    super("echo", IMAGE, "com.example.EchoTask", INTERFACE, config, settings);
  }

  static EchoTask named(String name, String prefix) {
    return new EchoTask(new Config(prefix), TaskSettings.builder().name(name).build());
  }

  @Override
  public Struct getCustom() {
    return Struct.newBuilder()
        .putFields("prefix", Value.newBuilder().setStringValue(config().prefix()).build())
        .build();
  }

  /** The task's admin.TaskSpec under flytekit's placeholders, as `preflyte package` writes it. */
  TaskSpec spec() {
    return TaskSpec.newBuilder()
        .setTemplate(toTaskTemplate(new RegistrationSettings(
            "{{ registration.project }}", "{{ registration.domain }}", "{{ registration.version }}")))
        .build();
  }

  /** The spec registered under project p, domain d and {@code version}. */
  TaskSpec spec(String version) {
    return TaskSpec.newBuilder()
        .setTemplate(toTaskTemplate(new RegistrationSettings("p", "d", version)))
        .build();
  }
}
