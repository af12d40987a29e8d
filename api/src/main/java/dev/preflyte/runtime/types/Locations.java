package dev.preflyte.runtime.types;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Tells local paths from remote URIs, as flytekit does: anything with a scheme is remote. */
final class Locations {

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

  private Locations() {}

  /** Whether {@code uri} names a location with a scheme ({@code s3://}, {@code file://}, ...). */
  static boolean hasScheme(String uri) {
    return SCHEME.matcher(uri).matches();
  }

  /** The local path a {@code file:} URI or a plain path names, or null for any other scheme. */
  static Path localPathOf(String uri) {
    if (uri.startsWith("file:")) {
      return Path.of(URI.create(uri));
    }
    return hasScheme(uri) ? null : Path.of(uri);
  }

  static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }
}
