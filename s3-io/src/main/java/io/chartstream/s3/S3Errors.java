package io.chartstream.s3;

import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 failures in a form fit for a message: the store's error code and words, never a credential. */
public final class S3Errors {
  private S3Errors() {}

  /**
   * "NoSuchBucket: The specified bucket does not exist (HTTP 404)", or, for an answer without an
   * error body (a HEAD request's), the SDK's own message with the HTTP status.
   */
  public static String reason(S3Exception e) {
    if (e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null) {
      return e.getMessage() + " (HTTP " + e.statusCode() + ")";
    }
    return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage()
        + " (HTTP " + e.statusCode() + ")";
  }
}
