package io.chartstream.dbv.s3;

import io.chartstream.s3.S3ClientFactory;
import io.chartstream.s3.S3Errors;
import io.chartstream.s3.S3Settings;

import io.chartstream.dbv.DbvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes a consistent snapshot of a dbv to S3: {@link DbvSnapshotter} copies the dbv (which a
 * sink may be writing) into a temporary file beside it, the file's SHA-256 is computed, one
 * {@code PutObject} uploads it, and the temporary file is deleted whatever happens. A dbv is a few
 * hundred MB at most, well under PutObject's 5 GB limit, so there is no multipart upload.
 *
 * <p>The temporary file goes in the dbv's own directory by default: the dbv fits there, so its
 * snapshot (never larger, as {@code VACUUM} drops free pages) does too, whereas {@code /tmp} is
 * often a small tmpfs. Thread-safe: each call builds, uses and closes its own client.
 */
public final class DbvSnapshotPublisher {
  private static final Logger LOGGER = LoggerFactory.getLogger(DbvSnapshotPublisher.class);
  /** User metadata key for the checksum; S3 returns it as {@code x-amz-meta-sha256}. */
  public static final String SHA256_METADATA = "sha256";

  private final Function<S3Settings, S3Client> clients;
  private final Path tempDir;

  /** A publisher with clients from {@link S3ClientFactory}, snapshots beside the dbv. */
  public DbvSnapshotPublisher() {
    this(S3ClientFactory::create, null);
  }

  /**
   * @param clients builds the client for a target; the publisher closes what it returns
   * @param tempDir where snapshots are written before upload, or {@code null} for the dbv's directory
   */
  public DbvSnapshotPublisher(Function<S3Settings, S3Client> clients, Path tempDir) {
    this.clients = clients;
    this.tempDir = tempDir;
  }

  /**
   * Snapshots {@code dbv} and uploads it to {@code target} (its key, or its prefix plus the dbv's
   * file name).
   *
   * @return the object's bucket, key, size and SHA-256
   * @throws S3PublishException naming the bucket and key, if the snapshot or the upload fails
   */
  public PublishedSnapshot publish(Path dbv, S3Settings target) {
    String key = target.objectKey(dbv.getFileName().toString());
    Path snapshot = null;
    try {
      Path dir = tempDir != null ? tempDir : dbv.toAbsolutePath().getParent();
      // Hidden and unique, so a crash leaves a file nobody mistakes for a dbv; VACUUM INTO accepts
      // the empty file createTempFile makes.
      snapshot = Files.createTempFile(dir, "." + dbv.getFileName() + ".", ".snapshot");
      DbvSnapshotter.snapshot(dbv, snapshot);
      long size = Files.size(snapshot);
      String sha256 = sha256(snapshot);
      upload(target, key, snapshot, size, sha256);
      PublishedSnapshot published = new PublishedSnapshot(target.bucket(), key, size, sha256);
      LOGGER.info("Published {} to {} ({} bytes, sha256 {})", dbv, published.location(), size, sha256);
      return published;
    } catch (S3Exception e) {
      throw new S3PublishException(target.bucket(), key, S3Errors.reason(e), e);
    } catch (SdkException | DbvException e) {
      throw new S3PublishException(target.bucket(), key, e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new S3PublishException(target.bucket(), key, "cannot write snapshot of " + dbv + ": " + e, e);
    } finally {
      deleteQuietly(snapshot);
    }
  }

  private void upload(S3Settings target, String key, Path file, long size, String sha256) {
    PutObjectRequest request = PutObjectRequest.builder()
        .bucket(target.bucket())
        .key(key)
        .contentLength(size)
        .contentType("application/vnd.sqlite3")
        .metadata(Map.of(SHA256_METADATA, sha256))
        .build();
    try (S3Client client = clients.apply(target)) {
      // Ask for the bucket first: a store may refuse a PUT into a missing bucket before it has read
      // the body and close the connection, which the SDK then reports as a broken upload rather
      // than the store's answer; and a large snapshot is not sent anywhere for nothing.
      try {
        client.headBucket(b -> b.bucket(target.bucket()));
      } catch (NoSuchBucketException e) {
        throw new S3PublishException(target.bucket(), key, "NoSuchBucket: the bucket does not exist (HTTP 404)", e);
      }
      client.putObject(request, RequestBody.fromFile(file));
    }
  }

  /** Lower-case hex SHA-256 of a file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
      // The snapshot was switched out of WAL, but a failed run may have left the sidecars.
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
    } catch (IOException e) {
      LOGGER.warn("Cannot delete snapshot {}: {}", file, e.toString());
    }
  }
}
