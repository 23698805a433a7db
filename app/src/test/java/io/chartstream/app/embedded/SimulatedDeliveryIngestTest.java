package io.chartstream.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chartstream.ingest.s57.GdalOracle;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.ingest.s57.simulate.BandMix;
import io.chartstream.ingest.s57.simulate.DeliverySimulator;
import io.chartstream.ingest.s57.simulate.SimulationManifest;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own ingest reads a simulated delivery (two exchange sets, copies with update
 * chains) on a real broker with no dead letter: every catalogue CRC checks, every copy's catalogue
 * entry carries its moved box, and every copy is read whole, as many features as GDAL finds in it.
 */
class SimulatedDeliveryIngestTest {
  @TempDir Path tmp;

  @Test
  void theIngestReadsASimulatedDeliveryWithoutADeadLetter() throws Exception {
    Path delivery = tmp.resolve("delivery");
    DeliverySimulator.prepare(new DeliverySimulator.Settings(SharedData.s57(), delivery, 6, 5,
        BandMix.parse("4=1,5=1"), 3, DeliverySimulator.DEFAULT_CACHE_BYTES)).write((cells, bytes) -> { });
    List<Map<String, String>> manifest = SimulationManifest.read(delivery);

    try (IngestHarness harness = new IngestHarness(delivery, tmp.resolve("work"))) {
      harness.awaitComplete(Duration.ofMinutes(4));
      AvroWireDeserializer<IngestError> errors = new AvroWireDeserializer<>(harness.registry, TopicSchemas.INGEST_ERROR);
      List<IngestError> dead = TopicDump.read(harness.bootstrap(), Topics.INGEST_ERRORS).stream()
          .map(r -> errors.deserialize(Topics.INGEST_ERRORS, r.value())).toList();
      assertEquals(List.of(), dead, "dead letters");

      AvroWireDeserializer<ChartCatalogEntry> catalog = new AvroWireDeserializer<>(harness.registry, TopicSchemas.CATALOG_ENTRY);
      Map<String, ChartCatalogEntry> fromCatalogue = new TreeMap<>();
      for (var record : TopicDump.read(harness.bootstrap(), Topics.CHARTS_CATALOG)) {
        ChartCatalogEntry entry = catalog.deserialize(Topics.CHARTS_CATALOG, record.value());
        if (entry.getSource() == CatalogSource.EXCHANGE_SET) {
          fromCatalogue.put(entry.getChartId(), entry);
        }
      }
      AvroWireDeserializer<Object> events = new AvroWireDeserializer<>(harness.registry, TopicSchemas.CHART_EVENT);
      Map<String, Long> featuresRead = new HashMap<>();
      for (var record : TopicDump.read(harness.bootstrap(), Topics.S57_FEATURES)) {
        if (events.deserialize(Topics.S57_FEATURES, record.value()) instanceof ChartEnd end) {
          featuresRead.put(end.getChartId(), (long) end.getFeatureCount());
        }
      }
      assertEquals(manifest.size(), fromCatalogue.size(), "copies listed by the catalogues: " + fromCatalogue.keySet());
      for (Map<String, String> copy : manifest) {
        ChartCatalogEntry entry = fromCatalogue.get(copy.get("cell"));
        assertNotNull(entry, copy.get("cell") + " has no entry from its CATALOG.031");
        assertEquals(Double.parseDouble(copy.get("south")), entry.getBbox().getSouth(), 1e-9);
        assertEquals(Double.parseDouble(copy.get("west")), entry.getBbox().getWest(), 1e-9);
        Map<String, Integer> gdal = new TreeMap<>(GdalOracle.featureCounts(SimulationManifest.baseCell(delivery, copy)));
        gdal.remove("DSID");
        long expected = gdal.values().stream().mapToLong(Integer::longValue).sum();
        assertEquals(expected, featuresRead.get(copy.get("cell")), copy.get("cell") + ": features read against GDAL's");
      }
    }
  }
}
