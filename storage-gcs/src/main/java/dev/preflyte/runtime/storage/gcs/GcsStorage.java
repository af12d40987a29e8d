package dev.preflyte.runtime.storage.gcs;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.BaseServiceException;
import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.StorageOptions;
import dev.preflyte.runtime.storage.ObjectUri;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.StorageFiles;
import dev.preflyte.runtime.storage.StorageFolders;
import dev.preflyte.runtime.storage.StorageTimeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Storage on Google Cloud Storage for {@code gs://bucket/name} URIs, through the JSON API.
 *
 * <p>Objects up to {@value #DEFAULT_RESUMABLE_THRESHOLD} bytes are written with one multipart
 * upload request; larger ones with a resumable upload in chunks of {@value #DEFAULT_CHUNK_SIZE}
 * bytes. Either way GCS makes the object visible only once the upload is complete, and a replaced
 * object switches from the old to the new content in one step. A stream pins the generation it
 * opened, so a replacement mid-read fails the read instead of mixing contents.
 *
 * <p>A "folder" {@code gs://bucket/dir} means every object under {@code dir/}; names ending in
 * {@code /} (folder placeholders) are not objects and are skipped.
 */
public final class GcsStorage implements Storage, AutoCloseable {

  /** Objects larger than this are written with a resumable upload. */
  static final long DEFAULT_RESUMABLE_THRESHOLD = 16L * 1024 * 1024;
  /** The size of each chunk of a resumable upload: a multiple of 256 KiB, as GCS requires. */
  static final int DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;

  private final GcsSettings settings;
  private final com.google.cloud.storage.Storage client;
  private final long resumableThreshold;
  private final int chunkSize;

  private GcsStorage(GcsSettings settings, com.google.cloud.storage.Storage client, long resumableThreshold,
      int chunkSize) {
    this.settings = settings;
    this.client = client;
    this.resumableThreshold = resumableThreshold;
    this.chunkSize = chunkSize;
  }

  public static GcsStorage create(GcsSettings settings) {
    return create(settings, DEFAULT_RESUMABLE_THRESHOLD, DEFAULT_CHUNK_SIZE);
  }

  static GcsStorage create(GcsSettings settings, long resumableThreshold, int chunkSize) {
    StorageTimeouts timeouts = settings.timeouts();
    StorageOptions.Builder options = StorageOptions.http()
        .setProjectId(settings.project().orElse("preflyte-unset-project"))
        .setTransportOptions(HttpTransportOptions.newBuilder()
            .setConnectTimeout((int) timeouts.connect().toMillis())
            .setReadTimeout((int) timeouts.read().toMillis()).build())
        .setRetrySettings(RetrySettings.newBuilder()
            .setMaxAttempts(settings.timeouts().maxAttempts())
            .setInitialRetryDelayDuration(java.time.Duration.ofMillis(200))
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(java.time.Duration.ofSeconds(10))
            .setTotalTimeoutDuration(timeouts.deadline())
            .build());
    settings.emulatorHost().ifPresent(host -> options.setHost(host.toString().replaceAll("/+$", "")));
    if (settings.credentials().isPresent()) {
      options.setCredentials(settings.credentials().get());
    } else if (settings.emulatorHost().isPresent()) {
      options.setCredentials(NoCredentials.getInstance()); // as Google's clients do for an emulator
    }
    return new GcsStorage(settings, options.build().getService(), resumableThreshold, chunkSize);
  }

  public static GcsStorage fromEnvironment(Map<String, String> environment) {
    return create(GcsSettings.fromEnvironment(environment));
  }

  @Override
  public InputStream open(String uri) {
    GcsLocation location = GcsLocation.parseObject(uri);
    try {
      Blob blob = client.get(BlobId.of(location.bucket(), location.name()));
      if (blob == null) {
        throw new StorageException("cannot read " + uri + ": no such object");
      }
      ReadChannel reader = client.reader(BlobId.of(location.bucket(), location.name(), blob.getGeneration()));
      reader.setChunkSize(chunkSize);
      return StorageFiles.namingFailures(Channels.newInputStream(reader), uri, RuntimeException.class);
    } catch (RuntimeException e) {
      throw failure("read", uri, location, e);
    }
  }

  @Override
  public byte[] read(String uri) {
    GcsLocation location = GcsLocation.parseObject(uri);
    try {
      return client.readAllBytes(BlobId.of(location.bucket(), location.name()));
    } catch (RuntimeException e) {
      throw failure("read", uri, location, e);
    }
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    GcsLocation location = GcsLocation.parseObject(uri);
    try {
      write(location, new java.io.ByteArrayInputStream(bytes), bytes.length);
    } catch (RuntimeException | IOException e) {
      throw failure("write", uri, location, e);
    }
  }

  @Override
  public boolean exists(String uri) {
    GcsLocation location = GcsLocation.parse(uri);
    try {
      if (ObjectUri.namesObject(location.name()) && client.get(BlobId.of(location.bucket(), location.name())) != null) {
        return true;
      }
      return !names(location, true).isEmpty();
    } catch (RuntimeException e) {
      throw failure("check", uri, location, e);
    }
  }

  @Override
  public void download(String uri, Path target) {
    GcsLocation location = GcsLocation.parseObject(uri);
    downloadObject(location, uri, target);
  }

  @Override
  public void upload(Path source, String uri) {
    GcsLocation location = GcsLocation.parseObject(uri);
    uploadFile(source, location, uri);
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    StorageFolders.download(this, folder(uri), target, "object");
  }

  @Override
  public void uploadDirectory(Path source, String uri) {
    StorageFolders.upload(this, source, folder(uri));
  }

  @Override
  public List<String> list(String uri) {
    return StorageFolders.list(folder(uri));
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw new StorageException("cannot close GCS storage: " + e, e);
    }
  }

  /** The bucket's objects under {@code uri}, for the folder loops all backends share. */
  private StorageFolders.Folder folder(String uri) {
    GcsLocation location = GcsLocation.parse(uri);
    return new StorageFolders.Folder(location.name(), location::uriOf, operation -> listNames(location, uri, operation),
        (operation, reason, cause) -> new StorageException("cannot " + operation + " " + uri + ": " + reason, cause));
  }

  private List<String> listNames(GcsLocation location, String uri, String operation) {
    try {
      return names(location, false);
    } catch (RuntimeException e) {
      throw failure(operation, uri, location, e);
    }
  }

  /** The objects at {@code location} as a folder plus the one it names exactly; every page. */
  private List<String> names(GcsLocation location, boolean any) {
    List<String> names = new ArrayList<>();
    for (Blob blob : client.list(location.bucket(),
        com.google.cloud.storage.Storage.BlobListOption.prefix(location.name())).iterateAll()) {
      if (StorageFolders.listed(blob.getName(), location.name())) {
        names.add(blob.getName());
        if (any) {
          break;
        }
      }
    }
    return names;
  }

  private void write(GcsLocation location, InputStream in, long size) throws IOException {
    BlobInfo info = BlobInfo.newBuilder(location.bucket(), location.name())
        .setContentType("application/octet-stream").build();
    if (size <= resumableThreshold) {
      client.create(info, in.readAllBytes()); // one multipart upload request
      return;
    }
    try (WriteChannel writer = client.writer(info)) {
      writer.setChunkSize(chunkSize);
      try (OutputStream out = Channels.newOutputStream(writer)) {
        in.transferTo(out);
      }
    }
  }

  private void downloadObject(GcsLocation location, String uri, Path target) {
    try {
      StorageFiles.downloadInto(target, () -> open(uri));
    } catch (StorageException e) {
      throw new StorageException(e.getMessage().replaceFirst("^cannot read ", "cannot download "), e.getCause());
    } catch (RuntimeException | IOException e) {
      throw failure("download", uri, location, e);
    }
  }

  private void uploadFile(Path source, GcsLocation location, String uri) {
    if (!Files.isRegularFile(source)) {
      throw new StorageException("cannot upload " + source + " to " + uri + ": no such file " + source);
    }
    try (InputStream in = Files.newInputStream(source)) {
      write(location, in, Files.size(source));
    } catch (RuntimeException | IOException e) {
      throw failure("upload " + source + " to", uri, location, e);
    }
  }

  private StorageException failure(String operation, String uri, GcsLocation location, Exception e) {
    if (e instanceof StorageException storage) {
      return storage;
    }
    return new StorageException("cannot " + operation + " " + uri + ": " + reason(location, e), e);
  }

  private String reason(GcsLocation location, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BaseServiceException service && service.getCode() > 0) {
        int code = service.getCode();
        if (code == 404) {
          String message = String.valueOf(service.getMessage()).toLowerCase(java.util.Locale.ROOT);
          return message.contains("bucket") ? "no such bucket '" + location.bucket() + "'" : "no such object";
        }
        if (code == 401 || code == 403) {
          return "access denied (HTTP " + code + "): check " + settings.credentialHint();
        }
        return "GCS answered HTTP " + code + " after " + settings.timeouts().maxAttempts() + " attempt(s)";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
        return (t instanceof SocketTimeoutException ? "timed out talking to " : "cannot connect to ")
            + settings.describeEndpoint() + " after " + settings.timeouts().maxAttempts() + " attempt(s): check the network"
            + (settings.emulatorHost().isPresent() ? " and " + GcsSettings.EMULATOR_HOST : "")
            + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
      }
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("access token") || message.contains("credential")) {
      return "no usable Google credentials: check " + settings.credentialHint();
    }
    if (message.contains("Application Default Credentials")) {
      return "no Google credentials found: give the task a workload identity or set GOOGLE_APPLICATION_CREDENTIALS";
    }
    return e.getClass().getSimpleName() + ": " + message;
  }
}
