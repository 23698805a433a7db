package io.chartstream.schema.serde;

import io.chartstream.schema.avro.BoundingBox;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.ChartStart;
import io.chartstream.schema.avro.ChartVersion;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.StringList;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** One record of each generated type, with every optional field and union branch filled. */
final class Samples {
  /** The value schema of {@code s57.features}. */
  static final Schema FEATURES = Schema.createUnion(ChartStart.SCHEMA$, S57Feature.SCHEMA$, ChartEnd.SCHEMA$);
  static final String NON_ASCII = "Île d'Oléron 東京";

  private Samples() {}

  static ChartVersion version() {
    return new ChartVersion(3, 2, "20240115", "20231201");
  }

  static ChartStart chartStart() {
    return ChartStart.newBuilder()
        .setChartId("FR501234").setVersion(version()).setFile("ENC_ROOT/FR501234/FR501234.000")
        .setUpdateFiles(List.of("FR501234.001", "FR501234.002"))
        .setAgency(250).setCompilationScale(22000).setIntendedUsage(5).setDatasetName(NON_ASCII)
        .setDsid(Map.of("DSID_EDTN", "3", "DSID_COMT", NON_ASCII))
        .build();
  }

  /** A feature whose attributes hold every branch of the attribute union. */
  static S57Feature feature() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("NOBJNM", NON_ASCII);
    attributes.put("DRVAL1", 5.5d);
    attributes.put("CATLIT", 4L);
    attributes.put("COLOUR", new IntList(List.of(3L, 1L)));
    attributes.put("SIGPER", new RealList(List.of(2.5d, -0.0d, Double.MAX_VALUE)));
    attributes.put("NINFOM", new StringList(List.of(NON_ASCII, "", "plain")));
    attributes.put("SCAMIN", null);
    return S57Feature.newBuilder()
        .setChartId("FR501234").setRevision("3:2:20240115:20231201").setIndex(17)
        .setObjectClass("DEPARE").setObjectClassCode(42).setPrimitive(3)
        .setRcid(123456789012L).setGroup(1).setRecordVersion(2).setAgency(250)
        .setFidn(987654321L).setFids(1).setLnam("00FA3ADE68B10001")
        .setLnamRefs(List.of("00FA3ADE68B10002")).setLnamRelations(List.of(2L))
        .setAttributes(attributes)
        .setGeometry(ByteBuffer.wrap(new byte[] {1, 3, 0, 0, 0, (byte) 0xff}))
        .build();
  }

  static ChartEnd chartEnd() {
    return new ChartEnd("FR501234", version(), 1, "ab".repeat(32));
  }

  static ChartCatalogEntry catalogEntry() {
    return ChartCatalogEntry.newBuilder()
        .setChartId("FR501234").setSource(CatalogSource.CELL).setFile("ENC_ROOT/FR501234/FR501234.000")
        .setUpdateFiles(List.of("FR501234.001")).setVersion(version())
        .setCompilationScale(22000).setUsageBand(5).setProducer("FR").setAgency(250)
        .setBbox(new BoundingBox(45.8, -1.5, 46.1, -1.2))
        .setCoverage(ByteBuffer.wrap(new byte[] {1, 6, 0, 0, 0}))
        .setCatalogCrc("0A1B2C3D")
        .build();
  }

  static IngestError ingestError() {
    return IngestError.newBuilder()
        .setFile("ENC_ROOT/XX/BROKEN.000").setChartId(null).setStage("open").setCode("not_iso8211")
        .setReason(NON_ASCII).setFirstBytes(ByteBuffer.wrap(new byte[] {0, 1, 2}))
        .setDetectedAt(Instant.ofEpochMilli(1_700_000_000_123L))
        .build();
  }
}
