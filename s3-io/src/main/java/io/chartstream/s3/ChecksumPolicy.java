package io.chartstream.s3;

/**
 * When the S3 client adds request checksums and validates response checksums.
 *
 * <p>AWS SDK v2 from 2.30 on computes CRC checksums and sends uploads as signed chunks with a
 * trailing checksum by default ({@link #WHEN_SUPPORTED}). AWS S3 accepts that; S3Proxy and many
 * older S3-compatible stores reject it ("x-amz-content-sha256 does not match"), so the default
 * here is {@link #WHEN_REQUIRED}, which sends checksums only for operations that demand one.
 */
public enum ChecksumPolicy {
  /** Checksums only where the operation requires one: works with every S3-compatible store. */
  WHEN_REQUIRED,
  /** The SDK's own default: CRC checksums on every request that supports them (AWS S3). */
  WHEN_SUPPORTED
}
