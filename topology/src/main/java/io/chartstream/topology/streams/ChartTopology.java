package io.chartstream.topology.streams;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.internal.CatalogRcls;
import io.chartstream.schema.avro.internal.ChartProgress;
import io.chartstream.schema.avro.internal.PlacedPieces;
import io.chartstream.schema.avro.internal.SectionPart;
import io.chartstream.schema.avro.internal.RclChartState;
import io.chartstream.schema.avro.internal.RclEmission;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.topology.rcl.RclKey;
import java.io.IOException;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireSerdes;
import io.chartstream.schema.serde.AvroWireSerializer;
import io.chartstream.schema.serde.EncodedDatumWriter;
import io.chartstream.schema.serde.PlainAvroSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The chartstream topology, built in one place.
 *
 * <pre>
 * s57.features ──► clip (chart-progress, chart-features, chart-pieces, ──┬─► topology.errors
 *   (by chart)      chart-rcls, catalog-rcls)                            │
 *                   accept version · skip unchanged features ·           │
 *                   reproject · clip · snap to the grid · stages ·       │
 *                   at the end, each changed RCL's section               ▼
 * charts.catalog ─► expect (catalog-rcls) ───┬──────────────────► rcl-events (repartition by RCL)
 *                   expected charts per RCL   └─► topology.errors  one record per (chart version, RCL)
 *                                                                       ▼
 *                    assemble (rcl-sections, rcl-charts, rcl-emitted, rcl-dirty) ──► tile size ──► rcl.tiles
 *                    finished RCLs, re-emitted when their content changes
 * </pre>
 *
 * {@code s57.features} and {@code charts.catalog} must have the same number of partitions (both
 * are keyed by chart id and share the catalog-rcls store).
 */
public final class ChartTopology {
  /** Name of the repartition step; its topic is {@code <application.id>-rcl-events-repartition}. */
  public static final String RCL_EVENTS = "rcl-events";

  private ChartTopology() {}

  public static Topology build(TopologyConfig config, SchemaRegistryClient registry) {
    StreamsBuilder builder = new StreamsBuilder();
    Serde<String> chartKeys = AvroWireSerdes.of(registry, TopicSchemas.STRING_KEY, true);
    addStores(builder, config.stores());

    KStream<String, Object> features = builder.stream(Topics.S57_FEATURES,
        Consumed.with(chartKeys, AvroWireSerdes.<Object>of(registry, TopicSchemas.CHART_EVENT, false)).withName("s57-features"));
    KStream<String, ChartCatalogEntry> catalog = builder.stream(Topics.CHARTS_CATALOG,
        Consumed.with(chartKeys, AvroWireSerdes.<ChartCatalogEntry>of(registry, TopicSchemas.CATALOG_ENTRY, false)).withName("charts-catalog"));

    Produced<String, IngestError> deadLetters = Produced.with(chartKeys,
        AvroWireSerdes.<IngestError>of(registry, TopicSchemas.INGEST_ERROR, false));
    var clipped = features
        .process(() -> new FeatureClipProcessor(config), Named.as("clip"),
            StoreNames.CHART_PROGRESS, StoreNames.CHART_RCLS, StoreNames.CHART_FEATURES, StoreNames.CHART_PIECES,
            StoreNames.CATALOG_RCLS)
        .split(Named.as("clip-"))
        .branch((key, value) -> value instanceof ClipOutput.Problem, Branched.as("errors"))
        .defaultBranch(Branched.as("rcl"));
    clipped.get("clip-errors")
        .map((key, value) -> {
          ClipOutput.Problem problem = (ClipOutput.Problem) value;
          return KeyValue.pair(problem.chartId(), problem.error());
        }, Named.as("clip-errors-typed"))
        .to(Topics.TOPOLOGY_ERRORS, deadLetters.withName("topology-errors"));
    KStream<Long, RclEvent> pieces = clipped.get("clip-rcl")
        .map((key, value) -> {
          ClipOutput.ForRcl section = (ClipOutput.ForRcl) value;
          return KeyValue.pair(section.rcl(), section.event());
        }, Named.as("clip-rcl-typed"));
    var expected = catalog
        .process(() -> new CatalogExpectationProcessor(config), Named.as("expect"), StoreNames.CATALOG_RCLS)
        .split(Named.as("expect-"))
        .branch((key, value) -> value instanceof IngestError, Branched.as("errors"))
        .defaultBranch(Branched.as("rcl"));
    expected.get("expect-errors")
        .map((key, value) -> KeyValue.pair((String) key, (IngestError) value), Named.as("expect-errors-typed"))
        .to(Topics.TOPOLOGY_ERRORS, deadLetters.withName("expect-topology-errors"));
    KStream<Long, RclEvent> expectations = expected.get("expect-rcl")
        .map((key, value) -> KeyValue.pair((Long) key, (RclEvent) value), Named.as("expect-typed"));

    KStream<Long, byte[]> tiles = pieces.merge(expectations, Named.as("rcl-events-merged"))
        .repartition(Repartitioned.with(Serdes.Long(), new PlainAvroSerde<RclEvent>(RclEvent.SCHEMA$)).withName(RCL_EVENTS))
        .process(() -> new RclAssembler(config), Named.as("assemble"),
            StoreNames.RCL_SECTIONS, StoreNames.RCL_CHARTS, StoreNames.RCL_EMITTED, StoreNames.RCL_DIRTY);
    ChartTopology.<Long, byte[]>withinRecordLimit(tiles.process(() -> new RecordSizeGuard<Long, byte[]>(config.maxRecordBytes(), tile -> tile.length,
            ChartTopology::tileRefusal), Named.as("tile-size")), "tile-size", deadLetters)
        .to(Topics.RCL_TILES, Produced.with(AvroWireSerdes.<Long>of(registry, TopicSchemas.RCL_KEY, true), encodedTiles(registry))
            .withName("rcl-tiles"));
    return builder.build();
  }

