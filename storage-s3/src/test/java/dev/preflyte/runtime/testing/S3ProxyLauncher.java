package dev.preflyte.runtime.testing;

import java.io.IOException;

/**
 * Main class of the S3 test server's JVM: runs S3Proxy's own main, and halts when standard input
 * reaches its end, which happens when the test JVM that started it exits, however it exits. So no
 * server outlives its tests, even after a crash or a kill.
 */
public final class S3ProxyLauncher {

  private S3ProxyLauncher() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(S3ProxyLauncher::haltAtEndOfInput, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    // S3Proxy is on this JVM's class path only, never on the tests' compile class path.
    Class.forName("org.gaul.s3proxy.Main").getMethod("main", String[].class).invoke(null, (Object) args);
  }

  private static void haltAtEndOfInput() {
    try {
      while (System.in.read() != -1) {
        // The test JVM never writes; it only holds the pipe open.
      }
    } catch (IOException ignored) {
      // A broken pipe means the same: the test JVM is gone.
    }
    Runtime.getRuntime().halt(0);
  }
}
