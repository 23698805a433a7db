package io.chartstream.ingest.s57.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.ingest.s57.CatalogEntry;
import io.chartstream.ingest.s57.CatalogReader;
import io.chartstream.ingest.s57.GdalOracle;
import io.chartstream.ingest.s57.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated delivery made from every shared cell and update chain, checked against what others
 * wrote: GDAL reads every copy with its updates applied and finds its source's layers, features and
 * attributes, every coordinate moved by one offset of whole COMF units; Python's zlib agrees with
 * every CRC of the catalogues, read by an ISO 8211 parse of its own; copies of one band do not
 * overlap by GDAL's extents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliverySimulatorTest {
  /** One copy of each shared cell: 3 overview, 2 approach and 5 harbour source cells. */
  private static final BandMix ONE_OF_EACH = BandMix.parse("1=3,4=2,5=5");
  private static final int CELLS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  Path out;
  List<Map<String, String>> manifest;

  @BeforeAll
  void simulate() throws Exception {
    out = tmp.resolve("delivery");
    // Four cells per set, so the delivery spans three exchange sets.
    DeliverySimulator simulator = DeliverySimulator.prepare(new DeliverySimulator.Settings(SharedData.s57(), out,
        CELLS, 42, ONE_OF_EACH, 4, DeliverySimulator.DEFAULT_CACHE_BYTES));
    DeliverySimulator.Result result = simulator.write((cells, bytes) -> { });
    assertEquals(CELLS, result.cells());
    assertEquals(3, result.sets());
    manifest = SimulationManifest.read(out);
  }

  @Test
  void everySharedCellIsCopiedOnce() {
    Set<String> sources = new TreeSet<>();
    for (Map<String, String> copy : manifest) {
      sources.add(copy.get("source"));
    }
    assertEquals(CELLS, sources.size(), "sources copied: " + sources);
    assertEquals(CELLS, manifest.stream().map(m -> m.get("cell")).distinct().count());
  }

  @TestFactory
  Stream<DynamicTest> gdalReadsEachCopyAsItsSourceMovedByOneOffset() {
    return manifest.stream().map(copy -> DynamicTest.dynamicTest(copy.get("cell") + " from " + copy.get("source"), () -> {
      Path source = SharedData.s57().resolve(copy.get("source"));
      Path moved = cellFile(copy);
      // Two ogrinfo processes at once: the large cells take seconds each.
      java.util.concurrent.CompletableFuture<OgrDump> reading = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> OgrDump.of(source));
      OgrDump after = OgrDump.of(moved);
      OgrDump before = reading.join();
      double comf = Double.parseDouble(copy.get("comf"));
      double dy = Long.parseLong(copy.get("dy")) / comf;
      double dx = Long.parseLong(copy.get("dx")) / comf;
      assertTrue(Math.abs(dy) + Math.abs(dx) > 1e-3, "the copy did not move");
      assertEquals(before.layers().keySet(), after.layers().keySet());
      int vertices = 0;
      for (String layer : before.layers().keySet()) {
        List<OgrDump.Feature> was = before.layers().get(layer);
        List<OgrDump.Feature> is = after.layers().get(layer);
        assertEquals(was.size(), is.size(), layer);
        for (int i = 0; i < was.size(); i++) {
          OgrDump.Feature a = was.get(i);
          OgrDump.Feature b = is.get(i);
          assertEquals(a.header(), b.header());
          if (layer.equals("DSID")) {
            assertTrue(b.attributes().contains("DSID_DSNM (String) = " + copy.get("cell") + ".000"), b.attributes().toString());
            assertEquals(a.attributes().stream().filter(l -> !l.startsWith("DSID_DSNM")).toList(),
                b.attributes().stream().filter(l -> !l.startsWith("DSID_DSNM")).toList());
          } else {
            assertEquals(a.attributes(), b.attributes(), a.header());
          }
          assertEquals(a.shape(), b.shape(), a.header());
          for (int v = 0; v < a.coordinates().size(); v++) {
            double[] p = a.coordinates().get(v);
            double[] q = b.coordinates().get(v);
            // To the COMF unit, and finer: the offset is whole units, so the digits agree exactly.
            boolean shifted = Math.abs(p[0] + dx - q[0]) < 1e-9 && Math.abs(p[1] + dy - q[1]) < 1e-9
                && (p.length < 3 || p[2] == q[2]) && Math.abs(q[1]) <= 70 && Math.abs(q[0]) <= 180;
            if (!shifted) {
              fail(a.header() + " vertex " + v + ": " + java.util.Arrays.toString(p) + " became "
                  + java.util.Arrays.toString(q) + ", not moved by (" + dx + ", " + dy + ") within ±70°, ±180°");
            }
            vertices++;
          }
        }
      }
      assertTrue(vertices > 100, "only " + vertices + " vertices compared");
    }));
  }

  @Test
  void copiesOfOneBandDoNotOverlapByGdalsExtents() {
    Map<String, List<double[]>> byBand = new HashMap<>();
    for (Map<String, String> copy : manifest) {
      double[] extent = GdalOracle.extent(cellFile(copy), "M_COVR");
      byBand.computeIfAbsent(copy.get("band"), b -> new ArrayList<>()).add(extent);
    }
    assertEquals(Set.of("1", "4", "5"), byBand.keySet());
    for (List<double[]> boxes : byBand.values()) {
      for (int i = 0; i < boxes.size(); i++) {
        for (int j = i + 1; j < boxes.size(); j++) {
          double[] a = boxes.get(i);
          double[] b = boxes.get(j);
          boolean apart = a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];
          assertTrue(apart, "copies overlap: " + java.util.Arrays.toString(a) + " and " + java.util.Arrays.toString(b));
        }
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> pythonAgreesWithEveryCrcAndEveryFileIsListed() throws IOException {
    List<Path> catalogues;
    try (Stream<Path> walk = Files.walk(out)) {
      catalogues = walk.filter(p -> p.getFileName().toString().equals("CATALOG.031")).sorted().toList();
    }
    assertEquals(3, catalogues.size());
    return catalogues.stream().map(catalog -> DynamicTest.dynamicTest(out.relativize(catalog).toString(), () -> {
      Set<String> listed = new HashSet<>();
      int cells = 0;
      for (JsonNode entry : pythonCatalogue(catalog)) {
        String file = entry.get("file").asText();
        listed.add(file.replace('\\', '/'));
        if (file.equals("CATALOG.031")) {
          assertEquals("ASC", entry.get("impl").asText());
          continue;
        }
        assertFalse(entry.get("crc32").isNull(), file + " is listed but not there");
        assertEquals(entry.get("crc32").asLong(), Long.parseLong(entry.get("crcs").asText(), 16), file);
        if (file.endsWith(".000")) {
          cells++;
          // The box is the moved cell's: GDAL's coverage extent, to its six printed decimals.
          double[] coverage = GdalOracle.extent(catalog.resolveSibling(file.replace('\\', '/')), "M_COVR");
          assertEquals(coverage[0], entry.get("wlon").asDouble(), 1e-6, file + " WLON");
          assertEquals(coverage[1], entry.get("slat").asDouble(), 1e-6, file + " SLAT");
          assertEquals(coverage[2], entry.get("elon").asDouble(), 1e-6, file + " ELON");
          assertEquals(coverage[3], entry.get("nlat").asDouble(), 1e-6, file + " NLAT");
        }
      }
      assertTrue(cells > 0);
      Set<String> present = new TreeSet<>();
      try (Stream<Path> walk = Files.walk(catalog.getParent())) {
        walk.filter(Files::isRegularFile).forEach(p -> present.add(catalog.getParent().relativize(p).toString()));
      }
      assertEquals(present, new TreeSet<>(listed), "files in the set against the catalogue");
      // The ingest's own reader takes the catalogue too.
      List<CatalogEntry> entries = CatalogReader.read(catalog);
      assertEquals(cells, entries.stream().filter(e -> e.isCell() && e.fileName().endsWith(".000")).count());
      assertTrue(entries.stream().filter(CatalogEntry::isCell).allMatch(CatalogEntry::hasBoundingBox));
    }));
  }

  @Test
  void sameSeedGivesTheSameBytesAnotherSeedAnotherDelivery() throws Exception {
    BandMix harbour = BandMix.parse("5=1");
    Path first = write(tmp.resolve("seed-7a"), 3, 7, harbour);
    Path second = write(tmp.resolve("seed-7b"), 3, 7, harbour);
    Path other = write(tmp.resolve("seed-8"), 3, 8, harbour);
    Map<String, byte[]> a = contents(first);
    Map<String, byte[]> b = contents(second);
    assertEquals(a.keySet(), b.keySet());
    for (String file : a.keySet()) {
      if (!file.equals("README.TXT")) { // names the output directory
        assertTrue(java.util.Arrays.equals(a.get(file), b.get(file)), file + " differs between two runs of seed 7");
      }
    }
    assertNotEquals(a.keySet(), contents(other).keySet(), "seed 8 made the same cells as seed 7");
  }

  private Path write(Path dir, long cells, long seed, BandMix mix) throws IOException {
    DeliverySimulator.prepare(new DeliverySimulator.Settings(SharedData.s57(), dir, cells, seed, mix, 1000,
        DeliverySimulator.DEFAULT_CACHE_BYTES)).write((c, b) -> { });
    return dir;
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private Path cellFile(Map<String, String> copy) {
    return SimulationManifest.baseCell(out, copy);
  }

  private static List<JsonNode> pythonCatalogue(Path catalog) throws Exception {
    Path script = Path.of(DeliverySimulatorTest.class.getResource("/python/catalog_crc.py").toURI());
    Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), catalog.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      fail("catalog_crc.py failed on " + catalog + ": " + output);
    }
    List<JsonNode> entries = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (!line.isBlank()) {
        entries.add(JSON.readTree(line));
      }
    }
    return entries;
  }
}
