package io.chartstream.topology.s52;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.StringList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built S-57 features for the S-52 tests. */
final class StylingFeatures {
  static final int POINT = 1;
  static final int LINE = 2;
  static final int AREA = 3;

  private StylingFeatures() {}

  /**
   * A feature of {@code objectClass} and {@code primitive}; {@code attributes} alternate acronym
   * and value (Long, Double, String, or a String[] for a GDAL string list such as COLOUR).
   */
  static S57Feature feature(String objectClass, int primitive, Object... attributes) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < attributes.length; i += 2) {
      Object value = attributes[i + 1];
      map.put((String) attributes[i], switch (value) {
        case String[] list -> new StringList(Arrays.asList(list));
        case long[] list -> new IntList(Arrays.stream(list).boxed().toList());
        case Integer n -> n.longValue();
        default -> value;
      });
    }
    return S57Feature.newBuilder()
        .setChartId("AA5TEST1").setRevision("1:0:20240101:20240101").setIndex(7)
        .setObjectClass(objectClass).setObjectClassCode(0).setPrimitive(primitive)
        .setRcid(1).setGroup(2).setRecordVersion(1).setAgency(550).setFidn(1).setFids(1)
        .setLnam("0226000000010001").setLnamRefs(List.of()).setLnamRelations(List.of())
        .setAttributes(map)
        .build();
  }

  static String[] list(String... values) {
    return values;
  }
}
