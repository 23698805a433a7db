package io.chartstream.dbv.s3;

import io.chartstream.dbv.SourcePartition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chartstream.dbv.DbvException;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.DbvWriter;
import io.chartstream.dbv.TestTiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbvSnapshotterTest {
  private static final SourcePartition TP = new SourcePartition("rcl.tiles", 0);

  @TempDir Path dir;

  @Test
  void copiesCommittedBatchesStillInTheWalIntoOneSelfContainedFile() throws Exception {
    Path dbv = dir.resolve("live.dbv");
    Path copy = dir.resolve("copy.dbv");
    // The writer stays open, so its batches sit in live.dbv-wal, not yet checkpointed.
    try (DbvWriter writer = DbvWriter.open(dbv, TestTiles.metadata())) {
      writer.upsertTiles(List.of(TestTiles.tile(13, 1, 2, 1, 3)), Map.of(TP, 1L));
      writer.upsertTiles(List.of(TestTiles.tile(13, 1, 3, 2, 3)), Map.of(TP, 2L));
      DbvSnapshotter.snapshot(dbv, copy);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      assertEquals("delete", rs.getString(1));
    }
    assertFalse(Files.exists(dir.resolve("copy.dbv-wal")));
    try (DbvReader reader = DbvReader.open(copy)) {
      assertEquals(Map.of(TP, 2L), reader.storedOffsets());
      assertEquals(TestTiles.tile(13, 1, 3, 2, 3), reader.tile(13, 1, 3).orElseThrow());
    }
  }

  @Test
  void leavesOutAWriteTransactionStillOpenAndDoesNotWaitForIt() throws Exception {
    Path dbv = dir.resolve("live.dbv");
    Path copy = dir.resolve("copy.dbv");
    try (DbvWriter writer = DbvWriter.open(dbv, TestTiles.metadata())) {
      writer.upsertTiles(List.of(TestTiles.tile(13, 1, 2, 1, 3)), Map.of(TP, 1L));
    }
    // A writer caught mid-batch: offsets moved and every tile deleted, not yet committed.
    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + dbv);
        Statement st = writer.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      st.execute("UPDATE sink_offsets SET next_offset = 99");
      st.execute("DELETE FROM tiles");
      DbvSnapshotter.snapshot(dbv, copy);
      st.execute("COMMIT");
    }
    try (DbvReader reader = DbvReader.open(copy)) {
      assertEquals(Map.of(TP, 1L), reader.storedOffsets());
      assertEquals(TestTiles.tile(13, 1, 2, 1, 3), reader.tile(13, 1, 2).orElseThrow());
    }
  }

  @Test
  void missingDbvIsAClearError() {
    DbvException e = assertThrows(DbvException.class,
        () -> DbvSnapshotter.snapshot(dir.resolve("none.dbv"), dir.resolve("copy.dbv")));
    assertEquals("cannot snapshot " + dir.resolve("none.dbv") + ": no such file", e.getMessage());
  }
}
