package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.errors.DeadLetters;
import io.chartstream.topology.errors.TopologyErrorHandlers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison and oversize records never stop a stage: a record that cannot be decoded, one whose
 * processing throws, a geometry nested without end and a tile too large for its topic each become
 * one dead letter naming the record's topic, partition and offset (or the feature, or the RCL)
 * and the reason, and the records after them are processed as if nothing had happened.
 */
class PoisonRecordsTest {
  static final double LON = ChartTopologyTest.LON;
  static final double LAT = ChartTopologyTest.LAT;

  @TempDir Path stateDir;
  final List<IngestError> handled = new CopyOnWriteArrayList<>();
  final DeadLetters deadLetters = (key, error) -> handled.add(error);
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  private TopologyHarness topology(TopologyConfig config) {
    TopologyHarness harness = new TopologyHarness(config, stateDir, props -> TopologyErrorHandlers.install(props, deadLetters));
    opened.add(harness);
    return harness;
  }

  @Test
  void anUndecodableRecordIsOneDeadLetterAndTheNextChartIsProduced() {
    TopologyHarness topology = topology(TopologyConfig.defaults());
    TestInputTopic<byte[], byte[]> raw = topology.driver.createInputTopic(Topics.S57_FEATURES, Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer());
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    topology.catalog.pipeInput("US5AAAAA", a.catalogEntry(ChartFixture.square(LON, LAT, 0.01)));
    raw.pipeInput("not avro".getBytes(StandardCharsets.UTF_8), "poison: not in the wire format".getBytes(StandardCharsets.UTF_8));
    topology.send(a);

    assertEquals(1, handled.size(), handled.toString());
    IngestError error = handled.getFirst();
    assertEquals("undecodable_record", error.getCode());
    assertEquals(Topics.S57_FEATURES + "-0@0", error.getFile());
    assertTrue(error.getReason().contains("offset 0 of s57.features partition 0"), error.getReason());
    assertEquals("poison: not in the wire format".substring(0, 30), new String(bytes(error), StandardCharsets.UTF_8));
    assertEquals(1, topology.emitted().size(), "the chart after the poison record is produced");
  }

  @Test
  void aGeometryNestedWithoutEndIsOneDeadLetterNotAStackOverflowThatKillsTheStage() {
    TopologyHarness topology = topology(TopologyConfig.defaults());
    ChartFixture a = new ChartFixture("US5AAAAA", 1, 0)
        .feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("LNDARE", ChartFixture.square(LON, LAT, 0.002));
    List<Object> records = new ArrayList<>(a.records());
    ((S57Feature) records.get(2)).setGeometry(ByteBuffer.wrap(nestedCollections(100_000)));
    topology.send(a, records);
    List<IngestError> dead = topology.errors.readValuesToList();
    assertEquals(List.of("unreadable_geometry"), dead.stream().map(IngestError::getCode).toList(), dead.toString());
    assertTrue(dead.getFirst().getReason().contains("StackOverflowError"), dead.getFirst().getReason());
    List<RclTile> out = topology.emitted();
    assertEquals(1, out.size());
    assertEquals(1, TileFeatures.of(out.getFirst()).size(), "the other feature is placed");
    assertTrue(handled.isEmpty(), handled.toString());
  }

  /** WKB of a point inside {@code depth} geometry collections of one geometry each. */
  private static byte[] nestedCollections(int depth) {
    ByteBuffer wkb = ByteBuffer.allocate(depth * 9 + 21).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < depth; i++) {
      wkb.put((byte) 1).putInt(7).putInt(1);
    }
    wkb.put((byte) 1).putInt(1).putDouble(LON).putDouble(LAT);
    return wkb.array();
  }

  @Test
  void aRecordWhoseProcessingThrowsIsOneDeadLetterAndTheNextIsProcessed() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new Processor<String, String, String, String>() {
          private ProcessorContext<String, String> context;

          @Override
          public void init(ProcessorContext<String, String> context) {
            this.context = context;
          }

          @Override
          public void process(Record<String, String> record) {
            if (record.value().equals("bad")) {
              throw new IllegalStateException("a bug met this record");
            }
            context.forward(record);
          }
        })
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    TopologyTestDriver driver = new TopologyTestDriver(builder.build(),
        TopologyHarness.properties(stateDir, props -> TopologyErrorHandlers.install(props, deadLetters)));
    opened.add(driver);
    TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
    TestOutputTopic<String, String> out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
    in.pipeInput("k", "good");
    in.pipeInput("k", "bad");
    in.pipeInput("k", "after");
    assertEquals(List.of("good", "after"), out.readValuesToList());
    assertEquals(1, handled.size());
    assertEquals("processing_failed", handled.getFirst().getCode());
    assertEquals("in-0@1", handled.getFirst().getFile());
    assertTrue(handled.getFirst().getReason().contains("a bug met this record"), handled.getFirst().getReason());
  }

  @Test
  void aTileOverTheRecordLimitIsOneDeadLetterNamingItsRclAndNothingElseStops() {
    TopologyHarness topology = topology(TopologyConfig.defaults().withBuffer(0).withMaxRecordBytes(4000));
    // Many small pieces in one tile (each well under the limit, together far over it: a point is a
    // few bytes on the tile grid), one in the next tile east.
    ChartFixture dense = new ChartFixture("US5DENSE", 1, 0);
    for (int i = 0; i < 1000; i++) {
      dense.feature("OBSTRN", "POINT (" + (LON + (i % 40) * 1e-5) + " " + (LAT + (i / 40) * 1e-5) + ")");
    }
    dense.feature("OBSTRN", "POINT (" + (LON + 0.1) + " " + LAT + ")");
    topology.send(dense);

    List<IngestError> dead = topology.errors.readValuesToList();
    assertEquals(List.of("record_too_large"), dead.stream().map(IngestError::getCode).toList(), dead.toString());
    String rcl = "RCL " + ChartTopologyTest.home(LON, LAT);
    assertEquals(rcl, dead.getFirst().getFile());
    assertTrue(dead.getFirst().getReason().contains("US5DENSE") && dead.getFirst().getReason().contains("4,000"), dead.getFirst().getReason());
    List<RclTile> out = topology.emitted();
    assertEquals(List.of(ChartTopologyTest.home(LON + 0.1, LAT).encoded()), out.stream().map(RclTile::getRcl).toList(),
        "the other tile is emitted");
    assertTrue(handled.isEmpty(), "nothing reached the producer to fail there: " + handled);
  }

  private static byte[] bytes(IngestError error) {
    assertTrue(error.getFirstBytes() != null, "first bytes of the record");
    byte[] b = new byte[error.getFirstBytes().remaining()];
    error.getFirstBytes().duplicate().get(b);
    return b;
  }
}
