package io.chartstream.dbv.s3;

import io.chartstream.dbv.SourcePartition;
import io.chartstream.s3.LocalS3;
import io.chartstream.s3.S3ClientFactory;
import io.chartstream.s3.S3Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.DbvWriter;
import io.chartstream.dbv.TestTiles;
import io.chartstream.schema.avro.RclTile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class DbvSnapshotPublisherTest {
  private static final SourcePartition TP = new SourcePartition("rcl.tiles", 0);
  private static final String BUCKET = "charts";
  /** Tiles added by each batch, besides the one tile every batch replaces. */
  private static final int NEW_TILES_PER_BATCH = 9;
  /** Stops a runaway writer thread if the test goes wrong. */
  private static final long MAX_BATCHES = 5_000;

  private static LocalS3 s3;

  @TempDir Path dir;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = LocalS3.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  /**
   * Batch {@code b} replaces tile (13, 0, 0) with sequence {@code b} and adds tiles (13, b, 1..9),
   * then stores offset {@code b}: the tiles of any state are a function of its offset.
   */
  private static List<RclTile> batch(long b) {
    List<RclTile> tiles = new ArrayList<>();
    tiles.add(TestTiles.tile(13, 0, 0, b, 1 + (int) (b % 4)));
    for (int col = 1; col <= NEW_TILES_PER_BATCH; col++) {
      tiles.add(TestTiles.tile(13, (int) b, col, b, 1 + col % 3));
    }
    return tiles;
  }

  /** The tiles a dbv holds once batches 1..{@code lastBatch} are committed, by RCL. */
  private static Map<Long, RclTile> stateAfter(long lastBatch) {
    Map<Long, RclTile> state = new HashMap<>();
    for (long b = 1; b <= lastBatch; b++) {
      batch(b).forEach(tile -> state.put(tile.getRcl(), tile));
    }
    return state;
  }

  @Test
  void publishesAConsistentSnapshotWhileTheDbvIsBeingWritten() throws Exception {
    Path dbv = dir.resolve("live.dbv");
    AtomicLong committed = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
      try (DbvWriter writer = DbvWriter.open(dbv, TestTiles.metadata())) {
        for (long b = 1; !stop.get() && b <= MAX_BATCHES; b++) {
          writer.upsertTiles(batch(b), Map.of(TP, b));
          committed.set(b);
        }
      }
    });
    awaitBatches(committed, 20, writing);

    long before = committed.get();
    AtomicLong atSnapshot = new AtomicLong();
    // The client is built after the snapshot and before the upload: hold the upload there until the
    // writer has committed more batches, so the live file has moved on from what gets uploaded.
    Function<S3Settings, S3Client> clients = target -> {
      atSnapshot.set(committed.get());
      awaitBatches(committed, atSnapshot.get() + 3, writing);
      return S3ClientFactory.create(target);
    };
    PublishedSnapshot published =
        new DbvSnapshotPublisher(clients, null).publish(dbv, s3.settings(BUCKET, "dbv/live.dbv"));
    stop.set(true);
    writing.get(60, TimeUnit.SECONDS);

    assertEquals(BUCKET, published.bucket());
    assertEquals("dbv/live.dbv", published.key());
    Path downloaded = dir.resolve("downloaded.dbv");
    GetObjectResponse response = download(published, downloaded);
    assertEquals(published.size(), Files.size(downloaded));
    assertEquals(published.sha256(), DbvSnapshotPublisher.sha256(downloaded));
    assertEquals(published.sha256(), response.metadata().get(DbvSnapshotPublisher.SHA256_METADATA));
    assertEquals("ok", integrityCheck(downloaded));

    try (DbvReader reader = DbvReader.open(downloaded)) {
      long offset = reader.storedOffsets().get(TP);
      assertTrue(offset >= before && offset <= atSnapshot.get(),
          "snapshot at batch " + offset + ", taken between batches " + before + " and " + atSnapshot.get());
      Map<Long, RclTile> tiles = new HashMap<>();
      reader.tiles(tile -> tiles.put(tile.getRcl(), tile)); // decodes every blob
      assertEquals(stateAfter(offset), tiles, "tiles are the state after batch " + offset);
      assertEquals(TestTiles.metadata().toEntries().get("crs"), reader.metadata().get("crs"));
    }
    assertEquals(List.of(), snapshotLeftovers(), "temporary snapshot deleted");
  }

  @Test
  void prefixTargetUsesTheDbvFileName() throws Exception {
    Path dbv = dir.resolve("harbour.dbv");
    try (DbvWriter writer = DbvWriter.open(dbv, TestTiles.metadata())) {
      writer.upsertTiles(batch(1), Map.of(TP, 1L));
    }
    PublishedSnapshot published = new DbvSnapshotPublisher().publish(dbv, s3.settings(BUCKET, "exports/"));
    assertEquals("exports/harbour.dbv", published.key());
    Path downloaded = dir.resolve("downloaded.dbv");
    download(published, downloaded);
    try (DbvReader reader = DbvReader.open(downloaded)) {
      assertEquals(Map.of(TP, 1L), reader.storedOffsets());
    }
  }

  @Test
  void missingBucketIsAClearErrorNamingTheBucket() throws Exception {
    Path dbv = dir.resolve("a.dbv");
    try (DbvWriter writer = DbvWriter.open(dbv, TestTiles.metadata())) {
      writer.upsertTiles(batch(1), Map.of(TP, 1L));
    }
    S3PublishException e = assertThrows(S3PublishException.class,
        () -> new DbvSnapshotPublisher().publish(dbv, s3.settings("no-such-bucket", "x/a.dbv")));
    assertEquals("no-such-bucket", e.bucket());
    assertEquals("x/a.dbv", e.key());
    assertTrue(e.getMessage().startsWith("cannot publish dbv snapshot to s3://no-such-bucket/x/a.dbv: NoSuchBucket"),
        e.getMessage());
    assertEquals(List.of(), snapshotLeftovers(), "temporary snapshot deleted on failure");
  }

  @Test
  void wrongCredentialsAreRejected() throws Exception {
    Path dbv = dir.resolve("a.dbv");
    try (DbvWriter writer = DbvWriter.open(dbv, TestTiles.metadata())) {
      writer.upsertTiles(batch(1), Map.of(TP, 1L));
    }
    S3Settings target = s3.settings(BUCKET, "a.dbv")
        .withCredentials(new S3Settings.StaticCredentials(LocalS3.CREDENTIALS.accessKeyId(), "wrong-secret"));
    S3PublishException e = assertThrows(S3PublishException.class,
        () -> new DbvSnapshotPublisher().publish(dbv, target));
    assertTrue(e.getMessage().contains("s3://" + BUCKET + "/a.dbv") && e.getMessage().contains("HTTP 403"),
        e.getMessage());
    assertFalse(e.getMessage().contains("wrong-secret"), e.getMessage());
  }

  private static void awaitBatches(AtomicLong committed, long atLeast, CompletableFuture<Void> writing) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (committed.get() < atLeast) {
      if (writing.isDone()) {
        writing.join(); // surfaces the writer's failure
        throw new AssertionError("writer stopped at batch " + committed.get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("writer stuck at batch " + committed.get());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  private GetObjectResponse download(PublishedSnapshot published, Path target) {
    try (S3Client client = S3ClientFactory.create(s3.settings(published.bucket(), published.key()))) {
      return client.getObject(GetObjectRequest.builder().bucket(published.bucket()).key(published.key()).build(),
          ResponseTransformer.toFile(target));
    }
  }

  private static String integrityCheck(Path file) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      return rs.getString(1);
    }
  }

  private List<Path> snapshotLeftovers() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().contains(".snapshot")).toList();
    }
  }
}
