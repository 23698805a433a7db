package io.chartstream.topology.streams;

import io.chartstream.schema.avro.BoundingBox;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.internal.CatalogRcls;
import io.chartstream.schema.avro.internal.ChartExpectation;
import io.chartstream.schema.avro.internal.RclEvent;
import io.chartstream.topology.clip.ClipResult;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.clip.TilePiece;
import io.chartstream.topology.project.Reprojector;
import java.util.List;
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
 */
final class CatalogExpectationProcessor implements Processor<String, ChartCatalogEntry, Object, Object> {
  private static final Logger LOGGER = LoggerFactory.getLogger(CatalogExpectationProcessor.class);
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final TopologyConfig config;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, CatalogRcls> catalogRcls;
  private Reprojector reprojector;
  private TileClipper clipper;

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
  }

  @Override
  public void process(Record<String, ChartCatalogEntry> record) {
    ChartCatalogEntry entry = record.value();
    if (entry == null) {
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
    ClipResult clipped = clipper.clip(reprojector.project(coverage), level);
    TreeSet<Long> now = new TreeSet<>();
    for (TilePiece piece : clipped.pieces()) {
      now.add(piece.rcl().encoded());
    }
    CatalogRcls before = catalogRcls.get(entry.getChartId());
    TreeSet<Long> earlier = before == null ? new TreeSet<>() : new TreeSet<>(before.getRcls());
    for (long rcl : now) {
      if (!earlier.contains(rcl)) {
        send(record, rcl, entry.getChartId(), true);
      }
    }
    for (long rcl : earlier) {
      if (!now.contains(rcl)) {
        send(record, rcl, entry.getChartId(), false);
      }
    }
    catalogRcls.put(entry.getChartId(), new CatalogRcls(level, List.copyOf(now)));
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
      } catch (ParseException e) {
        LOGGER.warn("{}: unreadable coverage in the catalogue entry, using its box: {}", entry.getChartId(), e.getMessage());
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
