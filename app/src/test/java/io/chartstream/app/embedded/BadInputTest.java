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
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
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
  private static final String UNIT = "\u001f";

  @TempDir Path dir;

  @Test
  void eachBrokenInputIsOneDeadLetterAndEveryGoodChartIsProduced() throws Exception {
    Path s57 = SharedData.s57();
    Path sets = s57.resolve("exchange-sets");
    Path input = Files.createDirectories(dir.resolve("input"));
    Map<String, String> expected = new TreeMap<>(); // file → code of its one dead letter

    // Good charts: a loose cell, and a cell with its update.
    BrokenCells.copy(s57.resolve("US1BS01M/US1BS01M.000"), input.resolve("good/US1BS01M.000"));
    BrokenCells.copy(s57.resolve("US4IL10M/US4IL10M.000"), input.resolve("chain/US4IL10M.000"));
    BrokenCells.copy(s57.resolve("US4IL10M/US4IL10M.001"), input.resolve("chain/US4IL10M.001"));

    // Cells GDAL cannot open: cut, random, empty, text, a corrupt leader.
    BrokenCells.cut(s57.resolve("US5MA12M/US5MA12M.000"), input.resolve("truncated/US5MA12M.000"), 600_000);
    expected.put("truncated/US5MA12M.000", "open_failed");
    byte[] noise = new byte[8192];
    new Random(42).nextBytes(noise);
    BrokenCells.write(input.resolve("noise/XX5NOISE.000"), noise);
    expected.put("noise/XX5NOISE.000", "open_failed");
    BrokenCells.write(input.resolve("empty/XX5EMPTY.000"), new byte[0]);
    expected.put("empty/XX5EMPTY.000", "open_failed");
    BrokenCells.write(input.resolve("text/XX5TEXT1.000"), "This is a README, not a chart.\n".getBytes(StandardCharsets.UTF_8));
    expected.put("text/XX5TEXT1.000", "open_failed");
    byte[] leader = Files.readAllBytes(s57.resolve("US1BS01M/US1BS01M.000"));
    Arrays.fill(leader, 0, 24, (byte) 'X');
    BrokenCells.write(input.resolve("leader/XX5LEADR.000"), leader);
    expected.put("leader/XX5LEADR.000", "open_failed");

    // Update chains: an update after a gap, an update of another cell in place of the cell's own,
    // an update without its base.
    BrokenCells.copy(s57.resolve("US5WA22M/US5WA22M.000"), input.resolve("gap/US5WA22M.000"));
    BrokenCells.copy(s57.resolve("US5WA22M/US5WA22M.002"), input.resolve("gap/US5WA22M.002"));
    expected.put("gap/US5WA22M.002", "update_out_of_sequence");
    BrokenCells.copy(s57.resolve("US1HA02M/US1HA02M.000"), input.resolve("swapped/US1HA02M.000"));
    BrokenCells.copy(s57.resolve("US4IL10M/US4IL10M.001"), input.resolve("swapped/US1HA02M.001"));
    expected.put("swapped/US1HA02M.001", "update_for_another_cell");
    BrokenCells.copy(s57.resolve("bad/US5MD12M.001"), input.resolve("orphan/US5MD12M.001"));
    expected.put("orphan/US5MD12M.001", "update_without_base");

    // An exchange set whose CATALOG.031 box for its (good) cell covers the whole world.
    Path auau = sets.resolve("US4HA23M_Auau-Channel");
    BrokenCells.copy(auau.resolve("US4HA23M/US4HA23M.000"), input.resolve("world/US4HA23M/US4HA23M.000"));
    byte[] catalog = Files.readAllBytes(auau.resolve("CATALOG.031"));
    catalog = BrokenCells.rewrite(catalog, "BIN20.437519" + UNIT + "-157.049212" + UNIT + "21.292144" + UNIT + "-156.359175" + UNIT,
        "BIN-80.00000" + UNIT + "-180.000000" + UNIT + "80.000000" + UNIT + "180.0000000" + UNIT);
    BrokenCells.write(input.resolve("world/CATALOG.031"), catalog);
    expected.put("world/CATALOG.031", "catalog_box_too_large");

    // A good exchange set, and a catalogue promising a cell beside it that is not there.
    Path maui = sets.resolve("US5HA24M_Maui-West-Coast");
    BrokenCells.copy(maui.resolve("CATALOG.031"), input.resolve("maui/CATALOG.031"));
    BrokenCells.copy(maui.resolve("US5HA24M/US5HA24M.000"), input.resolve("maui/US5HA24M/US5HA24M.000"));
    BrokenCells.rewrite(maui.resolve("CATALOG.031"), input.resolve("promise/CATALOG.031"),
        "US5HA24M\\US5HA24M.000", "US5HA24N\\US5HA24N.000");

    // An S-63 exchange set: its cell encrypted (Blowfish, as S-63 does), listed with the CRC of
    // the encrypted file, SERIAL.ENC beside the catalogue.
    Path oahu = sets.resolve("US5HA57M");
    byte[] encrypted = blowfish(Files.readAllBytes(oahu.resolve("US5HA57M/US5HA57M.000")));
    BrokenCells.write(input.resolve("s63/US5HA57M/US5HA57M.000"), encrypted);
    BrokenCells.rewrite(oahu.resolve("CATALOG.031"), input.resolve("s63/CATALOG.031"), UNIT + "DF94B732" + UNIT, UNIT + crc(encrypted) + UNIT);
    Files.writeString(input.resolve("s63/SERIAL.ENC"), "GB000000  20260101UPDATE    02.00U01X01\n");
    expected.put("s63/US5HA57M/US5HA57M.000", "encrypted_cell");

    // A catalogued cell with one bit flipped: its bytes are not the ones catalogued.
    Path sf = sets.resolve("US5CA16M_ENC_ROOT");
    BrokenCells.copy(sf.resolve("CATALOG.031"), input.resolve("flipped/CATALOG.031"));
    byte[] flipped = Files.readAllBytes(sf.resolve("US5CA16M/US5CA16M.000"));
    flipped[flipped.length / 2] ^= 0x10;
    BrokenCells.write(input.resolve("flipped/US5CA16M/US5CA16M.000"), flipped);
    expected.put("flipped/US5CA16M/US5CA16M.000", "crc_mismatch");

    // A link out of the input.
    Path outside = Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("secret.000"), "not yours\n");
    Files.createDirectories(input.resolve("link"));
    Files.createSymbolicLink(input.resolve("link/XX5LINK1.000"), outside);
    expected.put("link/XX5LINK1.000", "outside_input");

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

  /** The cell encrypted the way S-63 does it (Blowfish, ECB), zero-padded to whole 8-byte blocks. */
  private static byte[] blowfish(byte[] cell) throws Exception {
    Cipher cipher = Cipher.getInstance("Blowfish/ECB/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec("5CELLKEY".getBytes(StandardCharsets.US_ASCII), "Blowfish"));
    return cipher.doFinal(Arrays.copyOf(cell, (cell.length + 7) / 8 * 8));
  }

  /** CRC-32 as CATALOG.031 writes it: 8 hex digits. */
  private static String crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return HexFormat.of().withUpperCase().toHexDigits((int) crc.getValue());
  }
}
