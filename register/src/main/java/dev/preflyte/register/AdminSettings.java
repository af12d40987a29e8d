package dev.preflyte.register;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach FlyteAdmin: endpoint, transport security, authentication and time bounds. Built in
 * code or from flytectl's config file ({@link FlyteConfig}).
 */
public final class AdminSettings {

  private final AdminEndpoint endpoint;
  private final boolean insecure;
  private final Optional<Path> caCertFile;
  private final AdminAuth auth;
  private final Duration connectTimeout;
  private final Duration callTimeout;
  private final Optional<Duration> tokenTimeout;

  private AdminSettings(Builder builder) {
    this.endpoint = Objects.requireNonNull(builder.endpoint, "endpoint: give FlyteAdmin's host:port");
    this.insecure = builder.insecure;
    this.caCertFile = builder.caCertFile;
    this.auth = builder.auth;
    this.connectTimeout = builder.connectTimeout;
    this.callTimeout = builder.callTimeout;
    this.tokenTimeout = builder.tokenTimeout;
    if (insecure && caCertFile.isPresent()) {
      throw new IllegalArgumentException("a CA certificate file was given for a plaintext (insecure) connection");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Builder builder(AdminEndpoint endpoint) {
    return new Builder().endpoint(endpoint);
  }

  public Builder toBuilder() {
    Builder builder = new Builder().endpoint(endpoint).insecure(insecure).auth(auth)
        .connectTimeout(connectTimeout).callTimeout(callTimeout);
    caCertFile.ifPresent(builder::caCertFile);
    tokenTimeout.ifPresent(builder::tokenTimeout);
    return builder;
  }

  public AdminEndpoint endpoint() {
    return endpoint;
  }

  /** Plaintext HTTP/2 instead of TLS. */
  public boolean insecure() {
    return insecure;
  }

  /** A PEM file of CA certificates to trust instead of the system's. */
  public Optional<Path> caCertFile() {
    return caCertFile;
  }

  public AdminAuth auth() {
    return auth;
  }

  /** The bound on opening the TCP connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The bound on each call, connection and TLS handshake included. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * The bound on one request to the OAuth2 token endpoint, connection included: the call timeout
   * unless set. A bound of its own, so a silent token endpoint is told apart from a slow FlyteAdmin.
   */
  public Duration tokenTimeout() {
    return tokenTimeout.orElse(callTimeout);
  }

  public static final class Builder {
    private AdminEndpoint endpoint;
    private boolean insecure;
    private Optional<Path> caCertFile = Optional.empty();
    private AdminAuth auth = AdminAuth.none();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration callTimeout = Duration.ofSeconds(30);
    private Optional<Duration> tokenTimeout = Optional.empty();

    private Builder() {}

    public Builder endpoint(AdminEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    public Builder caCertFile(Path caCertFile) {
      this.caCertFile = Optional.of(caCertFile);
      return this;
    }

    public Builder auth(AdminAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    public Builder tokenTimeout(Duration timeout) {
      this.tokenTimeout = Optional.of(positive(timeout, "tokenTimeout"));
      return this;
    }

    public AdminSettings build() {
      return new AdminSettings(this);
    }

    private static Duration positive(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + timeout);
      }
      return timeout;
    }
  }
}
