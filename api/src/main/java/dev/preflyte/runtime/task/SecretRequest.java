package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.Secret;
import java.util.Objects;

/**
 * A secret the task asks Flyte to mount. It becomes an entry of
 * {@code TaskTemplate.security_context.secrets}; at run time read it with
 * {@code ExecutionContext.secrets()}.
 *
 * @param group the secret's group (a Kubernetes secret name, for example)
 * @param key the key within the group
 * @param groupVersion the group's version, or empty
 * @param mount how to mount it: ANY (Flyte decides), ENV_VAR or FILE
 */
public record SecretRequest(String group, String key, String groupVersion, Secret.MountType mount) {

  public SecretRequest {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(groupVersion, "groupVersion");
    Objects.requireNonNull(mount, "mount");
    if (group.isBlank()) {
      throw new IllegalArgumentException("secret group is blank: give the group the secret is stored under");
    }
    if (key.isBlank()) {
      throw new IllegalArgumentException(
          "secret key is blank: give the key of the secret within group '" + group + "'");
    }
    if (mount == Secret.MountType.UNRECOGNIZED) {
      throw new IllegalArgumentException("secret mount " + mount + " is not a mount type: use ANY, ENV_VAR or FILE");
    }
  }

  /** A secret mounted however Flyte's secret manager prefers. */
  public static SecretRequest of(String group, String key) {
    return new SecretRequest(group, key, "", Secret.MountType.ANY);
  }

  public Secret toProto() {
    Secret.Builder proto = Secret.newBuilder().setGroup(group).setKey(key).setMountRequirement(mount);
    if (!groupVersion.isEmpty()) {
      proto.setGroupVersion(groupVersion);
    }
    return proto.build();
  }
}
