package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.internal.ChartExpectation;
import io.chartstream.schema.avro.internal.RclChartState;
import io.chartstream.schema.avro.internal.RclEmission;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.schema.avro.internal.SectionPart;
import io.chartstream.schema.serde.PlainAvroSerde;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.schema.tile.TileFrame;
import io.chartstream.schema.tile.TileGrid;
import io.chartstream.topology.rcl.RclKey;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/** The RCL stage alone: completeness, sections replaced whole, parts awaited, and emission on the punctuator fired by hand. */
class RclAssemblerTest {
  static final long RCL = RclKey.of(2900, 1300, 13).encoded();
  static final TileFrame FRAME = TileGrid.worldMercator().frame(RCL);

  MockProcessorContext<Long, byte[]> context;
  RclAssembler assembler;

  @BeforeEach
  void init() {
    context = new MockProcessorContext<>();
    List<KeyValueStore<?, ?>> stores = List.of(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RCL_SECTIONS), Serdes.Bytes(),
            new PlainAvroSerde<SectionPart>(SectionPart.SCHEMA$)).withLoggingDisabled().build(),
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RCL_CHARTS), Serdes.Bytes(),
            new PlainAvroSerde<RclChartState>(RclChartState.SCHEMA$)).withLoggingDisabled().build(),
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RCL_EMITTED), Serdes.Long(),
            new PlainAvroSerde<RclEmission>(RclEmission.SCHEMA$)).withLoggingDisabled().build(),
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RCL_DIRTY), Serdes.Long(), Serdes.ByteArray())
            .withLoggingDisabled().build());
    for (KeyValueStore<?, ?> store : stores) {
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    assembler = new RclAssembler(TopologyConfig.defaults());
    assembler.init(context);
  }

  @Test
  void waitsForEveryExpectedChartThenEmitsOnce() {
    event(new ChartExpectation("A", true));
    event(new ChartExpectation("B", true));
    event(part("A", "1:0::", 0, true, feature("A", "1:0::", "L0", 0, 1)));
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "B has not sent its section");
    assertFalse(context.committed(), "nothing emitted, no commit asked for");
    event(part("B", "1:0::", 0, true));
    punctuate();
    assertEquals(1, context.forwarded().size());
    assertTrue(context.committed(), "a commit asked for, so the sink reads the tile at once");
    RclTile tile = tile(context.forwarded().getFirst().record().value());
    assertEquals(1, tile.getSequence());
    assertEquals(2, tile.getCharts().size());
    assertEquals(0, tile.getCharts().stream().filter(c -> c.getChartId().equals("B")).findFirst().orElseThrow().getPieceCount());
    assertEquals(1, tile.getSections().size(), "a chart without pieces here has no section");
    context.resetForwards();
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "nothing changed since");
  }

  @Test
  void aNewSectionReplacesTheChartsOldOneAndTheRclWaitsForItsLastPart() {
    event(new ChartExpectation("A", true));
    event(part("A", "1:0::", 0, true, feature("A", "1:0::", "L1", 0, 1), feature("A", "1:0::", "L2", 1, 2),
        feature("A", "1:0::", "L3", 2, 3)));
    punctuate();
    assertEquals(3, TileFeatures.count(tile(context.forwarded().getFirst().record().value())));
    context.resetForwards();

    // Version 1:1 changed L1 and deleted L3: its section comes in two parts.
    event(part("A", "1:1::", 0, false, feature("A", "1:1::", "L1", 4, 9)));
    event(new ChartExpectation("B", false)); // another chart makes the RCL dirty meanwhile
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "no tile holds half of A's new section, or mixes two versions of it");
    event(part("A", "1:1::", 1, true, feature("A", "1:0::", "L2", 1, 2)));
    punctuate();
    RclTile tile = tile(context.forwarded().getFirst().record().value());
    List<TileFeature> features = TileFeatures.of(tile);
    assertEquals(2, tile.getSequence());
    assertEquals(List.of("L1", "L2"), features.stream().map(TileFeature::getLnam).toList());
    assertEquals(List.of("1:1::", "1:0::"), features.stream().map(TileFeature::getRevision).toList(),
        "the feature the update left alone keeps the version that placed it");
    assertEquals(List.of(4, 1), features.stream().map(TileFeature::getFeatureIndex).toList());
    assertEquals("1:1::", tile.getCharts().getFirst().getRevision());
    assertEquals(2, tile.getCharts().getFirst().getPieceCount());
  }

  @Test
  void onlyContentDecidesTheHash() {
    event(new ChartExpectation("A", true));
    event(part("A", "1:0::", 0, true, feature("A", "1:0::", "L7", 3, 7)));
    punctuate();
    assertEquals(1, context.forwarded().size());
    // The same content placed again by the next version, at another index: no re-emission.
    context.resetForwards();
    event(part("A", "1:1::", 0, true, feature("A", "1:1::", "L7", 2, 7)));
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "same content, same hash");
    // Other content is emitted.
    event(part("A", "1:2::", 0, true, feature("A", "1:2::", "L7", 2, 8)));
    punctuate();
    assertEquals(1, context.forwarded().size());
    assertEquals(2, tile(context.forwarded().getFirst().record().value()).getSequence());
  }

  @Test
  void aChartWhoseFirstSectionIsOnItsWayIsLeftOutWithoutHoldingTheRclBack() {
    event(new ChartExpectation("A", true));
    event(part("A", "1:0::", 0, true, feature("A", "1:0::", "L1", 0, 1)));
    event(part("B", "1:0::", 0, false, feature("B", "1:0::", "L2", 0, 2)));
    punctuate();
    RclTile tile = tile(context.forwarded().getFirst().record().value());
    assertEquals(List.of("A"), tile.getCharts().stream().map(c -> c.getChartId()).toList());
    assertEquals(1, TileFeatures.count(tile));
  }

  @Test
  void aChartThatLeavesAnRclItIsNotExpectedInIsForgottenThere() {
    event(new ChartExpectation("A", true));
    event(part("A", "1:0::", 0, true, feature("A", "1:0::", "L1", 0, 1)));
    event(part("B", "1:0::", 0, true, feature("B", "1:0::", "L2", 0, 2)));
    punctuate();
    assertEquals(2, tile(context.forwarded().getFirst().record().value()).getCharts().size());
    context.resetForwards();
    event(part("B", "1:1::", 0, true));
    punctuate();
    RclTile tile = tile(context.forwarded().getFirst().record().value());
    assertEquals(List.of("A"), tile.getCharts().stream().map(c -> c.getChartId()).toList());
    KeyValueStore<org.apache.kafka.common.utils.Bytes, RclChartState> charts = context.getStateStore(StoreNames.RCL_CHARTS);
    assertEquals(null, charts.get(RclStoreKeys.rclChart(RCL, "B")));
  }

  /** An emitted tile as Avro's own reader decodes it. */
  private static RclTile tile(byte[] avro) {
    try {
      return new org.apache.avro.specific.SpecificDatumReader<RclTile>(RclTile.SCHEMA$)
          .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(avro, null));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void event(Object event) {
    assembler.process(new Record<>(RCL, new RclEvent(event), 0L));
  }

  private void punctuate() {
    context.scheduledPunctuators().getFirst().getPunctuator().punctuate(0L);
  }

  /** A part as the clip stage sends it. */
  private static SectionPart part(String chart, String revision, int part, boolean last, TileFeature... features) {
    return RclTileBuilderTest.part(chart, revision, part, last, TileFeatures.section(chart, List.of(features), FRAME));
  }

  /** A point piece whose place is given by {@code content}. */
  private static TileFeature feature(String chart, String revision, String lnam, int index, int content) {
    var grid = FRAME.grid();
    var point = new GeometryFactory().createPoint(new Coordinate(grid.x(FRAME.originX() + 100L * content),
        grid.y(FRAME.originY() + 50)));
    return TileFeature.newBuilder().setChartId(chart).setRevision(revision).setFeatureIndex(index)
        .setLnam(lnam).setObjectClass("BOYLAT").setObjectClassCode(17).setPrimitive(1).setAttributes(Map.of())
        .setGeometry(ByteBuffer.wrap(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(point))).build();
  }
}
