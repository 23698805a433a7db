package io.chartstream.ingest.s57;

import io.chartstream.ingest.gdal.OgrFeature;
import io.chartstream.schema.avro.ChartVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DSID and DSPM records of a cell as GDAL reports them after applying updates (so the update
 * number and dates are those of the last applied update).
 *
 * @param version          edition, update number, update application date, issue date
 * @param agency           DSID AGEN, the producing agency
 * @param compilationScale DSPM CSCL
 * @param intendedUsage    DSID INTU, the navigational purpose 1..6
 * @param datasetName      DSID DSNM
 * @param fields           every DSID_*, DSSI_* and DSPM_* field GDAL gave, as text
 */
public record DatasetIdentification(ChartVersion version, int agency, int compilationScale, int intendedUsage,
                                    String datasetName, Map<String, String> fields) {

  /** Reads the one feature of GDAL's DSID layer. */
  static DatasetIdentification of(OgrFeature dsid) {
    Map<String, String> text = new LinkedHashMap<>();
    dsid.fields().forEach((name, value) -> text.put(name, AttributeValues.text(value)));
    ChartVersion version = new ChartVersion(
        intOf(text, "DSID_EDTN"), intOf(text, "DSID_UPDN"),
        text.getOrDefault("DSID_UADT", ""), text.getOrDefault("DSID_ISDT", ""));
    return new DatasetIdentification(version, intOf(text, "DSID_AGEN"), intOf(text, "DSPM_CSCL"),
        intOf(text, "DSID_INTU"), text.getOrDefault("DSID_DSNM", ""), Map.copyOf(text));
  }

  private static int intOf(Map<String, String> text, String field) {
    String value = text.get(field);
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return (int) Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
