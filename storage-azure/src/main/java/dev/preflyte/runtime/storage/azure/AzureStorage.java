package dev.preflyte.runtime.storage.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.util.BinaryData;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.storage.blob.models.BlobStorageException;
import dev.preflyte.runtime.storage.Backoff;
import dev.preflyte.runtime.storage.ObjectUri;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.StorageFiles;
import dev.preflyte.runtime.storage.StorageFolders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage on Azure Blob Storage (or Azurite) for {@code abfs://} and {@code abfss://} URIs, through
 * the account's Blob endpoint; ADLS Gen2 accounts (hierarchical namespace) serve it too.
 *
 * <p>Every blob is a block blob. Small writes are one Put Blob request, which Azure makes visible
 * only once complete; files above {@value #DEFAULT_BLOCK_THRESHOLD} bytes are staged as blocks of
 * {@value #DEFAULT_BLOCK_SIZE} bytes and committed with one Put Block List at the end. Staged blocks
 * are not part of the blob, so nothing is visible at the final name until the commit, and a failed
 * upload leaves the previous blob (or none); Azure discards uncommitted blocks after a week.
 *
 * <p>A "folder" {@code .../dir} means every blob under {@code dir/}; zero-byte names ending in
 * {@code /} and the directory entries of a hierarchical namespace ({@code hdi_isfolder}) are not
 * objects and are skipped.
 */
public final class AzureStorage implements Storage, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AzureStorage.class);

  /** Files larger than this are uploaded as staged blocks. */
  static final long DEFAULT_BLOCK_THRESHOLD = 64L * 1024 * 1024;
  /** The size of each staged block, unless a file needs bigger ones to fit Azure's 50,000 blocks. */
  static final long DEFAULT_BLOCK_SIZE = 16L * 1024 * 1024;
  private static final int MAX_BLOCKS = 50_000;

  private final AzureSettings settings;
  private final AzureFailures failures;
  private final long blockThreshold;
  private final long blockSize;
  private final HttpClient httpClient;
  private final Map<String, BlobServiceClient> clients = new ConcurrentHashMap<>();

  AzureStorage(AzureSettings settings, long blockThreshold, long blockSize) {
    this.settings = settings;
    this.failures = new AzureFailures(settings);
    this.blockThreshold = blockThreshold;
    this.blockSize = blockSize;
    // The JDK's HTTP client: no Netty in the image.
    this.httpClient = new JdkHttpClientBuilder()
        .connectionTimeout(settings.timeouts().connect())
        .responseTimeout(settings.timeouts().read())
        .readTimeout(settings.timeouts().read())
        .writeTimeout(settings.timeouts().read())
        .build();
  }

  /** Storage configured from {@code settings}. */
  public static AzureStorage create(AzureSettings settings) {
    return create(settings, DEFAULT_BLOCK_THRESHOLD, DEFAULT_BLOCK_SIZE);
  }

  /** Storage that stages files above {@code blockThreshold} bytes in blocks of {@code blockSize}. */
  static AzureStorage create(AzureSettings settings, long blockThreshold, long blockSize) {
    LOG.debug("Azure storage: {}", settings);
    return new AzureStorage(settings, blockThreshold, blockSize);
  }

  /** Storage configured from {@code environment}, as described by {@link AzureSettings}. */
  public static AzureStorage fromEnvironment(Map<String, String> environment) {
    return create(AzureSettings.fromEnvironment(environment));
  }

  @Override
  public InputStream open(String uri) {
    AzureLocation location = AzureLocation.parseBlob(uri);
    try {
      return StorageFiles.namingFailures(blob(location).openInputStream(), uri, RuntimeException.class);
    } catch (RuntimeException e) {
      throw failure("read", uri, location, e);
    }
  }

  /**
   * One download, tried again when its body breaks off: the SDK's own retry cannot read a broken
   * body again over the JDK client ("This publisher has already one subscriber").
   */
  @Override
  public byte[] read(String uri) {
    AzureLocation location = AzureLocation.parseBlob(uri);
    for (int attempt = 1; ; attempt++) {
      try {
        return blob(location).downloadContent().toBytes();
      } catch (BlobStorageException | ClientAuthenticationException | StorageException e) {
        throw failure("read", uri, location, e); // an answer, not a broken connection: final
      } catch (RuntimeException e) {
        if (attempt >= settings.timeouts().maxAttempts() || Thread.currentThread().isInterrupted()) {
          throw failure("read", uri, location, e);
        }
        try {
          Backoff.pause(attempt);
        } catch (InterruptedIOException interrupted) {
          throw failure("read", uri, location, e);
        }
      }
    }
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    AzureLocation location = AzureLocation.parseBlob(uri);
    try {
      if (bytes.length > blockThreshold) {
        stageAndCommit(blob(location).getBlockBlobClient(), new ByteArrayInputStream(bytes), bytes.length);
      } else {
        // One Put Blob: Azure shows the blob only once it is complete (see the class comment).
        blob(location).getBlockBlobClient().upload(new ByteArrayInputStream(bytes), bytes.length, true);
      }
    } catch (RuntimeException | IOException e) {
      throw failure("write", uri, location, e);
    }
  }

  @Override
  public boolean exists(String uri) {
    AzureLocation location = AzureLocation.parse(uri);
    try {
      if (ObjectUri.namesObject(location.path()) && blob(location).exists()) {
        return true;
      }
      // Like a local directory, a folder exists when something is in it.
      return !blobsUnder(location, true).isEmpty();
    } catch (RuntimeException e) {
      throw failure("check", uri, location, e);
    }
  }

  @Override
  public void download(String uri, Path target) {
    AzureLocation location = AzureLocation.parseBlob(uri);
    downloadBlob(location, uri, target);
  }

  @Override
  public void upload(Path source, String uri) {
    AzureLocation location = AzureLocation.parseBlob(uri);
    uploadFile(source, location, uri);
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    StorageFolders.download(this, folder(uri), target, "blob");
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
    clients.clear(); // the JDK client holds no resources that outlive the process
  }

  /** The container's blobs under {@code uri}, for the folder loops all backends share. */
  private StorageFolders.Folder folder(String uri) {
    AzureLocation location = AzureLocation.parse(uri);
    return new StorageFolders.Folder(location.path(), location::uriOf, operation -> names(location, uri, operation),
        (operation, reason, cause) -> failures.failure(operation, uri, reason, cause));
  }

  private List<String> names(AzureLocation location, String uri, String operation) {
    try {
      return blobsUnder(location, false);
    } catch (RuntimeException e) {
      throw failure(operation, uri, location, e);
    }
  }

  /**
   * The names of the blobs at {@code location} taken as a folder, plus the blob named exactly by
   * it; every page of the listing, or only the first match when {@code any}.
   */
  private List<String> blobsUnder(AzureLocation location, boolean any) {
    ListBlobsOptions options = new ListBlobsOptions().setPrefix(location.path())
        .setDetails(new BlobListDetails().setRetrieveMetadata(true));
    List<String> names = new ArrayList<>();
    for (BlobItem item : container(location).listBlobs(options, null)) {
      // A hierarchical namespace lists its directories too, marked in their metadata.
      boolean directory =
          item.getMetadata() != null && "true".equalsIgnoreCase(item.getMetadata().get("hdi_isfolder"));
      if (StorageFolders.listed(item.getName(), location.path()) && !directory) {
        names.add(item.getName());
        if (any) {
          break;
        }
      }
    }
    return names;
  }

  private void downloadBlob(AzureLocation location, String uri, Path target) {
    try {
      StorageFiles.downloadInto(target, () -> blob(location).openInputStream());
    } catch (RuntimeException e) {
      throw failure("download", uri, location, e);
    } catch (IOException e) {
      throw failures.failure("download", uri, "to " + target + ": " + e, e);
    }
  }

  private void uploadFile(Path source, AzureLocation location, String uri) {
    if (!Files.isRegularFile(source)) {
      throw failures.failure("upload", uri, "no such file " + source, null);
    }
    String operation = "upload " + source + " to";
    try (InputStream in = Files.newInputStream(source)) {
      long size = Files.size(source);
      BlockBlobClient blob = blob(location).getBlockBlobClient();
      if (size > blockThreshold) {
        stageAndCommit(blob, in, size);
      } else {
        // From the file, not the stream: a retried request must be able to send the body again.
        blob(location).upload(BinaryData.fromFile(source), true);
      }
    } catch (RuntimeException e) {
      throw failure(operation, uri, location, e);
    } catch (IOException e) {
      throw failures.failure(operation, uri, e.toString(), e);
    }
  }

  /**
   * Stages {@code size} bytes of {@code in} as blocks and commits them in one Put Block List: the
   * blob changes only at the commit.
   */
  private void stageAndCommit(BlockBlobClient blob, InputStream in, long size) throws IOException {
    long partSize = Math.max(blockSize, (size + MAX_BLOCKS - 1) / MAX_BLOCKS);
    String upload = UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>();
    byte[] buffer = new byte[(int) Math.min(partSize, size)];
    for (long offset = 0; offset < size; offset += partSize) {
      int length = (int) Math.min(partSize, size - offset);
      int read = in.readNBytes(buffer, 0, length);
      if (read != length) {
        throw new IOException("the source ended after " + (offset + read) + " of " + size + " bytes");
      }
      // Every id of one blob must have the same length.
      String id = Base64.getEncoder().encodeToString(
          String.format("%s-%06d", upload, ids.size()).getBytes(StandardCharsets.US_ASCII));
      blob.stageBlock(id, new ByteArrayInputStream(buffer, 0, length), length);
      ids.add(id);
    }
    blob.commitBlockList(ids, true);
  }

  private StorageException failure(String operation, String uri, AzureLocation location, Exception e) {
    if (e instanceof StorageException storage) {
      return storage;
    }
    if (e instanceof RuntimeException runtime) {
      return failures.translate(operation, uri, location, runtime);
    }
    return failures.failure(operation, uri, e.toString(), e);
  }

  private BlobClient blob(AzureLocation location) {
    return container(location).getBlobClient(location.path());
  }

  private BlobContainerClient container(AzureLocation location) {
    return client(location).getBlobContainerClient(location.container());
  }

  /** One client per account, built on first use. */
  private BlobServiceClient client(AzureLocation location) {
    return clients.computeIfAbsent(location.account() + "." + location.endpointSuffix(), key -> build(location));
  }

  private BlobServiceClient build(AzureLocation location) {
    BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
        .httpClient(httpClient)
        // Exponential backoff with jitter; a try may take up to the whole deadline (a large block),
        // and the deadline bounds the call (DeadlineStorage).
        .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, settings.timeouts().maxAttempts(),
            settings.timeouts().deadline(), Duration.ofMillis(200), Duration.ofSeconds(10), null));
    String endpoint = settings.endpoint()
        .map(base -> base.toString().replaceAll("/+$", "") + "/" + location.account())
        .orElse(location.blobEndpoint());
    if (settings.connectionString().isPresent()) {
      settings.connectionStringAccount().ifPresent(account -> {
        if (!account.equals(location.account())) {
          throw new StorageException("the URI names storage account '" + location.account() + "' but "
              + AzureSettings.CONNECTION_STRING + " is for account '" + account + "': use a URI in that"
              + " account, or " + AzureSettings.ACCOUNT_KEY + " or an Azure identity instead");
        }
      });
      builder.connectionString(settings.connectionString().get());
      settings.endpoint().ifPresent(ignored -> builder.endpoint(endpoint));
    } else if (settings.accountKey().isPresent()) {
      builder.endpoint(endpoint)
          .credential(new StorageSharedKeyCredential(location.account(), settings.accountKey().get()));
    } else {
      builder.endpoint(endpoint).credential(new DefaultAzureCredentialBuilder().httpClient(httpClient).build());
    }
    return builder.buildClient();
  }
}
