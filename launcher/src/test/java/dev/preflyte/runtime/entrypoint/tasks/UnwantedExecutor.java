package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/** A service provider that must never be instantiated while another executor is looked up. */
public class UnwantedExecutor implements TaskExecutor {

  public static final AtomicInteger INSTANCES = new AtomicInteger();

  public UnwantedExecutor() {
    INSTANCES.incrementAndGet();
  }

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    throw new AssertionError("never run");
  }
}
