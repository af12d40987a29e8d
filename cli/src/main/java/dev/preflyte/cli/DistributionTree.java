package dev.preflyte.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an image takes from a Preflyte distribution, and the only place that knows its layout:
 * {@code bin/preflyte-execute}, {@code bin/preflyte-train} and the {@code bin/preflyte-jvm.sh} both source, {@code lib/} (preflyte-execute's jars),
 * {@code licenses/}, and one folder of jars per storage backend under {@code backends/}. The CLI's own
 * {@code cli/} folder and a start-up archive made for the building machine's JVM stay out of images.
 *
 * <p>The unpacked distribution (preflyte-distribution's tar.gz) has its own {@code bin/}; the tree the
 * launcher module builds in {@code launcher/target/preflyte} has none: its scripts are the repository's
 * {@code bin/}.
 */
final class DistributionTree {

  static final String EXECUTE = "preflyte-execute";
  static final String TRAIN = "preflyte-train";
  /** Sourced by both: the JVM, its flags and the start-up archive they must agree on. */
  static final String JVM = "preflyte-jvm.sh";
  static final String LIB = "lib";
  static final String LICENSES = "licenses";
  static final String BACKENDS = "backends";

  private final Path home;
  private final Path bin;

  private DistributionTree(Path home, Path bin) {
    this.home = home;
    this.bin = bin;
  }

  /**
   * The distribution at {@code home}.
   *
   * @throws CliException naming {@code home} and what it lacks, when it is not a distribution
   */
  static DistributionTree at(Path home, String what) {
    Path absolute = home.toAbsolutePath().normalize();
    if (!hasJars(absolute.resolve(LIB))) {
      throw new CliException(what + " " + home + " is not a Preflyte distribution: it has no " + LIB
          + "/ of jars (build it with 'mvn -B -pl cli -am package', or give the unpacked distribution)");
    }
    Path bin = absolute.resolve("bin");
    if (!Files.isRegularFile(bin.resolve(EXECUTE)) && absolute.getParent() != null
        && absolute.getParent().getParent() != null) {
      bin = absolute.getParent().getParent().getParent().resolve("bin"); // launcher/target/preflyte
    }
    for (String script : List.of(EXECUTE, TRAIN, JVM)) {
      if (!Files.isRegularFile(bin.resolve(script))) {
        throw new CliException(what + " " + home + " is not a complete Preflyte distribution: bin/"
            + script + " is missing");
      }
    }
    return new DistributionTree(absolute, bin);
  }

  /**
   * The distribution named by {@code option}, else by {@code PREFLYTE_HOME}, else the one this
   * command runs from (its jar sits in the distribution's {@code cli/}).
   */
  static DistributionTree find(Path option) {
    if (option != null) {
      return at(option, "--distribution");
    }
    String environment = System.getenv("PREFLYTE_HOME");
    if (environment != null && !environment.isBlank()) {
      return at(Path.of(environment), "PREFLYTE_HOME");
    }
    Optional<Path> own = ownHome();
    if (own.isEmpty()) {
      throw new CliException("no Preflyte distribution to put in the image: give --distribution DIR (the Maven"
          + " plugin's <distribution>) or set PREFLYTE_HOME to the unpacked distribution");
    }
    return at(own.get(), "the distribution this command runs from,");
  }

  private static Optional<Path> ownHome() {
    try {
      Path jar = Path.of(DistributionTree.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = jar.getParent();
      return Files.isRegularFile(jar) && folder != null && folder.getFileName().toString().equals("cli")
          ? Optional.ofNullable(folder.getParent()) : Optional.empty();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }

  Path home() {
    return home;
  }

  /** The launcher scripts an image needs, by name. */
  Map<String, Path> scripts() {
    Map<String, Path> scripts = new TreeMap<>();
    scripts.put(EXECUTE, bin.resolve(EXECUTE));
    scripts.put(TRAIN, bin.resolve(TRAIN));
    scripts.put(JVM, bin.resolve(JVM));
    return scripts;
  }

  Path lib() {
    return home.resolve(LIB);
  }

  /** The licence notices, when the distribution has them. */
  Optional<Path> licenses() {
    Path licenses = home.resolve(LICENSES);
    return Files.isDirectory(licenses) ? Optional.of(licenses) : Optional.empty();
  }

  /** The storage backends, by name ({@code s3}, {@code azure}, {@code gcs}); none before backends/ exists. */
  Map<String, Path> backends() {
    Map<String, Path> backends = new TreeMap<>();
    Path folder = home.resolve(BACKENDS);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> children = Files.list(folder)) {
        children.filter(Files::isDirectory).forEach(child -> backends.put(child.getFileName().toString(), child));
      } catch (IOException e) {
        throw new CliException("the distribution's " + folder + " cannot be read: " + e.getMessage(), e);
      }
    }
    return backends;
  }

  /** The jars in lib/, which a task's own class path must not bring again. */
  List<Path> libraries() {
    try (Stream<Path> jars = Files.list(lib())) {
      return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new CliException("the distribution's " + lib() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static boolean hasJars(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".jar"));
    } catch (IOException e) {
      return false;
    }
  }
}
