package com.acme;

import com.google.protobuf.Struct;
import dev.preflyte.runtime.custom.CustomDecodingException;
import dev.preflyte.runtime.custom.CustomStructReader;
import dev.preflyte.runtime.custom.CustomValues;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskInterface;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The Flyte task defined by {@link Adder}, generated from it by Preflyte's annotation
 * processor.
 *
 * <p>Build instances with {@link #builder()}; register the template from
 * {@link #toTaskTemplate}. In the task's container {@link AdderExecutor} runs it from that
 * template alone: the configuration travels in {@code TaskTemplate.custom}, written
 * by {@link #encodeCustom} and read by {@link #decodeCustom}.
 */
@Generated("dev.preflyte.processor.PrebuiltTaskProcessor")
public final class AdderTask extends PrebuiltContainerTask<Adder> {
  /**
   * The Flyte task type, from {@code @PrebuiltTask}.
   */
  public static final String TASK_TYPE = "adder";

  /**
   * The image from {@code @PrebuiltTask}; {@link Builder#image} overrides it per task.
   */
  public static final String DEFAULT_IMAGE = "ghcr.io/acme/adder:1.0.0";

  /**
   * The name the executor is registered under, and the task's default name.
   */
  public static final String EXECUTOR_NAME = "com.acme.Adder";

  private AdderTask(Builder builder) {
    super(builder, TASK_TYPE, DEFAULT_IMAGE, EXECUTOR_NAME, typedInterface(), builder.toConfig());
  }

  /**
   * A builder with every configuration property at its default.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Struct getCustom() {
    return encodeCustom(config());
  }

  /**
   * Writes {@code config} as the task's custom struct, one field per configuration property in
   * name order; null properties are left out, so an all-null configuration is an empty
   * struct. The encoding is described in {@code dev.preflyte.runtime.custom}.
   */
  public static Struct encodeCustom(Adder config) {
    Struct.Builder custom = Struct.newBuilder();
    custom.putFields("offset", CustomValues.ofLong(config.offset()));
    return custom.build();
  }

  /**
   * Reads the configuration back from a task template's custom struct, as
   * {@link #encodeCustom} wrote it.
   *
   * @throws CustomDecodingException naming the property at fault if the
   *     struct was not written by this version of the task
   */
  public static Adder decodeCustom(Struct custom) throws CustomDecodingException {
    CustomStructReader reader = CustomStructReader.of(custom, "", Set.of("offset"));
    long offset = reader.required("offset", CustomValues::asLong);
    return new Adder(offset);
  }

  /**
   * The inputs and outputs, from the parameters and the return type of {@code execute}.
   */
  private static TaskInterface typedInterface() {
    return TaskInterface.builder()
        .input("a", LiteralCodecs.int64().literalType(), "the first addend")
        .input("b", LiteralCodecs.int64().literalType())
        .output("o0", LiteralCodecs.int64().literalType(), "the sum plus the offset")
        .build();
  }

  /**
   * Collects the configuration of {@link Adder} and the settings every task has
   * (name, image, retries, resources...).
   */
  public static final class Builder extends PrebuiltContainerTask.Builder<Builder> {
    private long offset;

    private Builder() {
    }

    /**
     * Sets configuration property {@code offset}.
     */
    public Builder offset(long offset) {
      this.offset = offset;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Builds the task; the builder may be reused.
     */
    public AdderTask build() {
      return new AdderTask(this);
    }

    private Adder toConfig() {
      return new Adder(this.offset);
    }
  }
}
