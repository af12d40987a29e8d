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
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The Flyte task defined by {@link Stats}, generated from it by Preflyte's annotation
 * processor.
 *
 * <p>{@code StatsTask.of(new Stats(...))} defines a task;
 * {@code TaskSettings} add its name, retries and resources. {@link #run} runs it on this
 * machine as Flyte runs it in its container, where {@link StatsExecutor} runs it from the
 * registered template alone: the configuration travels in {@code TaskTemplate.custom}.
 */
@Generated("dev.preflyte.processor.PrebuiltTaskProcessor")
public final class StatsTask extends PrebuiltContainerTask<Stats> {
  /**
   * The Flyte task type, from {@code @PrebuiltTask}.
   */
  public static final String TASK_TYPE = "stats";

  /**
   * The image from {@code @PrebuiltTask}; {@code TaskSettings.Builder.image} overrides it.
   */
  public static final String DEFAULT_IMAGE = "ghcr.io/acme/stats:1.0.0";

  /**
   * The name the executor is registered under, and the task's default name.
   */
  public static final String EXECUTOR_NAME = "com.acme.Stats";

  static final LiteralCodec<List<Long>> INPUT_VALUES = LiteralCodecs.listOf(LiteralCodecs.int64());

  static final LiteralCodec<Long> OUTPUT_COUNT = LiteralCodecs.int64();

  static final LiteralCodec<Double> OUTPUT_MEAN = LiteralCodecs.float64();

  static final LiteralCodec<List<String>> OUTPUT_LABELS =
      LiteralCodecs.listOf(LiteralCodecs.string());

  private static final TaskInterface INTERFACE = TaskInterface.builder()
      .input("values", INPUT_VALUES, "the values to summarize")
      .output("count", OUTPUT_COUNT, "how many values")
      .output("mean", OUTPUT_MEAN, "their mean, NaN for none")
      .output("labels", OUTPUT_LABELS)
      .build();

  private static final CustomProperty<Stats, String> PREFIX = CustomProperty.of("prefix",
      CustomCodecs.string(), Stats::prefix);

  /**
   * How the configuration is written into {@code TaskTemplate.custom} and read back.
   */
  static final CustomStruct<Stats> CUSTOM = CustomStruct.of(fields -> new Stats(fields.get(PREFIX)),
      PREFIX);

  private StatsTask(Stats config, TaskSettings settings) {
    super(TASK_TYPE, DEFAULT_IMAGE, EXECUTOR_NAME, INTERFACE, config, settings);
  }

  /**
   * The task with configuration {@code config} and default settings: named
   * {@value #EXECUTOR_NAME}, no retries, no resource requests.
   */
  public static StatsTask of(Stats config) {
    return new StatsTask(config, TaskSettings.defaults());
  }

  /**
   * The task with configuration {@code config} and Flyte settings {@code settings}.
   */
  public static StatsTask of(Stats config, TaskSettings settings) {
    return new StatsTask(config, settings);
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
   * @param values the values to summarize
   * @return the outputs
   * @throws dev.preflyte.runtime.task.TaskFailedException if the task fails,
   *     classified as Flyte's {@code error.pb} would be
   */
  public Stats.Summary run(List<Long> values) {
    LocalOutputs outputs = runLocally(LocalInputs.create().put("values", INPUT_VALUES, values));
    return new Stats.Summary(outputs.get("count", OUTPUT_COUNT), outputs.get("mean", OUTPUT_MEAN),
        outputs.get("labels", OUTPUT_LABELS));
  }
}
