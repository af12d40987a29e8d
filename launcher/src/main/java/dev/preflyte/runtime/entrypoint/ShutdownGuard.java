package dev.preflyte.runtime.entrypoint;

import java.io.PrintStream;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How the JVM of {@code preflyte-execute} ends when the run does not return normally.
 *
 * <ul>
 *   <li>Task code calls {@code System.exit}: the shutdown hook writes {@code error.pb}
 *       ({@code USER:SystemExit}) unless a verdict was already written, so the container cannot look
 *       successful. ({@code Runtime.halt} runs no hook: {@code bin/preflyte-execute} catches it.)
 *   <li>SIGTERM (Kubernetes on deletion, preemption or timeout) or SIGINT: logged with the reason;
 *       nothing more is written, the run's scratch files are removed, the exit status is 128 + signal.
 *   <li>Either way the JVM ends within a grace period ({@code PREFLYTE_SHUTDOWN_GRACE_SECONDS},
 *       default 10) even if a shutdown hook of the task never returns.
 * </ul>
 *
 * <p>Nothing runs on the success path but registering the hook and the handlers, and taking the
 * hook out again once the run returned: no thread starts unless the JVM ends under the run.
 */
final class ShutdownGuard {

  static final int DEFAULT_GRACE_SECONDS = 10;

  private final ExecuteCommand command;
  private final Map<String, String> environment;
  private final PrintStream stderr;
  private final Runnable flushStreams;
  private final long graceMillis;
  private final Thread hook;
  private volatile Signal received;
  private volatile int haltStatus = ExecuteCommand.EXIT_FAILED;

  private ShutdownGuard(ExecuteCommand command, Map<String, String> environment, PrintStream stderr,
      Runnable flushStreams, long graceMillis) {
    this.command = command;
    this.environment = environment;
    this.stderr = stderr;
    this.flushStreams = flushStreams;
    this.graceMillis = graceMillis;
    this.hook = new Thread(new Hook(), "preflyte-shutdown");
  }

  /** Registers the hook and the signal handlers for the run of {@code command}. */
  static ShutdownGuard install(ExecuteCommand command, Map<String, String> environment, PrintStream stderr,
      Runnable flushStreams) {
    ShutdownGuard guard = new ShutdownGuard(command, environment, stderr, flushStreams, graceMillis(environment));
    Runtime.getRuntime().addShutdownHook(guard.hook);
    guard.handle("TERM");
    guard.handle("INT");
    return guard;
  }

  /**
   * The run returned {@code status}: its verdict is written and its scratch files are removed, so
   * the hook has nothing left to do and is taken out (no thread starts at exit). Signals still end
   * the JVM within the grace period.
   */
  void exitingWith(int status) {
    haltStatus = status;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running and sees the run has returned.
    }
  }

  private void handle(String name) {
    try {
      Signal.handle(new Signal(name), new Handler());
    } catch (IllegalArgumentException e) {
      // The signal is not available here (or reserved by the JVM's options): keep the default.
    }
  }

  static long graceMillis(Map<String, String> environment) {
    String value = environment.get("PREFLYTE_SHUTDOWN_GRACE_SECONDS");
    if (value != null) {
      try {
        double seconds = Double.parseDouble(value.strip());
        if (seconds > 0 && seconds < 3600) {
          return (long) (seconds * 1000);
        }
      } catch (NumberFormatException e) {
        // fall through to the default
      }
    }
    return DEFAULT_GRACE_SECONDS * 1000L;
  }

  private void startDeadline() {
    Thread deadline = new Thread(new Deadline(), "preflyte-shutdown-deadline");
    deadline.setDaemon(true);
    deadline.start();
  }

  /** Runs on SIGTERM / SIGINT in a thread of the JVM's own. */
  private final class Handler implements SignalHandler {
    @Override
    public void handle(Signal signal) {
      if (received != null) {
        return; // a second signal: the first is being handled
      }
      received = signal;
      haltStatus = 128 + signal.getNumber();
      stderr.println("preflyte-execute: received SIG" + signal.getName() + " (Kubernetes sends SIGTERM when the"
          + " pod is deleted, preempted or reaches its timeout): stopping the task; no outputs.pb or error.pb is"
          + " written from now on, the exit status is " + haltStatus);
      startDeadline();
      System.exit(haltStatus);
    }
  }

  /** The shutdown hook: record a verdict if task code ended the JVM, remove scratch files. */
  private final class Hook implements Runnable {
    @Override
    public void run() {
      if (!command.isRunning()) {
        return; // the run returned: its verdict is written, its scratch files removed
      }
      if (received == null) {
        startDeadline(); // task code called System.exit; after a signal the handler started it
      }
      try {
        int status = command.shutDown(received != null);
        if (status >= 0) {
          VerdictMarker.reached(environment); // error.pb is written: the exit status is the run's own
          haltStatus = status;
        }
        if (status > 0) {
          flushStreams.run();
          Runtime.getRuntime().halt(status); // System.exit(0) of the task must not hide FLYTE_FAIL_ON_ERROR
        }
      } finally {
        flushStreams.run();
      }
    }
  }

  /** Ends the JVM when shutdown takes longer than the grace period. */
  private final class Deadline implements Runnable {
    @Override
    public void run() {
      try {
        Thread.sleep(graceMillis);
      } catch (InterruptedException e) {
        return;
      }
      stderr.println("preflyte-execute: shutdown did not finish within " + graceMillis + " ms (a shutdown hook of"
          + " the task blocks it): halting with status " + haltStatus);
      flushStreams.run();
      Runtime.getRuntime().halt(haltStatus);
    }
  }
}
