package dev.preflyte.runtime.task;

import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;

/**
 * A pre-built task whose interface is declared per instance, as SQL tasks do. Task type and
 * executor name are parameters so tests can feed the base class bad values.
 */
final class QueryTask extends PrebuiltContainerTask<String> {

  private QueryTask(String query, String taskType, String executorName, TaskInterface taskInterface,
      TaskSettings settings) {
    super(taskType, "ghcr.io/example/query:1", executorName, taskInterface, query, settings);
  }

  static QueryTask of(String query, TaskInterface taskInterface) {
    return new QueryTask(query, "query", "com.example.QueryTask", taskInterface, TaskSettings.defaults());
  }

  static QueryTask named(String taskType, String executorName) {
    return new QueryTask("select 1", taskType, executorName, TaskInterface.empty(), TaskSettings.defaults());
  }

  @Override
  public Struct getCustom() {
    return Struct.newBuilder().putFields("query", Value.newBuilder().setStringValue(config()).build()).build();
  }
}
