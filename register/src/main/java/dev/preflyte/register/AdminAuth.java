package dev.preflyte.register;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client authenticates to FlyteAdmin: the ways flytectl supports that need no browser.
 * With either of the token kinds every call carries {@code authorization: Bearer <token>} (or the
 * metadata key FlyteAdmin's public client config names).
 */
public sealed interface AdminAuth {

  /** No credentials: a cluster without authentication, such as the Flyte sandbox. */
  static AdminAuth none() {
    return new None();
  }

  /**
   * OAuth2 client credentials (flytectl's {@code ClientSecret}).
   *
   * @param tokenUrl the token endpoint; empty to discover it through FlyteAdmin's
   *     AuthMetadataService.GetOAuth2Metadata
   * @param scopes the scopes to ask for; empty to take those of FlyteAdmin's public client config
   * @param audience the audience parameter; empty for none (or the public client config's)
   */
  static AdminAuth clientCredentials(
      String clientId, SecretSource secret, Optional<URI> tokenUrl, List<String> scopes, String audience) {
    return new ClientCredentials(clientId, secret, tokenUrl, scopes, audience);
  }

  /** A command that prints a token on its standard output (flytectl's {@code ExternalCommand}). */
  static AdminAuth externalCommand(List<String> command) {
    return new ExternalCommand(command, Duration.ofSeconds(60));
  }

  record None() implements AdminAuth {}

  record ClientCredentials(
      String clientId, SecretSource secret, Optional<URI> tokenUrl, List<String> scopes, String audience)
      implements AdminAuth {
    public ClientCredentials {
      Objects.requireNonNull(clientId, "clientId");
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("client credentials need a client id");
      }
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      scopes = List.copyOf(scopes);
      audience = audience == null ? "" : audience;
    }
  }

  /** @param timeout how long the command may take before it is stopped */
  record ExternalCommand(List<String> command, Duration timeout) implements AdminAuth {
    public ExternalCommand {
      command = List.copyOf(command);
      if (command.isEmpty() || command.get(0).isBlank()) {
        throw new IllegalArgumentException("the external token command is empty");
      }
      Objects.requireNonNull(timeout, "timeout");
    }
  }
}
