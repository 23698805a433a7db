package io.chartstream.dbv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.tile.TileFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads a dbv with tools that know only {@code docs/dbv-format.md}: the {@code sqlite3} command
 * and a Python script using the standard library and {@code python3-avro}.
 */
class ExternalReadersTest {
  @TempDir Path dir;
  private Path file;
  private final List<RclTile> tiles = new ArrayList<>();

  /** A tile of every geometry type, holes, a multipolygon and soundings with depths, in two charts. */
  private RclTile real;

  @BeforeEach
  void writeDbv() throws Exception {
    file = dir.resolve("x.dbv");
    for (int i = 0; i < 20; i++) {
      tiles.add(TestTiles.tile(i < 5 ? 12 : 13, 10 + i, 20 + i, 1 + i % 3, 1 + i));
    }
    real = TestTiles.everyGeometry(13, 3000, 1500);
    List<RclTile> all = new ArrayList<>(tiles);
    all.add(real);
    try (DbvWriter writer = DbvWriter.open(file, TestTiles.metadata())) {
      writer.upsertTiles(all, Map.of(new SourcePartition("rcl.tiles", 0), 20L));
    }
  }

  @Test
  void sqlite3CommandLineReadsTheSpecifiedTables() throws Exception {
    assertEquals("21", sqlite("SELECT count(*) FROM tiles"));
    assertEquals("12|5\n13|16", sqlite("SELECT level, count(*) FROM tiles GROUP BY level ORDER BY level"));
    assertEquals("2", sqlite("SELECT value FROM metadata WHERE key='format_version'"));
    assertEquals("EPSG:3395", sqlite("SELECT value FROM metadata WHERE key='crs'"));
    RclTile t = tiles.get(7);
    assertEquals(t.getContentHash() + "|" + t.getSequence() + "|" + TileFeatures.count(t) + "|" + t.getRcl(),
        sqlite("SELECT content_hash, sequence, feature_count, rcl FROM tiles WHERE level=" + t.getLevel()
            + " AND row=" + t.getRow() + " AND col=" + t.getCol()));
    assertEquals("rcl.tiles|0|20", sqlite("SELECT topic, partition, next_offset FROM sink_offsets"));
    // The documented query over tiles.charts.
    long pieces = tiles.stream().mapToLong(TileFeatures::count).sum();
    assertEquals(Long.toString(pieces), sqlite("SELECT sum(j.value->>'piece_count') FROM tiles, json_each(tiles.charts) j"
        + " WHERE j.value->>'chart_id'='US5WA22M'"));
  }

  /**
   * A reader written from docs/dbv-format.md alone (Python, the standard library and
   * python3-avro) against Java's decoding of the same tiles: counts, provenance, the first vertex
   * in CRS metres, every vertex counted with rings closed, the triangles' area and the depths.
   */
  @Test
  void pythonReaderWrittenFromTheSpecDecodesTiles() throws Exception {
    Path script = Path.of(ExternalReadersTest.class.getResource("/python/read_dbv.py").toURI());
    try (DbvReader reader = DbvReader.open(file)) {
      for (RclTile t : List.of(tiles.get(0), tiles.get(13), real)) {
        RclTile java = reader.tile(t.getLevel(), t.getRow(), t.getCol()).orElseThrow();
        List<TileFeature> features = TileFeatures.of(java);
        TileFeature first = features.getFirst();
        Geometry firstGeometry = wkb(first);
        int vertices = 0;
        double area = 0;
        double depths = 0;
        for (TileFeature f : features) {
          Geometry g = wkb(f);
          vertices += g.getNumPoints();
          for (Coordinate c : g.getCoordinates()) {
            depths += Double.isNaN(c.getZ()) ? 0 : c.getZ();
          }
          if (f.getTriangles() != null) {
            area += triangleArea(f.getTriangles());
          }
        }
        String expected = "feature_count=" + features.size()
            + "\nfirst_object_class=" + first.getObjectClass()
            + "\nfirst_revision=" + first.getRevision()
            + "\nfirst_feature_index=" + first.getFeatureIndex()
            + "\ncontent_hash=" + java.getContentHash()
            + "\nsequence=" + java.getSequence()
            + "\nvertices=" + vertices
            + String.format(Locale.ROOT, "\nfirst_vertex=%.3f,%.3f", firstGeometry.getCoordinates()[0].x, firstGeometry.getCoordinates()[0].y)
            + String.format(Locale.ROOT, "\ntriangle_area=%.1f", area)
            + String.format(Locale.ROOT, "\ndepths=%.3f", depths);
        assertEquals(expected, run("/usr/bin/python3", script.toString(), file.toString(),
            Integer.toString(t.getLevel()), Integer.toString(t.getRow()), Integer.toString(t.getCol())));
      }
    }
  }

  private static Geometry wkb(TileFeature f) throws Exception {
    byte[] bytes = new byte[f.getGeometry().remaining()];
    f.getGeometry().duplicate().get(bytes);
    return new WKBReader().read(bytes);
  }

  private static double triangleArea(io.chartstream.schema.avro.Triangles t) {
    double sum = 0;
    List<Double> v = t.getVertices();
    List<Integer> i = t.getIndices();
    for (int k = 0; k + 2 < i.size(); k += 3) {
      int a = 2 * i.get(k);
      int b = 2 * i.get(k + 1);
      int c = 2 * i.get(k + 2);
      sum += ((v.get(b) - v.get(a)) * (v.get(c + 1) - v.get(a + 1)) - (v.get(b + 1) - v.get(a + 1)) * (v.get(c) - v.get(a))) / 2;
    }
    return sum;
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
