package com.acme;

import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.runtime.custom.CustomCodecs;
import dev.preflyte.runtime.custom.CustomProperty;
import dev.preflyte.runtime.custom.CustomStruct;
import dev.preflyte.runtime.literal.LiteralCodec;
import dev.preflyte.runtime.literal.LiteralCodecs;
import dev.preflyte.runtime.task.LocalInputs;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import javax.annotation.processing.Generated;

/**
 * The Flyte task defined by {@link Writer}, generated from it by Preflyte's annotation
 * processor.
 *
 * <p>{@code WriterTask.of(new Writer(...))} defines a task;
 * {@code TaskSettings} add its name, retries and resources. {@link #run} runs it on this
 * machine as Flyte runs it in its container, where {@link WriterExecutor} runs it from the
 * registered template alone: the configuration travels in {@code TaskTemplate.custom}.
 */
@Generated("dev.preflyte.processor.PrebuiltTaskProcessor")
public final class WriterTask extends PrebuiltContainerTask<Writer> {
  /**
   * The Flyte task type, from {@code @PrebuiltTask}.
   */
  public static final String TASK_TYPE = "writer";

  /**
   * The image from {@code @PrebuiltTask}; {@code TaskSettings.Builder.image} overrides it.
   */
  public static final String DEFAULT_IMAGE = "ghcr.io/acme/writer:1.0.0";

  /**
   * The name the executor is registered under, and the task's default name.
   */
  public static final String EXECUTOR_NAME = "com.acme.Writer";

  static final LiteralCodec<String> INPUT_TEXT = LiteralCodecs.string();

  private static final TaskInterface INTERFACE = TaskInterface.builder()
      .input("text", INPUT_TEXT)
      .build();

  private static final CustomProperty<Writer, String> FILE_NAME = CustomProperty.of("fileName",
      CustomCodecs.string(), Writer::fileName);

  /**
   * How the configuration is written into {@code TaskTemplate.custom} and read back.
   */
  static final CustomStruct<Writer> CUSTOM =
      CustomStruct.of(fields -> new Writer(fields.get(FILE_NAME)), FILE_NAME);

  private WriterTask(Writer config, TaskSettings settings) {
    super(TASK_TYPE, DEFAULT_IMAGE, EXECUTOR_NAME, INTERFACE, config, settings);
  }

  /**
   * The task with configuration {@code config} and default settings: named
   * {@value #EXECUTOR_NAME}, no retries, no resource requests.
   */
  public static WriterTask of(Writer config) {
    return new WriterTask(config, TaskSettings.defaults());
  }

  /**
   * The task with configuration {@code config} and Flyte settings {@code settings}.
   */
  public static WriterTask of(Writer config, TaskSettings settings) {
    return new WriterTask(config, settings);
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
  public void run(String text) {
    runLocally(LocalInputs.create().put("text", INPUT_TEXT, text));
  }
}
