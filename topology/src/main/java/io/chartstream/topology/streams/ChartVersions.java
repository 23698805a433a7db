package io.chartstream.topology.streams;

import io.chartstream.schema.avro.ChartVersion;
import java.util.Comparator;

/**
 * The order of chart versions: edition, then update number, then issue date, then update
 * application date (dates are YYYYMMDD text, so text order is date order). An older version
 * arriving after a newer one never overwrites it.
 */
final class ChartVersions {
  static final Comparator<ChartVersion> ORDER = Comparator
      .comparingInt(ChartVersion::getEdition)
      .thenComparingInt(ChartVersion::getUpdateNumber)
      .thenComparing(ChartVersion::getIssueDate)
      .thenComparing(ChartVersion::getUpdateApplicationDate);

  private ChartVersions() {}

  static boolean isOlder(ChartVersion candidate, ChartVersion accepted) {
    return accepted != null && ORDER.compare(candidate, accepted) < 0;
  }
}
