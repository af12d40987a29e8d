package dev.preflyte.processor;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an image reference against the OCI distribution grammar:
 * {@code [registry[:port]/]path[:tag][@sha256:<64 hex>]}, where the first component is a registry
 * when it contains a '.' or a ':' or is {@code localhost}.
 */
final class ImageReference {

  private static final Pattern DOMAIN_COMPONENT =
      Pattern.compile("[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final int MAX_NAME_LENGTH = 255;

  /** What is wrong with a reference, or empty when it is valid. */
  static Optional<String> problem(String image) {
    if (!image.equals(image.trim()) || image.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("it contains whitespace");
    }
    String rest = image;
    int at = rest.indexOf('@');
    if (at >= 0) {
      String digest = rest.substring(at + 1);
      if (!SHA256.matcher(digest).matches()) {
        return Optional.of("the digest \"" + digest + "\" is not sha256: followed by 64 lower-case hex digits");
      }
      rest = rest.substring(0, at);
    }
    int lastSlash = rest.lastIndexOf('/');
    int colon = rest.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
      String tag = rest.substring(colon + 1);
      if (!TAG.matcher(tag).matches()) {
        return Optional.of("the tag \"" + tag + "\" is not 1 to 128 letters, digits, '_', '.' and '-'");
      }
      rest = rest.substring(0, colon);
    }
    if (rest.isEmpty()) {
      return Optional.of("the name is empty");
    }
    if (rest.length() > MAX_NAME_LENGTH) {
      return Optional.of("the name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    String[] parts = rest.split("/", -1);
    int first = 0;
    if (parts.length > 1 && isRegistry(parts[0])) {
      Optional<String> registryProblem = registryProblem(parts[0]);
      if (registryProblem.isPresent()) {
        return registryProblem;
      }
      first = 1;
    }
    for (int i = first; i < parts.length; i++) {
      if (!PATH_COMPONENT.matcher(parts[i]).matches()) {
        return Optional.of("the path component \"" + parts[i] + "\" is not lower-case letters and digits"
            + " separated by '.', '_', '__' or '-'");
      }
    }
    return Optional.empty();
  }

  /** Whether the reference names a tag explicitly or pins a digest. */
  static boolean isPinned(String image) {
    if (image.contains("@")) {
      return true;
    }
    return image.indexOf(':', image.lastIndexOf('/') + 1) >= 0;
  }

  /** Whether the reference uses the tag {@code latest} without a digest. */
  static boolean isLatest(String image) {
    return !image.contains("@") && image.endsWith(":latest")
        && image.indexOf(':', image.lastIndexOf('/') + 1) == image.length() - ":latest".length();
  }

  private static boolean isRegistry(String component) {
    return component.contains(".") || component.contains(":") || component.equals("localhost");
  }

  private static Optional<String> registryProblem(String registry) {
    String host = registry;
    int colon = registry.indexOf(':');
    if (colon >= 0) {
      String port = registry.substring(colon + 1);
      if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
        return Optional.of("the registry port \"" + port + "\" is not a number up to 65535");
      }
      host = registry.substring(0, colon);
    }
    for (String component : host.split("\\.", -1)) {
      if (!DOMAIN_COMPONENT.matcher(component).matches()) {
        return Optional.of("the registry \"" + registry + "\" is not a host name");
      }
    }
    return Optional.empty();
  }

  private ImageReference() {}
}
