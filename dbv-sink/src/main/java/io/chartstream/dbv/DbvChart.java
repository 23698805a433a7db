package io.chartstream.dbv;

import io.chartstream.schema.ChartRevision;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.ChartVersion;
import java.nio.ByteBuffer;

/**
 * One row of the {@code charts} table: a chart version as the catalogue last described it. A
 * chart known only from CATALOG.031 has no version yet: revision {@code ""}, null version fields.
 * The feature counts are null for such a chart, and in files written before they were added.
 */
public record DbvChart(
    String chartId,
    String revision,
    Integer edition,
    Integer updateNumber,
    String updateApplicationDate,
    String issueDate,
    Integer compilationScale,
    Integer usageBand,
    String source,
    String file,
    byte[] coverage,
    Integer featuresIn,
    Integer featuresWithGeometry) {

  /** The row for a catalogue entry. */
  public static DbvChart of(ChartCatalogEntry entry) {
    ChartVersion v = entry.getVersion();
    ByteBuffer cov = entry.getCoverage();
    byte[] coverage = null;
    if (cov != null) {
      ByteBuffer copy = cov.duplicate();
      coverage = new byte[copy.remaining()];
      copy.get(coverage);
    }
    return new DbvChart(entry.getChartId(), v == null ? "" : ChartRevision.key(v),
        v == null ? null : v.getEdition(), v == null ? null : v.getUpdateNumber(),
        v == null ? null : v.getUpdateApplicationDate(), v == null ? null : v.getIssueDate(),
        entry.getCompilationScale(), entry.getUsageBand(), entry.getSource().name(),
        entry.getFile(), coverage, entry.getFeaturesIn(), entry.getFeaturesWithGeometry());
  }
}
