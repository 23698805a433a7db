package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chartstream.dbv.DbvBatch;
import io.chartstream.dbv.DbvMetadata;
import io.chartstream.dbv.DbvWriter;
import io.chartstream.dbv.SourcePartition;
import io.chartstream.dbv.s3.DbvSnapshotPublisher;
import io.chartstream.dbv.s3.S3PublishException;
import io.chartstream.s3.LocalS3;
import io.chartstream.s3.S3ClientFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * When {@code --publish} uploads, against S3Proxy: only with the sink caught up, only when the dbv
 * holds something the last snapshot did not (its stored offsets moved), at most once per interval.
 */
class DbvPublicationTest {
  private static final SourcePartition TILES = new SourcePartition("rcl.tiles", 0);

  @TempDir Path dir;

  @Test
  void publishesNewContentWhenCaughtUpAtMostOncePerInterval() throws Exception {
    Path dbv = dir.resolve("a.dbv");
    AtomicInteger uploads = new AtomicInteger();
    try (LocalS3 s3 = LocalS3.start(); DbvWriter writer = DbvWriter.open(dbv, DbvMetadata.worldMercator(Map.of(), Map.of()))) {
      s3.createBucket("out");
      DbvSnapshotPublisher publisher = new DbvSnapshotPublisher(settings -> {
        uploads.incrementAndGet();
        return S3ClientFactory.create(settings);
      }, null);
      Duration interval = Duration.ofMinutes(1);
      AtomicLong clock = new AtomicLong();
      DbvPublication publication = new DbvPublication(dbv, s3.settings("out", "a.dbv"), interval, publisher, clock::get);

      publication.onProgress(true);
      assertEquals(0, uploads.get(), "an empty dbv (no offsets stored yet) is not published");
      storeOffset(writer, 10);
      publication.onProgress(false);
      assertEquals(0, uploads.get(), "not while the sink lags");
      publication.onProgress(true);
      assertEquals(1, uploads.get());
      publication.onProgress(true);
      assertEquals(1, uploads.get(), "nothing new");

      storeOffset(writer, 20);
      publication.onProgress(true);
      assertEquals(1, uploads.get(), "new tiles, but within the interval");
      clock.addAndGet(interval.toNanos() - 1);
      publication.onProgress(true);
      assertEquals(1, uploads.get(), "still within the interval");
      clock.addAndGet(1);
      publication.onProgress(true);
      assertEquals(2, uploads.get());
      try (S3Client client = S3ClientFactory.create(s3.settings("out", ""))) {
        assertEquals(1, client.listObjectsV2(b -> b.bucket("out")).keyCount());
      }

      DbvPublication nowhere = new DbvPublication(dbv, s3.settings("no-such-bucket", "a.dbv"), interval, publisher);
      nowhere.onProgress(true); // logged, the production goes on
      assertThrows(S3PublishException.class, nowhere::publishNow);
    }
  }

  private static void storeOffset(DbvWriter writer, long next) {
    writer.write(new DbvBatch(List.of(), List.of(), Set.of(), Map.of(TILES, next)));
  }
}
