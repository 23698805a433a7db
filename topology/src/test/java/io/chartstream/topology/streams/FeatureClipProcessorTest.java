package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.internal.CatalogRcls;
import io.chartstream.schema.avro.internal.ChartProgress;
import io.chartstream.schema.avro.internal.ChartTileEnd;
import io.chartstream.schema.avro.internal.EncodedPiece;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.schema.serde.PlainAvroSerde;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clip stage alone, on in-memory stores: version gate, pieces per RCL, end markers after pieces. */
class FeatureClipProcessorTest {
  static final double LON = ChartTopologyTest.LON;
  static final double LAT = ChartTopologyTest.LAT;
  static final double EAST = ChartTopologyTest.EAST;

  MockProcessorContext<Object, Object> context;
  FeatureClipProcessor processor;
  KeyValueStore<String, CatalogRcls> catalogRcls;

  @BeforeEach
  void init() {
    context = new MockProcessorContext<>();
    KeyValueStore<String, ChartProgress> progress = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.CHART_PROGRESS),
        Serdes.String(), new PlainAvroSerde<ChartProgress>(ChartProgress.SCHEMA$)).withLoggingDisabled().build();
    KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> chartRcls = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.CHART_RCLS), Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
    catalogRcls = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.CATALOG_RCLS),
        Serdes.String(), new PlainAvroSerde<CatalogRcls>(CatalogRcls.SCHEMA$)).withLoggingDisabled().build();
    KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> chartFeatures = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.CHART_FEATURES), Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
    for (var store : List.of(progress, chartRcls, chartFeatures, catalogRcls)) {
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    processor = new FeatureClipProcessor(TopologyConfig.defaults().withBuffer(0));
    processor.init(context);
  }

  @Test
  void piecesGoToTheirRclsAndEndMarkersFollowThemEverywhereTheChartWent() {
    ChartFixture v0 = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")");
    send(v0);
    List<Object> out = forwardedValues();
    long west = ChartTopologyTest.home(LON, LAT).encoded();
    long east = ChartTopologyTest.home(EAST, LAT).encoded();
    assertEquals(List.of(west, east, west, east), forwardedKeys(), "two pieces, then an end marker to each RCL");
    int lastPiece = lastIndexOf(out, EncodedPiece.class);
    int firstEnd = firstIndexOf(out, ChartTileEnd.class);
    assertTrue(lastPiece < firstEnd, "every end marker after every piece");

    // The next version has the buoy only: its end must still reach the depth area's RCL.
    context.resetForwards();
    send(new ChartFixture("US5AAAAA", 1, 1).feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")"));
    Set<Long> ends = new LinkedHashSet<>();
    context.forwarded().forEach(f -> {
      if (((RclEvent) f.record().value()).getEvent() instanceof ChartTileEnd) {
        ends.add((Long) f.record().key());
      }
    });
    assertEquals(Set.of(west, east), ends);
  }

  @Test
  void aVersionsEndAsksForACommitSoTheRclStageReadsItsEndMarkersAtOnce() {
    ChartFixture chart = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    List<Object> records = chart.records();
    records.subList(0, records.size() - 1).forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));
    assertFalse(context.committed(), "no commit asked for within a version");
    processor.process(new Record<>("US5AAAAA", records.getLast(), 0L));
    assertTrue(context.committed(), "a commit asked for at its end");
  }

  @Test
  void recordsWrittenTwiceByAnAtLeastOnceProducerArePlacedOnce() {
    // Three soundings sharing an LNAM (as GDAL splits a sounding group) and an area: a copy of a
    // record would otherwise be taken as a further occurrence of its LNAM and placed again.
    ChartFixture chart = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    for (int i = 0; i < 3; i++) {
      chart.named("02260000ABCD0001", "SOUNDG", "POINT (" + (LON + 0.001 * i) + " " + LAT + ")", java.util.Map.of());
    }
    List<Object> once = chart.records();
    once.forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));
    List<Object> expected = forwardedValues();

    init();
    List<Object> twice = new ArrayList<>(once.subList(0, 3));
    twice.addAll(once.subList(1, 3)); // the batch holding the area and the first sounding, retried
    twice.addAll(once.subList(3, once.size()));
    twice.forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));

    assertEquals(expected, forwardedValues(), "the same pieces and end markers, each once");
  }

  @Test
  void anOlderVersionSendsNothing() {
    send(new ChartFixture("US5AAAAA", 2, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01)));
    context.resetForwards();
    send(new ChartFixture("US5AAAAA", 1, 3).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01)));
    assertTrue(context.forwarded().isEmpty());
  }

  @Test
  void theCatalogueCoverageAlsoHearsTheEnd() {
    long far = ChartTopologyTest.home(EAST + 0.2, LAT).encoded();
    catalogRcls.put("US5AAAAA", new CatalogRcls(13, List.of(far)));
    send(new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01)));
    assertTrue(forwardedKeys().contains(far));
  }

  @Test
  void aGeometryThatCannotBeReadIsReported() {
    ChartFixture chart = new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01));
    List<Object> records = chart.records();
    var broken = io.chartstream.schema.avro.S57Feature.newBuilder((io.chartstream.schema.avro.S57Feature) records.get(1))
        .setGeometry(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3})).build();
    records.set(1, broken);
    records.forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));
    assertEquals(1, context.forwarded().stream().filter(f -> f.record().value() instanceof IngestError).count());
  }

  private void send(ChartFixture chart) {
    chart.records().forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));
  }

  private List<Object> forwardedValues() {
    List<Object> values = new ArrayList<>();
    context.forwarded().forEach(f -> values.add(((RclEvent) f.record().value()).getEvent()));
    return values;
  }

  private List<Long> forwardedKeys() {
    List<Long> keys = new ArrayList<>();
    context.forwarded().forEach(f -> {
      if (f.record().key() instanceof Long rcl) {
        keys.add(rcl);
      }
    });
    return keys;
  }

  private static int lastIndexOf(List<Object> values, Class<?> type) {
    int index = -1;
    for (int i = 0; i < values.size(); i++) {
      if (type.isInstance(values.get(i))) {
        index = i;
      }
    }
    return index;
  }

  private static int firstIndexOf(List<Object> values, Class<?> type) {
    for (int i = 0; i < values.size(); i++) {
      if (type.isInstance(values.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
