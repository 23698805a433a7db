package io.chartstream.ingest.connect;

import io.chartstream.ingest.s57.ChartContents;
import io.chartstream.ingest.s57.ChartVersionHeaders;
import io.chartstream.ingest.s57.DatasetIdentification;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.serde.AvroWireFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records of one chart version, in the order downstream relies on: the refined catalogue
 * entry, then {@code ChartStart}, every {@code S57Feature}, and {@code ChartEnd} with the feature
 * count and a SHA-256 over the features' Avro encodings (the bytes after the 5-byte wire
 * header), all keyed by chart id so they share one partition.
 */
final class ChartVersionRecords {
  private ChartVersionRecords() {}

  static WorkUnit of(ChartContents chart, String catalogCrc, RecordEncoder encoder, Map<String, String> partition,
                     String previousDone) {
    String chartId = chart.files().chartId();
    String fingerprint = chart.files().fingerprint();
    Map<String, String> inProgress = OffsetLedger.offset(previousDone);
    DatasetIdentification dsid = chart.dsid();

    List<SourceRecord> records = new ArrayList<>(chart.features().size() + 3);
    records.add(encoder.catalog(chartId, ChartVersionHeaders.catalogEntry(chart, catalogCrc), partition, inProgress));
    records.add(encoder.feature(chartId, ChartVersionHeaders.start(chart), partition, inProgress));
    MessageDigest hash = sha256();
    for (S57Feature feature : chart.features()) {
      SourceRecord record = encoder.feature(chartId, feature, partition, inProgress);
      byte[] value = (byte[]) record.value();
      hash.update(value, AvroWireFormat.HEADER_SIZE, value.length - AvroWireFormat.HEADER_SIZE);
      records.add(record);
    }
    records.add(encoder.feature(chartId, ChartEnd.newBuilder()
        .setChartId(chartId)
        .setVersion(dsid.version())
        .setFeatureCount(chart.features().size())
        .setContentHash(HexFormat.of().formatHex(hash.digest()))
        .build(), partition, OffsetLedger.offset(fingerprint)));
    return new WorkUnit(partition, fingerprint, records);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
