package dev.preflyte.runtime.registry;

import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.util.Objects;

/**
 * A task instance declared with {@code @DeclaredTask}, as {@link DeclaredTasks} found it.
 *
 * @param name the task's name in Flyte: the annotation's name, else the task settings' name, else
 *     {@code <package>.<Class>.<member>}
 * @param declaration the member that declares it: {@code com.acme.Tasks.WORDS} or {@code
 *     com.acme.Tasks.nightly()}
 * @param task the task instance the member holds or returns
 */
public record DeclaredTask(String name, String declaration, PrebuiltContainerTask<?> task) {

  public DeclaredTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(declaration, "declaration");
    Objects.requireNonNull(task, "task");
  }

  /** The task's template as registered under {@link #name()}, which may differ from {@code task.name()}. */
  public TaskTemplate toTaskTemplate(RegistrationSettings registration) {
    TaskTemplate template = task.toTaskTemplate(registration);
    if (template.getId().getName().equals(name)) {
      return template;
    }
    return template.toBuilder().setId(template.getId().toBuilder().setName(name)).build();
  }
}
