package io.chartstream.dbv;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.PaletteColour;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.StringList;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.Triangles;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.schema.tile.TileGrid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.rcl.RclKey;
import io.chartstream.topology.triangulate.AreaTriangulator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** Builds deterministic, fully populated RclTiles for tests: triangles, styles, display points. */
public final class TestTiles {
  private static final String[] CLASSES = {"DEPARE", "LNDARE", "BOYLAT", "SOUNDG", "COALNE"};

  private TestTiles() {}

  /** The encoded RCL as RclKey encodes it: level bits 56-61, row 28-55, column 0-27. */
  public static long rcl(int level, int row, int col) {
    return ((long) level << 56) | ((long) row << 28) | col;
  }

  /** A tile whose content depends only on its arguments (placed in the tile's own frame). */
  public static RclTile tile(int level, int row, int col, long sequence, int featureCount) {
    Random random = new Random(rcl(level, row, col) * 31 + sequence);
    List<TileFeature> features = new ArrayList<>();
    for (int i = 0; i < featureCount; i++) {
      features.add(feature(random, i));
    }
    String hash = sha256(level + "/" + row + "/" + col + "#" + sequence + ":" + featureCount);
    return TileFeatures.tile(level, row, col, sequence, hash,
        List.of(new ChartContribution("US5WA22M", "3:2:20240101:20230101", featureCount),
            new ChartContribution("US4WA10M", "1:0::20220505", 0)),
        features, TileGrid.worldMercator());
  }

