package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;

/**
 * A pre-built task written the way the processor generates one: a configuration record, a task
 * subclass whose {@link #getCustom()} writes the configuration, and factories taking the
 * configuration and the settings apart.
 */
final class GreetingTask extends PrebuiltContainerTask<GreetingTask.Config> {

  static final String TASK_TYPE = "greeting";
  static final String IMAGE = "ghcr.io/example/greeting:1.0";
  static final String EXECUTOR = "com.example.GreetingTask";

  static final LiteralType STRING = LiteralType.newBuilder().setSimple(SimpleType.STRING).build();
  static final LiteralType INTEGER = LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();

  static final TaskInterface INTERFACE = TaskInterface.builder()
      .input("name", STRING, "who to greet")
      .input("times", INTEGER)
      .output("greeting", STRING)
      .build();

  /** The configuration: a salutation, which may be left empty. */
  record Config(String salutation, boolean shout) {}

  static final Config PLAIN = new Config("", false);

  private GreetingTask(Config config, TaskSettings settings) {
    super(TASK_TYPE, IMAGE, EXECUTOR, INTERFACE, config, settings);
  }

  static GreetingTask of(Config config) {
    return new GreetingTask(config, TaskSettings.defaults());
  }

  static GreetingTask of(Config config, TaskSettings settings) {
    return new GreetingTask(config, settings);
  }

  /** The plain configuration with {@code settings}. */
  static GreetingTask with(TaskSettings settings) {
    return new GreetingTask(PLAIN, settings);
  }

  @Override
  public Struct getCustom() {
    Struct.Builder custom = Struct.newBuilder();
    if (!config().salutation().isEmpty()) {
      custom.putFields("salutation", Value.newBuilder().setStringValue(config().salutation()).build());
    }
    if (config().shout()) {
      custom.putFields("shout", Value.newBuilder().setBoolValue(true).build());
    }
    return custom.build();
  }
}
