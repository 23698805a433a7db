package io.chartstream.topology.streams;

import io.chartstream.schema.ChartRevision;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.internal.CatalogRcls;
import io.chartstream.schema.avro.internal.ChartProgress;
import io.chartstream.schema.avro.internal.ChartTileEnd;
import io.chartstream.schema.avro.internal.FeatureRemoval;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import io.chartstream.topology.clip.ClipResult;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.clip.TilePiece;
import io.chartstream.topology.clip.TileReach;
import io.chartstream.topology.project.Reprojector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clip stage, per chart (input keyed by chart id, in order): accepts a chart version unless
 * it is older than the one accepted, reprojects and clips each feature to the RCLs it touches at
 * the chart's level, and at {@code ChartEnd} fans an end marker out to every RCL the chart's
 * versions reached or its catalogue entry covers, after the pieces, so each RCL learns the
 * version is complete there.
 *
 * <p>An update file makes a new version of the whole chart, but changes few of its features.
 * The {@link FeatureLedger} knows what each feature placed: a feature whose {@link FeatureDigest}
 * is unchanged is neither clipped nor sent again (its pieces are in their RCLs already); a changed
 * one first removes its old pieces from the RCLs they are in, then sends its new ones; and at the
 * end, the features the version no longer has are removed. So an update costs reading the chart
 * and the work on what it changes.
 *
 * <p>Outputs {@code (Long rcl, RclEvent)} for the RCL stage and {@code (String chartId,
 * IngestError)} for geometry that had to be repaired or could not be placed.
 */
final class FeatureClipProcessor implements Processor<String, Object, Object, Object> {
  private static final Logger LOGGER = LoggerFactory.getLogger(FeatureClipProcessor.class);
  private static final byte[] CURRENT = {1};
  private static final byte[] EARLIER = {0};

  private static final org.apache.kafka.common.serialization.Serializer<Bytes> BYTES =
      org.apache.kafka.common.serialization.Serdes.Bytes().serializer();

  private final TopologyConfig config;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, ChartProgress> progress;
  private KeyValueStore<Bytes, byte[]> chartRcls;
  private KeyValueStore<String, CatalogRcls> catalogRcls;
  private FeatureLedger ledger;
  private final FeatureDigest digest = new FeatureDigest();
  private Reprojector reprojector;
  private TileClipper clipper;
  private TileReach reach;
  private FeatureStages.Chain stages;
  private final WKBReader wkb = new WKBReader();
  private final TilePieceEncoder encoder = new TilePieceEncoder();
  private final PieceContent content = new PieceContent();
  /** RCLs already recorded for the current version of each chart in progress (a cache of chart-rcls). */
  private final Map<String, Set<Long>> recorded = new HashMap<>();
  /**
   * A write-through cache of chart-progress (this processor is its only writer), with the
   * accepted revision's key: every feature needs both, and a store read decodes Avro.
   */
  private final Map<String, Accepted> accepted = new HashMap<>();

  private record Accepted(ChartProgress progress, String revision) {
    Accepted(ChartProgress progress) {
      this(progress, progress == null || progress.getVersion() == null ? null : ChartRevision.key(progress.getVersion()));
    }
  }

  FeatureClipProcessor(TopologyConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    progress = context.getStateStore(StoreNames.CHART_PROGRESS);
    recorded.clear(); // the stores may have been restored (a revived task): the caches start afresh
    accepted.clear();
    chartRcls = context.getStateStore(StoreNames.CHART_RCLS);
    catalogRcls = context.getStateStore(StoreNames.CATALOG_RCLS);
    ledger = new FeatureLedger(context.getStateStore(StoreNames.CHART_FEATURES));
    reprojector = Reprojector.to(config.targetCrs());
    clipper = new TileClipper(config.grid(), config.bufferFraction());
    reach = new TileReach(config.grid(), config.bufferFraction(), config.levels());
    stages = config.stages().instantiate();
  }

  @Override
  public void process(Record<String, Object> record) {
    switch (record.value()) {
      case ChartStart start -> onStart(record, start);
      case S57Feature feature -> onFeature(record, feature);
      case ChartEnd end -> onEnd(record, end);
      case null -> { }
      default -> throw new IllegalArgumentException("unexpected record on s57.features: " + record.value().getClass());
    }
  }

