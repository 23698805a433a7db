package io.chartstream.ingest.connect;

import io.chartstream.ingest.s57.ChartContents;
import io.chartstream.ingest.s57.ChartVersionHeaders;
import io.chartstream.ingest.s57.DatasetIdentification;
import io.chartstream.ingest.s57.IngestProblem;
import io.chartstream.schema.ChartRevision;
import io.chartstream.schema.avro.ChartEnd;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.serde.AvroWireFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records of one chart version, in the order downstream relies on: the refined catalogue
 * entry, then {@code ChartStart}, every {@code S57Feature}, and {@code ChartEnd} with the feature
 * count and a SHA-256 over the features' Avro encodings (the bytes after the 5-byte wire
 * header), all keyed by chart id so they share one partition.
 */
final class ChartVersionRecords {
  private ChartVersionRecords() {}

  /**
   * The unit of {@code chart}. A feature whose record would exceed {@code maxRecordBytes} cannot be
   * written to Kafka (the worker's producer would fail the task): it is left out of the version,
   * which counts and hashes only the features it carries, and named in one {@code
   * feature_too_large} problem handed to {@code problems}.
   */
  static WorkUnit of(ChartContents chart, String catalogCrc, RecordEncoder encoder, Map<String, String> partition,
                     String previousDone, int maxRecordBytes, Consumer<IngestProblem> problems) {
    String chartId = chart.files().chartId();
    String fingerprint = chart.files().fingerprint();
    Map<String, String> inProgress = OffsetLedger.offset(previousDone);
    DatasetIdentification dsid = chart.dsid();

    List<SourceRecord> featureRecords = new ArrayList<>(chart.features().size());
    List<S57Feature> kept = new ArrayList<>(chart.features().size());
    List<String> oversize = new ArrayList<>();
    MessageDigest hash = sha256();
    for (S57Feature feature : chart.features()) {
      SourceRecord record = encoder.feature(chartId, feature, partition, inProgress);
      byte[] value = (byte[]) record.value();
      if (value.length > maxRecordBytes) {
        oversize.add(String.format(Locale.ROOT, "%s LNAM %s (index %d, %,d bytes)", feature.getObjectClass(), feature.getLnam(),
            feature.getIndex(), value.length));
        continue;
      }
      hash.update(value, AvroWireFormat.HEADER_SIZE, value.length - AvroWireFormat.HEADER_SIZE);
      featureRecords.add(record);
      kept.add(feature);
    }
    if (!oversize.isEmpty()) {
      problems.accept(new IngestProblem(chart.files().basePath(), chartId, "read", "feature_too_large",
          String.format(Locale.ROOT, "%d feature(s) too large for one record (limit %,d bytes) left out of version %s: %s",
              oversize.size(), maxRecordBytes, ChartRevision.key(dsid.version()),
              String.join("; ", oversize.subList(0, Math.min(10, oversize.size()))) + (oversize.size() > 10 ? "; …" : ""))));
      chart = new ChartContents(chart.files(), dsid, kept, chart.coverage(), chart.bbox(), chart.problems());
    }

    List<SourceRecord> records = new ArrayList<>(featureRecords.size() + 3);
    records.add(encoder.catalog(chartId, ChartVersionHeaders.catalogEntry(chart, catalogCrc), partition, inProgress));
    records.add(encoder.feature(chartId, ChartVersionHeaders.start(chart), partition, inProgress));
    records.addAll(featureRecords);
    records.add(encoder.feature(chartId, ChartEnd.newBuilder()
        .setChartId(chartId)
        .setVersion(dsid.version())
        .setFeatureCount(kept.size())
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
