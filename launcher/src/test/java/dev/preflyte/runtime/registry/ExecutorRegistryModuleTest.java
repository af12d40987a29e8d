package dev.preflyte.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.conventions.GeneratedNames;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors in a named module that keeps its packages closed, with the runtime as an automatic
 * module beside it: found through the module's {@code provides} declaration, with or without a
 * registration resource. The runtime's classes are loaded into the module layer, so the registry is
 * called reflectively there.
 */
class ExecutorRegistryModuleTest {

  private static final String EXECUTOR_SOURCE = """
      package acme.tasks;

      import dev.preflyte.idl.core.LiteralMap;
      import dev.preflyte.idl.core.TaskTemplate;
      import dev.preflyte.runtime.executor.ExecutionContext;
      import dev.preflyte.conventions.GeneratedNames;
import dev.preflyte.runtime.executor.TaskExecutor;

      public class %sExecutor implements TaskExecutor {
        @Override
        public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
          return LiteralMap.getDefaultInstance();
        }
      }
      """;

  @TempDir Path dir;
  private ClassLoader moduleLoader;

  @BeforeEach
  void defineModules() throws Exception {
    // The runtime's artifacts as automatic modules, named after their jars.
    Path apiJar = jarOf(codeSource(TaskExecutor.class), dir.resolve("modules/preflyte.api.jar"));
    Path launcherJar = jarOf(codeSource(ExecutorRegistry.class), dir.resolve("modules/preflyte.launcher.jar"));
    Path conventionsJar = jarOf(codeSource(GeneratedNames.class), dir.resolve("modules/preflyte.conventions.jar"));
    String modulePath = apiJar + java.io.File.pathSeparator + launcherJar + java.io.File.pathSeparator + conventionsJar;
    Path source = dir.resolve("src");
    Path classes = dir.resolve("modules/acme.tasks");
    Files.createDirectories(source.resolve("acme/tasks"));
    Files.writeString(source.resolve("module-info.java"), """
        module acme.tasks {
          requires preflyte.api;
          provides dev.preflyte.runtime.executor.TaskExecutor
              with acme.tasks.RegisteredExecutor, acme.tasks.UnregisteredExecutor;
        }
        """);
    for (String name : List.of("Registered", "Unregistered")) {
      Files.writeString(source.resolve("acme/tasks/" + name + "Executor.java"), EXECUTOR_SOURCE.formatted(name));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, System.err, "-d", classes.toString(),
        "--module-path", modulePath, "--add-reads", "acme.tasks=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"),
        source.resolve("module-info.java").toString(),
        source.resolve("acme/tasks/RegisteredExecutor.java").toString(),
        source.resolve("acme/tasks/UnregisteredExecutor.java").toString());
    assertEquals(0, status, "compiling the test module");
    Path registration = classes.resolve(ExecutorRegistry.RESOURCE_DIRECTORY + "acme.tasks.Registered");
    Files.createDirectories(registration.getParent());
    Files.writeString(registration, "acme.tasks.RegisteredExecutor\n");

    Configuration configuration = ModuleLayer.boot().configuration().resolveAndBind(
        ModuleFinder.of(apiJar, launcherJar, conventionsJar, classes), ModuleFinder.of(), Set.of("acme.tasks", "preflyte.launcher"));
    ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(
        configuration, List.of(ModuleLayer.boot()), getClass().getClassLoader());
    moduleLoader = controller.layer().findLoader("acme.tasks");
  }

  private static Path codeSource(Class<?> type) throws java.net.URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private Object find(String name) throws ReflectiveOperationException {
    Method find = moduleLoader.loadClass(ExecutorRegistry.class.getName())
        .getMethod("find", String.class, ClassLoader.class);
    return find.invoke(null, name, moduleLoader);
  }

  @Test
  void registrationResourceOfAClosedModuleIsServedByItsProvider() throws Exception {
    Object executor = find("acme.tasks.Registered");

    assertEquals("acme.tasks.RegisteredExecutor", executor.getClass().getName());
    assertEquals("acme.tasks", executor.getClass().getModule().getName());
  }

  @Test
  void withoutResourceTheProviderIsFoundByTheNamingRule() throws Exception {
    Object executor = find("acme.tasks.Unregistered");

    assertEquals("acme.tasks.UnregisteredExecutor", executor.getClass().getName());
  }

  @Test
  void anUnknownNameStillListsTheModulesExecutors() throws Exception {
    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> find("acme.tasks.Nope"));

    assertTrue(e.getCause().getMessage().contains("acme.tasks.Unregistered"), e.getCause().getMessage());
  }

  /** A jar of {@code classes} (a folder, or a jar in a reactor or repository build), registrations left out. */
  private static Path jarOf(Path classes, Path jar) throws IOException {
    if (Files.isRegularFile(classes)) {
      try (FileSystem zip = FileSystems.newFileSystem(classes)) {
        return jarOf(zip.getPath("/"), jar);
      }
    }
    Path classesDirectory = classes;
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classesDirectory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String entry = classesDirectory.relativize(file).toString().replace(classesDirectory.getFileSystem().getSeparator(), "/");
        if (entry.startsWith("META-INF/preflyte/executors/") || entry.startsWith("META-INF/services/")) {
          continue; // test registrations stay out of the runtime module
        }
        out.putNextEntry(new JarEntry(entry));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
