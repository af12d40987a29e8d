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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The Flyte task defined by {@link Fetch}, generated from it by Preflyte's annotation
 * processor.
 *
 * <p>{@code FetchTask.of(new Fetch(...))} defines a task;
 * {@code TaskSettings} add its name, retries and resources. {@link #run} runs it on this
 * machine as Flyte runs it in its container, where {@link FetchExecutor} runs it from the
 * registered template alone: the configuration travels in {@code TaskTemplate.custom}.
 */
@Generated("dev.preflyte.processor.PrebuiltTaskProcessor")
public final class FetchTask extends PrebuiltContainerTask<Fetch> {
  /**
   * The Flyte task type, from {@code @PrebuiltTask}.
   */
  public static final String TASK_TYPE = "fetch";

  /**
   * The image from {@code @PrebuiltTask}; {@code TaskSettings.Builder.image} overrides it.
   */
  public static final String DEFAULT_IMAGE = "ghcr.io/acme/fetch:1.0.0";

  /**
   * The name the executor is registered under, and the task's default name.
   */
  public static final String EXECUTOR_NAME = "com.acme.Fetch";

  static final LiteralCodec<String> INPUT_PATH = LiteralCodecs.string();

  static final LiteralCodec<Long> OUTPUT_O0 = LiteralCodecs.int64();

  private static final TaskInterface INTERFACE = TaskInterface.builder()
      .input("path", INPUT_PATH)
      .output("o0", OUTPUT_O0)
      .build();

  private static final CustomProperty<Fetch, String> BASE_URL = CustomProperty.of("baseUrl",
      CustomCodecs.string(), Fetch::baseUrl);

  private static final CustomProperty<Fetch, Map<String, String>> HEADERS =
      CustomProperty.of("headers", CustomCodecs.mapOf(CustomCodecs.string()), Fetch::headers);

  private static final CustomProperty<Fetch.Retry, Integer> RETRY_STATUS =
      CustomProperty.required("status", CustomCodecs.int32(), Fetch.Retry::status);

  private static final CustomProperty<Fetch.Backoff, Duration> BACKOFF_FIRST =
      CustomProperty.of("first", CustomCodecs.duration(), Fetch.Backoff::first);

  private static final CustomProperty<Fetch.Backoff, Double> BACKOFF_FACTOR =
      CustomProperty.required("factor", CustomCodecs.float64(), Fetch.Backoff::factor);

  private static final CustomStruct<Fetch.Backoff> BACKOFF_STRUCT =
      CustomStruct.of(fields -> new Fetch.Backoff(fields.get(BACKOFF_FIRST),
      fields.get(BACKOFF_FACTOR)), BACKOFF_FIRST, BACKOFF_FACTOR);

  private static final CustomProperty<Fetch.Retry, Optional<Fetch.Backoff>> RETRY_BACKOFF =
      CustomProperty.of("backoff", CustomCodecs.optionalOf(BACKOFF_STRUCT), Fetch.Retry::backoff);

  private static final CustomStruct<Fetch.Retry> RETRY_STRUCT =
      CustomStruct.of(fields -> new Fetch.Retry(fields.get(RETRY_STATUS),
      fields.get(RETRY_BACKOFF)), RETRY_STATUS, RETRY_BACKOFF);

  private static final CustomProperty<Fetch, List<Fetch.Retry>> RETRIES =
      CustomProperty.of("retries", CustomCodecs.listOf(RETRY_STRUCT), Fetch::retries);

  private static final CustomProperty<Fetch, Optional<Duration>> PAUSE = CustomProperty.of("pause",
      CustomCodecs.optionalOf(CustomCodecs.duration()), Fetch::pause);

  /**
   * How the configuration is written into {@code TaskTemplate.custom} and read back.
   */
  static final CustomStruct<Fetch> CUSTOM =
      CustomStruct.of(fields -> new Fetch(fields.get(BASE_URL), fields.get(HEADERS),
      fields.get(RETRIES), fields.get(PAUSE)), BASE_URL, HEADERS, RETRIES, PAUSE);

  private FetchTask(Fetch config, TaskSettings settings) {
    super(TASK_TYPE, DEFAULT_IMAGE, EXECUTOR_NAME, INTERFACE, config, settings);
  }

  /**
   * The task with configuration {@code config} and default settings: named
   * {@value #EXECUTOR_NAME}, no retries, no resource requests.
   */
  public static FetchTask of(Fetch config) {
    return new FetchTask(config, TaskSettings.defaults());
  }

  /**
   * The task with configuration {@code config} and Flyte settings {@code settings}.
   */
  public static FetchTask of(Fetch config, TaskSettings settings) {
    return new FetchTask(config, settings);
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
   * @throws dev.preflyte.runtime.task.TaskFailedException if the task fails,
   *     classified as Flyte's {@code error.pb} would be
   */
  public long run(String path) {
    LocalOutputs outputs = runLocally(LocalInputs.create().put("path", INPUT_PATH, path));
    return outputs.get("o0", OUTPUT_O0);
  }
}
