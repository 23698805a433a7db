package io.chartstream.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.app.RunProcess;
import io.chartstream.dbv.DbvChart;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.TileSummary;
import io.chartstream.ingest.s57.BrokenCells;
import io.chartstream.ingest.s57.GdalOracle;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery with one broken input of each kind beside good cells, all built from the shared cells
 * at test time, produced by {@code run --once} as a new user runs it: each broken file is exactly
 * one dead letter that names it (file, stage, code, a reason a person can act on), every good
 * chart is produced completely, the charts a catalogue promised that never came are named and
 * their RCLs produced without them, and {@code --once} exits (status 1) within a bound instead
 * of waiting for ever.
 */
class BadInputTest {
  private static final Duration BOUND = Duration.ofMinutes(6);

  @TempDir Path dir;

  @Test
  void eachBrokenInputIsOneDeadLetterAndEveryGoodChartIsProduced() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    BrokenDelivery delivery = new BrokenDelivery(input, dir.resolve("outside"));
    delivery.goodCharts();
    Map<String, String> expected = new TreeMap<>(); // file → code of its one dead letter
    List<String> neverCame = new ArrayList<>();
    for (BrokenDelivery.Case c : delivery.all().values()) {
      if (c.deadFile() != null) {
        expected.put(c.deadFile(), c.code());
      }
      if (c.neverCame() != null) {
        neverCame.add(c.neverCame());
      }
    }
    assertEquals(List.of("US5HA24N", "US5HA57M", "US5CA16M"), neverCame);

    Path work = dir.resolve("work");
    Path dbv = dir.resolve("out.dbv");
    long start = System.nanoTime();
    int exit;
    List<String> output;
    try (RunProcess run = RunProcess.start(input, dbv, work, dir.resolve("run.log"), "--once")) {
      exit = run.awaitExit(BOUND);
      output = run.output();
    }
    System.out.printf("run --once over %d broken inputs and 8 good charts exited %d after %d ms%n", expected.size(), exit,
        (System.nanoTime() - start) / 1_000_000);
    assertEquals(1, exit, "charts failed and charts never came: " + String.join("\n", output));

    // Exactly one dead letter per broken file, on one of the two dead-letter topics.
    Map<String, List<IngestError>> dead = new TreeMap<>();
    for (IngestError error : deadLetters(work)) {
      dead.computeIfAbsent(error.getFile(), f -> new ArrayList<>()).add(error);
    }
    for (var e : expected.entrySet()) {
      List<IngestError> letters = dead.getOrDefault(e.getKey(), List.of());
      assertEquals(1, letters.size(), e.getKey() + ": " + letters);
      IngestError error = letters.getFirst();
      assertEquals(e.getValue(), error.getCode(), e.getKey() + ": " + error.getReason());
      assertTrue(error.getReason().length() > 20, "a reason a person can act on: " + error.getReason());
    }
    assertTrue(dead.get("truncated/US5MA12M.000").getFirst().getReason().contains("short"),
        "GDAL's words for the cut cell: " + dead.get("truncated/US5MA12M.000").getFirst().getReason());
    assertTrue(dead.get("swapped/US1HA02M.001").getFirst().getReason().contains("US4IL10M.001"));
    assertTrue(dead.get("s63/US5HA57M/US5HA57M.000").getFirst().getReason().contains("S-63"));
    // Nothing else has a dead letter but what the topology reports about geometry of good charts.
    for (var e : dead.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        e.getValue().forEach(d -> assertEquals("clip", d.getStage(), "unexpected dead letter " + d));
      }
    }

    // The charts the catalogues promised that never came are named.
    String never = output.stream().filter(l -> l.contains("never came")).findFirst().orElse("");
    for (String chart : List.of("US5HA24N (no file", "US5HA57M (encrypted S-63 cell", "US5CA16M (crc_mismatch")) {
      assertTrue(never.contains(chart), chart + " named: " + never);
    }

    // Every good chart is in the dbv at the version its valid chain gives, with every feature
    // GDAL reads from that chain, and its tiles; the RCLs that waited for US5HA24N are there too.
    Path alone = dir.resolve("alone");
    Map<String, Integer> wanted = new TreeMap<>(Map.of("US1BS01M", 0, "US4IL10M", 1, "US5WA22M", 0, "US1HA02M", 0,
        "US4HA23M", 0, "US5HA24M", 0));
    try (DbvReader reader = DbvReader.open(dbv)) {
      Map<String, DbvChart> charts = new TreeMap<>();
      reader.charts().stream().filter(c -> !c.revision().isEmpty()).forEach(c -> charts.put(c.chartId(), c));
      assertEquals(wanted.keySet(), charts.keySet());
      List<TileSummary> tiles = reader.tileSummaries();
      for (var w : wanted.entrySet()) {
        DbvChart chart = charts.get(w.getKey());
        assertEquals(w.getValue(), chart.updateNumber(), w.getKey());
        Path cell = BrokenCells.copy(input.resolve(chart.file()), alone.resolve(w.getKey()).resolve(w.getKey() + ".000"));
        if (w.getValue() == 1) {
          BrokenCells.copy(input.resolve(chart.file()).resolveSibling(w.getKey() + ".001"), cell.resolveSibling(w.getKey() + ".001"));
        }
        int gdal = GdalOracle.featureCounts(cell).values().stream().mapToInt(Integer::intValue).sum() - 1;
        assertEquals(gdal, chart.featuresIn(), w.getKey() + ": features GDAL reads from its valid chain");
        assertTrue(tiles.stream().anyMatch(t -> t.charts().contains("\"" + w.getKey() + "\"")), w.getKey() + " has tiles");
      }
      assertFalse(tiles.stream().anyMatch(t -> t.charts().contains("US5HA24N")));
      long mauiTiles = tiles.stream().filter(t -> t.charts().contains("\"US5HA24M\"")).count();
      assertTrue(mauiTiles > 1, "US5HA24M tiles, which waited for the promised US5HA24N: " + mauiTiles);
    }
  }

  private static List<IngestError> deadLetters(Path work) throws Exception {
    List<IngestError> errors = new ArrayList<>();
    try (EmbeddedPlatform platform = EmbeddedPlatform.start(work);
         SchemaRegistryClient registry = RestSchemaRegistryClient.fromUrl(platform.schemaRegistryUrl())) {
      var decoder = new AvroWireDeserializer<IngestError>(registry, TopicSchemas.INGEST_ERROR);
      for (String topic : List.of(Topics.INGEST_ERRORS, Topics.TOPOLOGY_ERRORS)) {
        TopicDump.read(platform.bootstrapServers(), topic).forEach(r -> errors.add(decoder.deserialize(topic, r.value())));
      }
    }
    return errors;
  }

}