  /**
   * A tile in its own frame with a feature of every geometry type in two charts: soundings with
   * depths (a point and a multipoint), a line and a multiline, a polygon with a hole and a
   * multipolygon with their triangles (AreaTriangulator's, as the topology makes them), and a
   * collection. Coordinates are the tile's own, off the grid.
   */
  public static RclTile everyGeometry(int level, int row, int col) throws Exception {
    RclGrid grid = RclGrid.worldMercator();
    Envelope square = grid.tileEnvelope(RclKey.of(row, col, level));
    double w = square.getWidth();
    java.util.function.DoubleUnaryOperator x = f -> square.getMinX() + f * w + 0.001234;
    java.util.function.DoubleUnaryOperator y = f -> square.getMinY() + f * w + 0.004321;
    String polygon = String.format(Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f), (%f %f, %f %f, %f %f, %f %f))",
        x.applyAsDouble(0.1), y.applyAsDouble(0.1), x.applyAsDouble(0.6), y.applyAsDouble(0.1), x.applyAsDouble(0.6),
        y.applyAsDouble(0.5), x.applyAsDouble(0.1), y.applyAsDouble(0.5), x.applyAsDouble(0.1), y.applyAsDouble(0.1),
        x.applyAsDouble(0.2), y.applyAsDouble(0.2), x.applyAsDouble(0.3), y.applyAsDouble(0.3), x.applyAsDouble(0.4),
        y.applyAsDouble(0.2), x.applyAsDouble(0.2), y.applyAsDouble(0.2));
    String multi = String.format(Locale.ROOT, "MULTIPOLYGON (((%f %f, %f %f, %f %f, %f %f)), ((%f %f, %f %f, %f %f, %f %f, %f %f)))",
        x.applyAsDouble(0.7), y.applyAsDouble(0.7), x.applyAsDouble(0.9), y.applyAsDouble(0.7), x.applyAsDouble(0.8),
        y.applyAsDouble(0.95), x.applyAsDouble(0.7), y.applyAsDouble(0.7),
        x.applyAsDouble(-0.01), y.applyAsDouble(0.8), x.applyAsDouble(0.05), y.applyAsDouble(0.8), x.applyAsDouble(0.05),
        y.applyAsDouble(0.9), x.applyAsDouble(-0.01), y.applyAsDouble(0.9), x.applyAsDouble(-0.01), y.applyAsDouble(0.8));
    List<TileFeature> features = List.of(
        geometryFeature("US5TEST1", "SOUNDG", 1, String.format(Locale.ROOT, "POINT Z (%f %f 12.3)", x.applyAsDouble(0.5), y.applyAsDouble(0.5)), square),
        geometryFeature("US5TEST1", "SOUNDG", 1, String.format(Locale.ROOT, "MULTIPOINT Z ((%f %f 4.25), (%f %f 7.5))",
            x.applyAsDouble(0.3), y.applyAsDouble(0.6), x.applyAsDouble(0.35), y.applyAsDouble(0.61)), square),
        geometryFeature("US5TEST1", "COALNE", 2, String.format(Locale.ROOT, "LINESTRING (%f %f, %f %f, %f %f)",
            x.applyAsDouble(-0.015), y.applyAsDouble(0.0), x.applyAsDouble(0.5), y.applyAsDouble(0.2), x.applyAsDouble(1.01), y.applyAsDouble(0.1)), square),
        geometryFeature("US5TEST2", "DEPCNT", 2, String.format(Locale.ROOT, "MULTILINESTRING ((%f %f, %f %f), (%f %f, %f %f, %f %f))",
            x.applyAsDouble(0.0), y.applyAsDouble(0.9), x.applyAsDouble(0.3), y.applyAsDouble(0.95), x.applyAsDouble(0.6),
            y.applyAsDouble(0.6), x.applyAsDouble(0.65), y.applyAsDouble(0.65), x.applyAsDouble(0.7), y.applyAsDouble(0.6)), square),
        geometryFeature("US5TEST2", "DEPARE", 3, polygon, square),
        geometryFeature("US5TEST2", "LNDARE", 3, multi, square),
        geometryFeature("US5TEST2", "M_QUAL", 3, String.format(Locale.ROOT, "GEOMETRYCOLLECTION (POINT (%f %f), LINESTRING (%f %f, %f %f))",
            x.applyAsDouble(0.9), y.applyAsDouble(0.1), x.applyAsDouble(0.9), y.applyAsDouble(0.2), x.applyAsDouble(0.95), y.applyAsDouble(0.3)), square));
    return TileFeatures.tile(level, row, col, 3, sha256("every geometry"),
        List.of(new ChartContribution("US5TEST1", "1:0::", 3), new ChartContribution("US5TEST2", "2:1::", 4)),
        features, TileGrid.worldMercator());
  }

  private static TileFeature geometryFeature(String chart, String objectClass, int primitive, String wkt, Envelope square)
      throws Exception {
    Geometry g = new WKTReader().read(wkt);
    Triangles triangles = g instanceof Polygonal ? AreaTriangulator.triangulateArea(g, square).mesh().toAvro() : null;
    int index = objectClass.hashCode() & 0xff;
    return TileFeature.newBuilder().setChartId(chart).setRevision(chart.endsWith("1") ? "1:0::" : "2:1::")
        .setFeatureIndex(index).setLnam("0226" + Integer.toHexString(index)).setObjectClass(objectClass)
        .setObjectClassCode(index).setPrimitive(primitive).setAttributes(Map.of("OBJNAM", objectClass))
        .setGeometry(ByteBuffer.wrap(new WKBWriter(Double.isNaN(g.getCoordinate().getZ()) ? 2 : 3,
            ByteOrderValues.LITTLE_ENDIAN).write(g)))
        .setTriangles(triangles)
        .setDisplayPoint(new DisplayPoint(g.getCentroid().getX(), g.getCentroid().getY()))
        .build();
  }

  private static TileFeature feature(Random random, int index) {
    String objectClass = CLASSES[index % CLASSES.length];
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("DRVAL1", random.nextDouble() * 20);
    attributes.put("SCAMIN", (long) random.nextInt(100000));
    attributes.put("OBJNAM", "feature " + index);
    attributes.put("COLOUR", new IntList(List.of(3L, 1L)));
    attributes.put("NOBJNM", null);
    attributes.put("NINFOM", new StringList(List.of("a", "b")));
    double x = random.nextDouble() * 1000;
    double y = random.nextDouble() * 1000;
    return TileFeature.newBuilder()
        .setChartId("US5WA22M").setRevision("3:2:20240101:20230101")
        .setFeatureIndex(index).setLnam("0226" + Integer.toHexString(1000 + index))
        .setObjectClass(objectClass).setObjectClassCode(42 + index % 5).setPrimitive(3)
        .setAttributes(attributes)
        .setGeometry(pointWkb(x, y))
        .setTriangles(new Triangles(List.of(0.0, 0.0, x, 0.0, x, y, 0.0, y), List.of(0, 1, 2, 0, 2, 3)))
        .setDisplayPoint(index % 2 == 0 ? new DisplayPoint(x / 2, y / 2) : null)
        .setStyle(S52Style.newBuilder()
            .setLookup("PLAIN_BOUNDARIES:" + objectClass).setFallback(false)
            .setDisplayPriority(index % 10).setDisplayCategory("DISPLAYBASE").setViewingGroup(13030)
            .setRadarOverlay(index % 3 == 0)
            .setInstructions(List.of("AC(DEPMS)", "LS(SOLD,1,DEPSC)"))
            .setColours(Map.of("DEPMS", new PaletteColour("#98c5f2", "#224466", "#0a1520")))
            .build())
        .build();
  }

  private static ByteBuffer pointWkb(double x, double y) {
    ByteBuffer wkb = ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN);
    wkb.put((byte) 1).putInt(1).putDouble(x).putDouble(y);
    return wkb.flip();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Metadata as a test dbv records it. */
  public static DbvMetadata metadata() {
    return DbvMetadata.worldMercator(Map.of("band.5", "13", "band.4", "12"), Map.of("safetyContour", "30"));
  }
}
