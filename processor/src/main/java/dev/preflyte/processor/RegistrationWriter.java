package dev.preflyte.processor;

import dev.preflyte.conventions.GeneratedNames;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the executor's registration: one class-path resource per task,
 * {@code META-INF/preflyte/executors/<executor name>}, holding the executor's binary class name and a
 * newline. One file per task, with the task class as its only originating element, means a partial
 * recompile rewrites exactly the entries it touches and a deleted task takes its entry with it.
 */
final class RegistrationWriter {

  private RegistrationWriter() {}

  static String resourceName(TaskModel model) {
    return GeneratedNames.registrationResource(model.executorName());
  }

  static void write(Filer filer, TaskModel model) throws IOException {
    FileObject resource =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", resourceName(model), model.element());
    try (Writer writer = new java.io.OutputStreamWriter(resource.openOutputStream(), StandardCharsets.UTF_8)) {
      writer.write(model.executorClass().reflectionName() + "\n");
    }
  }
}
