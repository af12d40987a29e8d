package demo;

import dev.preflyte.annotations.Outputs;
import dev.preflyte.annotations.PrebuiltTask;

/** Greets someone: the smallest typed pre-built task. */
@PrebuiltTask(image = "ghcr.io/acme/greet:1.0", taskType = "greet")
public record Greet(String greeting) {

  /** The task's outputs. */
  @Outputs
  public record Greeting(String text) {}

  public Greeting execute(String name) {
    return new Greeting(greeting + ", " + name);
  }
}
