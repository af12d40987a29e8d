package dev.preflyte.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes the distribution's {@code licenses/}: for every bundled jar the licences its POM (or the
 * nearest parent POM declaring any) names, in {@code THIRD-PARTY.txt}, and the LICENSE and NOTICE
 * files the jar itself carries, in {@code <jar name>/}. Run at build time:
 *
 * <pre>LicenceNotices TREE LICENSES DEPENDENCY_LIST LOCAL_REPOSITORY</pre>
 *
 * where DEPENDENCY_LIST is {@code dependency:list} output with absolute file names, which names
 * the coordinates of jars that carry no {@code pom.properties}.
 */
public final class LicenceNotices {

  private static final Pattern NOTICE_FILE =
      Pattern.compile("(?i)(META-INF/)?(LICEN[CS]E|NOTICE|COPYING)([.-][^/]*)?");
  private static final List<String> FOLDERS_WITH_JARS = List.of("lib", "cli", "backends");

  private final Path tree;
  private final Path licenses;
  private final Map<String, Coordinates> listed;
  private final PomLicences poms;

  LicenceNotices(Path tree, Path licenses, Map<String, Coordinates> listed, PomLicences poms) {
    this.tree = tree;
    this.licenses = licenses;
    this.listed = listed;
    this.poms = poms;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: LicenceNotices TREE LICENSES DEPENDENCY_LIST LOCAL_REPOSITORY");
      System.exit(2);
    }
    Path repository = Path.of(args[3]);
    LicenceNotices notices = new LicenceNotices(Path.of(args[0]), Path.of(args[1]),
        Coordinates.fromDependencyList(Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)),
        new PomLicences(repository));
    int unknown = notices.write();
    if (unknown > 0) {
      System.err.println("LicenceNotices: " + unknown + " jar(s) without a declared licence, see "
          + notices.licenses.resolve("THIRD-PARTY.txt"));
    }
  }

  /** Writes licenses/; returns how many jars have no licence found. */
  int write() throws IOException {
    Files.createDirectories(licenses);
    StringBuilder text = new StringBuilder()
        .append("Libraries bundled in this Preflyte distribution and the licences their POMs declare.\n")
        .append("The LICENSE and NOTICE files a library's jar carries are in licenses/<jar name>/.\n");
    int unknown = 0;
    for (Path jar : jars()) {
      String name = jar.getFileName().toString();
      Optional<Coordinates> coordinates = coordinatesOf(jar);
      text.append('\n').append(tree.relativize(jar).toString().replace('\\', '/'));
      text.append("  ").append(coordinates.map(Coordinates::toString).orElse("(coordinates unknown)")).append('\n');
      List<String> declared = coordinates.map(this::licencesOf).orElse(List.of());
      if (declared.isEmpty()) {
        unknown++;
        text.append("  licence: none declared in its POM or its parents'\n");
      }
      declared.forEach(licence -> text.append("  licence: ").append(licence).append('\n'));
      List<String> copied = copyNoticeFiles(jar, licenses.resolve(name.substring(0, name.length() - ".jar".length())));
      copied.forEach(file -> text.append("  file: ").append(file).append('\n'));
    }
    Files.writeString(licenses.resolve("THIRD-PARTY.txt"), text, StandardCharsets.UTF_8);
    return unknown;
  }

  private List<String> licencesOf(Coordinates coordinates) {
    return coordinates.groupId().equals("dev.preflyte")
        ? List.of("Preflyte's own (this distribution)")
        : poms.licences(coordinates);
  }

  /** Every jar of lib/, cli/ and backends/*, in a fixed order. */
  private List<Path> jars() throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String folder : FOLDERS_WITH_JARS) {
      Path directory = tree.resolve(folder);
      if (Files.isDirectory(directory)) {
        try (Stream<Path> files = Files.walk(directory)) {
          files.filter(file -> file.getFileName().toString().endsWith(".jar")).forEach(jars::add);
        }
      }
    }
    jars.sort(null);
    return jars;
  }

  /** From the jar's own pom.properties, else the dependency list, else a listed version of its artifact. */
  Optional<Coordinates> coordinatesOf(Path jar) throws IOException {
    String name = jar.getFileName().toString();
    Optional<Coordinates> embedded = embeddedCoordinates(jar, name);
    if (embedded.isPresent()) {
      return embedded;
    }
    Coordinates exact = listed.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    // The same artifact at another version (a backend's graph can settle on another one than the
    // distribution's): same group, version taken from the file name.
    return listed.values().stream()
        .filter(other -> name.startsWith(other.artifactId() + "-")
            && Character.isDigit(name.charAt(other.artifactId().length() + 1)))
        .findFirst()
        .map(other -> new Coordinates(other.groupId(), other.artifactId(),
            name.substring(other.artifactId().length() + 1, name.length() - ".jar".length())));
  }

  private static Optional<Coordinates> embeddedCoordinates(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> candidates = zip.stream()
          .filter(entry -> entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties"))
          .toList();
      for (ZipEntry entry : candidates) {
        Properties properties = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
          properties.load(in);
        }
        Coordinates coordinates = new Coordinates(properties.getProperty("groupId"),
            properties.getProperty("artifactId"), properties.getProperty("version"));
        // A shaded jar carries the pom.properties of what it bundles: only its own counts.
        if (coordinates.artifactId() != null && name.startsWith(coordinates.artifactId() + "-" + coordinates.version())) {
          return Optional.of(coordinates);
        }
      }
    }
    return Optional.empty();
  }

  /** Copies the jar's LICENSE/NOTICE entries into {@code target}; their names there. */
  private static List<String> copyNoticeFiles(Path jar, Path target) throws IOException {
    Map<String, ZipEntry> found = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .filter(entry -> !entry.isDirectory() && NOTICE_FILE.matcher(entry.getName()).matches())
          .forEach(entry -> found.putIfAbsent(entry.getName().replace('/', '_'), entry));
      for (Map.Entry<String, ZipEntry> entry : found.entrySet()) {
        Files.createDirectories(target);
        try (InputStream in = zip.getInputStream(entry.getValue())) {
          Files.copy(in, target.resolve(entry.getKey()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot copy " + entry.getValue().getName() + " of " + jar, e);
        }
      }
    }
    List<String> names = new ArrayList<>();
    found.keySet().forEach(file -> names.add("licenses/" + target.getFileName() + "/" + file));
    return names;
  }
}
