package io.chartstream.dbv.render;

import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.PaletteColour;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.avro.Triangles;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.schema.tile.TileGrid;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/**
 * Hand-built tiles for the render tests: one level-13 RCL near Seattle and features placed in
 * it by fractions of the tile (0,0 = south-west corner, 1,1 = north-east), with the colours of
 * {@code config/s52/colours.csv}.
 */
final class TestTiles {
  static final int LEVEL = 13;
  static final int ROW = 2860;
  static final int COL = 1310;
  static final Envelope TILE = TileEnvelope.of(LEVEL, ROW, COL);
  static final double SIZE = TILE.getWidth();

  static final PaletteColour DEPMS = new PaletteColour("#b3daff", "#2b3747", "#0b1017");
  static final PaletteColour CSTLN = new PaletteColour("#636363", "#898989", "#313131");
  static final PaletteColour SNDG2 = new PaletteColour("#000000", "#b3b3b3", "#474747");
  static final PaletteColour CHBLK = new PaletteColour("#000000", "#898989", "#313131");

  private final List<TileFeature> features = new ArrayList<>();

  /** Easting of a fraction of the tile's width. */
  static double x(double fraction) {
    return TILE.getMinX() + fraction * SIZE;
  }

  /** Northing of a fraction of the tile's height. */
  static double y(double fraction) {
    return TILE.getMinY() + fraction * SIZE;
  }

  /** A depth area over the whole tile and its buffer: two triangles, {@code AC(DEPMS)}. */
  TestTiles depthArea() {
    double b = SIZE / 64;
    String wkt = String.format(java.util.Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))",
        x(0) - b, y(0) - b, x(1) + b, y(0) - b, x(1) + b, y(1) + b, x(0) - b, y(1) + b, x(0) - b, y(0) - b);
    TileFeature area = feature("DEPARE", 3, wkt, 1, List.of("AC(DEPMS)"), Map.of("DEPMS", DEPMS));
    // Relative to the south-west corner, the buffer included: the triangles reach outside the tile too.
    area.setTriangles(new Triangles(List.of(-b, -b, SIZE + b, -b, SIZE + b, SIZE + b, -b, SIZE + b), List.of(0, 1, 2, 0, 2, 3)));
    area.setDisplayPoint(new DisplayPoint(x(0.5), y(0.5)));
    features.add(area);
    return this;
  }

  /** A coastline from west to east at {@code fraction} of the height, reaching into the buffers. */
  TestTiles coastline(double fraction) {
    double b = SIZE / 64;
    String wkt = String.format(java.util.Locale.ROOT, "LINESTRING (%f %f, %f %f)", x(0) - b, y(fraction), x(1) + b, y(fraction));
    features.add(feature("COALNE", 2, wkt, 5, List.of("LS(SOLD,1,CSTLN)"), Map.of("CSTLN", CSTLN)));
    return this;
  }

  /** A green conical lateral buoy, {@code SY(BOYLAT13)} of the simplified table, at a fraction of the tile. */
  TestTiles buoy(double fx, double fy) {
    TileFeature buoy = feature("BOYLAT", 1, point(x(fx), y(fy), Double.NaN), 8, List.of("SY(BOYLAT13)"), Map.of());
    buoy.setAttributes(Map.of("COLOUR", new io.chartstream.schema.avro.StringList(List.of("4"))));
    buoy.setDisplayPoint(new DisplayPoint(x(fx), y(fy)));
    features.add(buoy);
    return this;
  }

  /** A sounding of {@code depth} metres (its Z) at a fraction of the tile, shallow as SOUNDG03 marks it. */
  TestTiles sounding(double fx, double fy, double depth) {
    TileFeature sounding = feature("SOUNDG", 1, point(x(fx), y(fy), depth), 6, List.of("SY(SOUNDS14)", "SY(SOUNDS55)"),
        Map.of("SNDG2", SNDG2));
    sounding.setDisplayPoint(new DisplayPoint(x(fx), y(fy)));
    features.add(sounding);
    return this;
  }

  /** Any feature, for odd cases. */
  TestTiles add(TileFeature feature) {
    features.add(feature);
    return this;
  }

  /** The tile holding the features added so far. */
  RclTile tile() {
    return TileFeatures.tile(LEVEL, ROW, COL, 1, "test", List.of(), List.copyOf(features), TileGrid.worldMercator());
  }

  static TileFeature feature(String objectClass, int primitive, String wkt, int priority, List<String> instructions,
                             Map<String, PaletteColour> colours) {
    return TileFeature.newBuilder().setChartId("US5TEST1").setRevision("1:0:20240101:20240101").setFeatureIndex(0)
        .setLnam("0000000000000000").setObjectClass(objectClass).setObjectClassCode(0).setPrimitive(primitive)
        .setAttributes(Map.of()).setGeometry(ByteBuffer.wrap(wkb(wkt)))
        .setStyle(S52Style.newBuilder().setLookup("test").setFallback(false).setDisplayPriority(priority)
            .setDisplayCategory("STANDARD").setViewingGroup(0).setRadarOverlay(false)
            .setInstructions(instructions).setColours(new LinkedHashMap<>(colours)).build())
        .build();
  }

  static String point(double x, double y, double z) {
    return Double.isNaN(z)
        ? String.format(java.util.Locale.ROOT, "POINT (%f %f)", x, y)
        : String.format(java.util.Locale.ROOT, "POINT Z (%f %f %f)", x, y, z);
  }

  static byte[] wkb(String wkt) {
    try {
      Geometry g = new WKTReader().read(wkt);
      return new WKBWriter(Double.isNaN(g.getCoordinate().getZ()) ? 2 : 3, ByteOrderValues.LITTLE_ENDIAN).write(g);
    } catch (ParseException e) {
      throw new IllegalArgumentException(wkt, e);
    }
  }
}
