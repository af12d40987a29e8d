package dev.preflyte.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.runtime.custom.CustomStruct;
import dev.preflyte.runtime.executor.TaskExecutor;
import dev.preflyte.runtime.registry.ExecutorRegistry;
import dev.preflyte.runtime.task.PrebuiltContainerTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import dev.preflyte.runtime.task.TaskInterface;
import dev.preflyte.runtime.task.TaskSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A compilation with the processor, its outputs written to a directory and loaded: the test's
 * view of what a user's build produces.
 */
final class Compiled {

  /** Options every test compilation uses: all lint but the "unclaimed annotation" notice. */
  static final List<String> OPTIONS = List.of("-Xlint:all,-processing");

  final Compilation compilation;
  final Path output;
  final URLClassLoader loader;

  private Compiled(Compilation compilation, Path output) {
    this.compilation = compilation;
    this.output = output;
    try {
      this.loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, Compiled.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The outputs a compilation outside compile-testing wrote to {@code output}, loaded; its
   * {@link #compilation} is null.
   */
  static Compiled loaded(Path output) {
    return new Compiled(null, output);
  }

  /** Compiles {@code sources} with the processor, asserting success and that the processor did not crash. */
  static Compiled compile(Path output, JavaFileObject... sources) {
    Compilation compilation = run(sources);
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), () -> describe(compilation));
    assertEquals(0, compilation.errors().size(), () -> describe(compilation));
    writeOutputs(compilation, output);
    return new Compiled(compilation, output);
  }

  /** Compiles {@code sources} with the processor; asserts only that the processor did not crash. */
  static Compilation run(JavaFileObject... sources) {
    Compilation compilation =
        Compiler.javac().withProcessors(new PrebuiltTaskProcessor()).withOptions(OPTIONS).compile(sources);
    assertNoCrash(compilation);
    return compilation;
  }

  static void assertNoCrash(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      assertFalse(diagnostic.getMessage(null).contains("[PreflyteInternal]"), diagnostic.getMessage(null));
    }
  }

  static String describe(Compilation compilation) {
    return compilation.diagnostics().stream().map(d -> d.getKind() + ": " + d.getMessage(null))
        .collect(Collectors.joining("\n"));
  }

  /** Writes every generated file (sources, classes, resources) under {@code output}, keeping its path. */
  static void writeOutputs(Compilation compilation, Path output) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      // compile-testing names files mem:///<LOCATION>/<relative path>
      String relative = path.substring(path.indexOf('/', 1) + 1);
      Path target = output.resolve(relative);
      try (InputStream in = file.openInputStream()) {
        Files.createDirectories(target.getParent());
        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The text of a generated source file, such as {@code com/acme/AdderTask.java}. */
  String source(String relativePath) throws IOException {
    return Files.readString(output.resolve(relativePath), StandardCharsets.UTF_8);
  }

  Class<?> type(String name) throws ClassNotFoundException {
    return Class.forName(name, true, loader);
  }

  /** Calls the generated {@code <Task>.of(config)}: the task with default settings. */
  PrebuiltContainerTask<?> task(String taskClass, Object config) throws Exception {
    return task(taskClass, config, TaskSettings.defaults());
  }

  /** Calls the generated {@code <Task>.of(config, settings)}. */
  PrebuiltContainerTask<?> task(String taskClass, Object config, TaskSettings settings) throws Exception {
    Method of = type(taskClass).getMethod("of", config.getClass(), TaskSettings.class);
    return (PrebuiltContainerTask<?>) invoke(of, config, settings);
  }

  /** Calls the generated {@code <Task>.of(config, taskInterface, settings)} of a dynamic task. */
  PrebuiltContainerTask<?> dynamicTask(String taskClass, Object config, TaskInterface taskInterface,
      TaskSettings settings) throws Exception {
    Method of = type(taskClass).getMethod("of", config.getClass(), TaskInterface.class, TaskSettings.class);
    return (PrebuiltContainerTask<?>) invoke(of, config, taskInterface, settings);
  }

  /** A record of type {@code recordClass}, through its canonical constructor. */
  Object record(String recordClass, Object... components) throws Exception {
    Class<?> type = type(recordClass);
    Class<?>[] parameters = java.util.Arrays.stream(type.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
    return invoke(type.getDeclaredConstructor(parameters), components);
  }

  /** A new instance of class {@code beanClass}, through its no-argument constructor. */
  Object instance(String beanClass) throws Exception {
    return type(beanClass).getConstructor().newInstance();
  }

  /** Calls the one-argument method {@code name} of {@code target}, such as a setter. */
  static void set(Object target, String name, Object value) throws Exception {
    call(target, name, value);
  }

  private static Object invoke(java.lang.reflect.Executable method, Object... arguments) throws Exception {
    try {
      return method instanceof Method m ? m.invoke(null, arguments)
          : ((java.lang.reflect.Constructor<?>) method).newInstance(arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The template as registered: built, serialized and parsed back, as Flyte hands it to the container. */
  static TaskTemplate registered(PrebuiltContainerTask<?> task) throws Exception {
    byte[] bytes = task.toTaskTemplate(RegistrationSettings.local()).toByteArray();
    return TaskTemplate.parseFrom(bytes);
  }

  /** The executor registered under {@code executorName}, found by the runtime's registry. */
  TaskExecutor executor(String executorName) throws Exception {
    URL resource = loader.getResource(ExecutorRegistry.RESOURCE_DIRECTORY + executorName);
    assertNotNull(resource, "no registration resource for " + executorName);
    String content;
    try (InputStream in = resource.openStream()) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(content.endsWith("\n"), "registration must end with a newline: " + content);
    // The runtime's registry reads the same resource: the processor and the registry agree.
    TaskExecutor executor = ExecutorRegistry.find(executorName, loader);
    assertEquals(content.substring(0, content.length() - 1), executor.getClass().getName());
    return executor;
  }

  /** Runs the registered executor of {@code task} on {@code inputs}. */
  LiteralMap run(PrebuiltContainerTask<?> task, LiteralMap inputs, Path workDir) throws Exception {
    return executor(task.executorName()).executeFromModel(registered(task), inputs, new TestContext(workDir));
  }

  /** Decodes {@code custom} with the task class's (package-private) {@code CUSTOM} codec, as its executor does. */
  Object decodeCustom(String taskClass, Struct custom) throws Exception {
    java.lang.reflect.Field codec = type(taskClass).getDeclaredField("CUSTOM");
    codec.setAccessible(true);
    return ((CustomStruct<?>) codec.get(null)).decodeStruct(custom);
  }

  /** Calls the one-argument method {@code name}. */
  static Object call(Object target, String name, Object argument) throws Exception {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        try {
          return method.invoke(target, argument);
        } catch (IllegalArgumentException wrongOverload) {
          continue;
        }
      }
    }
    throw new NoSuchMethodException(name);
  }
}
