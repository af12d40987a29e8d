package dev.preflyte.cli;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference as the OCI distribution spec and Docker spell it: {@code [host[:port]/]path[:tag][@digest]},
 * for example {@code eclipse-temurin:25-jre} or {@code ghcr.io/acme/tasks@sha256:<64 hex>}.
 */
record OciReference(String repository, Optional<String> tag, Optional<String> digest) {

  // The grammar of github.com/distribution/reference: a domain only when the first component has
  // a dot or a port or is "localhost"; path components in lower case; tags up to 128 characters.
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
      + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
  private static final Pattern REFERENCE = Pattern.compile(
      "((?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*)"
          + "(?::([\\w][\\w.-]{0,127}))?"
          + "(?:@([a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}))?");
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

  /**
   * @throws CliException naming {@code what} and the reference, when it is not an image reference
   */
  static OciReference parse(String reference, String what) {
    if (reference == null || reference.isBlank()) {
      throw new CliException(what + " is empty: give an image reference such as eclipse-temurin:25-jre");
    }
    Matcher matcher = REFERENCE.matcher(reference);
    if (!matcher.matches() || reference.length() > 255 + 128 + 72) {
      throw new CliException(what + " \"" + reference + "\" is not an OCI image reference: write"
          + " [registry/]name[:tag][@sha256:digest] in lower case, such as eclipse-temurin:25-jre");
    }
    String digest = matcher.group(3);
    if (digest != null && digest.startsWith("sha256:") && !SHA256.matcher(digest).matches()) {
      throw new CliException(what + " \"" + reference + "\" has a malformed digest: a sha256 digest is"
          + " sha256: and 64 lower-case hexadecimal digits");
    }
    return new OciReference(matcher.group(1), Optional.ofNullable(matcher.group(2)), Optional.ofNullable(digest));
  }

  /** Pinned: it names its content by digest, so every build starts from the same bytes. */
  boolean pinned() {
    return digest.isPresent();
  }

  /** The last path component: {@code ghcr.io/acme/tasks:1.0} is {@code tasks}. */
  String shortName() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return repository + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
