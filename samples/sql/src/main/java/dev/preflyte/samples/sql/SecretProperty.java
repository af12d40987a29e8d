package dev.preflyte.samples.sql;

/**
 * A connection property whose value is a Flyte secret, read when the task runs; the task requests
 * the secret in its SecurityContext itself, so Flyte mounts it.
 *
 * @param group the secret's group
 * @param key the secret's key within its group
 */
public record SecretProperty(String group, String key) {}
