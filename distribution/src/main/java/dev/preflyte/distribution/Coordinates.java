package dev.preflyte.distribution;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Maven artifact's group, artifact and version. */
record Coordinates(String groupId, String artifactId, String version) {

  /** Where its POM sits in a local Maven repository. */
  Path pomIn(Path repository) {
    return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
        .resolve(artifactId + "-" + version + ".pom");
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + ":" + version;
  }

  /**
   * Reads {@code dependency:list} output written with absolute file names, lines such as
   * {@code "   g:a:jar:v:compile:/path/a-v.jar"} (or with a classifier,
   * {@code "g:a:jar:classifier:v:scope:/path"}), into coordinates by jar file name.
   */
  static Map<String, Coordinates> fromDependencyList(List<String> lines) {
    Map<String, Coordinates> byFileName = new TreeMap<>();
    for (String line : lines) {
      String trimmed = line.strip();
      int path = trimmed.indexOf(":/");
      if (path < 0) {
        continue;
      }
      String[] parts = trimmed.substring(0, path).split(":");
      if (parts.length < 5) {
        continue;
      }
      String version = parts.length >= 6 ? parts[4] : parts[3];
      String file = Path.of(trimmed.substring(path + 1).replaceAll(" -- .*$", "")).getFileName().toString();
      byFileName.put(file, new Coordinates(parts[0], parts[1], version));
    }
    return byFileName;
  }
}
