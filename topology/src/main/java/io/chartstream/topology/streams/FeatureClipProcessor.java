package io.chartstream.topology.streams;

import io.chartstream.schema.ChartRevision;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.internal.CatalogRcls;
import io.chartstream.schema.avro.internal.ChartProgress;
import io.chartstream.schema.avro.internal.PlacedPieces;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.topology.FeatureStages;
import io.chartstream.topology.PieceDraft;
import io.chartstream.topology.StageException;
import io.chartstream.topology.clip.ClipResult;
import io.chartstream.topology.clip.GridSnap;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.clip.TilePiece;
import io.chartstream.topology.clip.TileReach;
import io.chartstream.topology.project.Reprojector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clip stage, per chart (input keyed by chart id, in order): accepts a chart version unless
 * it is older than the one accepted, reprojects, clips and presents each feature it changed, and
 * when the version ends sends every RCL it changed the chart's whole section there, rebuilt from
 * the chart's stored features ({@link ChartSections}): one record per (chart version, RCL), or a
 * few for a very large chart, never one per piece.
 *
 * <p>An update file makes a new version of the whole chart, but changes few of its features.
 * The {@link FeatureLedger} knows each feature's digest and RCLs, store {@code chart-pieces} its
 * pieces: a feature whose {@link FeatureDigest} is unchanged is neither clipped nor stored again;
 * a changed, new or deleted one marks the RCLs it was and is in ({@link ChartRcls}). So an update
 * costs reading the chart, the work on what it changes, and rebuilding the sections of the RCLs
 * those changes touch from bytes. Everything a version accumulates is in the changelogged stores,
 * so a restart mid-version ends it the same way.
 *
 * <p>The chart rules (levels, which features, which attributes, which stages) come from the
 * {@link io.chartstream.topology.ChartProfile}. Outputs {@link ClipOutput}s: sections for the RCL
 * stage, and problems for geometry that had to be repaired or could not be placed.
 */
final class FeatureClipProcessor implements Processor<String, Object, Void, ClipOutput> {
  private static final Logger LOGGER = LoggerFactory.getLogger(FeatureClipProcessor.class);

  private final TopologyConfig config;
  private ProcessorContext<Void, ClipOutput> context;
  private KeyValueStore<String, ChartProgress> progress;
  private KeyValueStore<String, CatalogRcls> catalogRcls;
  private KeyValueStore<Bytes, PlacedPieces> pieces;
  private ChartRcls chartRcls;
  private FeatureLedger ledger;
  private final FeatureDigest digest = new FeatureDigest();
  private Reprojector reprojector;
  private TileClipper clipper;
  private GridSnap snap;
  private TileReach reach;
  private FeatureStages.Chain stages;
  private PieceEncoder encoder;
  private final WKBReader wkb = new WKBReader();
  /**
   * A write-through cache of chart-progress (this processor is its only writer), with the
   * accepted revision's key: every feature needs both, and a store read decodes Avro.
   */
  private final Map<String, Accepted> accepted = new java.util.HashMap<>();

  private record Accepted(ChartProgress progress, String revision) {
    Accepted(ChartProgress progress) {
      this(progress, progress == null || progress.getVersion() == null ? null : ChartRevision.key(progress.getVersion()));
    }
  }

  FeatureClipProcessor(TopologyConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Void, ClipOutput> context) {
    this.context = context;
    progress = context.getStateStore(StoreNames.CHART_PROGRESS);
    accepted.clear(); // the stores may have been restored (a revived task): the caches start afresh
    chartRcls = new ChartRcls(context.getStateStore(StoreNames.CHART_RCLS));
    catalogRcls = context.getStateStore(StoreNames.CATALOG_RCLS);
    ledger = new FeatureLedger(context.getStateStore(StoreNames.CHART_FEATURES));
    pieces = context.getStateStore(StoreNames.CHART_PIECES);
    reprojector = Reprojector.to(config.targetCrs());
    clipper = new TileClipper(config.grid(), config.bufferFraction());
    snap = new GridSnap(config.grid().tileGrid());
    reach = new TileReach(config.grid(), config.bufferFraction(), config.profile()::maxRcls);
    stages = config.profile().stages().instantiate();
    encoder = new PieceEncoder(config.grid().tileGrid(), config.profile());
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
    int level;
    try {
      level = config.profile().levelFor(chartId, start.getCompilationScale());
    } catch (IllegalArgumentException e) {
      reportChart(record, chartId, revision, "no_level", e.getMessage());
      chart.setIgnoring(revision);
      save(chart);
      return;
    }
    // RCLs a version that did not end marked changed stay marked: this version rebuilds them too.
    ledger.reset(chartId);
    chart.setPass(chart.getPass() + 1);
    chart.setVersion(start.getVersion());
    chart.setLevel(level);
    chart.setEnded(false);
    chart.setIgnoring(null);
    save(chart);
  }

