package com.acme;

import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.runtime.custom.CustomCodecs;
import dev.preflyte.runtime.custom.CustomProperty;
import dev.preflyte.runtime.custom.CustomStruct;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.LocalInputs;
import dev.preflyte.runtime.task.LocalOutputs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import javax.annotation.processing.Generated;

/**
 * The Flyte task defined by {@link Adder}, generated from it by Preflyte's annotation
 * processor.
 *
 * <p>{@code AdderTask.of(new Adder(...))} defines a task;
 * {@code TaskSettings} add its name, retries and resources. {@link #run} runs it on this
 * machine as Flyte runs it in its container, where {@link AdderExecutor} runs it from the
 * registered template alone: the configuration travels in {@code TaskTemplate.custom}.
 */
@Generated("dev.preflyte.processor.PrebuiltTaskProcessor")
public final class AdderTask extends PrebuiltContainerTask<Adder> {
  /**
   * The Flyte task type, from {@code @PrebuiltTask}.
   */
  public static final String TASK_TYPE = "adder";

  /**
   * The image from {@code @PrebuiltTask}; {@code TaskSettings.Builder.image} overrides it.
   */
  public static final String DEFAULT_IMAGE = "ghcr.io/acme/adder:1.0.0";

  /**
   * The name the executor is registered under, and the task's default name.
   */
  public static final String EXECUTOR_NAME = "com.acme.Adder";

  static final LiteralCodec<Long> INPUT_A = LiteralCodecs.int64();

  static final LiteralCodec<Long> INPUT_B = LiteralCodecs.int64();

  static final LiteralCodec<Long> OUTPUT_O0 = LiteralCodecs.int64();

  private static final TaskInterface INTERFACE = TaskInterface.builder()
      .input("a", INPUT_A, "the first addend")
      .input("b", INPUT_B)
      .output("o0", OUTPUT_O0, "the sum plus the offset")
      .build();

  private static final CustomProperty<Adder, Long> OFFSET = CustomProperty.required("offset",
      CustomCodecs.int64(), Adder::offset);

  /**
   * How the configuration is written into {@code TaskTemplate.custom} and read back.
   */
  static final CustomStruct<Adder> CUSTOM = CustomStruct.of(fields -> new Adder(fields.get(OFFSET)),
      OFFSET);

  private AdderTask(Adder config, TaskSettings settings) {
    super(TASK_TYPE, DEFAULT_IMAGE, EXECUTOR_NAME, INTERFACE, config, settings);
  }

  /**
   * The task with configuration {@code config} and default settings: named
   * {@value #EXECUTOR_NAME}, no retries, no resource requests.
   */
  public static AdderTask of(Adder config) {
    return new AdderTask(config, TaskSettings.defaults());
  }

  /**
   * The task with configuration {@code config} and Flyte settings {@code settings}.
   */
  public static AdderTask of(Adder config, TaskSettings settings) {
    return new AdderTask(config, settings);
  }

  @Override
  public Struct getCustom() {
    return CUSTOM.encodeStruct(config());
  }

  /**
   * Runs the task on this machine exactly as Flyte runs it in its container: the template is
   * serialized and parsed back, the executor found by name, the inputs and outputs converted
   * to Flyte literals and checked against the interface. Needs {@code preflyte-launcher} on
   * the class path.
   *
   * @param a the first addend
   * @return the sum plus the offset
   * @throws dev.preflyte.runtime.task.TaskFailedException if the task fails,
   *     classified as Flyte's {@code error.pb} would be
   */
  public long run(long a, long b) {
    LocalOutputs outputs = runLocally(LocalInputs.create().put("a", INPUT_A, a)
        .put("b", INPUT_B, b));
    return outputs.get("o0", OUTPUT_O0);
  }
}
