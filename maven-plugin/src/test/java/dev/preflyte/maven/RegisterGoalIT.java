package dev.preflyte.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.register.AdminStandIn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflyte:register} in a real Maven build of the invoker's user project (src/it/package-basic)
 * against the FlyteAdmin stand-in on loopback: what the server stored, and a build that fails with
 * one clear error when the endpoint refuses. The builds run in a Maven of their own, on the
 * repository the invoker's install goal filled (never ~/.m2), in the integration-test phase after it.
 */
class RegisterGoalIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path PROJECT = MODULE.resolve("src/it/package-basic");
  private static final Path IT_REPOSITORY = MODULE.resolve("target/it-repo");
  private static final long BUILD_LIMIT_MINUTES = 5;

  @TempDir Path dir;

  record Build(int exit, String log) {}

  /** The user project, filtered as the invoker filters it, under the test's directory. */
  private Path userProject() throws IOException {
    Path project = dir.resolve("project");
    try (Stream<Path> files = Files.walk(PROJECT)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Path target = project.resolve(PROJECT.relativize(source).toString());
        Files.createDirectories(target.getParent());
        Files.writeString(target, filter(Files.readString(source, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
      }
    }
    return project;
  }

  private static String filter(String text) {
    return text.replace("@project.version@", property("project.version"))
        .replace("@compiler-plugin.version@", property("compiler-plugin.version"))
        .replace("@localRepositoryUrl@", IT_REPOSITORY.toUri().toString());
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run this test through Maven"
          + " (mvn -pl maven-plugin -am verify), whose failsafe configuration passes it");
    }
    return value;
  }

  /** Runs {@code mvn -B args} on {@code project} with the invoker's settings and repository. */
  private Build mvn(Path project, String... args) throws Exception {
    Path settings = dir.resolve("settings.xml");
    Files.writeString(settings, filter(Files.readString(MODULE.resolve("src/it/settings.xml"))));
    // Offline: invoker:run, before this test in the same phase, brought every plugin the build needs.
    List<String> command = new ArrayList<>(List.of(Path.of(property("maven.home"), "bin", "mvn").toString(), "-B",
        "-o", "-s", settings.toString(), "-Dmaven.repo.local=" + IT_REPOSITORY));
    command.addAll(List.of(args));
    Path log = dir.resolve("build-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // A short build: the JIT's first tier and the serial collector start fastest.
    builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Process build = builder.start();
    if (!build.waitFor(BUILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
      build.destroyForcibly().waitFor();
      throw new AssertionError("the Maven build did not end within " + BUILD_LIMIT_MINUTES + " minutes:\n"
          + Files.readString(log));
    }
    return new Build(build.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static List<String> register(String endpoint) {
    return List.of("-Dpreflyte.endpoint=" + endpoint, "-Dpreflyte.insecure=true", "-Dpreflyte.project=flytesnacks",
        "-Dpreflyte.domain=development", "preflyte:register");
  }

  private static String[] args(List<String> first, List<String> then) {
    return Stream.concat(first.stream(), then.stream()).toArray(String[]::new);
  }

  /**
   * Two builds of one project: the second reuses the first one's classes, so it costs only Maven's
   * start; together they stay well under a minute on an idle machine.
   */
  @Test
  void theBuildRegistersTheDeclaredTasksAndFailsClearlyWhenTheEndpointRefuses() throws Exception {
    Path project = userProject();
    try (AdminStandIn admin = AdminStandIn.start()) {
      Build build = mvn(project, args(List.of("compile"), register("127.0.0.1:" + admin.port())));

      assertEquals(0, build.exit(), build.log());
      Map<String, TaskSpec> stored = admin.storedSpecs();
      assertEquals(List.of("flytesnacks/development/demo.hello/1.0"), List.copyOf(stored.keySet()), build.log());
      TaskTemplate template = stored.values().iterator().next().getTemplate();
      assertEquals("greet", template.getType());
      // The plugin configuration's images replace the annotation's image.
      assertEquals("registry.example:5000/greet@sha256:0123", template.getContainer().getImage());
      assertTrue(template.getInterface().getInputs().containsVariables("name"), template.getInterface().toString());
      assertTrue(build.log().contains("1 task: 1 registered, 0 unchanged, 0 failed"), build.log());
    }

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String endpoint = "127.0.0.1:" + closedPort;
    long start = System.nanoTime();
    Build refused = mvn(project, args(List.of(), register(endpoint)));

    assertNotEquals(0, refused.exit(), refused.log());
    List<String> errors = refused.log().lines().filter(line -> line.startsWith("[ERROR]")).toList();
    assertTrue(errors.stream().anyMatch(line -> line.contains("demo.hello")
        && line.contains("cannot reach FlyteAdmin at " + endpoint)), refused.log());
    assertTrue(errors.stream().anyMatch(line -> line.contains("1 task: 0 registered, 0 unchanged, 1 failed")),
        refused.log());
    assertTrue(refused.log().contains("BUILD FAILURE"), refused.log());
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 120, "a refused connection took minutes");
  }
}
