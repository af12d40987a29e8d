package dev.preflyte.runtime.registry.declared;

import dev.preflyte.runtime.local.TestTask;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import java.util.Map;

/**
 * Classes that declare tasks as the processor would index them; the tests write the index by hand,
 * into class folders of their own, so these are found only where a test says.
 */
public final class Declarations {

  /** Set by {@link Undeclared}'s initializer (a field of its own would initialize it when read). */
  public static boolean undeclaredInitialized;

  private Declarations() {}

  static TestTask task(String config) {
    return new TestTask("dev.preflyte.test.Echo", TaskInterface.builder().build(), Map.of("c", config));
  }

  /** Default, explicit and settings names. */
  public static final class Alpha {
    public static final TestTask WORDS = task("words");
    public static final TestTask SETTINGS_NAMED = new TestTask("dev.preflyte.test.Echo",
        TaskInterface.builder().build(), Map.of(), TaskSettings.builder().name("from_settings").build());
    public static final TestTask BOTH_NAMED = new TestTask("dev.preflyte.test.Echo",
        TaskInterface.builder().build(), Map.of(), TaskSettings.builder().name("ignored").build());
    public static final String NOT_A_TASK = "text";
    public static final TestTask NULL_TASK = null;
    public static final TestTask INSTANCE_COUNT = task("instance");

    public static int calls;

    private Alpha() {}

    public static TestTask nightly() {
      calls++;
      return task("nightly");
    }

    public static TestTask failing() {
      throw new IllegalStateException("no configuration today");
    }
  }

  /** Declares a task named as one of Alpha's. */
  public static final class Beta {
    public static final TestTask WORDS_AGAIN = task("again");

    private Beta() {}
  }

  /** Its static initializer fails. */
  public static final class Broken {
    public static final TestTask TASK = fail();

    private Broken() {}

    private static TestTask fail() {
      throw new IllegalArgumentException("bad settings");
    }
  }

  /** Never named by any index: loading must not initialize it. */
  public static final class Undeclared {
    static {
      undeclaredInitialized = true;
    }

    private Undeclared() {}
  }
}
