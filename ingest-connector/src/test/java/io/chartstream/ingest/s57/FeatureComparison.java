package io.chartstream.ingest.s57;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.StringList;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Compares an {@link S57Feature} with the same feature as GDAL's GeoJSONSeq writer gives it:
 * every property as data, every coordinate within {@link #TOLERANCE} degrees. Returns the
 * differences as text, empty when equal. Ring orientation is not compared: GeoJSONSeq follows
 * RFC 7946 (outer rings counter-clockwise) and may reverse rings.
 */
public final class FeatureComparison {
  static final double TOLERANCE = 1e-9;

  private FeatureComparison() {}

  public static List<String> differences(S57Feature ours, JsonNode theirs) {
    List<String> diffs = new ArrayList<>();
    String where = ours.getChartId() + " " + ours.getObjectClass() + " #" + ours.getIndex() + " (RCID " + ours.getRcid() + ")";
    Map<String, Object> expected = properties(theirs.get("properties"));
    Map<String, Object> actual = properties(ours);
    if (!expected.equals(actual)) {
      diffs.add(where + ": properties differ\n  GDAL: " + expected + "\n  ours: " + actual);
    }
    compareGeometry(where, ours.getGeometry(), theirs.get("geometry"), diffs);
    return diffs;
  }

  /** GeoJSON properties as comparable Java values (nulls dropped: unset in S-57). */
  private static Map<String, Object> properties(JsonNode properties) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      var e = it.next();
      Object value = value(e.getValue());
      if (value != null) {
        values.put(e.getKey(), value);
      }
    }
    return values;
  }

  private static Object value(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    return node.asText();
  }

  /** Our record's fields under GDAL's field names. */
  private static Map<String, Object> properties(S57Feature f) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("RCID", f.getRcid());
    values.put("PRIM", (long) f.getPrimitive());
    values.put("GRUP", (long) f.getGroup());
    values.put("OBJL", (long) f.getObjectClassCode());
    values.put("RVER", (long) f.getRecordVersion());
    values.put("AGEN", (long) f.getAgency());
    values.put("FIDN", f.getFidn());
    values.put("FIDS", (long) f.getFids());
    values.put("LNAM", f.getLnam());
    if (!f.getLnamRefs().isEmpty()) {
      values.put("LNAM_REFS", new ArrayList<Object>(f.getLnamRefs()));
      values.put("FFPT_RIND", new ArrayList<Object>(f.getLnamRelations()));
    }
    f.getAttributes().forEach((name, value) -> {
      Object plain = switch (value) {
        case IntList l -> new ArrayList<Object>(l.getValues());
        case RealList l -> new ArrayList<Object>(l.getValues());
        case StringList l -> new ArrayList<Object>(l.getValues());
        case Integer i -> (long) i;
        case null -> null;
        default -> value;
      };
      if (plain != null) {
        values.put(name, plain);
      }
    });
    return values;
  }

  private static void compareGeometry(String where, ByteBuffer wkb, JsonNode geometry, List<String> diffs) {
    boolean theirsNull = geometry == null || geometry.isNull();
    if (wkb == null || theirsNull) {
      if ((wkb == null) != theirsNull) {
        diffs.add(where + ": geometry present on one side only");
      }
      return;
    }
    Geometry ours;
    try {
      byte[] bytes = new byte[wkb.remaining()];
      wkb.duplicate().get(bytes);
      ours = new WKBReader().read(bytes);
    } catch (ParseException e) {
      diffs.add(where + ": unreadable WKB: " + e.getMessage());
      return;
    }
    List<List<double[]>> ourParts = parts(ours);
    List<List<double[]>> theirParts = parts(geometry);
    if (ourParts.size() != theirParts.size()) {
      diffs.add(where + ": " + ourParts.size() + " rings/parts, GDAL has " + theirParts.size());
      return;
    }
    for (int i = 0; i < ourParts.size(); i++) {
      if (!sameRing(ourParts.get(i), theirParts.get(i))) {
        diffs.add(where + ": part " + i + " differs from GDAL's beyond " + TOLERANCE + " degrees");
        return;
      }
    }
  }

  /** Each point, line or ring as a list of coordinates, in order. */
  private static List<List<double[]>> parts(Geometry g) {
    List<List<double[]>> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      switch (part) {
        case Polygon p -> {
          parts.add(coords(p.getExteriorRing().getCoordinates()));
          for (int h = 0; h < p.getNumInteriorRing(); h++) {
            parts.add(coords(p.getInteriorRingN(h).getCoordinates()));
          }
        }
        case LineString l -> parts.add(coords(l.getCoordinates()));
        case Point p -> parts.add(coords(p.getCoordinates()));
        default -> throw new AssertionError("unexpected geometry " + part.getGeometryType());
      }
    }
    return parts;
  }

  private static List<double[]> coords(Coordinate[] coordinates) {
    List<double[]> list = new ArrayList<>();
    for (Coordinate c : coordinates) {
      list.add(Double.isNaN(c.getZ()) ? new double[] {c.x, c.y} : new double[] {c.x, c.y, c.getZ()});
    }
    return list;
  }

  private static List<List<double[]>> parts(JsonNode geometry) {
    List<List<double[]>> parts = new ArrayList<>();
    JsonNode c = geometry.get("coordinates");
    switch (geometry.get("type").asText()) {
      case "Point" -> parts.add(List.of(position(c)));
      case "LineString" -> parts.add(positions(c));
      case "Polygon" -> c.forEach(ring -> parts.add(positions(ring)));
      case "MultiPoint" -> c.forEach(p -> parts.add(List.of(position(p))));
      case "MultiLineString" -> c.forEach(line -> parts.add(positions(line)));
      case "MultiPolygon" -> c.forEach(polygon -> polygon.forEach(ring -> parts.add(positions(ring))));
      default -> throw new AssertionError("unexpected GeoJSON geometry " + geometry.get("type"));
    }
    return parts;
  }

  private static List<double[]> positions(JsonNode array) {
    List<double[]> list = new ArrayList<>();
    array.forEach(p -> list.add(position(p)));
    return list;
  }

  private static double[] position(JsonNode p) {
    double[] xyz = new double[p.size()];
    for (int i = 0; i < xyz.length; i++) {
      xyz[i] = p.get(i).asDouble();
    }
    return xyz;
  }

  /** Same coordinates in the same or in reversed order (RFC 7946 may reverse rings). */
  private static boolean sameRing(List<double[]> a, List<double[]> b) {
    return sameOrder(a, b, false) || sameOrder(a, b, true);
  }

  private static boolean sameOrder(List<double[]> a, List<double[]> b, boolean reversed) {
    if (a.size() != b.size()) {
      return false;
    }
    int n = a.size();
    for (int i = 0; i < n; i++) {
      double[] p = a.get(i);
      double[] q = b.get(reversed ? n - 1 - i : i);
      if (p.length != q.length) {
        return false;
      }
      for (int d = 0; d < p.length; d++) {
        if (Math.abs(p[d] - q[d]) > TOLERANCE) {
          return false;
        }
      }
    }
    return true;
  }
}
