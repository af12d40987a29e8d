package dev.preflyte.runtime.storage;

import java.util.Map;

/**
 * A storage backend for one URI scheme, shipped in its own artifact ({@code preflyte-storage-s3}
 * for {@code s3://}) and found through {@link java.util.ServiceLoader}.
 *
 * <p>{@link Storages#standard()} looks providers up only when it first meets a scheme other than
 * local files, and calls {@link #create} only then: a provider class must not load its SDK before
 * {@code create} runs, so that a task on local files never loads a cloud SDK.
 */
public interface StorageProvider {

  /** The URI scheme served, in lower case, for example {@code "s3"}. */
  String scheme();

  /**
   * Creates the backend.
   *
   * @param environment the process environment, where the backend reads its settings and
   *     credentials
   */
  Storage create(Map<String, String> environment);
}