  private void onFeature(Record<String, Object> record, S57Feature feature) {
    if (!config.profile().placed(feature)) {
      return; // collection objects (C_AGGR, C_ASSO) and meta records without geometry have no place in a tile
    }
    Accepted current = accepted.computeIfAbsent(feature.getChartId(), id -> new Accepted(progress.get(id)));
    ChartProgress chart = current.progress();
    if (chart == null || chart.getVersion() == null || chart.getEnded() || !current.revision().equals(feature.getRevision())) {
      return; // a version that was not accepted, or a feature outside any started version
    }
    String chartId = feature.getChartId();
    FeatureLedger.Entry entry = ledger.next(chartId, feature.getLnam(), feature.getIndex(), chart.getPass());
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
      for (long rcl : entry.before().rcls()) {
        chartRcls.changed(chartId, rcl);
      }
    }
    if (drafts == null) {
      ledger.delete(entry.key());
      pieces.delete(entry.key());
      return;
    }
    TreeSet<Long> placedIn = new TreeSet<>();
    for (PieceDraft draft : drafts) {
      placedIn.add(draft.rcl().encoded());
    }
    PlacedPieces placed = encoder.placed(feature, drafts);
    long bytes = storedBytes(placed);
    if (bytes > featureBytesLimit()) {
      // Its store record (and the changelog's), and a section part holding one of its pieces,
      // would be over what a record may hold: the producer's refusal would abort the transaction
      // for ever. The feature is left out, named; its old pieces (if any) are removed.
      report(record, feature, "record_too_large", String.format(java.util.Locale.ROOT,
          "the feature's pieces are %,d bytes, more than the %,d one feature may hold (half the record limit): not placed",
          bytes, featureBytesLimit()));
      ledger.delete(entry.key());
      pieces.delete(entry.key());
      return;
    }
    placedIn.forEach(rcl -> chartRcls.changed(chartId, rcl));
    pieces.put(entry.key(), placed);
    ledger.put(entry.key(), new PlacedFeature(chart.getPass(), featureDigest, placedIn.stream().mapToLong(Long::longValue).toArray()));
  }

  /**
   * The most bytes one feature's pieces may take: half the record limit, so that a section part
   * (closed after {@link #partBytes()}, then holding at most one more piece) stays within it.
   */
  private int featureBytesLimit() {
    return config.maxRecordBytes() / 2;
  }

  /** Where a section part is closed: {@link ChartSections#PART_BYTES}, or less under a small record limit. */
  private int partBytes() {
    return Math.min(ChartSections.PART_BYTES, config.maxRecordBytes() / 2);
  }

  /** An upper bound of a feature's pieces' bytes as stored, less its attributes (a few hundred bytes). */
  private static long storedBytes(PlacedPieces placed) {
    long bytes = 0;
    for (var piece : placed.getPieces()) {
      bytes += 16 + piece.getBody().remaining() + (piece.getStyle() == null ? 0 : piece.getStyle().remaining());
    }
    return bytes;
  }

  /** The feature's pieces on the grid with their stages run, or null (reported) when its geometry cannot be placed. */
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
    stages.prepare(feature, geometry);
    ClipResult result = clipper.clip(geometry, level);
    if (result.failure() != null) {
      report(record, feature, "unrepairable_geometry", result.failure());
      return null;
    }
    if (result.repaired()) {
      report(record, feature, "repaired_geometry", "invalid geometry repaired before clipping (GeometryFixer)");
    }
    List<PieceDraft> drafts = new ArrayList<>(result.pieces().size());
    for (TilePiece piece : result.pieces()) {
      Geometry onGrid = snap.snap(piece.geometry());
      if (onGrid != null) {
        drafts.add(encoder.draft(feature, new TilePiece(piece.rcl(), onGrid)));
      }
    }
    if (drafts.isEmpty() && !result.pieces().isEmpty()) {
      report(record, feature, "collapsed_geometry", "every piece is narrower than the tile grid's step ("
          + config.grid().tileGrid().step() + ") and collapsed on it; the feature is placed nowhere");
    }
    for (StageException failure : stages.apply(feature, geometry, drafts)) {
      report(record, feature, failure.code(), failure.getMessage());
    }
    return drafts;
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
    // The features this version no longer has change the RCLs they were in.
    for (FeatureLedger.Removed removed : ledger.removeUnseen(chartId, chart.getPass())) {
      pieces.delete(RclStoreKeys.chartFeature(chartId, removed.lnam(), removed.occurrence()));
      for (long rcl : removed.rcls()) {
        chartRcls.changed(chartId, rcl);
      }
    }
    ledger.reset(chartId);
    sendSections(record, chartId, revision, chart.getLevel());
    chartRcls.versionEnded(chartId);
    chart.setEnded(true);
    save(chart);
    // The RCL stage reads the sections only once this transaction commits (read_committed):
    // ask for that now rather than at the next commit interval. One commit per chart version.
    context.commit();
  }

  /**
   * Sends the chart's section to every RCL the version changed, and an empty one to every RCL its
   * catalogue coverage reaches that has not heard of it yet, so that RCL can finish.
   */
  private void sendSections(Record<String, Object> record, String chartId, String revision, int level) {
    Map<Long, Byte> flags = chartRcls.flags(chartId);
    CatalogRcls covered = catalogRcls.get(chartId);
    Set<Long> coverage = covered != null && covered.getLevel() == level ? Set.copyOf(covered.getRcls()) : Set.of();
    Set<Long> targets = new TreeSet<>();
    flags.forEach((rcl, f) -> {
      if ((f & ChartRcls.CHANGED) != 0) {
        targets.add(rcl);
      }
    });
    for (long rcl : coverage) {
      Byte f = flags.get(rcl);
      if (f == null || (f & ChartRcls.SENT) == 0) {
        targets.add(rcl);
      }
    }
    if (targets.isEmpty()) {
      return;
    }
    ChartSections sections = new ChartSections(chartId, revision, targets,
        (rcl, part) -> context.forward(record.withKey((Void) null).withValue(new ClipOutput.ForRcl(rcl, new RclEvent(part)))),
        partBytes());
    ledger.forEach(chartId, (key, placed) -> {
      if (reaches(placed.rcls(), targets)) {
        PlacedPieces stored = pieces.get(key);
        if (stored != null) {
          sections.add(RclStoreKeys.lnamOf(key, chartId), stored);
        }
      }
    });
    sections.finish();
    for (long rcl : targets) {
      chartRcls.sent(chartId, rcl, sections.pieces(rcl) > 0 || coverage.contains(rcl));
    }
  }

  private static boolean reaches(long[] rcls, Set<Long> targets) {
    for (long rcl : rcls) {
      if (targets.contains(rcl)) {
        return true;
      }
    }
    return false;
  }

  private void save(ChartProgress chart) {
    progress.put(chart.getChartId(), chart);
    accepted.put(chart.getChartId(), new Accepted(chart));
  }

  private void reportChart(Record<String, Object> record, String chartId, String revision, String code, String reason) {
    IngestError error = IngestError.newBuilder()
        .setFile(chartId).setChartId(chartId).setStage("clip").setCode(code)
        .setReason(reason + " (revision " + revision + "); the chart version is not placed")
        .setDetectedAt(Instant.ofEpochMilli(record.timestamp()))
        .build();
    context.forward(record.withKey((Void) null).withValue(new ClipOutput.Problem(chartId, error)));
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
    context.forward(record.withKey((Void) null).withValue(new ClipOutput.Problem(feature.getChartId(), error)));
  }
}
