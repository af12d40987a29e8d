package dev.preflyte.runtime.executor;

import java.util.Optional;

/**
 * Reads the secrets a task requested, the way flytekit does: first the environment variable
 * {@code _FSEC_<GROUP>[_<GROUP_VERSION>]_<KEY>} (upper case), then the file
 * {@code /etc/secrets/<group>/[<group_version>/]<key>} (lower case), with the
 * {@code FLYTE_SECRETS_ENV_PREFIX}, {@code FLYTE_SECRETS_DEFAULT_DIR} and
 * {@code FLYTE_SECRETS_FILE_PREFIX} overrides.
 */
public interface Secrets {

  /** The secret's value, or empty when neither the environment nor the file has it. */
  Optional<String> find(String group, String groupVersion, String key);

  /**
   * The secret's value.
   *
   * @throws MissingSecretException naming the group, key and the places looked in (never a value)
   */
  default String get(String group, String key) {
    return find(group, "", key).orElseThrow(() -> new MissingSecretException(group, "", key));
  }
}
