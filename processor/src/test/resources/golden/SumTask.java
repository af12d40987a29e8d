package com.acme;

import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.runtime.custom.CustomCodecs;
import dev.preflyte.runtime.custom.CustomProperty;
import dev.preflyte.runtime.custom.CustomStruct;
import dev.preflyte.runtime.task.LocalInputs;
import dev.preflyte.runtime.task.LocalOutputs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import javax.annotation.processing.Generated;

/**
 * The Flyte task defined by {@link Sum}, generated from it by Preflyte's annotation
 * processor.
 *
 * <p>{@code SumTask.of(new Sum(...), taskInterface)} defines a task;
 * {@code TaskSettings} add its name, retries and resources. {@link #run} runs it on this
 * machine as Flyte runs it in its container, where {@link SumExecutor} runs it from the
 * registered template alone: the configuration travels in {@code TaskTemplate.custom}.
 */
@Generated("dev.preflyte.processor.PrebuiltTaskProcessor")
public final class SumTask extends PrebuiltContainerTask<Sum> {
  /**
   * The Flyte task type, from {@code @PrebuiltTask}.
   */
  public static final String TASK_TYPE = "sum";

  /**
   * The image from {@code @PrebuiltTask}; {@code TaskSettings.Builder.image} overrides it.
   */
  public static final String DEFAULT_IMAGE = "ghcr.io/acme/sum:1.0.0";

  /**
   * The name the executor is registered under, and the task's default name.
   */
  public static final String EXECUTOR_NAME = "com.acme.Sum";

  private static final CustomProperty<Sum, String> OUTPUT = CustomProperty.of("output",
      CustomCodecs.string(), Sum::output);

  private static final CustomProperty<Sum, Long> START = CustomProperty.required("start",
      CustomCodecs.int64(), Sum::start);

  /**
   * How the configuration is written into {@code TaskTemplate.custom} and read back.
   */
  static final CustomStruct<Sum> CUSTOM = CustomStruct.of(fields -> new Sum(fields.get(OUTPUT),
      fields.get(START)), OUTPUT, START);

  private SumTask(Sum config, TaskInterface taskInterface, TaskSettings settings) {
    super(TASK_TYPE, DEFAULT_IMAGE, EXECUTOR_NAME, taskInterface, config, settings);
  }

  /**
   * The task with configuration {@code config} and default settings: named
   * {@value #EXECUTOR_NAME}, no retries, no resource requests.
   *
   * @param taskInterface the inputs and outputs of this instance, such as
   *     {@code TaskInterface.builder().input("limit", LiteralCodecs.int64()).build()}
   */
  public static SumTask of(Sum config, TaskInterface taskInterface) {
    return new SumTask(config, taskInterface, TaskSettings.defaults());
  }

  /**
   * The task with configuration {@code config} and Flyte settings {@code settings}.
   *
   * @param taskInterface the inputs and outputs of this instance, such as
   *     {@code TaskInterface.builder().input("limit", LiteralCodecs.int64()).build()}
   */
  public static SumTask of(Sum config, TaskInterface taskInterface, TaskSettings settings) {
    return new SumTask(config, taskInterface, settings);
  }

  @Override
  public Struct getCustom() {
    return CUSTOM.encodeStruct(config());
  }

  /**
   * Runs the task on this machine exactly as Flyte runs it in its container, with inputs
   * named as this instance's interface declares them. Needs {@code preflyte-launcher} on the
   * class path.
   *
   * @throws dev.preflyte.runtime.task.TaskFailedException if the task fails,
   *     classified as Flyte's {@code error.pb} would be
   */
  public LocalOutputs run(LocalInputs inputs) {
    return runLocally(inputs);
  }
}
