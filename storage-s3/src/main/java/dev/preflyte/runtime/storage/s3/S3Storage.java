package dev.preflyte.runtime.storage.s3;

import dev.preflyte.runtime.storage.ObjectUri;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.storage.StorageException;
import dev.preflyte.runtime.storage.StorageFiles;
import dev.preflyte.runtime.storage.StorageFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Storage on S3 or an S3-compatible server (MinIO), for {@code s3://bucket/key} URIs.
 *
 * <p>Writes are single PutObject requests. S3 makes an object visible only once its PutObject has
 * completed, and a replaced object switches from the old to the new content in one step, so a
 * reader never sees part of a write and a failed write leaves the previous object (or none). Files
 * larger than {@value #DEFAULT_MULTIPART_THRESHOLD} bytes are uploaded in parts, which is just as
 * atomic: the object appears only when the last step completes, and a failure aborts the upload.
 *
 * <p>A "folder" {@code s3://bucket/dir} means every key under {@code dir/}; zero-byte keys ending
 * in {@code /} (folder markers some tools create) are not objects and are skipped.
 */
public final class S3Storage implements Storage, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);

  /** Files larger than this are uploaded in parts. */
  static final long DEFAULT_MULTIPART_THRESHOLD = 64L * 1024 * 1024;
  /** The size of each part, unless a file needs bigger ones to fit S3's limit on their number. */
  static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

  private final S3Client client;
  private final S3Failures failures;
  private final long multipartThreshold;
  private final MultipartUpload multipart;

  S3Storage(S3Client client, S3Settings settings, long multipartThreshold, long partSize) {
    this.client = client;
    this.failures = new S3Failures(settings);
    this.multipartThreshold = multipartThreshold;
    this.multipart = new MultipartUpload(client, partSize);
  }

  /** Storage configured from {@code settings}. */
  public static S3Storage create(S3Settings settings) {
    return create(settings, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
  }

  /** Storage that uploads files above {@code multipartThreshold} bytes in parts of {@code partSize}. */
  static S3Storage create(S3Settings settings, long multipartThreshold, long partSize) {
    LOG.debug("S3 storage: {}", settings);
    return new S3Storage(S3Clients.create(settings), settings, multipartThreshold, partSize);
  }

  /** Storage configured from {@code environment}, as described by {@link S3Settings}. */
  public static S3Storage fromEnvironment(Map<String, String> environment) {
    return create(S3Settings.fromEnvironment(environment));
  }

  @Override
  public InputStream open(String uri) {
    S3Location location = S3Location.parseObject(uri);
    try {
      ResponseInputStream<GetObjectResponse> body =
          client.getObject(get -> get.bucket(location.bucket()).key(location.key()));
      return StorageFiles.namingFailures(body, uri, SdkException.class);
    } catch (SdkException e) {
      throw failures.translate("read", uri, e);
    }
  }

  @Override
  public byte[] read(String uri) {
    S3Location location = S3Location.parseObject(uri);
    try {
      return client.getObjectAsBytes(get -> get.bucket(location.bucket()).key(location.key())).asByteArray();
    } catch (SdkException e) {
      throw failures.translate("read", uri, e);
    }
  }

  @Override
  public void writeAtomically(String uri, byte[] bytes) {
    S3Location location = S3Location.parseObject(uri);
    try {
      // One PutObject: S3 shows the object only once it is complete (see the class comment).
      client.putObject(put -> put.bucket(location.bucket()).key(location.key()), RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw putFailed("write", uri, location.bucket(), e);
    }
  }

  @Override
  public boolean exists(String uri) {
    S3Location location = S3Location.parse(uri);
    if (ObjectUri.namesObject(location.key()) && objectExists(location, uri)) {
      return true;
    }
    // Like a local directory, a folder exists when something is in it.
    try {
      return client.listObjectsV2(list -> list
              .bucket(location.bucket()).prefix(location.folderPrefix()).maxKeys(1))
          .keyCount() > 0;
    } catch (SdkException e) {
      throw failures.translate("check", uri, e);
    }
  }

  private boolean objectExists(S3Location location, String uri) {
    try {
      client.headObject(head -> head.bucket(location.bucket()).key(location.key()));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false; // HeadObject answers without a body, so S3 gives no error code to look at.
      }
      throw failures.translate("check", uri, e);
    } catch (SdkException e) {
      throw failures.translate("check", uri, e);
    }
  }

  @Override
  public void download(String uri, Path target) {
    S3Location location = S3Location.parseObject(uri);
    downloadObject(location, uri, target);
  }

  @Override
  public void upload(Path source, String uri) {
    S3Location location = S3Location.parseObject(uri);
    uploadFile(source, location.bucket(), location.key(), uri);
  }

  @Override
  public void downloadDirectory(String uri, Path target) {
    StorageFolders.download(this, folder(uri), target, "key");
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
    client.close();
  }

  /** The bucket's keys under {@code uri}, for the folder loops all backends share. */
  private StorageFolders.Folder folder(String uri) {
    S3Location location = S3Location.parse(uri);
    return new StorageFolders.Folder(location.key(), location::uriOf, operation -> keysUnder(location, uri, operation),
        (operation, reason, cause) -> failures.failure(operation, uri, reason, cause));
  }

  /**
   * The keys at {@code location} taken as a folder, plus the key named exactly by it; every page of
   * the listing.
   */
  private List<String> keysUnder(S3Location location, String uri, String operation) {
    List<String> keys = new ArrayList<>();
    try {
      for (S3Object object : client.listObjectsV2Paginator(list -> list
          .bucket(location.bucket()).prefix(location.key())).contents()) {
        if (StorageFolders.listed(object.key(), location.key())) {
          keys.add(object.key());
        }
      }
    } catch (SdkException e) {
      throw failures.translate(operation, uri, e);
    }
    return keys;
  }

  private void downloadObject(S3Location location, String uri, Path target) {
    try {
      StorageFiles.downloadInto(target,
          () -> client.getObject(get -> get.bucket(location.bucket()).key(location.key())));
    } catch (SdkException e) {
      throw failures.translate("download", uri, e);
    } catch (IOException e) {
      throw failures.failure("download", uri, "to " + target + ": " + e, e);
    }
  }

  private void uploadFile(Path source, String bucket, String key, String uri) {
    if (!Files.isRegularFile(source)) {
      throw failures.failure("upload", uri, "no such file " + source, null);
    }
    try {
      long size = Files.size(source);
      if (size > multipartThreshold) {
        multipart.upload(source, size, bucket, key);
      } else {
        client.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromFile(source));
      }
    } catch (SdkException e) {
      throw putFailed("upload " + source + " to", uri, bucket, e);
    } catch (IOException | UncheckedIOException e) {
      throw failures.failure("upload " + source + " to", uri, e.toString(), e);
    }
  }

  /**
   * A server that rejects an upload (bad credentials, no bucket) may answer and close the
   * connection before the body is sent; the client then reports only "Error writing request body".
   * A body-less request to the bucket then tells the real reason.
   */
  private StorageException putFailed(String operation, String uri, String bucket, SdkException e) {
    if (e instanceof AwsServiceException || e instanceof ApiCallTimeoutException || S3Failures.isNetworkFailure(e)) {
      return failures.translate(operation, uri, e);
    }
    try {
      client.headBucket(head -> head.bucket(bucket));
    } catch (AwsServiceException reason) {
      return failures.translate(operation, uri, reason, e);
    } catch (SdkException ignored) {
      // No clearer reason to be had: report the upload's own failure.
    }
    return failures.translate(operation, uri, e);
  }
}
