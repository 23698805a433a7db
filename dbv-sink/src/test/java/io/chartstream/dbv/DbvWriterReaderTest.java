package io.chartstream.dbv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.BoundingBox;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartVersion;
import io.chartstream.schema.avro.RclTile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbvWriterReaderTest {
  @TempDir Path dir;

  @Test
  void roundTripsTilesMetadataAndOffsets() {
    Path file = dir.resolve("a.dbv");
    List<RclTile> tiles = new ArrayList<>();
    // 300 tiles: more than one multi-row statement (111 rows of 9 parameters each).
    for (int i = 0; i < 300; i++) {
      tiles.add(TestTiles.tile(i % 2 == 0 ? 12 : 13, 100 + i, 200 + i, 1, 1 + i % 7));
    }
    SourcePartition tp = new SourcePartition("rcl.tiles", 0);
    try (DbvWriter writer = DbvWriter.open(file, TestTiles.metadata())) {
      writer.upsertTiles(tiles, Map.of(tp, 300L));
    }
    try (DbvReader reader = DbvReader.open(file)) {
      for (RclTile expected : tiles) {
        assertEquals(expected, reader.tile(expected.getLevel(), expected.getRow(), expected.getCol()).orElseThrow());
      }
      List<RclTile> all = new ArrayList<>();
      reader.tiles(all::add);
      assertEquals(300, all.size());
      assertEquals(Map.of(12, 150L, 13, 150L), reader.tileCountsByLevel());
      assertEquals(Map.of(tp, 300L), reader.storedOffsets());
      Map<String, String> metadata = reader.metadata();
      assertEquals("2", metadata.get("format_version"));
      assertEquals("EPSG:3395", metadata.get("crs"));
      assertEquals("zlib", metadata.get("tile_codec"));
      assertEquals(RclTile.getClassSchema().toString(), metadata.get("tile_schema"));
      assertTrue(reader.tile(1, 1, 1).isEmpty());
    }
  }

  @Test
  void olderSequenceNeverReplacesNewer() {
    Path file = dir.resolve("b.dbv");
    SourcePartition tp = new SourcePartition("rcl.tiles", 0);
    RclTile newer = TestTiles.tile(13, 5, 6, 3, 4);
    RclTile older = TestTiles.tile(13, 5, 6, 2, 9);
    RclTile newest = TestTiles.tile(13, 5, 6, 4, 1);
    try (DbvWriter writer = DbvWriter.open(file, TestTiles.metadata())) {
      writer.upsertTiles(List.of(newer), Map.of(tp, 1L));
      writer.upsertTiles(List.of(older), Map.of(tp, 2L));
      try (DbvReader reader = DbvReader.open(file)) {
        assertEquals(newer, reader.tile(13, 5, 6).orElseThrow());
        assertEquals(Map.of(tp, 2L), reader.storedOffsets());
      }
      // Within one batch too, order does not matter: the highest sequence wins.
      writer.upsertTiles(List.of(newest, older), Map.of(tp, 4L));
    }
    try (DbvReader reader = DbvReader.open(file)) {
      assertEquals(newest, reader.tile(13, 5, 6).orElseThrow());
    }
  }

  @Test
  void keepsChartVersionsAndDropsPlaceholders() {
    Path file = dir.resolve("c.dbv");
    ChartCatalogEntry exchangeSet = ChartCatalogEntry.newBuilder().setChartId("US5WA22M")
        .setSource(CatalogSource.EXCHANGE_SET).setFile("ENC_ROOT/US5WA22M/US5WA22M.000").setProducer("US")
        .setBbox(new BoundingBox(47.0, -123.0, 48.0, -122.0)).build();
    ChartCatalogEntry cell = ChartCatalogEntry.newBuilder(exchangeSet).setSource(CatalogSource.CELL)
        .setVersion(new ChartVersion(3, 2, "20240101", "20230101")).setCompilationScale(22000).setUsageBand(5)
        .setCoverage(ByteBuffer.wrap(new byte[] {1, 2, 3})).setFeaturesIn(1876).setFeaturesWithGeometry(1873).build();
    try (DbvWriter writer = DbvWriter.open(file, TestTiles.metadata())) {
      writer.write(new DbvBatch(List.of(), List.of(DbvChart.of(exchangeSet)), Set.of(), Map.of()));
      writer.write(new DbvBatch(List.of(), List.of(DbvChart.of(cell), 
          DbvChart.of(ChartCatalogEntry.newBuilder(exchangeSet).setChartId("US4WA10M").build())), Set.of(), Map.of()));
      // The exchange set seen again after the cell was read adds no placeholder.
      writer.write(new DbvBatch(List.of(), List.of(DbvChart.of(exchangeSet)), Set.of(), Map.of()));
    }
    try (DbvReader reader = DbvReader.open(file)) {
      List<DbvChart> charts = reader.charts();
      assertEquals(2, charts.size());
      assertEquals("US4WA10M", charts.get(0).chartId());
      assertEquals("", charts.get(0).revision());
      DbvChart read = charts.get(1);
      assertEquals("3:2:20240101:20230101", read.revision());
      assertEquals(22000, read.compilationScale());
      assertEquals("CELL", read.source());
      assertArrayEquals(new byte[] {1, 2, 3}, read.coverage());
      assertEquals(1876, read.featuresIn());
      assertEquals(1873, read.featuresWithGeometry());
      assertNull(charts.get(0).featuresIn(), "not read yet");
    }
  }

  /** A format 1 file (WKB pieces) is refused by the reader and the writer, with the fix, and left as it was. */
  @Test
  void aFormat1FileIsRefusedWithTheFixAndLeftAsItWas() throws Exception {
    Path file = dir.resolve("old.dbv");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      st.execute("INSERT INTO metadata VALUES ('format_version', '1')");
      st.execute("CREATE TABLE tiles (level INTEGER NOT NULL, row INTEGER NOT NULL, col INTEGER NOT NULL,"
          + " rcl INTEGER PRIMARY KEY, sequence INTEGER NOT NULL, charts TEXT NOT NULL, feature_count INTEGER NOT NULL,"
          + " content_hash TEXT NOT NULL, blob BLOB NOT NULL)");
    }
    byte[] before = java.nio.file.Files.readAllBytes(file);
    for (Runnable open : List.<Runnable>of(() -> DbvReader.open(file).close(), () -> DbvWriter.open(file, TestTiles.metadata()).close())) {
      DbvException e = assertThrows(DbvException.class, open::run);
      assertTrue(e.getMessage().contains("format version 1") && e.getMessage().contains(file.toString())
          && e.getMessage().contains("chartstream replay"), e.getMessage());
    }
    assertArrayEquals(before, java.nio.file.Files.readAllBytes(file), "the file is left as it was");
  }
}
