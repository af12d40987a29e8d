package dev.preflyte.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.runtime.entrypoint.tasks.ProvidedExecutor;
import dev.preflyte.runtime.entrypoint.tasks.SumExecutor;
import dev.preflyte.runtime.entrypoint.tasks.UnwantedExecutor;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorRegistryTest {

  private static final String PACKAGE = "dev.preflyte.runtime.entrypoint.tasks.";
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void findsTheExecutorNamedByTheRegistrationResource() {
    assertInstanceOf(SumExecutor.class, ExecutorRegistry.find(PACKAGE + "Sum", loader));
  }

  @Test
  void eachFindIsANewInstance() {
    TaskExecutor first = ExecutorRegistry.find(PACKAGE + "Sum", loader);
    assertTrue(first != ExecutorRegistry.find(PACKAGE + "Sum", loader));
  }

  @Test
  void fallsBackToServiceProvidersByNamingRuleWithoutInstantiatingOthers() {
    // META-INF/services also names a class that does not exist: one broken entry hides nothing.
    int before = UnwantedExecutor.INSTANCES.get();

    assertInstanceOf(ProvidedExecutor.class, ExecutorRegistry.find(PACKAGE + "Provided", loader));
    assertEquals(before, UnwantedExecutor.INSTANCES.get(), "another provider was instantiated");
  }

  @Test
  void executorClassNamesFollowTheProcessorsRule() {
    assertTrue(ExecutorRegistry.executorClassNames("com.acme.Adder").contains("com.acme.AdderExecutor"));
    assertTrue(ExecutorRegistry.executorClassNames("com.acme.Outer.Inner").contains("com.acme.Outer_InnerExecutor"));
    assertTrue(ExecutorRegistry.executorClassNames("Adder").contains("AdderExecutor"));
  }

  @Test
  void unknownNameListsRegisteredNamesAndTheFix() {
    ExecutorLoadException e = assertThrows(ExecutorLoadException.class,
        () -> ExecutorRegistry.find("com.acme.Missing", loader));

    assertTrue(e.getMessage().startsWith("no executor is registered under the name 'com.acme.Missing'"),
        e.getMessage());
    assertTrue(e.getMessage().contains(PACKAGE + "Sum, "), e.getMessage());
    assertTrue(e.getMessage().contains(PACKAGE + "Provided"), e.getMessage());
    assertTrue(e.getMessage().contains("preflyte-processor"), e.getMessage());
    assertTrue(e.getMessage().contains("PREFLYTE_CLASSPATH"), e.getMessage());
  }

  @Test
  void registrationOfAMissingClassHasItsOwnError() {
    ExecutorLoadException e = assertThrows(ExecutorLoadException.class,
        () -> ExecutorRegistry.find(PACKAGE + "Gone", loader));

    assertTrue(e.getMessage().startsWith("executor class " + PACKAGE + "GoneExecutor registered under"),
        e.getMessage());
    assertInstanceOf(ClassNotFoundException.class, e.getCause());
  }

  @Test
  void registrationOfANonExecutorHasItsOwnError() {
    ExecutorLoadException e = assertThrows(ExecutorLoadException.class,
        () -> ExecutorRegistry.find(PACKAGE + "NotA", loader));

    assertTrue(e.getMessage().contains("does not implement " + TaskExecutor.class.getName()), e.getMessage());
  }

  @Test
  void executorWithoutNoArgConstructorHasItsOwnError() {
    ExecutorLoadException e = assertThrows(ExecutorLoadException.class,
        () -> ExecutorRegistry.find(PACKAGE + "NoDefaultConstructor", loader));

    assertTrue(e.getMessage().contains("has no public no-argument constructor"), e.getMessage());
  }

  @Test
  void blankOrPathLikeNamesAreRejected() {
    assertThrows(ExecutorLoadException.class, () -> ExecutorRegistry.find(" ", loader));
    ExecutorLoadException e = assertThrows(ExecutorLoadException.class,
        () -> ExecutorRegistry.find("../services/x", loader));
    assertTrue(e.getMessage().contains("is not a task name"), e.getMessage());
  }

  @Test
  void listsRegistrationsInJarsToo(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("tasks.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/"));
      out.putNextEntry(new JarEntry("META-INF/preflyte/"));
      out.putNextEntry(new JarEntry(ExecutorRegistry.RESOURCE_DIRECTORY));
      out.putNextEntry(new JarEntry(ExecutorRegistry.RESOURCE_DIRECTORY + "com.acme.InJar"));
      out.write("com.acme.InJarExecutor\n".getBytes());
      out.closeEntry();
    }
    try (URLClassLoader jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, loader)) {
      assertTrue(ExecutorRegistry.registeredNames(jarLoader).contains("com.acme.InJar"));
      ExecutorLoadException e = assertThrows(ExecutorLoadException.class,
          () -> ExecutorRegistry.find("com.acme.InJar", jarLoader));
      assertTrue(e.getMessage().contains("com.acme.InJarExecutor"), e.getMessage());
      assertTrue(e.getMessage().contains("tasks.jar"), "names the jar holding the registration: " + e.getMessage());
    }
  }

  @Test
  void blankRegistrationResourceIsRejected(@TempDir Path dir) throws IOException {
    Path registration = dir.resolve(ExecutorRegistry.RESOURCE_DIRECTORY + "com.acme.Blank");
    Files.createDirectories(registration.getParent());
    Files.writeString(registration, "\n");
    try (URLClassLoader dirLoader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, loader)) {
      ExecutorLoadException e = assertThrows(ExecutorLoadException.class,
          () -> ExecutorRegistry.find("com.acme.Blank", dirLoader));
      assertTrue(e.getMessage().contains("does not hold one class name"), e.getMessage());
    }
  }
}
