package io.chartstream.schema.tile;

import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.TileGeometry;
import io.chartstream.schema.avro.TilePoint;
import io.chartstream.schema.avro.Triangles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
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
import org.locationtech.jts.geom.Puntal;

/**
 * The one codec of a tile piece's geometry and presentation on the {@link TileGrid}: writes the
 * fields of {@code SectionFeature} from {@code geometry} on (geometry, triangles, display point)
 * as Avro binary, the piece's "body", once, where the piece is made; and turns them back into
 * CRS coordinates for a reader ({@link TileFeatures}).
 *
 * <p>Vertices become tile-local grid steps ({@link TileFrame}), each written as its difference
 * from the one before; a polygon's rings lose their closing vertex (it repeats the first);
 * soundings keep their depth as a double, exactly. Triangles become indices into the piece's
 * own vertices, each written as its difference from the index before: a triangle vertex that
 * is no vertex of the geometry (a triangulation of a repaired ring) is appended after the
 * geometry's vertices. Encoding a geometry that is already on the grid and decoding it gives
 * the same coordinates; any other geometry moves by at most half a step on each axis.
 *
 * <p>Stateless ({@code @Immutable}).
 */
public final class PieceCodec {
  /** WKB type codes, as {@code TileGeometry.type} takes them. */
  static final int POINT = 1;
  static final int LINE_STRING = 2;
  static final int POLYGON = 3;
  static final int MULTI_POINT = 4;
  static final int MULTI_LINE_STRING = 5;
  static final int MULTI_POLYGON = 6;
  static final int GEOMETRY_COLLECTION = 7;

  private PieceCodec() {}

  /**
   * The body of a piece in {@code frame}: its geometry (CRS units), its triangles (CRS units
   * relative to the tile's south-west corner, as the triangulation stage gives them) and display
   * point (CRS units), each nullable but the geometry.
   *
   * @throws IllegalArgumentException when the geometry is empty or of an unknown type
   */
  public static byte[] body(Geometry geometry, Triangles triangles, DisplayPoint displayPoint, TileFrame frame) {
    Vertices vertices = new Vertices(frame, hasDepth(geometry));
    Ints counts = new Ints(8);
    int type = structure(geometry, counts, vertices);
    int[] indices = triangles == null ? null : vertices.indicesOf(triangles);
    AvroBytes out = new AvroBytes(16 + 3 * vertices.count() + (indices == null ? 0 : 2 * indices.length));
    out.writeInt(type);
    out.startArray(counts.size);
    for (int i = 0; i < counts.size; i++) {
      out.writeInt(counts.values[i]);
    }
    out.endArray();
    vertices.writeCoordinates(out);
    vertices.writeDepths(out);
    if (indices == null) {
      out.writeInt(0);
    } else {
      out.writeInt(1).startArray(indices.length);
      int previous = 0;
      for (int index : indices) {
        out.writeInt(index - previous);
        previous = index;
      }
      out.endArray();
    }
    if (displayPoint == null) {
      out.writeInt(0);
    } else {
      out.writeInt(1).writeLong(frame.localX(displayPoint.getX())).writeLong(frame.localY(displayPoint.getY()));
    }
    return out.toByteArray();
  }

  /** The geometry of a decoded piece, in CRS units, vertices on the grid. */
  public static Geometry geometry(TileGeometry encoded, TileFrame frame, GeometryFactory factory) {
    Reader reader = new Reader(encoded, frame, factory);
    return reader.read(encoded.getType());
  }

  /**
   * A decoded piece's triangles as the triangulation stage made them: vertices in CRS units
   * relative to the tile's south-west corner (every vertex of the geometry, then the extra
   * ones), three indices per counter-clockwise triangle.
   */
  public static Triangles triangles(List<Integer> deltas, TileGeometry geometry, TileFrame frame) {
    List<Long> coordinates = geometry.getCoordinates();
    List<Double> xy = new ArrayList<>(coordinates.size());
    long x = 0;
    long y = 0;
    for (int i = 0; i + 1 < coordinates.size(); i += 2) {
      x += coordinates.get(i);
      y += coordinates.get(i + 1);
      xy.add(frame.length(x));
      xy.add(frame.length(y));
    }
    List<Integer> indices = new ArrayList<>(deltas.size());
    int index = 0;
    for (int delta : deltas) {
      index += delta;
      indices.add(index);
    }
    return new Triangles(xy, indices);
  }

  /** A decoded display point, in CRS units. */
  public static DisplayPoint displayPoint(TilePoint point, TileFrame frame) {
    return new DisplayPoint(frame.x(point.getX()), frame.y(point.getY()));
  }

