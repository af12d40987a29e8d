package dev.preflyte.cli;

import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Value;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Refuses a TaskTemplate FlyteAdmin would refuse for its size, and warns well below that, naming
 * the task and the largest property of its {@code custom} (where a big template's bytes usually are).
 *
 * <p>The limit is gRPC's default largest message, 4 MiB, which FlyteAdmin's gRPC server keeps unless
 * its operators raise it: a bigger CreateTask request fails with RESOURCE_EXHAUSTED. The warning is at
 * 1 MiB: a workflow's compiled closure carries its task templates into the FlyteWorkflow resource
 * propeller stores in Kubernetes, whose objects are limited to about 1.5 MB in etcd.
 */
final class TemplateSizeGuard {

  static final int LIMIT_BYTES = 4 * 1024 * 1024;
  static final int WARNING_BYTES = 1024 * 1024;

  private TemplateSizeGuard() {}

  /** Checks {@code template} of task {@code name}; a warning line goes to {@code warnings}. */
  static void check(String name, TaskTemplate template, PrintWriter warnings) {
    check(name, template, line -> {
      warnings.println(line);
      warnings.flush();
    });
  }

  /** Checks {@code template} of task {@code name}; a warning line goes to {@code warnings}. */
  static void check(String name, TaskTemplate template, Consumer<String> warnings) {
    int size = template.getSerializedSize();
    if (size > LIMIT_BYTES) {
      throw new CliException("task " + name + ": its TaskTemplate is " + size + " bytes, above the " + LIMIT_BYTES
          + "-byte limit of FlyteAdmin's gRPC server" + largest(template)
          + ": pass large data as an input or a file instead of configuration");
    }
    if (size > WARNING_BYTES) {
      warnings.accept("preflyte: warning: task " + name + ": its TaskTemplate is " + size + " bytes, near the "
          + LIMIT_BYTES + "-byte limit of FlyteAdmin and large for the workflows that use it" + largest(template));
    }
  }

  /** {@code "; its largest custom property is 'p' (n bytes)"}, or "" without custom. */
  private static String largest(TaskTemplate template) {
    String largest = null;
    int largestSize = -1;
    for (Map.Entry<String, Value> property : template.getCustom().getFieldsMap().entrySet()) {
      int size = property.getValue().getSerializedSize();
      if (size > largestSize) {
        largest = property.getKey();
        largestSize = size;
      }
    }
    return largest == null ? "" : "; its largest custom property is '" + largest + "' (" + largestSize + " bytes)";
  }
}
