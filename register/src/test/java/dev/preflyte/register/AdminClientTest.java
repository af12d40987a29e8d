package dev.preflyte.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.TaskTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminClientTest {

  private AdminStandIn admin;
  private AdminClient client;

  @BeforeEach
  void start() throws Exception {
    admin = AdminStandIn.start();
    client = AdminClient.connect(AdminSettings.builder(admin.endpoint()).insecure(true).build());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    admin.close();
  }

  private static Identifier id(TaskSpec spec) {
    return spec.getTemplate().getId();
  }

  @Test
  void registersATaskBuiltFromARealTask() throws Exception {
    TaskSpec spec = EchoTask.named("echo.hello", ">").spec("v1");
    RegistrationResult result = client.createTask(id(spec), spec);
    assertEquals(RegistrationResult.Outcome.REGISTERED, result.outcome());
    assertTrue(result.succeeded());
    assertEquals(1, admin.storedTasks());
    assertEquals(List.of(""), admin.authorizations(), "no authentication: no authorization metadata");
  }

  @Test
  void identicalReRegistrationIsUnchanged() throws Exception {
    TaskSpec spec = EchoTask.named("echo.hello", ">").spec("v1");
    client.createTask(id(spec), spec);
    TaskSpec again = EchoTask.named("echo.hello", ">").spec("v1");
    RegistrationResult result = client.createTask(id(again), again);
    assertEquals(RegistrationResult.Outcome.UNCHANGED, result.outcome());
    assertTrue(result.succeeded());
    assertEquals(2, admin.createCalls());
  }

  @Test
  void aDifferentStructureUnderTheSameVersionAsksForANewVersion() throws Exception {
    TaskSpec spec = EchoTask.named("echo.hello", ">").spec("v1");
    client.createTask(id(spec), spec);
    TaskSpec changed = EchoTask.named("echo.hello", ">>").spec("v1");
    RegistrationException e = assertThrows(RegistrationException.class,
        () -> client.createTask(id(changed), changed));
    assertEquals("task p/d/echo.hello@v1 is already registered with a different structure under"
        + " version v1: register it under a new version", e.getMessage());

    TaskSpec newVersion = EchoTask.named("echo.hello", ">>").spec("v2");
    assertEquals(RegistrationResult.Outcome.REGISTERED, client.createTask(id(newVersion), newVersion).outcome());
  }

  @Test
  void incompleteIdsAreFlyteAdminsInvalidArgumentNamingTheField() {
    TaskSpec spec = EchoTask.named("echo.hello", ">").spec("v1");
    Identifier full = id(spec);
    assertRejected(full.toBuilder().setProject("").build(), spec, "missing project");
    assertRejected(full.toBuilder().setDomain("").build(), spec, "missing domain");
    assertRejected(full.toBuilder().setName("").build(), spec, "missing name");
    assertRejected(full.toBuilder().setVersion("").build(), spec, "missing version");
    assertRejected(full.toBuilder().setResourceType(ResourceType.WORKFLOW).build(), spec,
        "unexpected resource type WORKFLOW");
    assertEquals(0, admin.storedTasks());
  }

  @Test
  void incompleteSpecsAreFlyteAdminsInvalidArgumentNamingTheField() {
    TaskSpec spec = EchoTask.named("echo.hello", ">").spec("v1");
    Identifier id = id(spec);
    assertRejected(id, TaskSpec.getDefaultInstance(), "missing spec");
    assertRejected(id, edit(spec, TaskTemplate.Builder::clearType), "missing type");
    assertRejected(id, edit(spec, TaskTemplate.Builder::clearMetadata), "missing metadata");
    assertRejected(id, edit(spec, t -> t.setContainer(t.getContainer().toBuilder().clearImage())),
        "missing image");
    assertRejected(id, edit(spec, TaskTemplate.Builder::clearInterface), "missing interface");
    assertRejected(id, edit(spec, t -> t.setMetadata(t.getMetadata().toBuilder().clearRuntime())),
        "missing runtime version");
  }

  private void assertRejected(Identifier id, TaskSpec spec, String reason) {
    RegistrationException e = assertThrows(RegistrationException.class, () -> client.createTask(id, spec));
    String task = "task " + RegistrationResult.describe(id);
    assertTrue(e.getMessage().startsWith(task + " was rejected by FlyteAdmin: INVALID_ARGUMENT: " + reason),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  private static TaskSpec edit(TaskSpec spec, UnaryOperator<TaskTemplate.Builder> change) {
    return spec.toBuilder().setTemplate(change.apply(spec.getTemplate().toBuilder())).build();
  }

  @Test
  void registersFiftyTasksConcurrentlyWithASummary() throws Exception {
    admin.createDelay(50);
    List<TaskSpec> specs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      specs.add(EchoTask.named("echo.t" + i, "#" + i).spec());   // placeholders, as packaged
    }
    long start = System.nanoTime();
    RegistrationSummary first = client.registerAll(specs, "flytesnacks", "development", "v1", 8);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("50 tasks: 50 registered, 0 unchanged, 0 failed", first.summaryLine());
    assertTrue(admin.maxInFlight() > 1 && admin.maxInFlight() <= 8, "in flight: " + admin.maxInFlight());
    assertTrue(millis < 50 * 50, "concurrent, not one after another: " + millis + " ms");
    for (int i = 0; i < 50; i++) {
      Identifier id = first.results().get(i).id();
      assertEquals("echo.t" + i, id.getName(), "results keep the given order");
      assertEquals("flytesnacks", id.getProject());
      assertEquals("development", id.getDomain());
      assertEquals("v1", id.getVersion());
      assertEquals(ResourceType.TASK, id.getResourceType());
    }

    admin.createDelay(0);
    List<TaskSpec> mixed = new ArrayList<>(specs);
    mixed.set(3, EchoTask.named("echo.t3", "changed").spec());
    mixed.add(EchoTask.named("echo.new", "new").spec());
    RegistrationSummary second = client.registerAll(mixed, "flytesnacks", "development", "v1", 8);
    assertEquals("51 tasks: 1 registered, 49 unchanged, 1 failed", second.summaryLine());
    assertFalse(second.succeeded());
    assertEquals(1, second.failures().size());
    assertTrue(second.failures().get(0).message().contains("flytesnacks/development/echo.t3@v1"));
    assertTrue(second.failures().get(0).message().contains("register it under a new version"));
  }

  @Test
  void theTemplateInsideTheSpecCarriesTheRegisteredId() throws Exception {
    TaskSpec packaged = EchoTask.named("echo.hello", ">").spec();
    assertEquals("{{ registration.version }}", packaged.getTemplate().getId().getVersion());
    client.registerAll(List.of(packaged), "p", "d", "v7", 1);
    // The same spec registered by hand under the hydrated id is identical, so unchanged.
    TaskSpec hydrated = EchoTask.named("echo.hello", ">").spec("v7");
    assertEquals(RegistrationResult.Outcome.UNCHANGED, client.createTask(id(hydrated), hydrated).outcome());
  }

  @Test
  void aSpecWithoutTemplateFailsAloneInASummary() {
    RegistrationSummary summary = client.registerAll(
        List.of(TaskSpec.getDefaultInstance(), EchoTask.named("echo.ok", "").spec()), "p", "d", "v1", 2);
    assertEquals("2 tasks: 1 registered, 0 unchanged, 1 failed", summary.summaryLine());
    assertEquals("task spec #0: the task spec has no template", summary.failures().get(0).message());
  }

  @Test
  void aRefusedPortIsAClearErrorWellWithinTheBound() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    AdminSettings settings = AdminSettings.builder(new AdminEndpoint("127.0.0.1", port)).insecure(true)
        .callTimeout(Duration.ofSeconds(5)).build();
    TaskSpec spec = EchoTask.named("echo.hello", ">").spec("v1");
    long start = System.nanoTime();
    try (AdminClient refused = AdminClient.connect(settings)) {
      RegistrationException e = assertThrows(RegistrationException.class, () -> refused.createTask(id(spec), spec));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5_000, "took " + millis + " ms");
      assertTrue(e.getMessage().startsWith(
          "task p/d/echo.hello@v1: cannot reach FlyteAdmin at 127.0.0.1:" + port + ": UNAVAILABLE"), e.getMessage());
      assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Test
  void aServerThatNeverAnswersEndsAtTheCallTimeout() throws Exception {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            Socket socket = silent.accept();   // accepts, reads and never writes a byte
            accepted.add(socket);
            Thread reader = new Thread(() -> {
              try (InputStream in = socket.getInputStream()) {
                in.transferTo(OutputStreamSink.INSTANCE);
              } catch (IOException ignored) {
                // closed by the test
              }
            });
            reader.setDaemon(true);
            reader.start();
          }
        } catch (IOException ignored) {
          // the server socket closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      AdminSettings settings = AdminSettings.builder(new AdminEndpoint("127.0.0.1", silent.getLocalPort()))
          .insecure(true).callTimeout(Duration.ofMillis(1500)).build();
      TaskSpec spec = EchoTask.named("echo.hello", ">").spec("v1");
      long start = System.nanoTime();
      try (AdminClient stuck = AdminClient.connect(settings)) {
        RegistrationException e = assertThrows(RegistrationException.class, () -> stuck.createTask(id(spec), spec));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1400 && millis < 4_000, "took " + millis + " ms");
        assertEquals("task p/d/echo.hello@v1: FlyteAdmin at 127.0.0.1:" + silent.getLocalPort()
            + " did not answer within 1.5s (DEADLINE_EXCEEDED)", e.getMessage());
      }
      assertFalse(accepted.isEmpty(), "the connection was accepted");
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void aBatchAgainstASilentServerEndsWithinAboutOneCallTimeout() throws Exception {
    // The kernel completes the TCP handshake from the backlog; nothing ever reads or answers.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AdminSettings settings = AdminSettings.builder(new AdminEndpoint("127.0.0.1", silent.getLocalPort()))
          .insecure(true).callTimeout(Duration.ofSeconds(1)).build();
      List<TaskSpec> specs = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        specs.add(EchoTask.named("echo.t" + i, "").spec());
      }
      long start = System.nanoTime();
      RegistrationSummary summary;
      try (AdminClient stuck = AdminClient.connect(settings)) {
        summary = stuck.registerAll(specs, "p", "d", "v1", 4);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 3_500, "50 tasks, 4 at a time, 1 s timeout took " + millis + " ms");
      assertEquals("50 tasks: 0 registered, 0 unchanged, 50 failed", summary.summaryLine());
      assertTrue(summary.results().get(0).message().endsWith("did not answer within 1s (DEADLINE_EXCEEDED)"),
          summary.results().get(0).message());
      assertEquals("task p/d/echo.t49@v1: not sent after an earlier failure (timeout)",
          summary.results().get(49).message());
    }
  }

  @Test
  void failuresSayWhyInAReasonACallerCanActOn() throws Exception {
    TaskSpec spec = EchoTask.named("echo.hello", ">").spec("v1");
    client.createTask(id(spec), spec);
    TaskSpec changed = EchoTask.named("echo.hello", "changed").spec("v1");
    assertEquals(RegistrationException.Reason.DIFFERENT_STRUCTURE,
        assertThrows(RegistrationException.class, () -> client.createTask(id(changed), changed)).reason());
    Identifier noVersion = id(spec).toBuilder().clearVersion().build();
    RegistrationException rejected = assertThrows(RegistrationException.class, () -> client.createTask(noVersion, spec));
    assertEquals(RegistrationException.Reason.REJECTED, rejected.reason());
    assertFalse(rejected.affectsEveryTask());
  }

  /** Discards what the silent server reads. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