  /** Writes the structure of {@code g} into {@code counts} and its vertices into {@code vertices}; returns its type. */
  private static int structure(Geometry g, Ints counts, Vertices vertices) {
    switch (g) {
      case Point p -> {
        if (p.isEmpty()) {
          throw new IllegalArgumentException("an empty point has no place in a tile");
        }
        vertices.add(p.getCoordinateSequence(), 0, 1);
        return POINT;
      }
      case LineString l -> {
        CoordinateSequence seq = l.getCoordinateSequence();
        counts.add(seq.size());
        vertices.add(seq, 0, seq.size());
        return LINE_STRING;
      }
      case Polygon p -> {
        counts.add(1 + p.getNumInteriorRing());
        ring(p.getExteriorRing(), counts, vertices);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
          ring(p.getInteriorRingN(i), counts, vertices);
        }
        return POLYGON;
      }
      case MultiPoint mp -> {
        counts.add(mp.getNumGeometries());
        for (int i = 0; i < mp.getNumGeometries(); i++) {
          vertices.add(((Point) mp.getGeometryN(i)).getCoordinateSequence(), 0, 1);
        }
        return MULTI_POINT;
      }
      case MultiLineString ml -> {
        counts.add(ml.getNumGeometries());
        for (int i = 0; i < ml.getNumGeometries(); i++) {
          CoordinateSequence seq = ((LineString) ml.getGeometryN(i)).getCoordinateSequence();
          counts.add(seq.size());
          vertices.add(seq, 0, seq.size());
        }
        return MULTI_LINE_STRING;
      }
      case MultiPolygon mp -> {
        counts.add(mp.getNumGeometries());
        for (int i = 0; i < mp.getNumGeometries(); i++) {
          Polygon p = (Polygon) mp.getGeometryN(i);
          counts.add(1 + p.getNumInteriorRing());
          ring(p.getExteriorRing(), counts, vertices);
          for (int h = 0; h < p.getNumInteriorRing(); h++) {
            ring(p.getInteriorRingN(h), counts, vertices);
          }
        }
        return MULTI_POLYGON;
      }
      case GeometryCollection gc -> {
        counts.add(gc.getNumGeometries());
        for (int i = 0; i < gc.getNumGeometries(); i++) {
          int at = counts.size;
          counts.add(0); // the member's type, once known
          counts.values[at] = structure(gc.getGeometryN(i), counts, vertices);
        }
        return GEOMETRY_COLLECTION;
      }
      default -> throw new IllegalArgumentException("no tile encoding for " + g.getGeometryType());
    }
  }

  /** A ring without its closing vertex (an empty ring has none to drop). */
  private static void ring(LinearRing ring, Ints counts, Vertices vertices) {
    CoordinateSequence seq = ring.getCoordinateSequence();
    int n = seq.size() == 0 ? 0 : seq.size() - 1;
    counts.add(n);
    vertices.add(seq, 0, n);
  }

  /** The vertices of a piece as tile-local steps, with their depths when the piece is a sounding. */
  private static final class Vertices {
    private final TileFrame frame;
    private final boolean withDepth;
    private long[] xy = new long[32];
    private double[] z;
    private int count;
    /** Vertices of the geometry, before any extra ones the triangles need. */
    private int geometryCount = -1;

    Vertices(TileFrame frame, boolean withDepth) {
      this.frame = frame;
      this.withDepth = withDepth;
      this.z = new double[withDepth ? 16 : 0];
    }

    int count() {
      return count;
    }

    void add(CoordinateSequence seq, int from, int to) {
      for (int i = from; i < to; i++) {
        append(frame.localX(seq.getX(i)), frame.localY(seq.getY(i)));
        if (withDepth) {
          if (count > z.length) {
            z = Arrays.copyOf(z, 2 * z.length);
          }
          z[count - 1] = seq.getZ(i);
        }
      }
    }

    private void append(long x, long y) {
      if (2 * count + 2 > xy.length) {
        xy = Arrays.copyOf(xy, 2 * xy.length);
      }
      xy[2 * count] = x;
      xy[2 * count + 1] = y;
      count++;
    }

    /** Each triangle vertex as an index into the vertices, appending the ones not among them. */
    int[] indicesOf(Triangles triangles) {
      geometryCount = count;
      Map<Long, Map<Long, Integer>> index = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        index.computeIfAbsent(xy[2 * i], k -> new HashMap<>(2)).putIfAbsent(xy[2 * i + 1], i);
      }
      List<Double> v = triangles.getVertices();
      int[] local = new int[v.size() / 2];
      for (int i = 0; i < local.length; i++) {
        long x = frame.steps(v.get(2 * i));
        long y = frame.steps(v.get(2 * i + 1));
        Map<Long, Integer> column = index.computeIfAbsent(x, k -> new HashMap<>(2));
        Integer at = column.get(y);
        if (at == null) {
          at = count;
          append(x, y);
          column.put(y, at);
        }
        local[i] = at;
      }
      List<Integer> corners = triangles.getIndices();
      int[] out = new int[corners.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = local[corners.get(i)];
      }
      return out;
    }

    void writeCoordinates(AvroBytes out) {
      out.startArray(2L * count);
      long px = 0;
      long py = 0;
      for (int i = 0; i < count; i++) {
        out.writeLong(xy[2 * i] - px).writeLong(xy[2 * i + 1] - py);
        px = xy[2 * i];
        py = xy[2 * i + 1];
      }
      out.endArray();
    }

    void writeDepths(AvroBytes out) {
      int n = withDepth ? (geometryCount < 0 ? count : geometryCount) : 0;
      out.startArray(n);
      for (int i = 0; i < n; i++) {
        out.writeDouble(z[i]);
      }
      out.endArray();
    }
  }

  /** Whether a piece keeps depths: soundings, points whose first vertex has a Z. */
  static boolean hasDepth(Geometry g) {
    if (!(g instanceof Puntal) || g.isEmpty()) {
      return false;
    }
    Coordinate c = g.getCoordinate();
    return c != null && !Double.isNaN(c.getZ());
  }

  /** A growable int array. */
  static final class Ints {
    int[] values;
    int size;

    Ints(int capacity) {
      values = new int[capacity];
    }

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size + 1);
      }
      values[size++] = value;
    }
  }

  /** Reads a TileGeometry back into JTS, in CRS units. */
  private static final class Reader {
    private final List<Integer> counts;
    private final List<Long> coordinates;
    private final List<Double> depths;
    private final TileFrame frame;
    private final GeometryFactory factory;
    private int nextCount;
    private int nextVertex;
    private long x;
    private long y;

    Reader(TileGeometry encoded, TileFrame frame, GeometryFactory factory) {
      this.counts = encoded.getCounts();
      this.coordinates = encoded.getCoordinates();
      this.depths = encoded.getDepths();
      this.frame = frame;
      this.factory = factory;
    }

    Geometry read(int type) {
      return switch (type) {
        case POINT -> factory.createPoint(vertex());
        case LINE_STRING -> factory.createLineString(vertices(count(), false));
        case POLYGON -> polygon();
        case MULTI_POINT -> {
          Point[] points = new Point[count()];
          for (int i = 0; i < points.length; i++) {
            points[i] = factory.createPoint(vertex());
          }
          yield factory.createMultiPoint(points);
        }
        case MULTI_LINE_STRING -> {
          LineString[] lines = new LineString[count()];
          for (int i = 0; i < lines.length; i++) {
            lines[i] = factory.createLineString(vertices(count(), false));
          }
          yield factory.createMultiLineString(lines);
        }
        case MULTI_POLYGON -> {
          Polygon[] polygons = new Polygon[count()];
          for (int i = 0; i < polygons.length; i++) {
            polygons[i] = polygon();
          }
          yield factory.createMultiPolygon(polygons);
        }
        case GEOMETRY_COLLECTION -> {
          Geometry[] members = new Geometry[count()];
          for (int i = 0; i < members.length; i++) {
            members[i] = read(count());
          }
          yield factory.createGeometryCollection(members);
        }
        default -> throw new IllegalArgumentException("unknown tile geometry type " + type);
      };
    }

    private Polygon polygon() {
      int rings = count();
      if (rings == 0) {
        return factory.createPolygon();
      }
      LinearRing shell = factory.createLinearRing(vertices(count(), true));
      LinearRing[] holes = new LinearRing[rings - 1];
      for (int i = 0; i < holes.length; i++) {
        holes[i] = factory.createLinearRing(vertices(count(), true));
      }
      return factory.createPolygon(shell, holes);
    }

    private int count() {
      return counts.get(nextCount++);
    }

    private Coordinate[] vertices(int n, boolean closed) {
      Coordinate[] out = new Coordinate[closed && n > 0 ? n + 1 : n];
      for (int i = 0; i < n; i++) {
        out[i] = vertex();
      }
      if (closed && n > 0) {
        out[n] = out[0].copy();
      }
      return out;
    }

    private Coordinate vertex() {
      x += coordinates.get(2 * nextVertex);
      y += coordinates.get(2 * nextVertex + 1);
      Coordinate c = depths.isEmpty() ? new Coordinate(frame.x(x), frame.y(y))
          : new Coordinate(frame.x(x), frame.y(y), depths.get(nextVertex));
      nextVertex++;
      return c;
    }
  }
}
