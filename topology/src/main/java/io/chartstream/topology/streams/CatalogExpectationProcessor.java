package io.chartstream.topology.streams;

import io.chartstream.schema.avro.BoundingBox;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.internal.CatalogRcls;
import io.chartstream.schema.avro.internal.ChartExpectation;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.clip.TilePiece;
import io.chartstream.topology.clip.TileReach;
import io.chartstream.topology.project.Reprojector;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns catalogue entries into the expected contributors of each RCL: the chart's coverage
 * (M_COVR CATCOV=1 once the cell was read, the CATALOG.031 box before), reprojected and cut by
 * the same clipper as the chart's features, so an RCL expects a chart exactly where that
 * chart's coverage pieces will land. Sends {@code expected=true} to RCLs newly covered and
 * {@code expected=false} to RCLs no longer covered (a new edition that shrinks).
 *
 * <p>Two kinds of entry cover nothing: a coverage that would reach more tiles than the level
 * table lets one record reach ({@link TileReach}: a CATALOG.031 box around the whole world, a
 * broken M_COVR) is a dead letter on {@code topology.errors} and is not used (the chart is then
 * expected where its cell's own coverage lies, once read); and an exchange-set entry marked
 * {@code released} (its cell never came) lets every RCL that waited for it go.
 *
 * <p>Outputs {@code (Long rcl, RclEvent)} for the RCL stage and {@code (String chartId,
 * IngestError)} for refused coverages.
 */
final class CatalogExpectationProcessor implements Processor<String, ChartCatalogEntry, Object, Object> {
  private static final Logger LOGGER = LoggerFactory.getLogger(CatalogExpectationProcessor.class);
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final TopologyConfig config;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, CatalogRcls> catalogRcls;
  private Reprojector reprojector;
  private TileClipper clipper;
  private TileReach reach;

  CatalogExpectationProcessor(TopologyConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    catalogRcls = context.getStateStore(StoreNames.CATALOG_RCLS);
    reprojector = Reprojector.to(config.targetCrs());
    // The features' buffer too: an RCL expects the chart exactly where its M_COVR pieces land.
    clipper = new TileClipper(config.grid(), config.bufferFraction());
    reach = new TileReach(config.grid(), config.bufferFraction(), config.profile()::maxRcls);
  }

  @Override
  public void process(Record<String, ChartCatalogEntry> record) {
    ChartCatalogEntry entry = record.value();
    if (entry == null) {
      return;
    }
    CatalogRcls before = catalogRcls.get(entry.getChartId());
    if (entry.getReleased() != null) {
      if (before != null) {
        LOGGER.info("{}: released ({}): {} RCLs stop waiting for it", entry.getChartId(), entry.getReleased(), before.getRcls().size());
        expect(record, entry.getChartId(), before, before.getLevel(), new TreeSet<>());
      }
      return;
    }
    Geometry coverage = coverage(entry);
    if (coverage == null) {
      return; // nothing known of where the chart lies yet
    }
    int scale = entry.getCompilationScale() == null ? 0 : entry.getCompilationScale();
    int level;
    try {
      level = config.profile().levelFor(entry.getChartId(), scale);
    } catch (IllegalArgumentException e) {
      LOGGER.warn("{}: no RCL level (no usage band in the name, no scale yet): {}", entry.getChartId(), e.getMessage());
      return; // the cell's own entry, with its scale, follows once it is read
    }
    Geometry projected = reprojector.project(coverage);
    Optional<String> excess = reach.excess(projected, level);
    TreeSet<Long> now = new TreeSet<>();
    if (excess.isPresent()) {
      refuse(record, entry, excess.get());
    } else {
      for (TilePiece piece : clipper.clip(projected, level).pieces()) {
        now.add(piece.rcl().encoded());
      }
    }
    expect(record, entry.getChartId(), before, level, now);
  }

  /** Tells the RCLs that newly expect the chart, and those that no longer do, and stores {@code now}. */
  private void expect(Record<String, ChartCatalogEntry> record, String chartId, CatalogRcls before, int level, TreeSet<Long> now) {
    TreeSet<Long> earlier = before == null ? new TreeSet<>() : new TreeSet<>(before.getRcls());
    for (long rcl : now) {
      if (!earlier.contains(rcl)) {
        send(record, rcl, chartId, true);
      }
    }
    for (long rcl : earlier) {
      if (!now.contains(rcl)) {
        send(record, rcl, chartId, false);
      }
    }
    catalogRcls.put(chartId, new CatalogRcls(level, List.copyOf(now)));
  }

  /** A coverage too big to clip: one dead letter naming the chart, the record and why; nothing expected from it. */
  private void refuse(Record<String, ChartCatalogEntry> record, ChartCatalogEntry entry, String excess) {
    boolean box = entry.getSource() == CatalogSource.EXCHANGE_SET;
    String what = box
        ? "the CATALOG.031 bounding box of " + entry.getChartId() + " (CATD of " + entry.getFile() + ": " + describe(entry.getBbox()) + ")"
        : "the coverage (M_COVR) of " + entry.getChartId() + " read from " + entry.getFile();
    String then = box
        ? "; it is not used: the chart is expected where its own coverage lies once the cell is read"
        : "; the chart is expected nowhere beyond the tiles its features reach";
    IngestError error = IngestError.newBuilder()
        .setFile(box && entry.getCatalogFile() != null ? entry.getCatalogFile() : entry.getFile())
        .setChartId(entry.getChartId())
        .setStage("expect")
        .setCode(box ? "catalog_box_too_large" : "coverage_too_large")
        .setReason(what + " " + excess + then)
        .setDetectedAt(Instant.ofEpochMilli(record.timestamp()))
        .build();
    LOGGER.warn("{}: {}", error.getFile(), error.getReason());
    context.forward(record.withKey((Object) entry.getChartId()).withValue(error));
  }

  private static String describe(BoundingBox b) {
    return String.format(java.util.Locale.ROOT, "S %s W %s N %s E %s", b.getSouth(), b.getWest(), b.getNorth(), b.getEast());
  }

  private void send(Record<String, ChartCatalogEntry> record, long rcl, String chartId, boolean expected) {
    context.forward(record.withKey((Object) rcl).withValue(new RclEvent(new ChartExpectation(chartId, expected))));
  }

  private Geometry coverage(ChartCatalogEntry entry) {
    if (entry.getCoverage() != null) {
      try {
        byte[] bytes = new byte[entry.getCoverage().remaining()];
        entry.getCoverage().duplicate().get(bytes);
        return new WKBReader(FACTORY).read(bytes);
      } catch (ParseException | RuntimeException | StackOverflowError e) {
        LOGGER.warn("{}: unreadable coverage in the catalogue entry, using its box: {}", entry.getChartId(), e.toString());
      }
    }
    BoundingBox box = entry.getBbox();
    if (box == null) {
      return null;
    }
    return FACTORY.createPolygon(new Coordinate[] {
        new Coordinate(box.getWest(), box.getSouth()), new Coordinate(box.getEast(), box.getSouth()),
        new Coordinate(box.getEast(), box.getNorth()), new Coordinate(box.getWest(), box.getNorth()),
        new Coordinate(box.getWest(), box.getSouth())});
  }
}
