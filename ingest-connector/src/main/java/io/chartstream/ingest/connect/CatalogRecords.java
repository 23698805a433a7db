package io.chartstream.ingest.connect;

import io.chartstream.ingest.s57.CatalogEntry;
import io.chartstream.ingest.s57.CellName;
import io.chartstream.schema.avro.BoundingBox;
import io.chartstream.schema.avro.CatalogSource;
import io.chartstream.schema.avro.ChartCatalogEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Catalogue entries from an exchange set's CATALOG.031, emitted before any of its cells is read
 * so the topology knows early which charts to expect where. They carry the bounding box only;
 * reading the cell refines the entry (version, scale, coverage).
 */
final class CatalogRecords {
  private CatalogRecords() {}

  /**
   * The unit for one catalogue, or empty when it lists no base cell for this task.
   *
   * @param catalogPath relative path of CATALOG.031 under the input root
   * @param wanted      chart ids this task emits an entry for (owned and not yet read)
   */
  static Optional<WorkUnit> of(String catalogPath, String stamp, List<CatalogEntry> entries, Predicate<String> wanted,
                               RecordEncoder encoder, String previousDone) {
    Map<String, String> partition = Map.of("catalog", catalogPath);
    String directory = catalogPath.contains("/") ? catalogPath.substring(0, catalogPath.lastIndexOf('/') + 1) : "";
    List<ChartCatalogEntry> cells = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      Optional<CellName> name = CellName.parse(entry.fileName());
      if (entry.isCell() && name.isPresent() && name.get().isBaseCell() && wanted.test(name.get().chartId())) {
        cells.add(ChartCatalogEntry.newBuilder()
            .setChartId(name.get().chartId())
            .setSource(CatalogSource.EXCHANGE_SET)
            .setFile(directory + entry.file().replace('\\', '/'))
            .setUsageBand(name.get().usageBand().orElse(null))
            .setProducer(name.get().producer())
            .setBbox(entry.hasBoundingBox() ? new BoundingBox(entry.southLatitude(), entry.westLongitude(),
                entry.northLatitude(), entry.eastLongitude()) : null)
            .setCatalogCrc(entry.crc())
            .setCatalogFile(catalogPath)
            .build());
      }
    }
    if (cells.isEmpty()) {
      return Optional.empty();
    }
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String offset = i == cells.size() - 1 ? stamp : previousDone;
      records.add(encoder.catalog(cells.get(i).getChartId(), cells.get(i), partition, OffsetLedger.offset(offset)));
    }
    return Optional.of(new WorkUnit(partition, stamp, records));
  }

  /** Absolute path of an entry's file: relative to the catalogue's directory. */
  static Path resolve(Path catalog, CatalogEntry entry) {
    return catalog.getParent().resolve(entry.file().replace('\\', '/')).normalize();
  }
}