  /** The records a {@link RecordSizeGuard} let through; its dead letters go to topology.errors. */
  @SuppressWarnings("unchecked")
  private static <K, V> KStream<K, V> withinRecordLimit(KStream<Object, Object> guarded, String name,
                                                        Produced<String, IngestError> deadLetters) {
    var branches = guarded.split(Named.as(name + "-"))
        .branch((key, value) -> value instanceof IngestError, Branched.as("errors"))
        .defaultBranch(Branched.as("ok"));
    branches.get(name + "-errors")
        .map((key, value) -> KeyValue.pair((String) key, (IngestError) value), Named.as(name + "-errors-typed"))
        .to(Topics.TOPOLOGY_ERRORS, deadLetters.withName(name + "-topology-errors"));
    return branches.get(name + "-ok").map((key, value) -> KeyValue.pair((K) key, (V) value), Named.as(name + "-ok-typed"));
  }

  /** Names the RCL and the charts of a tile too large to write. */
  private static RecordSizeGuard.Refusal tileRefusal(Long rcl, byte[] tile) {
    String charts;
    try {
      RclTile decoded = new SpecificDatumReader<>(RclTile.class).read(null, DecoderFactory.get().binaryDecoder(tile, null));
      charts = decoded.getCharts().stream().map(c -> c.getChartId() + " " + c.getRevision()).toList().toString();
    } catch (IOException | RuntimeException e) {
      charts = "(unreadable: " + e + ")";
    }
    String name = "RCL " + RclKey.decode(rcl);
    return new RecordSizeGuard.Refusal(name, name, null, "the tile of " + name + " with charts " + charts
        + " (not emitted: the dbv keeps its previous tile; a deeper level for these charts makes smaller tiles)");
  }

  /** Values of rcl.tiles as the RCL stage encodes them: RclTile's Avro binary, given its wire-format header. */
  private static Serde<byte[]> encodedTiles(SchemaRegistryClient registry) {
    return Serdes.serdeFrom(new AvroWireSerializer<>(registry, TopicSchemas.RCL_TILE, false, new EncodedDatumWriter()),
        (topic, data) -> {
          throw new UnsupportedOperationException("rcl.tiles is only written here");
        });
  }

  private static void addStores(StreamsBuilder builder, TopologyConfig.StoreKind kind) {
    java.util.function.Function<String, KeyValueBytesStoreSupplier> store = kind == TopologyConfig.StoreKind.IN_MEMORY
        ? Stores::inMemoryKeyValueStore : Stores::persistentKeyValueStore;
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.CHART_PROGRESS),
        Serdes.String(), new PlainAvroSerde<ChartProgress>(ChartProgress.SCHEMA$)));
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.CHART_RCLS),
        Serdes.Bytes(), Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.CHART_FEATURES),
        Serdes.Bytes(), Serdes.ByteArray())); // PlacedFeature bytes
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.CHART_PIECES),
        Serdes.Bytes(), new PlainAvroSerde<PlacedPieces>(PlacedPieces.SCHEMA$)));
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.CATALOG_RCLS),
        Serdes.String(), new PlainAvroSerde<CatalogRcls>(CatalogRcls.SCHEMA$)));
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.RCL_SECTIONS),
        Serdes.Bytes(), new PlainAvroSerde<SectionPart>(SectionPart.SCHEMA$)));
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.RCL_CHARTS),
        Serdes.Bytes(), new PlainAvroSerde<RclChartState>(RclChartState.SCHEMA$)));
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.RCL_EMITTED),
        Serdes.Long(), new PlainAvroSerde<RclEmission>(RclEmission.SCHEMA$)));
    builder.addStateStore(Stores.keyValueStoreBuilder(store.apply(StoreNames.RCL_DIRTY),
        Serdes.Long(), Serdes.ByteArray()));
  }
}
