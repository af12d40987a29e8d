package dev.preflyte.runtime.registry;

import dev.preflyte.conventions.GeneratedNames;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;

/**
 * Finds the executor registered under a task's name without scanning the class path and without
 * instantiating any other executor.
 *
 * <p>The processor writes one resource per task, {@code META-INF/preflyte/executors/<name>}, whose
 * content is the executor's binary class name. In a named module, where the runtime cannot see that
 * resource's classes reflectively, executors are also declared with
 * {@code provides dev.preflyte.runtime.executor.TaskExecutor with ...}; they are matched by the
 * processor's naming rule ({@code com.acme.Adder} is run by {@code com.acme.AdderExecutor}, the
 * nested {@code com.acme.Outer.Inner} by {@code com.acme.Outer_InnerExecutor}) and only the match is
 * instantiated.
 */
public final class ExecutorRegistry {

  /** The class-path folder holding one registration resource per task. */
  public static final String RESOURCE_DIRECTORY = GeneratedNames.REGISTRATION_DIRECTORY;

  private ExecutorRegistry() {}

  /**
   * Instantiates the executor registered under {@code name} from {@code loader}.
   *
   * @throws ExecutorLoadException if no executor is registered under {@code name} (the message lists
   *     the registered names), or the registered class is missing, is no {@link TaskExecutor} or
   *     cannot be instantiated
   */
  public static TaskExecutor find(String name, ClassLoader loader) {
    checkName(name);
    ClassLoader effective = loader != null ? loader : ExecutorRegistry.class.getClassLoader();
    URL resource = effective.getResource(GeneratedNames.registrationResource(name));
    if (resource != null) {
      String className = readClassName(name, resource);
      Class<?> type = loadClass(name, className, resource, effective);
      if (!reflectivelyAccessible(type)) {
        // A named module that does not open the executor's package: only its 'provides' declaration
        // can instantiate it.
        return instantiateProvider(name, findProviderOfType(name, type, effective));
      }
      return instantiate(name, type, resource.toString());
    }
    Optional<ServiceLoader.Provider<TaskExecutor>> provider = findProvider(name, effective);
    if (provider.isPresent()) {
      return instantiateProvider(name, provider.get());
    }
    SortedSet<String> registered = RegisteredNames.list(effective);
    throw new ExecutorLoadException(
        "no executor is registered under the name '" + name + "': registered are "
            + (registered.isEmpty() ? "none" : registered.toString())
            + ". Fix: compile the task with preflyte-processor on the annotation processor path so it"
            + " writes " + RESOURCE_DIRECTORY + name + ", put the task's jar on the class path"
            + " (PREFLYTE_CLASSPATH for preflyte-execute), and check the name in the container args");
  }

  /** The names of all executors registered in {@code loader}, sorted; for messages and listings. */
  public static SortedSet<String> registeredNames(ClassLoader loader) {
    return RegisteredNames.list(loader != null ? loader : ExecutorRegistry.class.getClassLoader());
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new ExecutorLoadException(
          "executor name is blank: pass the task's executor name as the second loader argument");
    }
    if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new ExecutorLoadException(
          "executor name '" + name + "' is not a task name: pass a name like com.acme.MyTask");
    }
  }

  private static String readClassName(String name, URL resource) {
    String content;
    try (InputStream in = resource.openStream()) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ExecutorLoadException(
          "cannot read the registration of executor '" + name + "' at " + resource + ": " + e, e);
    }
    if (content.isEmpty() || content.contains("\n") || content.contains(" ")) {
      throw new ExecutorLoadException(
          "the registration of executor '" + name + "' at " + resource
              + " does not hold one class name: rebuild the task with preflyte-processor");
    }
    return content;
  }

  private static Class<?> loadClass(String name, String className, URL resource, ClassLoader loader) {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ExecutorLoadException(
          "executor class " + className + " registered under '" + name + "' (in " + resource
              + ") cannot be loaded: " + e + ". Fix: put the jar holding " + className
              + " and its dependencies on the class path (PREFLYTE_CLASSPATH for preflyte-execute),"
              + " or rebuild the task so its registration matches its classes",
          e);
    }
  }

  private static TaskExecutor instantiate(String name, Class<?> type, String origin) {
    if (!TaskExecutor.class.isAssignableFrom(type)) {
      throw new ExecutorLoadException(
          "class " + type.getName() + " registered under '" + name + "' (in " + origin
              + ") does not implement " + TaskExecutor.class.getName()
              + ": register the generated executor class, not the task class");
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new ExecutorLoadException(
          "executor class " + type.getName() + " registered under '" + name
              + "' is abstract or an interface: register a concrete class");
    }
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new ExecutorLoadException(
          "executor class " + type.getName() + " registered under '" + name
              + "' has no public no-argument constructor: add one", e);
    }
    try {
      return (TaskExecutor) constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new ExecutorLoadException(
          "the constructor of executor class " + type.getName() + " registered under '" + name
              + "' failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new ExecutorLoadException(
          "executor class " + type.getName() + " registered under '" + name
              + "' cannot be instantiated: " + e + ". Fix: make the class and its constructor public"
              + " (in a named module: declare it with 'provides " + TaskExecutor.class.getName()
              + " with " + type.getName() + "')", e);
    }
  }

  private static Optional<ServiceLoader.Provider<TaskExecutor>> findProvider(String name, ClassLoader loader) {
    Set<String> expected = executorClassNames(name);
    return ExecutorProviders.scan(loader, provider -> expected.contains(provider.type().getName()))
        .first(type -> expected.contains(type.getName()));
  }

  private static TaskExecutor instantiateProvider(String name, ServiceLoader.Provider<TaskExecutor> provider) {
    try {
      return provider.get();
    } catch (ServiceConfigurationError e) {
      throw new ExecutorLoadException(
          "executor " + provider.type().getName() + " provided for '" + name
              + "' cannot be instantiated: " + e
              + ". Fix: give it a public no-argument constructor", e);
    }
  }

  private static boolean reflectivelyAccessible(Class<?> type) {
    Module module = type.getModule();
    return !module.isNamed() || module.isOpen(type.getPackageName(), ExecutorRegistry.class.getModule());
  }

  private static ServiceLoader.Provider<TaskExecutor> findProviderOfType(String name, Class<?> type, ClassLoader loader) {
    ExecutorProviders scanned = ExecutorProviders.scan(loader, provider -> provider.type() == type);
    return scanned.first(candidate -> candidate == type).orElseThrow(() -> new ExecutorLoadException(
        "executor class " + type.getName() + " registered under '" + name + "' is in module "
            + type.getModule().getName() + ", which neither opens its package nor provides it: add"
            + " 'provides " + TaskExecutor.class.getName() + " with " + type.getName()
            + "' to that module's module-info"
            + (scanned.failures().isEmpty() ? "" : " (broken service declarations: " + scanned.failures() + ")")));
  }

  /** The names the processor may have given the executor of task {@code name}. */
  static Set<String> executorClassNames(String name) {
    return GeneratedNames.executorClassCandidates(name);
  }

}
