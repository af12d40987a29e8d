package demo;

import dev.preflyte.annotations.DeclaredTask;

public final class Tasks {

  @DeclaredTask(name = "demo.hello")
  public static final GreetTask HELLO = GreetTask.of(new Greet("Hello"));

  private Tasks() {}
}
