package io.chartstream.topology.streams;

import io.chartstream.schema.ChartRevision;
import io.chartstream.schema.avro.BoundingBox;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.ChartVersion;
import io.chartstream.schema.avro.S57Feature;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** Builds the records of one synthetic chart version: ChartStart, features from WKT (lon/lat), ChartEnd. */
final class ChartFixture {
  private final String chartId;
  private final ChartVersion version;
  private final List<S57Feature> features = new ArrayList<>();

  ChartFixture(String chartId, int edition, int update) {
    this.chartId = chartId;
    this.version = new ChartVersion(edition, update, "2026010" + Math.min(update, 9), "20260101");
  }

  String revision() {
    return ChartRevision.key(version);
  }

  ChartFixture feature(String objectClass, String wkt) {
    return feature(objectClass, wkt, Map.of());
  }

  ChartFixture feature(String objectClass, String wkt, Map<String, Object> attributes) {
    return named(String.format("0226%08X0001", 1000 + features.size()), objectClass, wkt, attributes);
  }

  /** A feature with the LNAM given: the same feature in another version, or one of several sharing an LNAM (split soundings). */
  ChartFixture named(String lnam, String objectClass, String wkt, Map<String, Object> attributes) {
    int primitive = wkt.startsWith("POINT") || wkt.startsWith("MULTIPOINT") ? 1 : wkt.contains("POLYGON") ? 3 : 2;
    features.add(S57Feature.newBuilder()
        .setChartId(chartId).setRevision(revision()).setIndex(features.size())
        .setObjectClass(objectClass).setObjectClassCode(objectClass.hashCode() & 0xff).setPrimitive(primitive)
        .setRcid(features.size() + 1).setGroup(2).setRecordVersion(1).setAgency(550)
        .setFidn(1000 + features.size()).setFids(1).setLnam(lnam)
        .setAttributes(new LinkedHashMap<>(attributes))
        .setGeometry(ByteBuffer.wrap(wkb(wkt)))
        .build());
    return this;
  }

  /** ChartStart, every feature, ChartEnd, as the ingest connector sends them. */
  List<Object> records() {
    List<Object> records = new ArrayList<>();
    records.add(ChartStart.newBuilder().setChartId(chartId).setVersion(version).setFile(chartId + "/" + chartId + ".000")
        .setAgency(550).setCompilationScale(15000).setIntendedUsage(5).setDatasetName(chartId + ".000").setDsid(Map.of()).build());
    records.addAll(features);
    records.add(ChartEnd.newBuilder().setChartId(chartId).setVersion(version).setFeatureCount(features.size()).setContentHash("x").build());
    return records;
  }

  /** The catalogue entry a cell read gives: coverage from WKT (lon/lat). */
  ChartCatalogEntry catalogEntry(String coverageWkt) {
    return ChartCatalogEntry.newBuilder().setChartId(chartId).setSource(CatalogSource.CELL).setFile(chartId + ".000")
        .setVersion(version).setCompilationScale(15000).setUsageBand(5).setProducer(chartId.substring(0, 2))
        .setCoverage(ByteBuffer.wrap(wkb(coverageWkt))).build();
  }

  /** The catalogue entry of an exchange set: a box only. */
  static ChartCatalogEntry exchangeSetEntry(String chartId, double south, double west, double north, double east) {
    return ChartCatalogEntry.newBuilder().setChartId(chartId).setSource(CatalogSource.EXCHANGE_SET).setFile(chartId + ".000")
        .setProducer(chartId.substring(0, 2)).setUsageBand(chartId.charAt(2) - '0')
        .setBbox(new BoundingBox(south, west, north, east)).build();
  }

  static byte[] wkb(String wkt) {
    try {
      Geometry g = new WKTReader().read(wkt);
      return new WKBWriter(Double.isNaN(g.getCoordinate().getZ()) ? 2 : 3, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN).write(g);
    } catch (ParseException e) {
      throw new IllegalArgumentException(wkt, e);
    }
  }

  /** A small square (side {@code d} degrees) around lon/lat, as WKT. */
  static String square(double lon, double lat, double d) {
    double h = d / 2;
    return String.format(java.util.Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))",
        lon - h, lat - h, lon + h, lat - h, lon + h, lat + h, lon - h, lat + h, lon - h, lat - h);
  }
}
