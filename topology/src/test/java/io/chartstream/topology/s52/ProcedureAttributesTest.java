package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.StringList;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link ProcedureAttributes}, and holds the feature builders the other procedure tests
 * share (static imports), so every test builds features the way the ingest does.
 */
class ProcedureAttributesTest {
  static final int POINT = 1;
  static final int LINE = 2;
  static final int AREA = 3;

  /** A feature of a class and primitive with attributes given as acronym, value pairs. */
  static S57Feature feature(String objectClass, int primitive, Object... attributes) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < attributes.length; i += 2) {
      map.put((String) attributes[i], attributes[i + 1]);
    }
    return S57Feature.newBuilder()
        .setChartId("AA5C1ABC").setRevision("1:0:20260101:20260101").setIndex(0)
        .setObjectClass(objectClass).setObjectClassCode(0).setPrimitive(primitive)
        .setRcid(1).setGroup(2).setRecordVersion(1).setAgency(550).setFidn(1).setFids(1)
        .setLnam("0226000000010001").setAttributes(map)
        .build();
  }

  /** The same feature with a geometry. */
  static S57Feature withGeometry(S57Feature feature, byte[] wkb) {
    return S57Feature.newBuilder(feature).setGeometry(ByteBuffer.wrap(wkb)).build();
  }

  /** A list attribute as GDAL gives it: a StringList of numeric strings, e.g. COLOUR ["3","1"]. */
  static StringList codes(int... values) {
    return new StringList(Arrays.stream(values).mapToObj(Integer::toString).toList());
  }

  /** ISO WKB (little endian) of a POINT Z, as GDAL writes a split sounding. */
  static byte[] pointZ(double x, double y, double z) {
    return ByteBuffer.allocate(29).order(ByteOrder.LITTLE_ENDIAN)
        .put((byte) 1).putInt(1001).putDouble(x).putDouble(y).putDouble(z).array();
  }

  /** ISO WKB (little endian) of a MULTIPOINT Z. */
  static byte[] multiPointZ(double[]... points) {
    ByteBuffer buffer = ByteBuffer.allocate(9 + 29 * points.length).order(ByteOrder.LITTLE_ENDIAN)
        .put((byte) 1).putInt(1004).putInt(points.length);
    for (double[] p : points) {
      buffer.put(pointZ(p[0], p[1], p[2]));
    }
    return buffer.array();
  }

  /** Mariner settings: safety contour and safety depth, four shades, no shallow pattern, shallow 2 m, deep 30 m. */
  static MarinerSettings safety(double safetyContour, double safetyDepth) {
    return new MarinerSettings(safetyContour, 2.0, 30.0, safetyDepth, false, false);
  }

  @Test
  void readsEveryBranchTheIngestMayUse() {
    S57Feature f = feature("LIGHTS", POINT,
        "COLOUR", codes(3, 1), "CATLIT", new IntList(List.of(1L, 16L)), "SECTR1", 45.0, "WATLEV", 3L,
        "VALNMR", "12.5", "HEIGHTS", new RealList(List.of(2.5, 3.0)), "OBJNAM", "Sand Point", "RESTRN", "7,8");
    assertEquals(List.of(3, 1), ProcedureAttributes.list(f, "COLOUR"));
    assertEquals(List.of(1, 16), ProcedureAttributes.list(f, "CATLIT"));
    assertEquals(List.of(7, 8), ProcedureAttributes.list(f, "RESTRN"), "comma-separated text");
    assertEquals(Optional.of(45.0), ProcedureAttributes.real(f, "SECTR1"));
    assertEquals(Optional.of(12.5), ProcedureAttributes.real(f, "VALNMR"), "numeric text");
    assertEquals(Optional.of(2.5), ProcedureAttributes.real(f, "HEIGHTS"), "first of a real list");
    assertEquals(Optional.of(3), ProcedureAttributes.integer(f, "WATLEV"));
    assertEquals(Optional.of(3), ProcedureAttributes.integer(f, "COLOUR"), "first of a list");
    assertEquals(Optional.of("Sand Point"), ProcedureAttributes.text(f, "OBJNAM"));
    assertEquals(Optional.of("3,1"), ProcedureAttributes.text(f, "COLOUR"));
  }

  @Test
  void absentNullBlankAndUnreadableAreNotGiven() {
    S57Feature f = feature("DEPARE", AREA, "DRVAL1", null, "DRVAL2", " ", "VALSOU", "deep", "COLOUR", codes());
    for (String acronym : List.of("DRVAL1", "DRVAL2", "VALSOU", "COLOUR", "CATLIT")) {
      assertEquals(Optional.empty(), ProcedureAttributes.real(f, acronym), acronym);
      assertEquals(List.of(), ProcedureAttributes.list(f, acronym), acronym);
    }
    assertEquals(Optional.empty(), ProcedureAttributes.text(f, "DRVAL1"));
    assertEquals(Optional.empty(), ProcedureAttributes.text(f, "DRVAL2"), "blank");
    assertEquals(Optional.of("deep"), ProcedureAttributes.text(f, "VALSOU"), "text that is no number is still text");
  }

  @Test
  void includesAnyTestsListMembership() {
    S57Feature f = feature("RESARE", AREA, "RESTRN", codes(1, 14));
    assertTrue(ProcedureAttributes.includesAny(f, "RESTRN", 7, 8, 14));
    assertFalse(ProcedureAttributes.includesAny(f, "RESTRN", 3, 4));
    assertFalse(ProcedureAttributes.includesAny(f, "CATREA", 1));
  }

  @Test
  void fractionalValuesAreNoCodes() {
    S57Feature f = feature("LIGHTS", POINT, "COLOUR", new RealList(List.of(3.0, 1.5)));
    assertEquals(List.of(3), ProcedureAttributes.list(f, "COLOUR"));
  }
}
