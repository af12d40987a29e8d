package dev.preflyte.register;

import io.grpc.Channel;

/** Supplies the access token each call carries; caches it and forgets it when it is refused. */
interface TokenProvider {

  /** A token for the next call. {@code channel} reaches FlyteAdmin, for discovery. */
  String token(Channel channel) throws RegistrationException;

  /** The metadata key the token goes under: {@code authorization} unless FlyteAdmin names another. */
  String metadataKey();

  /** FlyteAdmin refused {@code token}: the next call fetches a new one. */
  void invalidate(String token);
}
