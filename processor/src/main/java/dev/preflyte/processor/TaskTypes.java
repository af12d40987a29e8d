package dev.preflyte.processor;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Task type names Flyte's back end routes to its own plugins. A pre-built task with one of these
 * types would be run by that plugin instead of the container plugin, so the processor rejects them.
 *
 * <p>Collected from Flyte 1.16.8's {@code flyteplugins/go/tasks/plugins/**} ({@code
 * RegisteredTaskTypes} and {@code SupportedTaskTypes}), the fail-fast plugin's list in
 * {@code pluginmachinery/bundle/fail_fast.go}, and the plugin names users know these back ends by.
 */
final class TaskTypes {

  /** Sorted. */
  static final List<String> RESERVED =
      List.of(
          "array",
          "athena",
          "aws-batch",
          "bigquery",
          "bigquery_query_job_task",
          "container",
          "container_array",
          "dask",
          "databricks",
          "echo",
          "hive",
          "mpi",
          "pod",
          "presto",
          "python-task",
          "pytorch",
          "raw-container",
          "ray",
          "sagemaker",
          "sagemaker_custom_training_job_task",
          "sagemaker_hyperparameter_tuning_job_task",
          "sagemaker_training_job_task",
          "sidecar",
          "snowflake",
          "spark",
          "tensorflow");

  private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?");

  static boolean isValid(String taskType) {
    return VALID.matcher(taskType).matches();
  }

  static boolean isReserved(String taskType) {
    return RESERVED.contains(taskType.toLowerCase(Locale.ROOT));
  }

  private TaskTypes() {}
}
