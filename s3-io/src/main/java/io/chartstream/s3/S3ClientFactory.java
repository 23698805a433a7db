package io.chartstream.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds an AWS SDK v2 {@link S3Client} from {@link S3Settings}: the JDK's
 * {@code HttpURLConnection} as HTTP client (no Netty or Apache HttpClient on the classpath),
 * path-style addressing, the endpoint override and the checksum policy that S3-compatible stores
 * need. The caller closes the client.
 */
public final class S3ClientFactory {
  private S3ClientFactory() {}

  /** A new client for {@code settings}. */
  public static S3Client create(S3Settings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(settings.region()))
        .forcePathStyle(settings.pathStyle())
        .requestChecksumCalculation(switch (settings.checksumPolicy()) {
          case WHEN_REQUIRED -> RequestChecksumCalculation.WHEN_REQUIRED;
          case WHEN_SUPPORTED -> RequestChecksumCalculation.WHEN_SUPPORTED;
        })
        .responseChecksumValidation(switch (settings.checksumPolicy()) {
          case WHEN_REQUIRED -> ResponseChecksumValidation.WHEN_REQUIRED;
          case WHEN_SUPPORTED -> ResponseChecksumValidation.WHEN_SUPPORTED;
        })
        .credentialsProvider(credentials(settings));
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    return settings.staticCredentials()
        .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
            AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }
}
