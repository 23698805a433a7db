package io.chartstream.dbv.s3;

/**
 * Publishing a dbv snapshot failed. The message names the target {@code s3://bucket/key} and the
 * reason (S3 error code and message where the store gave one).
 */
public final class S3PublishException extends RuntimeException {
  private final String bucket;
  private final String key;

  public S3PublishException(String bucket, String key, String reason, Throwable cause) {
    super("cannot publish dbv snapshot to s3://" + bucket + "/" + key + ": " + reason, cause);
    this.bucket = bucket;
    this.key = key;
  }

  /** The target bucket. */
  public String bucket() {
    return bucket;
  }

  /** The target object key. */
  public String key() {
    return key;
  }
}
