package io.chartstream.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to publish to S3: the bucket and object key, plus the client options an
 * S3-compatible store may need (endpoint override, path-style addressing, checksum policy).
 *
 * <p>Credentials come from the AWS SDK's default provider chain (environment, system properties,
 * profile files, container or instance roles) unless {@link #credentials()} gives static ones,
 * which is meant for tests against a local store. They never appear in {@link #toString()}.
 *
 * @param endpoint the S3 endpoint to use instead of AWS's, or {@code null} for AWS S3
 * @param region the signing region; {@code us-east-1} by default
 * @param bucket the bucket name
 * @param key the object key; one that is empty or ends with {@code /} is a prefix, to which
 *     {@link #objectKey(String)} appends the published file's name
 * @param pathStyle {@code true} (default) for {@code http://host/bucket/key} addressing, which
 *     local and most S3-compatible stores need; {@code false} for virtual-hosted buckets
 * @param checksumPolicy when checksums are sent and checked; {@link ChecksumPolicy#WHEN_REQUIRED}
 *     by default
 * @param credentials static credentials, or {@code null} for the SDK's default provider chain
 */
public record S3Settings(URI endpoint, String region, String bucket, String key, boolean pathStyle,
    ChecksumPolicy checksumPolicy, StaticCredentials credentials) {

  /** The region used when none is given; also what S3-compatible stores usually expect. */
  public static final String DEFAULT_REGION = "us-east-1";

  public S3Settings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(checksumPolicy, "checksumPolicy");
    if (region.isBlank()) {
      throw new IllegalArgumentException("S3 region must not be blank");
    }
    if (bucket.isBlank() || bucket.contains("/")) {
      throw new IllegalArgumentException("invalid S3 bucket name: '" + bucket + "'");
    }
    if (key.startsWith("/")) {
      throw new IllegalArgumentException("S3 key must not start with '/': " + key);
    }
  }

  /**
   * Parses {@code s3://bucket/prefix/file.dbv} (or {@code s3://bucket/prefix/}, a prefix) with the
   * defaults: AWS endpoint, {@value #DEFAULT_REGION}, path-style, checksums when required, the
   * default credential chain.
   */
  public static S3Settings parse(String location) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not an s3:// location: " + location, e);
    }
    if (!"s3".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
      throw new IllegalArgumentException("not an s3://bucket/key location: " + location);
    }
    // The authority rather than the host: bucket names with dots or underscores are not hostnames.
    String bucket = uri.getRawAuthority();
    String path = uri.getPath() == null ? "" : uri.getPath();
    String key = path.startsWith("/") ? path.substring(1) : path;
    return new S3Settings(null, DEFAULT_REGION, bucket, key, true, ChecksumPolicy.WHEN_REQUIRED, null);
  }

  /** The endpoint override, empty for AWS S3. */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpoint);
  }

  /** The static credentials, empty for the SDK's default provider chain. */
  public Optional<StaticCredentials> staticCredentials() {
    return Optional.ofNullable(credentials);
  }

  /** The key to write {@code fileName} under: {@link #key()} itself, or the prefix plus the name. */
  public String objectKey(String fileName) {
    return key.isEmpty() || key.endsWith("/") ? key + fileName : key;
  }

  /** A copy sending requests to {@code newEndpoint} (an S3-compatible store) instead of AWS. */
  public S3Settings withEndpoint(URI newEndpoint) {
    return new S3Settings(newEndpoint, region, bucket, key, pathStyle, checksumPolicy, credentials);
  }

  /** A copy signing for {@code newRegion}. */
  public S3Settings withRegion(String newRegion) {
    return new S3Settings(endpoint, newRegion, bucket, key, pathStyle, checksumPolicy, credentials);
  }

  /** A copy with path-style addressing on or off. */
  public S3Settings withPathStyle(boolean newPathStyle) {
    return new S3Settings(endpoint, region, bucket, key, newPathStyle, checksumPolicy, credentials);
  }

  /** A copy with another checksum policy. */
  public S3Settings withChecksumPolicy(ChecksumPolicy newPolicy) {
    return new S3Settings(endpoint, region, bucket, key, pathStyle, newPolicy, credentials);
  }

  /** A copy using these static credentials instead of the default provider chain. */
  public S3Settings withCredentials(StaticCredentials newCredentials) {
    return new S3Settings(endpoint, region, bucket, key, pathStyle, checksumPolicy, newCredentials);
  }

  /** The location as {@code s3://bucket/key}, for messages. */
  public String location() {
    return "s3://" + bucket + "/" + key;
  }

  /**
   * Static credentials, for tests against a local store. The secret is kept out of
   * {@link #toString()} so that settings can be logged.
   */
  public record StaticCredentials(String accessKeyId, String secretAccessKey) {
    public StaticCredentials {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
      return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
  }
}
