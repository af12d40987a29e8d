package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.runtime.local.TestTask;
import dev.preflyte.runtime.task.TaskInterface;
import java.util.Map;

/** Sum declared as a task, for tests that need one; they write its index entry themselves. */
public final class SumDeclarations {

  public static final TestTask SUM = new TestTask(Templates.PACKAGE + "Sum", TaskInterface.builder()
      .input("a", TestTask.simple(SimpleType.INTEGER))
      .input("b", TestTask.simple(SimpleType.INTEGER))
      .output("sum", TestTask.simple(SimpleType.INTEGER))
      .build(), Map.of());

  private SumDeclarations() {}
}
