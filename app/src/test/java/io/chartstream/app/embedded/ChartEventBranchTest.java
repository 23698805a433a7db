package io.chartstream.app.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.ChartVersion;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.registry.InMemorySchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import io.chartstream.schema.serde.AvroWireSerializer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Telling features from version markers by the union branch, checked against Avro's own decoding. */
class ChartEventBranchTest {
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final ChartEventBranch branch = new ChartEventBranch(registry);
  private final AvroWireDeserializer<Object> decoder = new AvroWireDeserializer<>(registry, TopicSchemas.CHART_EVENT);

  @Test
  void onlyAFeatureWrittenWithTheCurrentUnionIsOne() {
    AvroWireSerializer<Object> writer = new AvroWireSerializer<>(registry, TopicSchemas.CHART_EVENT, false);
    for (Object event : events()) {
      byte[] value = writer.serialize("s57.features", event);
      assertEquals(decoder.deserialize("s57.features", value) instanceof S57Feature, branch.isFeature(value), event.getClass().getSimpleName());
    }
  }

  @Test
  void underAnotherWriterUnionNothingIsTakenForAFeature() {
    // The branches in another order: the index that means a feature now means something else.
    Schema reordered = Schema.createUnion(S57Feature.SCHEMA$, ChartStart.SCHEMA$, ChartEnd.SCHEMA$);
    AvroWireSerializer<Object> writer = new AvroWireSerializer<>(registry, reordered, false);
    for (Object event : events()) {
      byte[] value = writer.serialize("s57.features", event);
      assertFalse(branch.isFeature(value), event.getClass().getSimpleName() + " is left to the decoder");
    }
    assertFalse(branch.isFeature(null));
  }

  private static List<Object> events() {
    ChartVersion version = new ChartVersion(1, 0, "20260101", "20260101");
    return List.of(
        ChartStart.newBuilder().setChartId("US5AAAAA").setVersion(version).setFile("US5AAAAA.000").setAgency(550)
            .setCompilationScale(15000).setIntendedUsage(5).setDatasetName("US5AAAAA.000").setDsid(Map.of()).build(),
        S57Feature.newBuilder().setChartId("US5AAAAA").setRevision("1:0:20260101:20260101").setIndex(0)
            .setObjectClass("BOYLAT").setObjectClassCode(17).setPrimitive(1).setRcid(1).setGroup(2).setRecordVersion(1)
            .setAgency(550).setFidn(1).setFids(1).setLnam("0226000000010001").setAttributes(Map.of())
            .setGeometry(ByteBuffer.wrap(new byte[] {1, 1, 0, 0, 0})).build(),
        ChartEnd.newBuilder().setChartId("US5AAAAA").setVersion(version).setFeatureCount(1).setContentHash("x").build());
  }
}
