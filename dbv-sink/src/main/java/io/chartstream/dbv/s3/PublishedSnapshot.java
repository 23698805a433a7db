package io.chartstream.dbv.s3;

/**
 * A dbv snapshot as stored in S3.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param size the object's size in bytes
 * @param sha256 the SHA-256 of the object's bytes, lower-case hex (also stored as the object's
 *     {@code x-amz-meta-sha256} user metadata)
 */
public record PublishedSnapshot(String bucket, String key, long size, String sha256) {

  /** The object as {@code s3://bucket/key}. */
  public String location() {
    return "s3://" + bucket + "/" + key;
  }
}
