package io.chartstream.ingest.s57;

import io.chartstream.ingest.gdal.OgrFeature;
import io.chartstream.schema.avro.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Collects the data coverage of a cell: the M_COVR features with CATCOV=1 (coverage available,
 * S-57 Appendix A), as one multipolygon, and its bounding box. The RCL grid uses it to know
 * which tiles expect this chart.
 */
final class Coverage {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final List<Polygon> polygons = new ArrayList<>();

  /** Keeps {@code feature} if it is an M_COVR with CATCOV=1 and an area geometry. */
  void offer(OgrFeature feature) {
    if (!"M_COVR".equals(feature.layer()) || feature.wkb() == null
        || !(feature.fields().get("CATCOV") instanceof Long catcov) || catcov != 1L) {
      return;
    }
    try {
      Geometry geometry = new WKBReader(FACTORY).read(feature.wkb());
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        if (geometry.getGeometryN(i) instanceof Polygon polygon) {
          polygons.add(polygon);
        }
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException("M_COVR feature " + feature.fid() + " has unreadable WKB: " + e.getMessage(), e);
    }
  }

  boolean isEmpty() {
    return polygons.isEmpty();
  }

  /** ISO WKB (little endian) of the coverage multipolygon, or null when there is none. */
  byte[] wkb() {
    if (polygons.isEmpty()) {
      return null;
    }
    MultiPolygon multi = FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    return new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(multi);
  }

  /** The box around all coverage polygons, or null when there is none. */
  BoundingBox bbox() {
    if (polygons.isEmpty()) {
      return null;
    }
    Envelope envelope = new Envelope();
    polygons.forEach(p -> envelope.expandToInclude(p.getEnvelopeInternal()));
    return new BoundingBox(envelope.getMinY(), envelope.getMinX(), envelope.getMaxY(), envelope.getMaxX());
  }
}
