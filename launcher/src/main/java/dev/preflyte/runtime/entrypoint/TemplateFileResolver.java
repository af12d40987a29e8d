package dev.preflyte.runtime.entrypoint;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import java.util.List;

/**
 * The task resolver of pre-built container tasks, named by {@code --resolver}: its loader arguments
 * are {@code [templateUri, executorName]}. It reads the serialized {@link TaskTemplate} (plain binary
 * protobuf, as Flyte uploads it for {@code {{.taskTemplatePath}}}) and finds the executor registered
 * under the name, the counterpart of flytekit's {@code default_task_template_resolver}.
 */
public final class TemplateFileResolver {

  /** The only resolver {@code preflyte-execute} supports. */
  public static final String NAME = PrebuiltContainerTask.RESOLVER;

  /** A template and the executor that runs it. */
  public record ResolvedTask(TaskTemplate template, TaskExecutor executor) {}

  private TemplateFileResolver() {}

  /**
   * Checks a {@code --resolver} value; null (not given) means this resolver.
   *
   * @throws UsageException naming the supported resolver
   */
  public static void checkResolver(String resolver) throws UsageException {
    if (resolver != null && !resolver.equals(NAME)) {
      throw new UsageException(
          "unknown --resolver " + resolver + ": preflyte-execute supports only " + NAME
              + "; re-register the task with Preflyte's container args");
    }
  }

  /** Reads the template and finds its executor. */
  public static ResolvedTask resolve(List<String> loaderArgs, Storage storage, ClassLoader loader) {
    if (loaderArgs.size() != 2) {
      throw new IllegalArgumentException(
          "the resolver takes 2 loader arguments (TEMPLATE_URI EXECUTOR_NAME), got " + loaderArgs);
    }
    TaskTemplate template = readTemplate(loaderArgs.get(0), storage);
    return new ResolvedTask(template, ExecutorRegistry.find(loaderArgs.get(1), loader));
  }

  /**
   * Reads and parses the task template at {@code uri}.
   *
   * @throws TemplateLoadException when it cannot be read or is not a TaskTemplate
   */
  public static TaskTemplate readTemplate(String uri, Storage storage) {
    byte[] bytes;
    try {
      bytes = storage.read(uri);
    } catch (StorageException e) {
      throw new TemplateLoadException("cannot read the task template " + uri + ": " + e.getMessage(), e);
    }
    return parseTemplate(uri, bytes);
  }

  /** Parses a serialized template; {@code uri} names it in errors. */
  public static TaskTemplate parseTemplate(String uri, byte[] bytes) {
    TaskTemplate template;
    try {
      template = TaskTemplate.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new TemplateLoadException(
          "the task template " + uri + " (" + bytes.length + " bytes) is not a serialized TaskTemplate: "
              + e.getMessage() + "; Flyte uploads it as {{.taskTemplatePath}}", e);
    }
    if (template.getType().isEmpty()) {
      throw new TemplateLoadException(
          "the task template " + uri + " (" + bytes.length + " bytes) has no task type, so it is not a"
              + " serialized TaskTemplate; Flyte uploads it as {{.taskTemplatePath}}", null);
    }
    return template;
  }
}
