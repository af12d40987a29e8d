package dev.preflyte.runtime.task;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

/**
 * A pre-built task whose interface is declared per instance, as SQL tasks do, built on
 * {@link PrebuiltContainerTask.DynamicBuilder}. Task type and executor name are settable so tests
 * can feed the base class bad values.
 */
final class QueryTask extends PrebuiltContainerTask<String> {

  private QueryTask(Builder builder) {
    super(builder, builder.taskType, "ghcr.io/example/query:1", builder.executorName, builder.taskInterface(),
        builder.query);
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  public Struct getCustom() {
    return Struct.newBuilder().putFields("query", Value.newBuilder().setStringValue(config()).build()).build();
  }

  static final class Builder extends PrebuiltContainerTask.DynamicBuilder<Builder> {
    private String query = "";
    private String taskType = "query";
    private String executorName = "com.example.QueryTask";

    Builder query(String query) {
      this.query = query;
      return this;
    }

    Builder taskType(String taskType) {
      this.taskType = taskType;
      return this;
    }

    Builder executorName(String executorName) {
      this.executorName = executorName;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    QueryTask build() {
      return new QueryTask(this);
    }
  }
}
