package dev.preflyte.runtime.testing;

/**
 * Run in its own JVM by {@link S3TestServerLifetimeTest}: starts the shared server, prints {@code
 * server <pid>}, then exits at once ({@code exit}) or waits to be killed ({@code wait}).
 */
public final class S3TestServerHolder {

  private S3TestServerHolder() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("server " + S3TestServer.shared().pid());
    System.out.flush();
    if ("wait".equals(args[0])) {
      Thread.sleep(120_000);
    }
  }
}
