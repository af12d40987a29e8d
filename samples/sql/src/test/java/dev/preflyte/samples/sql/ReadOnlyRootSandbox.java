package dev.preflyte.samples.sql;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a pod's {@code securityContext: {runAsUser: 65534, runAsGroup: 65534, readOnlyRootFilesystem:
 * true}} makes of a container, on this machine: a private mount namespace whose root file system
 * (and {@code /tmp}, when it is a mount of its own) is read-only, except the folders given as the
 * pod's volumes, each a writable mount of its own as an emptyDir is, and the command run as uid and
 * gid 65534 with no supplementary groups. Building it takes root, {@code unshare} and {@code setpriv}
 * (util-linux) and a kernel that lets a mount namespace remount.
 */
final class ReadOnlyRootSandbox {

  /** The pod's user and group. */
  static final int USER = 65534;

  /**
   * Run by {@code sh -c} as root inside the new mount namespace: $1 is the number of volumes, then
   * the volumes, then the command. The volumes are handed to the user first, as Kubernetes' fsGroup
   * does; the pod's environment has no TMPDIR of the test's.
   */
  private static final String SCRIPT = """
      set -eu
      count=$1; shift
      while [ "$count" -gt 0 ]; do
        chown -R %1$d:%1$d "$1"
        mount --bind "$1" "$1"
        count=$((count - 1)); shift
      done
      mount -o remount,bind,ro /
      if mountpoint -q /tmp; then mount -o remount,bind,ro /tmp; fi
      unset TMPDIR
      exec setpriv --reuid=%1$d --regid=%1$d --clear-groups -- "$@"
      """.formatted(USER);

  private ReadOnlyRootSandbox() {}

  /** The command that runs what follows it in the sandbox, with {@code volumes} writable. */
  static List<String> wrapper(Path... volumes) {
    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private",
        "sh", "-c", SCRIPT, "sandbox", Integer.toString(volumes.length)));
    for (Path volume : volumes) {
      command.add(volume.toAbsolutePath().toString());
    }
    return command;
  }

  /**
   * Why the sandbox cannot be built here, or null when it can: tried in {@code volume}, which must
   * then be writable inside and {@code /tmp} must not, as uid 65534.
   */
  static String unavailableBecause(Path volume) throws IOException, InterruptedException {
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (!Integer.valueOf(0).equals(uid)) {
      return "the read-only root sandbox needs root to remount / and change user (running as uid " + uid + ")";
    }
    for (String tool : List.of("unshare", "setpriv", "mountpoint")) {
      if (!onPath(tool)) {
        return "the read-only root sandbox needs util-linux's " + tool + " on PATH";
      }
    }
    List<String> probe = wrapper(volume);
    probe.addAll(List.of("sh", "-c", "test \"$(id -u):$(id -g):$(id -G)\" = '%1$d:%1$d:%1$d' && touch \"$1/probe\""
        .formatted(USER) + " && ! touch /tmp/.preflyte-sandbox-probe 2>/dev/null", "probe", volume.toString()));
    Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      return "the read-only root sandbox's probe did not end within 30 s";
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.exitValue() != 0 || !Files.exists(volume.resolve("probe"))) {
      return "the read-only root sandbox cannot be built here (exit " + process.exitValue() + "): "
          + (output.isEmpty() ? "uid 65534 cannot write its volume, or can write /tmp" : output.replace('\n', ' '));
    }
    Files.delete(volume.resolve("probe"));
    return null;
  }

  private static boolean onPath(String tool) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, tool))) {
        return true;
      }
    }
    return false;
  }
}
