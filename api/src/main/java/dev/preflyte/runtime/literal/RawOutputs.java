package dev.preflyte.runtime.literal;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Names fresh locations under the raw output prefix, as flytekit does: a random 32-hex-digit folder
 * per upload, so concurrent tasks and retries never overwrite each other's data.
 */
final class RawOutputs {

  private RawOutputs() {}

  /** {@code <prefix>/<random>}, or {@code <prefix>/<random>/<name>...} with {@code names}. */
  static String freshLocation(LiteralContext context, String... names) {
    if (context == null) {
      throw new LiteralConversionException("a local file or directory cannot be uploaded without a"
          + " LiteralContext: encode it with the task's context");
    }
    String prefix = context.rawOutputPrefix();
    if (prefix == null || prefix.isBlank()) {
      throw new LiteralConversionException("no raw output prefix to upload to: set the task's raw output"
          + " data prefix (preflyte-execute --raw-output-prefix or Flyte's launch plan)");
    }
    String random = randomFolder();
    if (prefix.startsWith("file:")) {
      // Resolve through Path so names with spaces or other reserved characters become a valid URI.
      Path path = Path.of(URI.create(prefix)).resolve(random);
      for (String name : names) {
        path = path.resolve(name);
      }
      return path.toUri().toString();
    }
    StringBuilder location = new StringBuilder(prefix);
    if (!prefix.endsWith("/")) {
      location.append('/');
    }
    location.append(random);
    for (String name : names) {
      location.append('/').append(name);
    }
    return location.toString();
  }

  /** {@code name} inside the folder {@code location} returned by {@link #freshLocation}. */
  static String freshLocationChild(String location, String name) {
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location)).resolve(name).toUri().toString();
    }
    return location + "/" + name;
  }

  /** A fresh local directory name under the working directory, for downloads. */
  static Path freshLocalDirectory(LiteralContext context) {
    return context.workingDirectory().resolve(randomFolder());
  }

  static String randomFolder() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** The last segment of a URI or path, ignoring a trailing slash; empty if there is none. */
  static String lastSegment(String uri) {
    String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    int slash = trimmed.lastIndexOf('/');
    String name = slash < 0 ? trimmed : trimmed.substring(slash + 1);
    int query = name.indexOf('?');
    return query < 0 ? name : name.substring(0, query);
  }
}