  private void onStart(Record<String, Object> record, ChartStart start) {
    String chartId = start.getChartId();
    ChartProgress chart = progress.get(chartId);
    if (chart == null) {
      chart = ChartProgress.newBuilder().setChartId(chartId).build();
    }
    String revision = ChartRevision.key(start.getVersion());
    if (ChartVersions.isOlder(start.getVersion(), chart.getVersion())) {
      LOGGER.info("{}: ignoring version {}, older than the accepted {}", chartId, revision, ChartRevision.key(chart.getVersion()));
      chart.setIgnoring(revision);
      save(chart);
      return;
    }
    // Whatever earlier versions reached stays to be told about this version's end.
    List<Bytes> keys = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = chartRcls.prefixScan(RclStoreKeys.chartPrefix(chartId), BYTES)) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    keys.forEach(k -> chartRcls.put(k, EARLIER));
    int level;
    try {
      level = config.levels().levelFor(chartId, start.getCompilationScale());
    } catch (IllegalArgumentException e) {
      reportChart(record, chartId, revision, "no_level", e.getMessage());
      chart.setIgnoring(revision);
      save(chart);
      return;
    }
    recorded.put(chartId, new HashSet<>());
    ledger.reset(chartId);
    chart.setPass(chart.getPass() + 1);
    chart.setVersion(start.getVersion());
    chart.setLevel(level);
    chart.setEnded(false);
    chart.setIgnoring(null);
    save(chart);
  }

  private void onFeature(Record<String, Object> record, S57Feature feature) {
    if (feature.getGeometry() == null) {
      return; // collection objects (C_AGGR, C_ASSO) and meta records without geometry have no place in a tile
    }
    Accepted current = accepted.computeIfAbsent(feature.getChartId(), id -> new Accepted(progress.get(id)));
    ChartProgress chart = current.progress();
    if (chart == null || chart.getVersion() == null || chart.getEnded() || !current.revision().equals(feature.getRevision())) {
      return; // a version that was not accepted, or a feature outside any started version
    }
    FeatureLedger.Entry entry = ledger.next(feature.getChartId(), feature.getLnam(), feature.getIndex(), chart.getPass());
    if (entry == null) {
      return; // a copy of a record already taken: an at-least-once producer's retry
    }
    byte[] featureDigest = digest.of(feature, chart.getLevel());
    if (entry.before() != null && entry.before().sameContent(featureDigest)) {
      ledger.put(entry.key(), entry.before().withPass(chart.getPass())); // unchanged: its pieces stay where they are
      return;
    }
    List<PieceDraft> drafts = place(record, feature, chart.getLevel());
    if (entry.before() != null) {
      forwardRemoval(record, feature.getChartId(), feature.getRevision(), entry.lnam(), entry.occurrence(), entry.before().rcls());
    }
    if (drafts == null) {
      ledger.delete(entry.key());
      return;
    }
    Set<Long> seen = recorded.computeIfAbsent(feature.getChartId(), this::currentRcls);
    TreeSet<Long> placedIn = new TreeSet<>();
    for (PieceDraft draft : drafts) {
      long rcl = draft.rcl().encoded();
      placedIn.add(rcl);
      record(seen, feature.getChartId(), rcl);
      context.forward(record.withKey((Object) rcl).withValue(new RclEvent(content.encode(draft.record(), entry.occurrence()))));
    }
    ledger.put(entry.key(), new PlacedFeature(chart.getPass(), featureDigest,
        placedIn.stream().mapToLong(Long::longValue).toArray()));
  }

  /** The feature's pieces with their stages run, or null (reported) when its geometry cannot be placed. */
  private List<PieceDraft> place(Record<String, Object> record, S57Feature feature, int level) {
    Geometry geometry;
    try {
      byte[] bytes = new byte[feature.getGeometry().remaining()];
      feature.getGeometry().duplicate().get(bytes);
      geometry = reprojector.project(wkb.read(bytes));
    } catch (ParseException | RuntimeException | StackOverflowError e) {
      // A stack overflow too: JTS reads nested collections recursively, and WKB can nest them without end.
      report(record, feature, "unreadable_geometry", "cannot read or reproject the geometry: " + e);
      return null;
    }
    var excess = reach.excess(geometry, level);
    if (excess.isPresent()) {
      report(record, feature, "too_many_tiles", "the feature " + excess.get() + ": not placed");
      return null;
    }
    ClipResult result = clipper.clip(geometry, level);
    if (result.failure() != null) {
      report(record, feature, "unrepairable_geometry", result.failure());
      return null;
    }
    if (result.repaired()) {
      report(record, feature, "repaired_geometry", "invalid geometry repaired before clipping (GeometryFixer)");
    }
    encoder.nextFeature();
    List<PieceDraft> drafts = new ArrayList<>(result.pieces().size());
    for (TilePiece piece : result.pieces()) {
      drafts.add(encoder.draft(feature, piece));
    }
    for (StageException failure : stages.apply(feature, geometry, drafts)) {
      report(record, feature, failure.code(), failure.getMessage());
    }
    return drafts;
  }

  /** Tells each RCL in {@code rcls} that the feature's pieces there are gone. */
  private void forwardRemoval(Record<String, Object> record, String chartId, String revision, String lnam, int occurrence,
                              long[] rcls) {
    Set<Long> seen = recorded.computeIfAbsent(chartId, this::currentRcls);
    FeatureRemoval removal = new FeatureRemoval(chartId, revision, lnam, occurrence);
    for (long rcl : rcls) {
      record(seen, chartId, rcl);
      context.forward(record.withKey((Object) rcl).withValue(new RclEvent(removal)));
    }
  }

  /** Notes that the current version touched {@code rcl}, so its end marker goes there. */
  private void record(Set<Long> seen, String chartId, long rcl) {
    if (seen.add(rcl)) {
      chartRcls.put(RclStoreKeys.chartRcl(chartId, rcl), CURRENT);
    }
  }

  private void onEnd(Record<String, Object> record, ChartEnd end) {
    String chartId = end.getChartId();
    ChartProgress chart = progress.get(chartId);
    String revision = ChartRevision.key(end.getVersion());
    if (chart == null || chart.getVersion() == null || !ChartRevision.key(chart.getVersion()).equals(revision)) {
      if (chart != null && revision.equals(chart.getIgnoring())) {
        chart.setIgnoring(null);
        save(chart);
      }
      return;
    }
    // The features this version no longer has, first: their RCLs are recorded as touched by it,
    // so the scan below sends them the end marker too.
    for (FeatureLedger.Removed removed : ledger.removeUnseen(chartId, chart.getPass())) {
      forwardRemoval(record, chartId, revision, removed.lnam(), removed.occurrence(), removed.rcls());
    }
    ledger.reset(chartId);
    Set<Long> targets = new HashSet<>();
    List<Bytes> earlierOnly = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = chartRcls.prefixScan(RclStoreKeys.chartPrefix(chartId), BYTES)) {
      it.forEachRemaining(kv -> {
        targets.add(RclStoreKeys.rclOf(kv.key));
        if (kv.value[0] == EARLIER[0]) {
          earlierOnly.add(kv.key);
        }
      });
    }
    CatalogRcls covered = catalogRcls.get(chartId);
    if (covered != null && covered.getLevel() == chart.getLevel()) {
      targets.addAll(covered.getRcls());
    }
    ChartTileEnd marker = new ChartTileEnd(chartId, revision);
    targets.stream().sorted().forEach(rcl -> context.forward(record.withKey((Object) rcl).withValue(new RclEvent(marker))));
    earlierOnly.forEach(chartRcls::delete); // told once; the next version starts from this one's RCLs
    recorded.remove(chartId);
    chart.setEnded(true);
    save(chart);
    // The RCL stage reads the end markers only once this transaction commits (read_committed):
    // ask for that now rather than at the next commit interval. One commit per chart version.
    context.commit();
  }

  private void save(ChartProgress chart) {
    progress.put(chart.getChartId(), chart);
    accepted.put(chart.getChartId(), new Accepted(chart));
  }

  /** The RCLs recorded for the current version: rebuilt from the store after a restart. */
  private Set<Long> currentRcls(String chartId) {
    Set<Long> rcls = new HashSet<>();
    try (KeyValueIterator<Bytes, byte[]> it = chartRcls.prefixScan(RclStoreKeys.chartPrefix(chartId), BYTES)) {
      it.forEachRemaining(kv -> {
        if (kv.value[0] == CURRENT[0]) {
          rcls.add(RclStoreKeys.rclOf(kv.key));
        }
      });
    }
    return rcls;
  }

  private void reportChart(Record<String, Object> record, String chartId, String revision, String code, String reason) {
    IngestError error = IngestError.newBuilder()
        .setFile(chartId).setChartId(chartId).setStage("clip").setCode(code)
        .setReason(reason + " (revision " + revision + "); the chart version is not placed")
        .setDetectedAt(Instant.ofEpochMilli(record.timestamp()))
        .build();
    context.forward(record.withKey((Object) chartId).withValue(error));
  }

  private void report(Record<String, Object> record, S57Feature feature, String code, String reason) {
    IngestError error = IngestError.newBuilder()
        .setFile(feature.getChartId() + "#" + feature.getObjectClass() + "/" + feature.getIndex())
        .setChartId(feature.getChartId())
        .setStage("clip")
        .setCode(code)
        .setReason(reason + " (LNAM " + feature.getLnam() + ", revision " + feature.getRevision() + ")")
        .setDetectedAt(Instant.ofEpochMilli(record.timestamp()))
        .build();
    context.forward(record.withKey((Object) feature.getChartId()).withValue(error));
  }
}
