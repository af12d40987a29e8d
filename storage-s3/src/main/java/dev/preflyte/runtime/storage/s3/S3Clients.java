package dev.preflyte.runtime.storage.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the SDK client that {@link S3Settings} describe. */
final class S3Clients {

  private S3Clients() {}

  static S3Client create(S3Settings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials(settings))
        // The JDK's HttpURLConnection: no Netty or Apache client in the task image.
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(settings.timeouts().connect())
            .socketTimeout(settings.timeouts().read()))
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            // The SDK's standard strategy: exponential backoff with jitter on throttling, 5xx and
            // network errors. The call's own deadline also bounds a trickling answer.
            .retryStrategy(retry -> retry.maxAttempts(settings.timeouts().maxAttempts()))
            .apiCallTimeout(settings.timeouts().deadline())
            .build());
    settings.endpoint().ifPresentOrElse(
        endpoint -> builder
            .endpointOverride(endpoint)
            // MinIO and most S3-compatible servers serve buckets as paths, not as host names.
            .forcePathStyle(true)
            // Many S3-compatible servers reject the streaming trailing checksums the SDK sends by
            // default; send and check checksums only where the S3 API requires them.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED),
        // On AWS a bucket may live outside the configured region: follow S3's redirect to it.
        () -> builder.crossRegionAccessEnabled(true));
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    if (settings.hasStaticCredentials()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
