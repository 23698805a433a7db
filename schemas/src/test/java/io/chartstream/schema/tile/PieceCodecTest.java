package io.chartstream.schema.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.SectionFeature;
import io.chartstream.schema.avro.TileGeometry;
import io.chartstream.schema.avro.Triangles;
import java.io.IOException;
import java.util.List;
import io.chartstream.schema.avro.TilePoint;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/**
 * Bodies through Avro's own reader (the schema, not our code, says what the bytes are): every
 * geometry type back as it went in, vertices within half a step, triangles as indices into the
 * piece's vertices, depths exact.
 */
class PieceCodecTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final TileGrid grid = TileGrid.worldMercator();
  /** A level-13 tile near Seattle and its south-west corner in metres. */
  private final TileFrame frame = grid.frame(13, 2900, 1300);
  private final double x0 = grid.x(frame.originX());
  private final double y0 = grid.y(frame.originY());

  @ParameterizedTest
  @ValueSource(strings = {
      "POINT (100 200)",
      "LINESTRING (0 0, 10 5, 4000 4000, -30 10)",
      "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))",
      "MULTIPOINT ((1 1), (2 2), (3000 -40))",
      "MULTILINESTRING ((0 0, 1 1), (5 5, 6 6, 7 9))",
      "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 0)), ((20 20, 30 20, 30 30, 20 20), (22 21, 28 21, 28 27, 22 21)))",
      "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 3 3), POLYGON ((0 0, 4 0, 4 4, 0 0)))"})
  void everyGeometryTypeComesBackWithinHalfAStep(String wkt) throws Exception {
    Geometry input = shifted(wkt, 0.3333);
    Geometry output = roundTrip(input, null, null).geometry;
    assertEquals(input.getGeometryType(), output.getGeometryType());
    assertEquals(input.getNumPoints(), output.getNumPoints(), "closing vertices restored");
    Coordinate[] in = input.getCoordinates();
    Coordinate[] out = output.getCoordinates();
    for (int i = 0; i < in.length; i++) {
      assertTrue(Math.abs(in[i].x - out[i].x) <= grid.step() / 2 + 1e-9 && Math.abs(in[i].y - out[i].y) <= grid.step() / 2 + 1e-9,
          in[i] + " came back as " + out[i]);
    }
    // Already on the grid: the same coordinates exactly, and the same bytes again.
    Decoded again = roundTrip(output, null, null);
    assertTrue(output.equalsExact(again.geometry, 0.0), output + " vs " + again.geometry);
  }

  @Test
  void soundingsKeepTheirDepthExactly() throws Exception {
    Geometry sounding = FACTORY.createPoint(new Coordinate(x0 + 55.5, y0 + 66.6, 12.3456789012345));
    Decoded d = roundTrip(sounding, null, null);
    assertEquals(12.3456789012345, d.geometry.getCoordinate().getZ(), 0.0);
    Geometry flat = FACTORY.createPoint(new Coordinate(x0 + 1, y0 + 1));
    assertTrue(Double.isNaN(roundTrip(flat, null, null).geometry.getCoordinate().getZ()));
  }

  @Test
  void vertexDeltasAreSmallVarints() throws Exception {
    // A line of 1,000 vertices 10 m apart: about 1,072 steps, two bytes each way.
    Coordinate[] line = new Coordinate[1000];
    for (int i = 0; i < line.length; i++) {
      line[i] = new Coordinate(x0 + 10.0 * i % 4000, y0 + 10.0 * (i / 400));
    }
    byte[] body = PieceCodec.body(FACTORY.createLineString(line), null, null, frame);
    assertTrue(body.length < 5 * line.length, body.length + " bytes for " + line.length + " vertices (WKB: 16 each)");
  }

  @Test
  void trianglesIndexThePiecesOwnVerticesAndAppendOnlyWhatTheyLack() throws Exception {
    Geometry square = shifted("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", 0);
    // Relative to the tile's south-west corner, as the triangulation stage gives them: two
    // triangles over the corners and one over a point that is no vertex of the square.
    Triangles triangles = new Triangles(List.of(0.0, 0.0, 100.0, 0.0, 100.0, 100.0, 0.0, 100.0, 50.0, 50.0),
        List.of(0, 1, 4, 1, 2, 4, 2, 3, 4, 3, 0, 4));
    Decoded d = roundTrip(square, triangles, new DisplayPoint(x0 + 50, y0 + 50));
    assertEquals(5, d.triangles.getVertices().size() / 2, "four corners and one extra vertex, nothing repeated");
    assertEquals(12, d.triangles.getIndices().size());
    for (int t = 0; t < 4; t++) {
      List<Integer> i = d.triangles.getIndices().subList(3 * t, 3 * t + 3);
      List<Double> v = d.triangles.getVertices();
      double area = ((v.get(2 * i.get(1)) - v.get(2 * i.get(0))) * (v.get(2 * i.get(2) + 1) - v.get(2 * i.get(0) + 1))
          - (v.get(2 * i.get(1) + 1) - v.get(2 * i.get(0) + 1)) * (v.get(2 * i.get(2)) - v.get(2 * i.get(0)))) / 2;
      assertTrue(area > 0, "counter-clockwise still");
    }
    assertEquals(d.geometry.getArea(), d.triangleArea(), 1e-9 * d.geometry.getArea(), "the triangles tile the decoded square");
    assertEquals(4, d.geometry.getNumPoints() - 1, "the extra vertex is not part of the geometry");
    assertEquals(x0 + 50, d.displayPoint.getX(), grid.step());
  }

  @Test
  void piecesWithoutTrianglesOrDisplayPointSayNull() throws Exception {
    Decoded d = roundTrip(shifted("LINESTRING (0 0, 1 1)", 0), null, null);
    assertNull(d.feature.getTriangles());
    assertNull(d.feature.getDisplayPoint());
    assertNotNull(d.feature.getGeometry());
  }

  /** The WKT in metres from the tile's south-west corner, plus {@code offset} (off the grid). */
  private Geometry shifted(String wkt, double offset) throws Exception {
    Geometry g = new WKTReader(FACTORY).read(wkt);
    g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
      c.x = x0 + c.x + offset;
      c.y = y0 + c.y + offset;
    });
    g.geometryChanged();
    return g;
  }

  private record Decoded(SectionFeature feature, Geometry geometry, Triangles triangles, DisplayPoint displayPoint) {
    double triangleArea() {
      List<Double> v = triangles.getVertices();
      List<Integer> i = triangles.getIndices();
      double sum = 0;
      for (int t = 0; t < i.size(); t += 3) {
        int a = 2 * i.get(t);
        int b = 2 * i.get(t + 1);
        int c = 2 * i.get(t + 2);
        sum += (v.get(b) - v.get(a)) * (v.get(c + 1) - v.get(a + 1)) - (v.get(b + 1) - v.get(a + 1)) * (v.get(c) - v.get(a));
      }
      return sum / 2;
    }
  }

  /** Encodes a body, reads it with Avro's reader as the fields of a SectionFeature from geometry on, decodes it. */
  @SuppressWarnings("unchecked")
  private Decoded roundTrip(Geometry geometry, Triangles triangles, DisplayPoint point) throws IOException {
    byte[] body = PieceCodec.body(geometry, triangles, point, frame);
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(body, null);
    TileGeometry encoded = new SpecificDatumReader<TileGeometry>(TileGeometry.SCHEMA$).read(null, decoder);
    List<Integer> tris = (List<Integer>) new SpecificDatumReader<Object>(SectionFeature.SCHEMA$.getField("triangles").schema())
        .read(null, decoder);
    TilePoint display = (TilePoint) new SpecificDatumReader<Object>(SectionFeature.SCHEMA$.getField("displayPoint").schema())
        .read(null, decoder);
    assertTrue(decoder.isEnd(), "nothing after the display point");
    SectionFeature feature = SectionFeature.newBuilder().setLnam("L").setObjectClass(0).setPrimitive(1)
        .setAttributes(List.of()).setStyle(-1).setGeometry(encoded).setTriangles(tris).setDisplayPoint(display).build();
    return new Decoded(feature, PieceCodec.geometry(encoded, frame, FACTORY),
        tris == null ? null : PieceCodec.triangles(tris, encoded, frame),
        display == null ? null : PieceCodec.displayPoint(display, frame));
  }

}
