import dev.preflyte.register.AdminStandIn;

/**
 * The loopback FlyteAdmin stand-in of preflyte-register's tests, as a process for
 * bench/register-bench.sh: prints "port N", serves until its standard input closes, then prints
 * how many CreateTask calls it answered and how many tasks it stored.
 */
public final class AdminStandInServer {
  public static void main(String[] args) throws Exception {
    try (AdminStandIn admin = AdminStandIn.start()) {
      System.out.println("port " + admin.port());
      System.out.flush();
      while (System.in.read() != -1) {
        // serve until the benchmark closes the pipe
      }
      System.out.println("calls " + admin.createCalls() + " stored " + admin.storedTasks());
    }
  }
}
