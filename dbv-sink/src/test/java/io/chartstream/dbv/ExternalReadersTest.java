package io.chartstream.dbv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartstream.schema.avro.RclTile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a dbv with tools that know only {@code docs/dbv-format.md}: the {@code sqlite3} command
 * and a Python script using the standard library and {@code python3-avro}.
 */
class ExternalReadersTest {
  @TempDir Path dir;
  private Path file;
  private final List<RclTile> tiles = new ArrayList<>();

  @BeforeEach
  void writeDbv() {
    file = dir.resolve("x.dbv");
    for (int i = 0; i < 20; i++) {
      tiles.add(TestTiles.tile(i < 5 ? 12 : 13, 10 + i, 20 + i, 1 + i % 3, 1 + i));
    }
    try (DbvWriter writer = DbvWriter.open(file, TestTiles.metadata())) {
      writer.upsertTiles(tiles, Map.of(new SourcePartition("rcl.tiles", 0), 20L));
    }
  }

  @Test
  void sqlite3CommandLineReadsTheSpecifiedTables() throws Exception {
    assertEquals("20", sqlite("SELECT count(*) FROM tiles"));
    assertEquals("12|5\n13|15", sqlite("SELECT level, count(*) FROM tiles GROUP BY level ORDER BY level"));
    assertEquals("1", sqlite("SELECT value FROM metadata WHERE key='format_version'"));
    assertEquals("EPSG:3395", sqlite("SELECT value FROM metadata WHERE key='crs'"));
    RclTile t = tiles.get(7);
    assertEquals(t.getContentHash() + "|" + t.getSequence() + "|" + t.getFeatures().size() + "|" + t.getRcl(),
        sqlite("SELECT content_hash, sequence, feature_count, rcl FROM tiles WHERE level=" + t.getLevel()
            + " AND row=" + t.getRow() + " AND col=" + t.getCol()));
    assertEquals("rcl.tiles|0|20", sqlite("SELECT topic, partition, next_offset FROM sink_offsets"));
    // The documented query over tiles.charts.
    long pieces = tiles.stream().mapToLong(x -> x.getFeatures().size()).sum();
    assertEquals(Long.toString(pieces), sqlite("SELECT sum(j.value->>'piece_count') FROM tiles, json_each(tiles.charts) j"
        + " WHERE j.value->>'chart_id'='US5WA22M'"));
  }

  @Test
  void pythonReaderWrittenFromTheSpecDecodesTiles() throws Exception {
    Path script = Path.of(ExternalReadersTest.class.getResource("/python/read_dbv.py").toURI());
    try (DbvReader reader = DbvReader.open(file)) {
      for (RclTile t : List.of(tiles.get(0), tiles.get(13))) {
        RclTile java = reader.tile(t.getLevel(), t.getRow(), t.getCol()).orElseThrow();
        String expected = "feature_count=" + java.getFeatures().size()
            + "\nfirst_object_class=" + java.getFeatures().getFirst().getObjectClass()
            + "\ncontent_hash=" + java.getContentHash()
            + "\nsequence=" + java.getSequence();
        assertEquals(expected, run("/usr/bin/python3", script.toString(), file.toString(),
            Integer.toString(t.getLevel()), Integer.toString(t.getRow()), Integer.toString(t.getCol())));
      }
    }
  }

  private String sqlite(String sql) throws IOException, InterruptedException {
    return run("/usr/bin/sqlite3", "-readonly", file.toString(), sql);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
