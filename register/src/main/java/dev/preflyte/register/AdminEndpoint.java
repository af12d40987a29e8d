package dev.preflyte.register;

import java.util.Objects;

/**
 * Where FlyteAdmin's gRPC service listens.
 *
 * @param host a host name or IP address
 * @param port the TCP port
 */
public record AdminEndpoint(String host, int port) {

  public AdminEndpoint {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("endpoint host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("endpoint port " + port + " is not between 1 and 65535");
    }
  }

  /**
   * Parses flytectl's forms {@code dns:///host:port} and {@code host:port}; without a port, 443
   * for TLS and 80 for plaintext, as flytectl's gRPC resolver does.
   *
   * @throws IllegalArgumentException naming the text when it is no endpoint
   */
  public static AdminEndpoint parse(String text, boolean insecure) {
    Objects.requireNonNull(text, "endpoint");
    String rest = text.strip();
    if (rest.startsWith("dns:///")) {
      rest = rest.substring("dns:///".length());
    } else if (rest.startsWith("dns://")) {
      throw new IllegalArgumentException(
          "endpoint '" + text + "': a dns:// authority is not supported, write dns:///host:port");
    } else if (rest.contains("://")) {
      throw new IllegalArgumentException(
          "endpoint '" + text + "': write host:port or dns:///host:port, without a URL scheme");
    }
    if (rest.isEmpty() || rest.contains("/")) {
      throw new IllegalArgumentException("endpoint '" + text + "': write host:port or dns:///host:port");
    }
    String host = rest;
    int port = insecure ? 80 : 443;
    int colon = rest.lastIndexOf(':');
    boolean bracketed = rest.startsWith("[");
    if (colon >= 0 && (!bracketed || colon > rest.indexOf(']'))) {
      host = rest.substring(0, colon);
      String portText = rest.substring(colon + 1);
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("endpoint '" + text + "': port '" + portText + "' is not a number");
      }
    }
    if (bracketed && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("endpoint '" + text + "' has no host");
    }
    try {
      return new AdminEndpoint(host, port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("endpoint '" + text + "': " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
