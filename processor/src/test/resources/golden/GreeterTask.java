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
 * The Flyte task defined by {@link Greeter}, generated from it by Preflyte's annotation
 * processor.
 *
 * <p>{@code GreeterTask.of(new Greeter(...))} defines a task;
 * {@code TaskSettings} add its name, retries and resources. {@link #run} runs it on this
 * machine as Flyte runs it in its container, where {@link GreeterExecutor} runs it from the
 * registered template alone: the configuration travels in {@code TaskTemplate.custom}.
 */
@Generated("dev.preflyte.processor.PrebuiltTaskProcessor")
public final class GreeterTask extends PrebuiltContainerTask<Greeter> {
  /**
   * The Flyte task type, from {@code @PrebuiltTask}.
   */
  public static final String TASK_TYPE = "greeter";

  /**
   * The image from {@code @PrebuiltTask}; {@code TaskSettings.Builder.image} overrides it.
   */
  public static final String DEFAULT_IMAGE = "ghcr.io/acme/greeter:1.0.0";

  /**
   * The name the executor is registered under, and the task's default name.
   */
  public static final String EXECUTOR_NAME = "com.acme.Greeter";

  static final LiteralCodec<String> INPUT_NAME = LiteralCodecs.string();

  static final LiteralCodec<String> OUTPUT_O0 = LiteralCodecs.string();

  private static final TaskInterface INTERFACE = TaskInterface.builder()
      .input("name", INPUT_NAME, "who to greet")
      .output("o0", OUTPUT_O0, "the greeting")
      .build();

  private static final CustomProperty<Greeter, String> GREETING = CustomProperty.of("greeting",
      CustomCodecs.string(), config -> config.greeting, (config, value) -> config.greeting = value);

  private static final CustomProperty<Greeter, Integer> REPEAT = CustomProperty.required("repeat",
      CustomCodecs.int32(), Greeter::getRepeat, Greeter::setRepeat);

  private static final CustomProperty<Greeter, Boolean> LOUD = CustomProperty.required("loud",
      CustomCodecs.bool(), Greeter::isLoud, Greeter::setLoud);

  /**
   * How the configuration is written into {@code TaskTemplate.custom} and read back.
   */
  static final CustomStruct<Greeter> CUSTOM = CustomStruct.ofBean(Greeter::new, GREETING, REPEAT,
      LOUD);

  private GreeterTask(Greeter config, TaskSettings settings) {
    super(TASK_TYPE, DEFAULT_IMAGE, EXECUTOR_NAME, INTERFACE, config, settings);
  }

  /**
   * The task with configuration {@code config} and default settings: named
   * {@value #EXECUTOR_NAME}, no retries, no resource requests.
   */
  public static GreeterTask of(Greeter config) {
    return new GreeterTask(config, TaskSettings.defaults());
  }

  /**
   * The task with configuration {@code config} and Flyte settings {@code settings}.
   */
  public static GreeterTask of(Greeter config, TaskSettings settings) {
    return new GreeterTask(config, settings);
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
   * @param name who to greet
   * @return the greeting
   * @throws dev.preflyte.runtime.task.TaskFailedException if the task fails,
   *     classified as Flyte's {@code error.pb} would be
   */
  public String run(String name) {
    LocalOutputs outputs = runLocally(LocalInputs.create().put("name", INPUT_NAME, name));
    return outputs.get("o0", OUTPUT_O0);
  }
}
