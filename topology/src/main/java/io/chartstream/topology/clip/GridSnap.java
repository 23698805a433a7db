package io.chartstream.topology.clip;

import io.chartstream.schema.tile.TileGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Moves a clipped piece onto the tile grid ({@link TileGrid}: about 0.93 cm on EPSG:3395) before
 * the feature stages see it, so that what is triangulated, and checked, is exactly what the
 * tile stores: every vertex goes to its nearest grid point (at most half a step on each axis),
 * consecutive vertices that land on the same point become one, and a ring that collapses (fewer
 * than three distinct vertices: a sliver narrower than a step) is dropped with its polygon if it
 * is a shell. Lines keep at least their two end vertices, even on one point, so a line shorter
 * than a step is still placed. Depths (Z) are kept. The result may touch itself where the piece
 * had parts closer than a step; the triangulation stage deals with such rings.
 *
 * <p>Stateless ({@code @Immutable}).
 */
public final class GridSnap {
  private final TileGrid grid;

  public GridSnap(TileGrid grid) {
    this.grid = Objects.requireNonNull(grid, "grid");
  }

  /** {@code geometry} on the grid, or null when nothing of it is left (it collapsed). */
  public Geometry snap(Geometry geometry) {
    GeometryFactory f = geometry.getFactory();
    Geometry snapped = switch (geometry) {
      case Point p -> p.isEmpty() ? null : f.createPoint(snapped(p.getCoordinate()));
      case LinearRing r -> line(f, r.getCoordinateSequence());
      case LineString l -> line(f, l.getCoordinateSequence());
      case Polygon p -> polygon(f, p);
      case MultiPoint mp -> {
        List<Point> points = parts(mp, Point.class);
        yield points.isEmpty() ? null : f.createMultiPoint(points.toArray(Point[]::new));
      }
      case MultiLineString ml -> {
        List<LineString> lines = parts(ml, LineString.class);
        yield lines.isEmpty() ? null : f.createMultiLineString(lines.toArray(LineString[]::new));
      }
      case MultiPolygon mp -> {
        List<Polygon> polygons = parts(mp, Polygon.class);
        yield polygons.isEmpty() ? null : f.createMultiPolygon(polygons.toArray(Polygon[]::new));
      }
      case GeometryCollection gc -> {
        List<Geometry> members = parts(gc, Geometry.class);
        yield members.isEmpty() ? null : f.createGeometryCollection(members.toArray(Geometry[]::new));
      }
      default -> throw new IllegalArgumentException("cannot snap " + geometry.getGeometryType());
    };
    if (snapped != null) {
      snapped.setSRID(geometry.getSRID());
    }
    return snapped;
  }

  private <T extends Geometry> List<T> parts(GeometryCollection collection, Class<T> type) {
    List<T> out = new ArrayList<>(collection.getNumGeometries());
    for (int i = 0; i < collection.getNumGeometries(); i++) {
      Geometry part = snap(collection.getGeometryN(i));
      if (part != null) {
        out.add(type.cast(part));
      }
    }
    return out;
  }

  private Coordinate snapped(Coordinate c) {
    Coordinate out = new Coordinate(grid.snapX(c.x), grid.snapY(c.y));
    out.setZ(c.getZ());
    return out;
  }

  /** The sequence on the grid without consecutive repeats. */
  private Coordinate[] distinct(CoordinateSequence seq) {
    CoordinateList out = new CoordinateList();
    for (int i = 0; i < seq.size(); i++) {
      out.add(snapped(seq.getCoordinate(i)), false);
    }
    return out.toCoordinateArray();
  }

  private LineString line(GeometryFactory f, CoordinateSequence seq) {
    if (seq.size() == 0) {
      return null;
    }
    Coordinate[] coordinates = distinct(seq);
    if (coordinates.length == 1) {
      coordinates = new Coordinate[] {coordinates[0], coordinates[0].copy()};
    }
    return f.createLineString(coordinates);
  }

  private Polygon polygon(GeometryFactory f, Polygon p) {
    LinearRing shell = ring(f, p.getExteriorRing());
    if (shell == null) {
      return null;
    }
    List<LinearRing> holes = new ArrayList<>(p.getNumInteriorRing());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      LinearRing hole = ring(f, p.getInteriorRingN(i));
      if (hole != null) {
        holes.add(hole);
      }
    }
    return f.createPolygon(shell, holes.toArray(LinearRing[]::new));
  }

  /** A closed ring of at least three distinct vertices, or null. */
  private LinearRing ring(GeometryFactory f, LinearRing ring) {
    Coordinate[] coordinates = distinct(ring.getCoordinateSequence());
    return coordinates.length < 4 ? null : f.createLinearRing(coordinates);
  }
}
