package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.internal.ChartExpectation;
import io.chartstream.schema.avro.internal.ChartTileEnd;
import io.chartstream.schema.avro.internal.EncodedPiece;
import io.chartstream.schema.avro.internal.FeatureRemoval;
import io.chartstream.schema.avro.internal.RclChartState;
import io.chartstream.schema.avro.internal.RclEmission;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.schema.serde.PlainAvroSerde;
import io.chartstream.topology.rcl.RclKey;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RCL stage alone: completeness, removed and replaced features, and emission on the punctuator fired by hand. */
class RclAssemblerTest {
  static final long RCL = RclKey.of(2900, 1300, 13).encoded();

  MockProcessorContext<Long, byte[]> context;
  RclAssembler assembler;

  @BeforeEach
  void init() {
    context = new MockProcessorContext<>();
    List<KeyValueStore<?, ?>> stores = List.of(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RCL_PIECES), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled().build(),
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
    event(piece("A", "1:0::", 0));
    event(new ChartTileEnd("A", "1:0::"));
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "B has not ended");
    assertFalse(context.committed(), "nothing emitted, no commit asked for");
    event(new ChartTileEnd("B", "1:0::"));
    punctuate();
    assertEquals(1, context.forwarded().size());
    assertTrue(context.committed(), "a commit asked for, so the sink reads the tile at once");
    RclTile tile = tile(context.forwarded().getFirst().record().value());
    assertEquals(1, tile.getSequence());
    assertEquals(2, tile.getCharts().size());
    assertEquals(0, tile.getCharts().stream().filter(c -> c.getChartId().equals("B")).findFirst().orElseThrow().getPieceCount());
    context.resetForwards();
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "nothing changed since");
  }

  @Test
  void aRemovalTakesEveryPieceOfItsFeatureAndTheRclWaitsForTheVersionsEnd() {
    event(new ChartExpectation("A", true));
    event(piece("A", "1:0::", "L1", 0, 0, 1));
    event(piece("A", "1:0::", "L1", 0, 1, 2));
    event(piece("A", "1:0::", "L2", 1, 0, 3));
    event(new ChartTileEnd("A", "1:0::"));
    punctuate();
    assertEquals(3, tile(context.forwarded().getFirst().record().value()).getFeatures().size());
    context.resetForwards();

    event(new FeatureRemoval("A", "1:1::", "L1", 0));
    event(piece("A", "1:1::", "L1", 4, 0, 9));
    event(new ChartExpectation("B", false)); // another chart makes the RCL dirty meanwhile
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "no tile mixes two versions of A");
    event(new ChartTileEnd("A", "1:1::"));
    punctuate();
    RclTile tile = tile(context.forwarded().getFirst().record().value());
    assertEquals(2, tile.getSequence());
    assertEquals(List.of("L1", "L2"), tile.getFeatures().stream().map(TileFeature::getLnam).toList());
    assertEquals(List.of("1:1::", "1:0::"), tile.getFeatures().stream().map(TileFeature::getRevision).toList(),
        "the feature the update left alone keeps the version that placed it");
    assertEquals(List.of(4, 1), tile.getFeatures().stream().map(TileFeature::getFeatureIndex).toList());
    assertEquals("1:1::", tile.getCharts().getFirst().getRevision());
  }

  @Test
  void piecesComeOutWithTheirRevisionAndIndexAndOnlyContentDecidesTheHash() {
    event(new ChartExpectation("A", true));
    event(piece("A", "1:0::", "L7", 3, 0, 7));
    event(new ChartTileEnd("A", "1:0::"));
    punctuate();
    TileFeature out = tile(context.forwarded().getFirst().record().value()).getFeatures().getFirst();
    assertEquals(feature("A", "1:0::", "L7", 3, 0, 7), out);
    // The same content placed again by the next version, at another index: no re-emission.
    context.resetForwards();
    event(new FeatureRemoval("A", "1:1::", "L7", 0));
    event(piece("A", "1:1::", "L7", 2, 0, 7));
    event(new ChartTileEnd("A", "1:1::"));
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "same content, same hash");
    // Other content is emitted.
    event(new FeatureRemoval("A", "1:2::", "L7", 0));
    event(piece("A", "1:2::", "L7", 2, 0, 8));
    event(new ChartTileEnd("A", "1:2::"));
    punctuate();
    assertEquals(1, context.forwarded().size());
    assertEquals(2, tile(context.forwarded().getFirst().record().value()).getSequence());
  }

  @Test
  void aChartWhoseFirstVersionIsOnItsWayIsLeftOutWithoutHoldingTheRclBack() {
    event(new ChartExpectation("A", true));
    event(piece("A", "1:0::", "L1", 0, 0, 1));
    event(piece("B", "1:0::", "L2", 0, 0, 2));
    event(new ChartTileEnd("A", "1:0::"));
    punctuate();
    RclTile tile = tile(context.forwarded().getFirst().record().value());
    assertEquals(List.of("A"), tile.getCharts().stream().map(c -> c.getChartId()).toList());
    assertEquals(1, tile.getFeatures().size());
  }

  @Test
  void anEndMarkerOfAVersionThatChangedNothingHereEmitsNothing() {
    event(new ChartExpectation("A", true));
    event(piece("A", "1:0::", "L1", 0, 0, 1));
    event(new ChartTileEnd("A", "1:0::"));
    punctuate();
    context.resetForwards();
    event(new ChartTileEnd("A", "1:1::"));
    punctuate();
    assertTrue(context.forwarded().isEmpty());
    KeyValueStore<Bytes, RclChartState> charts = context.getStateStore(StoreNames.RCL_CHARTS);
    assertEquals("1:1::", charts.get(RclStoreKeys.rclChart(RCL, "A")).getEndedRevision());
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

  /** A piece as the clipper sends it. */
  private static EncodedPiece piece(String chart, String revision, int index) {
    return piece(chart, revision, "L" + index, index, 0, index);
  }

  private static EncodedPiece piece(String chart, String revision, String lnam, int index, int piece, int content) {
    return new PieceContent().encode(TileFeature.newBuilder(feature(chart, revision, lnam, index, piece, content)), 0);
  }

  private static TileFeature feature(String chart, String revision, String lnam, int index, int piece, int content) {
    return TileFeature.newBuilder().setChartId(chart).setRevision(revision).setFeatureIndex(index).setPiece(piece)
        .setLnam(lnam).setObjectClass("DEPARE").setObjectClassCode(42).setPrimitive(3).setAttributes(Map.of())
        .setGeometry(ByteBuffer.wrap(new byte[] {(byte) content})).build();
  }
}
