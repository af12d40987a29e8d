package dev.preflyte.runtime.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a large file in parts. Like a single PutObject it is all or nothing: S3 shows the object
 * only once CompleteMultipartUpload succeeds, and any failure aborts the upload so that no parts are
 * left behind (and billed).
 */
final class MultipartUpload {

  /** S3 allows at most this many parts per upload. */
  static final int MAX_PARTS = 10_000;

  private final S3Client client;
  private final long minimumPartSize;

  /** @param minimumPartSize bytes per part, grown for files too big for {@link #MAX_PARTS} parts */
  MultipartUpload(S3Client client, long minimumPartSize) {
    this.client = client;
    this.minimumPartSize = minimumPartSize;
  }

  void upload(Path source, long size, String bucket, String key) throws IOException {
    long partSize = Math.max(minimumPartSize, (size + MAX_PARTS - 1) / MAX_PARTS);
    String uploadId = client.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
    try (InputStream in = Files.newInputStream(source)) {
      List<CompletedPart> parts = new ArrayList<>();
      byte[] buffer = new byte[(int) Math.min(partSize, size)];
      for (int number = 1; (long) (number - 1) * partSize < size; number++) {
        int expected = (int) Math.min(partSize, size - (number - 1) * partSize);
        if (in.readNBytes(buffer, 0, expected) != expected) {
          throw new IOException(source + " shrank while it was being uploaded");
        }
        int partNumber = number;
        String etag = client.uploadPart(
            part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
            RequestBody.fromBytes(expected == buffer.length ? buffer : Arrays.copyOf(buffer, expected)))
            .eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
      }
      client.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(upload -> upload.parts(parts)));
    } catch (IOException | RuntimeException e) {
      abortQuietly(bucket, key, uploadId, e);
      throw e;
    }
  }

  private void abortQuietly(String bucket, String key, String uploadId, Exception failure) {
    try {
      client.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      failure.addSuppressed(e); // the upload's own failure is the one to report
    }
  }
}
