package io.chartstream.schema;

import io.chartstream.schema.avro.ChartVersion;

/**
 * The revision key of a chart version, {@code EDTN:UPDN:UADT:ISDT}. GDAL reports the DSID of the
 * last applied update, so the edition alone does not tell versions apart; the update number and
 * both dates do.
 */
public final class ChartRevision {
  private ChartRevision() {}

  public static String key(ChartVersion version) {
    return version.getEdition() + ":" + version.getUpdateNumber() + ":"
        + version.getUpdateApplicationDate() + ":" + version.getIssueDate();
  }
}
