package io.chartstream.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery with one broken file of each kind beside good cells: each broken file gives exactly
 * one dead letter that names it, its stage and the reason, and every good chart is still
 * ingested completely.
 */
class BadInputTest {
  @TempDir Path input;
  @TempDir Path workDir;

  @Test
  void eachBadFileIsOneDeadLetterAndEveryGoodChartIsIngested() throws Exception {
    Path s57 = SharedData.s57();
    // Good cells.
    copy(s57.resolve("US1BS01M/US1BS01M.000"), input.resolve("good/US1BS01M.000"));
    // Random bytes named as a base cell.
    byte[] noise = new byte[8192];
    new Random(42).nextBytes(noise);
    write(input.resolve("noise/XX5NOISE.000"), noise);
    // A truncated cell.
    byte[] harbour = Files.readAllBytes(s57.resolve("US5MA12M/US5MA12M.000"));
    write(input.resolve("truncated/US5MA12M.000"), Arrays.copyOf(harbour, 600_000));
    // An update without its base cell.
    copy(s57.resolve("bad/US5MD12M.001"), input.resolve("orphan/US5MD12M.001"));
    // An update out of sequence: .002 present, .001 missing; the base is still ingested.
    copy(s57.resolve("US4IL10M/US4IL10M.000"), input.resolve("gap/US4IL10M.000"));
    copy(s57.resolve("US4IL10M/US4IL10M.001"), input.resolve("gap/US4IL10M.002"));
    // An exchange set whose CATALOG.031 is unreadable: its cell is still ingested as a loose cell.
    write(input.resolve("broken-set/CATALOG.031"), Arrays.copyOf(noise, 100));
    copy(s57.resolve("US1HA02M/US1HA02M.000"), input.resolve("broken-set/US1HA02M/US1HA02M.000"));
    // A catalogued cell whose bytes differ from its CRC in CATALOG.031.
    Path set = s57.resolve("exchange-sets/US5HA57M");
    copy(set.resolve("CATALOG.031"), input.resolve("damaged-set/CATALOG.031"));
    byte[] cell = Files.readAllBytes(set.resolve("US5HA57M/US5HA57M.000"));
    cell[cell.length - 2] ^= 0x01;
    write(input.resolve("damaged-set/US5HA57M/US5HA57M.000"), cell);

    try (IngestHarness harness = new IngestHarness(input, workDir)) {
      harness.awaitComplete(Duration.ofMinutes(2));
      var errors = new AvroWireDeserializer<IngestError>(harness.registry, TopicSchemas.INGEST_ERROR);
      Map<String, IngestError> dead = new TreeMap<>();
      for (var record : TopicDump.read(harness.bootstrap(), Topics.INGEST_ERRORS)) {
        IngestError error = errors.deserialize(Topics.INGEST_ERRORS, record.value());
        IngestError earlier = dead.put(error.getFile(), error);
        assertEquals(null, earlier, "one dead letter per file, twice for " + error.getFile());
      }
      assertEquals(List.of("broken-set/CATALOG.031", "damaged-set/US5HA57M/US5HA57M.000", "gap/US4IL10M.002",
          "noise/XX5NOISE.000", "orphan/US5MD12M.001", "truncated/US5MA12M.000"), List.copyOf(dead.keySet()));
      assertCode(dead, "orphan/US5MD12M.001", "update-chain", "update_without_base");
      assertCode(dead, "gap/US4IL10M.002", "update-chain", "update_out_of_sequence");
      assertCode(dead, "noise/XX5NOISE.000", "open", "open_failed");
      assertCode(dead, "damaged-set/US5HA57M/US5HA57M.000", "catalog", "crc_mismatch");
      assertEquals("catalog", dead.get("broken-set/CATALOG.031").getStage());
      assertTrue(dead.get("truncated/US5MA12M.000").getReason().contains("short"),
          "GDAL's reason for the truncated cell: " + dead.get("truncated/US5MA12M.000").getReason());
      assertEquals(Arrays.toString(Arrays.copyOf(noise, 64)),
          Arrays.toString(toArray(dead.get("noise/XX5NOISE.000").getFirstBytes())), "first bytes of the file");

      var events = new AvroWireDeserializer<Object>(harness.registry, TopicSchemas.CHART_EVENT);
      Map<String, Integer> ended = TopicDump.read(harness.bootstrap(), Topics.S57_FEATURES).stream()
          .map(r -> events.deserialize(Topics.S57_FEATURES, r.value()))
          .filter(ChartEnd.class::isInstance).map(ChartEnd.class::cast)
          .collect(Collectors.toMap(ChartEnd::getChartId, ChartEnd::getFeatureCount, (a, b) -> b, TreeMap::new));
      assertEquals(List.of("US1BS01M", "US1HA02M", "US4IL10M"), List.copyOf(ended.keySet()), "good charts ingested");
      ended.values().forEach(count -> assertTrue(count > 100));
    }
  }

  private static void assertCode(Map<String, IngestError> dead, String file, String stage, String code) {
    IngestError error = dead.get(file);
    assertEquals(stage, error.getStage(), file);
    assertEquals(code, error.getCode(), file + ": " + error.getReason());
    assertTrue(error.getReason().length() > 10, "a reason a person can act on: " + error.getReason());
  }

  private static byte[] toArray(java.nio.ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }

  private static void write(Path to, byte[] bytes) throws Exception {
    Files.createDirectories(to.getParent());
    Files.write(to, bytes);
  }
}
