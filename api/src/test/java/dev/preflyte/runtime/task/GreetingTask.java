package dev.preflyte.runtime.task;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.SimpleType;

/**
 * A pre-built task written the way the processor generates one: a configuration record, a task
 * subclass whose {@link #getCustom()} writes the configuration, and a builder with one setter per
 * configuration property.
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

  private GreetingTask(Builder builder) {
    super(builder, TASK_TYPE, IMAGE, EXECUTOR, INTERFACE, new Config(builder.salutation, builder.shout));
  }

  static Builder builder() {
    return new Builder();
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

  static final class Builder extends PrebuiltContainerTask.Builder<Builder> {
    private String salutation = "";
    private boolean shout;

    private Builder() {}

    Builder salutation(String salutation) {
      this.salutation = salutation;
      return this;
    }

    Builder shout(boolean shout) {
      this.shout = shout;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    GreetingTask build() {
      return new GreetingTask(this);
    }
  }
}
