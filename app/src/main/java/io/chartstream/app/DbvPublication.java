package io.chartstream.app;

import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.SourcePartition;
import io.chartstream.dbv.s3.DbvSnapshotPublisher;
import io.chartstream.dbv.s3.PublishedSnapshot;
import io.chartstream.dbv.s3.S3PublishException;
import io.chartstream.s3.S3Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a running production publishes its dbv to S3 ({@code --publish}): each time the sink has
 * caught up with new tiles, but at most once per interval, so a busy stream does not upload a
 * snapshot per batch. "New" means the dbv's stored offsets moved since the last snapshot; the
 * offsets are in the same transaction as the tiles, so they say exactly what a snapshot holds.
 */
final class DbvPublication {
  private static final Logger LOGGER = LoggerFactory.getLogger(DbvPublication.class);

  private final Path dbv;
  private final S3Settings target;
  private final Duration interval;
  private final DbvSnapshotPublisher publisher;
  private final LongSupplier nanoTime;
  private Map<SourcePartition, Long> publishedOffsets = Map.of();
  private long lastAttemptNanos;
  private boolean attempted;

  DbvPublication(Path dbv, S3Settings target, Duration interval, DbvSnapshotPublisher publisher) {
    this(dbv, target, interval, publisher, System::nanoTime);
  }

  /** @param nanoTime the clock the interval is measured on (a test's own) */
  DbvPublication(Path dbv, S3Settings target, Duration interval, DbvSnapshotPublisher publisher, LongSupplier nanoTime) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.dbv = Objects.requireNonNull(dbv, "dbv");
    this.target = Objects.requireNonNull(target, "target");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /** The target, for messages. */
  String location() {
    return target.location();
  }

  /**
   * Publishes if the sink has caught up ({@code caughtUp}), the dbv holds tiles the last snapshot
   * did not, and the interval has passed since the last attempt. A failure is logged and tried
   * again after the interval: the production goes on.
   */
  void onProgress(boolean caughtUp) {
    if (!caughtUp || (attempted && nanoTime.getAsLong() - lastAttemptNanos < interval.toNanos())) {
      return;
    }
    Map<SourcePartition, Long> stored = storedOffsets();
    if (stored.isEmpty() || stored.equals(publishedOffsets)) {
      return;
    }
    try {
      publishNow();
    } catch (S3PublishException e) {
      LOGGER.error("{}; trying again in {}", e.getMessage(), interval);
    }
  }

  /**
   * Publishes a snapshot now, whatever the interval.
   *
   * @throws S3PublishException naming the target, if the snapshot or upload fails
   */
  PublishedSnapshot publishNow() {
    attempted = true;
    lastAttemptNanos = nanoTime.getAsLong();
    Map<SourcePartition, Long> before = storedOffsets();
    PublishedSnapshot published = publisher.publish(dbv, target);
    // Offsets read before the snapshot: a batch written meanwhile makes the next call publish again.
    publishedOffsets = before;
    return published;
  }

  private Map<SourcePartition, Long> storedOffsets() {
    try (DbvReader reader = DbvReader.open(dbv)) {
      return reader.storedOffsets();
    } catch (RuntimeException e) {
      return Map.of(); // the sink is still creating the file
    }
  }
}
