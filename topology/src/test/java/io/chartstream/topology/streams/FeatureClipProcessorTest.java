package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.internal.CatalogRcls;
import io.chartstream.schema.avro.internal.ChartProgress;
import io.chartstream.schema.avro.internal.PlacedPieces;
import io.chartstream.schema.avro.internal.SectionPart;
import io.chartstream.topology.FeatureStage;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import org.locationtech.jts.geom.Geometry;
import io.chartstream.schema.serde.PlainAvroSerde;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clip stage alone, on in-memory stores: version gate, one section per changed RCL at a
 * version's end, restart mid-version, the stages' prepare step.
 */
class FeatureClipProcessorTest {
  static final double LON = ChartTopologyTest.LON;
  static final double LAT = ChartTopologyTest.LAT;
  static final double EAST = ChartTopologyTest.EAST;

  MockProcessorContext<Void, ClipOutput> context;
  FeatureClipProcessor processor;
  KeyValueStore<String, CatalogRcls> catalogRcls;
  List<KeyValueStore<?, ?>> stores;

  @BeforeEach
  void init() {
    init(TopologyConfig.defaults().withBuffer(0));
  }

  void init(TopologyConfig config) {
    context = new MockProcessorContext<>();
    KeyValueStore<String, ChartProgress> progress = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.CHART_PROGRESS),
        Serdes.String(), new PlainAvroSerde<ChartProgress>(ChartProgress.SCHEMA$)).withLoggingDisabled().build();
    KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> chartRcls = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.CHART_RCLS), Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
    catalogRcls = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.CATALOG_RCLS),
        Serdes.String(), new PlainAvroSerde<CatalogRcls>(CatalogRcls.SCHEMA$)).withLoggingDisabled().build();
    KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> chartFeatures = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.CHART_FEATURES), Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
    KeyValueStore<org.apache.kafka.common.utils.Bytes, PlacedPieces> chartPieces = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.CHART_PIECES), Serdes.Bytes(), new PlainAvroSerde<PlacedPieces>(PlacedPieces.SCHEMA$))
        .withLoggingDisabled().build();
    stores = List.of(progress, chartRcls, chartFeatures, chartPieces, catalogRcls);
    for (var store : stores) {
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    processor = new FeatureClipProcessor(config);
    processor.init(context);
  }

  @Test
  void atItsEndAVersionSendsEachRclItChangedTheChartsWholeSectionThere() {
    // The buoy first: the fixture numbers RCID and FIDN by position, and the buoy stays where it is.
    ChartFixture v0 = new ChartFixture("US5AAAAA", 1, 0).named("B", "BOYLAT", "POINT (" + EAST + " " + LAT + ")", Map.of())
        .named("A", "DEPARE", ChartFixture.square(LON, LAT, 0.01), Map.of());
    List<Object> records = v0.records();
    records.subList(0, records.size() - 1).forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));
    assertTrue(context.forwarded().isEmpty(), "nothing is sent before the version ends");
    processor.process(new Record<>("US5AAAAA", records.getLast(), 0L));
    long west = ChartTopologyTest.home(LON, LAT).encoded();
    long east = ChartTopologyTest.home(EAST, LAT).encoded();
    assertEquals(List.of(west, east), forwardedKeys(), "one section to each RCL");
    for (Object value : forwardedValues()) {
      SectionPart part = (SectionPart) value;
      assertEquals(List.of(0, 1, true), List.of(part.getPart(), part.getPieceCount(), part.getLast()));
      assertEquals(v0.revision(), part.getRevision());
    }

    // The next version deletes the depth area and keeps the buoy: only the depth area's RCL hears of it, with an empty section.
    context.resetForwards();
    send(new ChartFixture("US5AAAAA", 1, 1).named("B", "BOYLAT", "POINT (" + EAST + " " + LAT + ")", Map.of()));
    assertEquals(List.of(west), forwardedKeys());
    assertEquals(0, ((SectionPart) forwardedValues().getFirst()).getPieceCount());
  }

  @Test
  void aRestartMidVersionEndsItAsAnUninterruptedRunDoes() {
    ChartFixture chart = new ChartFixture("US5AAAAA", 1, 0);
    for (int i = 0; i < 12; i++) {
      chart.feature(i % 3 == 0 ? "DEPARE" : "BOYLAT", i % 3 == 0 ? ChartFixture.square(LON + 0.002 * i, LAT, 0.004)
          : "POINT (" + (LON + 0.01 * i) + " " + LAT + ")");
    }
    List<Object> records = chart.records();
    send(chart);
    List<Object> uninterrupted = forwardedValues();

    init();
    records.subList(0, 7).forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));
    // The process dies after a commit; a new one gets the stores as the changelogs restore them
    // (with exactly-once, as of that commit) and reads on from the committed offset.
    processor = new FeatureClipProcessor(TopologyConfig.defaults().withBuffer(0));
    processor.init(context);
    records.subList(7, records.size()).forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));
    assertEquals(uninterrupted, forwardedValues(), "the same sections, each feature once");
  }

  @Test
  void everyStageIsPreparedWithTheFeatureBeforeItIsClipped() {
    // A stage that fails on any feature it was not prepared for with the same projected geometry.
    FeatureStage strict = new FeatureStage() {
      private Geometry prepared;

      @Override
      public void prepare(S57Feature source, Geometry projected) {
        prepared = projected;
      }

      @Override
      public void process(S57Feature source, Geometry projected, List<PieceDraft> pieces) {
        if (prepared != projected) {
          throw new StageException("not_prepared", "process without prepare");
        }
      }
    };
    init(TopologyConfig.defaults().withBuffer(0).withStages(new io.chartstream.topology.FeatureStages(List.of(() -> strict))));
    send(new ChartFixture("US5AAAAA", 1, 0).feature("DEPARE", ChartFixture.square(LON, LAT, 0.01))
        .feature("BOYLAT", "POINT (" + EAST + " " + LAT + ")"));
    assertEquals(List.of(), context.forwarded().stream().filter(f -> f.record().value() instanceof ClipOutput.Problem)
        .map(f -> ((ClipOutput.Problem) f.record().value()).error().getCode()).toList());
    assertEquals(2, forwardedKeys().size(), "both features placed");
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
    assertEquals(1, context.forwarded().stream().filter(f -> f.record().value() instanceof ClipOutput.Problem).count());
  }

  private void send(ChartFixture chart) {
    chart.records().forEach(r -> processor.process(new Record<>("US5AAAAA", r, 0L)));
  }

  private List<Object> forwardedValues() {
    List<Object> values = new ArrayList<>();
    context.forwarded().forEach(f -> {
      if (f.record().value() instanceof ClipOutput.ForRcl section) {
        values.add(section.event().getEvent());
      }
    });
    return values;
  }

  private List<Long> forwardedKeys() {
    List<Long> keys = new ArrayList<>();
    context.forwarded().forEach(f -> {
      if (f.record().value() instanceof ClipOutput.ForRcl section) {
        keys.add(section.rcl());
      }
    });
    return keys;
  }
}
