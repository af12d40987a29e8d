package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.register.AdminStandIn;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preflyte register} against a stand-in FlyteAdmin on loopback that applies CreateTask's rules. */
class RegisterCommandTest {

  @TempDir Path dir;
  private AdminStandIn admin;

  @BeforeEach
  void startAdmin() {
    admin = AdminStandIn.start();
  }

  @AfterEach
  void stopAdmin() throws InterruptedException {
    admin.close();
  }

  private String[] register(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("register", "--endpoint", "127.0.0.1:" + admin.port(),
        "--insecure", "--project", "flytesnacks", "--domain", "development"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void registersTheDeclaredTasksAndAgainIsUnchanged() {
    PreflyteCommandTest.Run first = PreflyteCommandTest.run(register("--version", "v1"));
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.out().contains("4 tasks: 4 registered, 0 unchanged, 0 failed"), first.out());
    assertEquals(4, admin.storedTasks());

    PreflyteCommandTest.Run again = PreflyteCommandTest.run(register("--version", "v1"));
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("4 tasks: 0 registered, 4 unchanged, 0 failed"), again.out());
  }

  @Test
  void registersAPackageArchive() throws Exception {
    Path archive = dir.resolve("tasks.tgz");
    PreflyteCommandTest.Run packaged = PreflyteCommandTest.run("package", "--output", archive.toString());
    assertEquals(0, packaged.exit(), packaged.err());

    PreflyteCommandTest.Run run = PreflyteCommandTest.run(register("--version", "v2", archive.toString()));
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("4 tasks: 4 registered"), run.out());
  }

  @Test
  void withoutAVersionItIsAUsageError() {
    PreflyteCommandTest.Run run = PreflyteCommandTest.run(register());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("register needs --project, --domain and --version"), run.err());
  }

  @Test
  void anEndpointThatRefusesIsOneLineAndAFailure() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    PreflyteCommandTest.Run run = PreflyteCommandTest.run("register", "--endpoint", "127.0.0.1:" + closed,
        "--insecure", "--project", "p", "--domain", "d", "--version", "v1");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.err().contains("127.0.0.1:" + closed), run.err());
  }

  @Test
  void anArchiveThatIsNotOneIsOneLine() throws Exception {
    Path notAnArchive = Files.writeString(dir.resolve("tasks.tgz"), "not gzip");
    PreflyteCommandTest.Run run = PreflyteCommandTest.run(register("--version", "v1", notAnArchive.toString()));
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("preflyte: " + notAnArchive + " is not a readable .tgz archive"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }
}
