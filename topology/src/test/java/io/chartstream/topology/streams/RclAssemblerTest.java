package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.internal.ChartExpectation;
import io.chartstream.schema.avro.internal.ChartTileEnd;
import io.chartstream.schema.avro.internal.EncodedPiece;
import io.chartstream.schema.avro.internal.RclChartState;
import io.chartstream.schema.avro.internal.RclEmission;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.schema.serde.PlainAvroSerde;
import io.chartstream.topology.rcl.RclKey;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RCL stage alone: completeness, superseded pieces, and emission on the punctuator fired by hand. */
class RclAssemblerTest {
  static final long RCL = RclKey.of(2900, 1300, 13).encoded();
  static final Serializer<TileFeature> PIECE_BYTES = new PlainAvroSerde<TileFeature>(TileFeature.SCHEMA$).serializer();

  MockProcessorContext<Long, RclTile> context;
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
    event(new ChartTileEnd("B", "1:0::"));
    punctuate();
    assertEquals(1, context.forwarded().size());
    RclTile tile = context.forwarded().getFirst().record().value();
    assertEquals(1, tile.getSequence());
    assertEquals(2, tile.getCharts().size());
    assertEquals(0, tile.getCharts().stream().filter(c -> c.getChartId().equals("B")).findFirst().orElseThrow().getPieceCount());
    context.resetForwards();
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "nothing changed since");
  }

  @Test
  void anEndMarkerRemovesThePiecesOfOtherVersions() {
    event(new ChartExpectation("A", true));
    event(piece("A", "1:0::", 0));
    event(piece("A", "1:0::", 1));
    event(new ChartTileEnd("A", "1:0::"));
    punctuate();
    event(piece("A", "1:1::", 0));
    event(new ChartTileEnd("A", "1:1::"));
    context.resetForwards();
    punctuate();
    RclTile tile = context.forwarded().getFirst().record().value();
    assertEquals(2, tile.getSequence());
    assertEquals(1, tile.getFeatures().size());
    assertEquals("1:1::", tile.getFeatures().getFirst().getRevision());
  }

  @Test
  void piecesComeOutWithTheirRevisionAndIndexAndOnlyContentDecidesTheHash() {
    event(new ChartExpectation("A", true));
    event(new PieceContent().encode(TileFeature.newBuilder(feature("A", "1:0::", 3, 7))));
    event(new ChartTileEnd("A", "1:0::"));
    punctuate();
    TileFeature out = context.forwarded().getFirst().record().value().getFeatures().getFirst();
    assertEquals("1:0::", out.getRevision());
    assertEquals(3, out.getFeatureIndex());
    assertEquals(feature("A", "1:0::", 3, 7), out);
    // The same content under the next revision, at another index, as an earlier chartstream wrote it: no re-emission.
    context.resetForwards();
    event(feature("A", "1:1::", 2, 7));
    event(new ChartTileEnd("A", "1:1::"));
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "same content, same hash");
    // Other content is emitted.
    event(piece("A", "1:2::", 2));
    event(new ChartTileEnd("A", "1:2::"));
    punctuate();
    assertEquals(1, context.forwarded().size());
    assertEquals(2, context.forwarded().getFirst().record().value().getSequence());
  }

  @Test
  void aWholePieceStoredByAnEarlierChartstreamHashesAsItsContent() {
    KeyValueStore<Bytes, byte[]> pieces = context.getStateStore(StoreNames.RCL_PIECES);
    pieces.put(RclStoreKeys.piece(RCL, "A", "1:0::", 3, 0), PIECE_BYTES.serialize("", feature("A", "1:0::", 3, 7)));
    event(new ChartExpectation("A", true));
    event(new ChartTileEnd("A", "1:0::"));
    punctuate();
    assertEquals(feature("A", "1:0::", 3, 7), context.forwarded().getFirst().record().value().getFeatures().getFirst());
    context.resetForwards();
    event(new PieceContent().encode(TileFeature.newBuilder(feature("A", "1:1::", 2, 7))));
    event(new ChartTileEnd("A", "1:1::"));
    punctuate();
    assertTrue(context.forwarded().isEmpty(), "same content, same hash");
  }

  private void event(Object event) {
    assembler.process(new Record<>(RCL, new RclEvent(event), 0L));
  }

  private void punctuate() {
    context.scheduledPunctuators().getFirst().getPunctuator().punctuate(0L);
  }

  /** A piece as the clipper sends it. */
  private static EncodedPiece piece(String chart, String revision, int index) {
    return new PieceContent().encode(TileFeature.newBuilder(feature(chart, revision, index, index)));
  }

  private static TileFeature feature(String chart, String revision, int index, int content) {
    return TileFeature.newBuilder().setChartId(chart).setRevision(revision).setFeatureIndex(index).setPiece(0)
        .setLnam("L" + content).setObjectClass("DEPARE").setObjectClassCode(42).setPrimitive(3).setAttributes(Map.of())
        .setGeometry(ByteBuffer.wrap(new byte[] {(byte) content})).build();
  }
}
