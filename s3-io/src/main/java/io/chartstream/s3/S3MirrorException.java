package io.chartstream.s3;

/** An S3 prefix could not be listed or its mirror directory not created; the message names the location. */
public final class S3MirrorException extends RuntimeException {
  public S3MirrorException(String location, String reason, Throwable cause) {
    super("cannot mirror " + location + ": " + reason, cause);
  }
}
