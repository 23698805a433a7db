package io.chartstream.ingest.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.ingest.s57.BrokenCells;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feature too large for one record does not stop the task (Connect's producer would fail it):
 * it is left out of its chart version, the chart is reported once with every such feature named,
 * the version ends with what it carries, and the next chart is read.
 */
class OversizeFeatureTaskTest {
  private static final int LIMIT = 4096;

  @TempDir Path dir;

  @Test
  void oversizeFeaturesAreOneDeadLetterAndTheTaskGoesOn() throws Exception {
    Path input = dir.resolve("input");
    BrokenCells.copy(SharedData.s57().resolve("US1BS01M/US1BS01M.000"), input.resolve("US1BS01M.000"));
    BrokenCells.copy(SharedData.s57().resolve("US4IL10M/US4IL10M.000"), input.resolve("US4IL10M.000"));
    // What is too large, by an encoder of its own: the Avro binary of the union branch plus the 5-byte header.
    List<S57Feature> features = ChartReader.read(new InputScanner(input, 0).scan().cells().getFirst()).features();
    long oversize = features.stream().filter(f -> encodedSize(f) > LIMIT).count();
    assertTrue(oversize > 0 && oversize < features.size(), oversize + " of " + features.size());

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
         EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      S57SourceTask task = new S57SourceTask();
      task.start(Map.of(S57SourceConnectorConfig.INPUT_CONF, input.toString(),
          S57SourceConnectorConfig.SCHEMA_REGISTRY_URL_CONF, registry.url(),
          S57SourceConnectorConfig.SETTLE_CONF, "0",
          S57SourceConnectorConfig.RECORD_MAX_BYTES_CONF, String.valueOf(LIMIT)));
      List<SourceRecord> records = new ArrayList<>();
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (ends(records).size() < 2 && System.nanoTime() < deadline) {
          List<SourceRecord> batch = task.poll();
          if (batch != null) {
            records.addAll(batch);
          }
        }
      } finally {
        task.stop();
      }
      List<ChartEnd> ends = ends(records);
      assertEquals(List.of("US1BS01M", "US4IL10M"), ends.stream().map(ChartEnd::getChartId).sorted().toList(), "both charts end");
      ChartEnd bs01 = ends.stream().filter(e -> e.getChartId().equals("US1BS01M")).findFirst().orElseThrow();
      assertEquals(features.size() - oversize, bs01.getFeatureCount(), "the version carries the others");
      assertTrue(records.stream().allMatch(r -> ((byte[]) r.value()).length <= LIMIT), "no record over the limit");
      List<IngestError> errors = records.stream().filter(r -> r.sourcePartition().containsKey("file"))
          .map(r -> decode((byte[]) r.value(), IngestError.class)).filter(e -> e.getChartId().equals("US1BS01M")).toList();
      assertEquals(1, errors.size(), errors.toString());
      assertEquals("feature_too_large", errors.getFirst().getCode());
      assertEquals("US1BS01M.000", errors.getFirst().getFile());
      assertTrue(errors.getFirst().getReason().startsWith(oversize + " feature(s) too large"), errors.getFirst().getReason());
    }
  }

  private static int encodedSize(S57Feature feature) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      var encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      encoder.writeIndex(TopicSchemas.CHART_EVENT.getIndexNamed(S57Feature.SCHEMA$.getFullName()));
      new SpecificDatumWriter<>(S57Feature.class).write(feature, encoder);
      return 5 + out.size();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<ChartEnd> ends(List<SourceRecord> records) {
    List<ChartEnd> ends = new ArrayList<>();
    for (SourceRecord r : records) {
      if (r.topic().equals("s57.features")) {
        Object event = decode((byte[]) r.value(), Object.class);
        if (event instanceof ChartEnd end) {
          ends.add(end);
        }
      }
    }
    return ends;
  }

  @SuppressWarnings("unchecked")
  private static <T> T decode(byte[] bytes, Class<T> type) {
    try {
      var reader = type == Object.class ? new SpecificDatumReader<>(TopicSchemas.CHART_EVENT) : new SpecificDatumReader<>(type);
      return (T) reader.read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
