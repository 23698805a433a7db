package io.chartstream.ingest.connect;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.ingest.s57.BrokenCells;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads stay inside the input: symbolic links to files and folders outside it are refused with one
 * dead letter each, and no byte of what they point to is put on a topic; a link to a file inside
 * the input is read as that file; a folder that cannot be listed is reported and everything else
 * is still read. The task runs against a real broker and registry, as in Connect.
 */
class InputBoundaryTaskTest {
  private static final String MARK = "OUTSIDE-THE-INPUT-7f3a";

  @TempDir Path dir;

  @Test
  void linksOutsideAreRefusedAndAnUnlistableFolderLeavesTheRestReadable() throws Exception {
    Path s57 = SharedData.s57();
    Path input = Files.createDirectories(dir.resolve("input"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    BrokenCells.copy(s57.resolve("US1BS01M/US1BS01M.000"), input.resolve("good/US1BS01M.000"));
    // A file inside the input under another name, and a link to it named as a cell: read.
    BrokenCells.copy(s57.resolve("US4IL10M/US4IL10M.000"), input.resolve("store/il10.bin"));
    Files.createDirectories(input.resolve("linked-inside"));
    Files.createSymbolicLink(input.resolve("linked-inside/US4IL10M.000"), Path.of("../store/il10.bin"));
    // Outside: a secret and a real cell, reached by links named as cells, and a whole folder.
    Files.writeString(outside.resolve("secret"), MARK.repeat(10));
    BrokenCells.copy(s57.resolve("US5MA12M/US5MA12M.000"), outside.resolve("US5MA12M.000"));
    Files.createDirectories(input.resolve("evil"));
    Files.createSymbolicLink(input.resolve("evil/XX5SECRT.000"), outside.resolve("secret"));
    Files.createSymbolicLink(input.resolve("evil/US5MA12M.000"), outside.resolve("US5MA12M.000"));
    Files.createSymbolicLink(input.resolve("evil-folder"), outside);
    // A folder whose path is longer than the system allows (PATH_MAX): it cannot be listed, by
    // root either (whom permissions do not stop).
    unlistableFolder(input.resolve("deep"));

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
         EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      S57SourceTask task = new S57SourceTask();
      task.start(Map.of(S57SourceConnectorConfig.INPUT_CONF, input.toString(),
          S57SourceConnectorConfig.SCHEMA_REGISTRY_URL_CONF, registry.url(),
          S57SourceConnectorConfig.SETTLE_CONF, "0", S57SourceConnectorConfig.SCAN_INTERVAL_CONF, "100"));
      List<SourceRecord> records = new ArrayList<>();
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!(charts(records).size() == 2 && errors(records).size() == 4) && System.nanoTime() < deadline) {
          List<SourceRecord> batch = task.poll();
          if (batch != null) {
            records.addAll(batch);
          }
        }
      } finally {
        task.stop();
      }
      assertEquals(Set.of("US1BS01M", "US4IL10M"), charts(records), "the good cell and the one linked inside");
      Map<String, IngestError> errors = errors(records);
      String deep = errors.keySet().stream().filter(f -> f.startsWith("deep/")).findFirst().orElseThrow();
      assertEquals(new TreeSet<>(List.of("evil/XX5SECRT.000", "evil/US5MA12M.000", "evil-folder", deep)), errors.keySet());
      for (String link : List.of("evil/XX5SECRT.000", "evil/US5MA12M.000", "evil-folder")) {
        IngestError error = errors.get(link);
        assertEquals("outside_input", error.getCode(), link);
        assertTrue(error.getReason().contains(outside.toRealPath().toString()), error.getReason());
        assertNull(error.getFirstBytes(), "no byte read through the link " + link);
      }
      assertEquals("unreadable_folder", errors.get(deep).getCode());
      byte[] outsideCell = Files.readAllBytes(outside.resolve("US5MA12M.000"));
      for (SourceRecord record : records) {
        String value = new String((byte[]) record.value(), ISO_8859_1);
        assertFalse(value.contains(MARK), "bytes from outside the input on " + record.topic());
        assertFalse(value.contains(new String(outsideCell, 200, 64, ISO_8859_1)), "the outside cell's bytes on " + record.topic());
      }
    } finally {
      removeDeep(input.resolve("deep"));
    }
  }

  /** Makes {@code top}/d…/d… deeper than PATH_MAX (4096 on Linux) with a cell name at the bottom. */
  private static void unlistableFolder(Path top) throws Exception {
    Files.createDirectories(top);
    String name = "d".repeat(250);
    // Created one level at a time from inside (relative paths), as the absolute one is too long for any call.
    run(top, "for i in $(seq 1 20); do mkdir " + name + " && cd " + name + " || exit 1; done; touch US1AA01M.000");
  }

  private static void removeDeep(Path top) throws Exception {
    if (Files.exists(top)) {
      run(top.getParent(), "rm -rf deep");
    }
  }

  private static void run(Path in, String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", script).directory(in.toFile()).inheritIO().start();
    assertEquals(0, p.waitFor(), script);
  }

  private static Set<String> charts(List<SourceRecord> records) {
    Set<String> ids = new TreeSet<>();
    records.stream().filter(r -> r.sourcePartition().containsKey("chart")).forEach(r -> ids.add(r.sourcePartition().get("chart").toString()));
    return ids;
  }

  private static Map<String, IngestError> errors(List<SourceRecord> records) throws IOException {
    Map<String, IngestError> errors = new TreeMap<>();
    for (SourceRecord r : records) {
      if (r.sourcePartition().containsKey("file")) {
        byte[] bytes = (byte[]) r.value();
        IngestError e = new SpecificDatumReader<>(IngestError.class).read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        errors.put(e.getFile(), e);
      }
    }
    return errors;
  }
}
