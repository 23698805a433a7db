package io.chartstream.ingest.gdal;

/** OGR's {@code OGRFieldType}, with the Java value type {@link OgrFeature#fields()} uses for each. */
enum OgrFieldType {
  INTEGER, INTEGER_LIST, REAL, REAL_LIST, STRING, STRING_LIST, WIDE_STRING, WIDE_STRING_LIST,
  BINARY, DATE, TIME, DATE_TIME, INTEGER64, INTEGER64_LIST;

  static OgrFieldType of(int code) {
    OgrFieldType[] all = values();
    return code >= 0 && code < all.length ? all[code] : STRING;
  }
}
