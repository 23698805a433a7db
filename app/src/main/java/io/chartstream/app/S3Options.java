package io.chartstream.app;

import io.chartstream.ingest.connect.S57SourceConnectorConfig;
import io.chartstream.s3.S3Settings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where {@code s3://} locations live (a picocli mixin): AWS S3 by default, or an S3-compatible
 * store. Credentials always come from the AWS SDK's default chain (environment
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system properties, profile, instance
 * role), never from the command line, where they would end up in shell history and {@code ps}.
 */
public final class S3Options {
  @Option(names = "--s3-endpoint", description = "An S3-compatible endpoint (MinIO, S3Proxy, …) for s3:// locations; default: AWS S3.")
  URI endpoint;

  @Option(names = "--s3-region", defaultValue = S3Settings.DEFAULT_REGION, description = "Signing region for s3:// locations (default: ${DEFAULT-VALUE}).")
  String region;

  /** Settings for {@code location} ({@code s3://bucket/key}) with these options. */
  public S3Settings settings(String location) {
    S3Settings settings = S3Settings.parse(location).withRegion(region);
    return endpoint == null ? settings : settings.withEndpoint(endpoint);
  }

  /** The same options as ingest connector settings. */
  public Map<String, String> connectorSettings() {
    Map<String, String> settings = new HashMap<>();
    settings.put(S57SourceConnectorConfig.S3_REGION_CONF, region);
    if (endpoint != null) {
      settings.put(S57SourceConnectorConfig.S3_ENDPOINT_CONF, endpoint.toString());
    }
    return settings;
  }
}
