package dev.preflyte.runtime.storage;

import java.util.List;
import java.util.Optional;

/**
 * The storage backends Preflyte ships, each an artifact of its own and a folder of the
 * distribution's {@code backends/}: the one place that says which backend serves which URI scheme.
 */
enum StorageBackend {
  S3("s3", "preflyte-storage-s3", List.of("s3")),
  AZURE("azure", "preflyte-storage-azure", List.of("abfs", "abfss")),
  GCS("gcs", "preflyte-storage-gcs", List.of("gs"));

  private final String folder;
  private final String artifactId;
  private final List<String> schemes;

  StorageBackend(String folder, String artifactId, List<String> schemes) {
    this.folder = folder;
    this.artifactId = artifactId;
    this.schemes = schemes;
  }

  /** The folder under the distribution's {@code backends/} that holds its jars. */
  String folder() {
    return folder;
  }

  String artifactId() {
    return artifactId;
  }

  List<String> schemes() {
    return schemes;
  }

  static Optional<StorageBackend> serving(String scheme) {
    for (StorageBackend backend : values()) {
      if (backend.schemes.contains(scheme)) {
        return Optional.of(backend);
      }
    }
    return Optional.empty();
  }
}
