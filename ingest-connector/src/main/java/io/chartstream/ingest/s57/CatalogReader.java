package io.chartstream.ingest.s57;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the catalogue of an S-57 exchange set, {@code CATALOG.031}: an ISO 8211 file whose data
 * records each hold one CATD (catalogue directory) field naming a file of the set, with its
 * bounding box and CRC. The exchange set's other files are found, and checked, through it.
 */
public final class CatalogReader {
  private static final Logger LOGGER = LoggerFactory.getLogger(CatalogReader.class);
  private static final String CATALOG_FIELD = "CATD";
  /** A plain decimal: {@link Double#parseDouble} alone would also take "NaN", "1e400" or "0x1p3". */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");

  private CatalogReader() {}

  /**
   * The entries of {@code catalog031} in file order. Records without a CATD field are skipped.
   *
   * @throws S57FormatException if the file cannot be read, is not ISO 8211, has no CATD field
   *     description ({@code not_a_catalog}), or a CATD record lacks its file name or has a
   *     coordinate that is not a latitude or longitude in decimal degrees
   */
  public static List<CatalogEntry> read(Path catalog031) throws S57FormatException {
    Iso8211Reader reader = Iso8211Reader.open(catalog031);
    if (!reader.fieldDefinitions().containsKey(CATALOG_FIELD)) {
      throw new S57FormatException(catalog031, "not_a_catalog", "the ISO 8211 file describes fields "
          + reader.fieldDefinitions().keySet() + " but no CATD, so it is not an exchange-set catalogue");
    }
    List<CatalogEntry> entries = new ArrayList<>();
    while (reader.hasNext()) {
      Iso8211Reader.DataRecord record = reader.next();
      Optional<Iso8211Reader.Field> catd = record.field(CATALOG_FIELD);
      if (catd.isPresent()) {
        entries.add(entry(catalog031, record.offset(), catd.get()));
      }
    }
    LOGGER.debug("{}: {} catalogue entries", catalog031, entries.size());
    return List.copyOf(entries);
  }

  private static CatalogEntry entry(Path catalog, long offset, Iso8211Reader.Field catd) throws S57FormatException {
    String file = text(catd, "FILE");
    if (file.isBlank()) {
      throw new S57FormatException(catalog, "bad_catalog_entry", "record at byte " + offset
          + ": CATD has no FILE, so the entry names no file of the exchange set");
    }
    return new CatalogEntry(
        file,
        text(catd, "LFIL"),
        text(catd, "VOLM"),
        text(catd, "IMPL"),
        degrees(catalog, offset, catd, "SLAT", 90),
        degrees(catalog, offset, catd, "WLON", 180),
        degrees(catalog, offset, catd, "NLAT", 90),
        degrees(catalog, offset, catd, "ELON", 180),
        text(catd, "CRCS"),
        text(catd, "COMT"));
  }

  private static String text(Iso8211Reader.Field catd, String subfield) {
    String value = catd.value(subfield);
    return value == null ? "" : value;
  }

  /** The coordinate in degrees, or null when empty; {@code limit} is 90 for latitudes, 180 for longitudes. */
  private static Double degrees(Path catalog, long offset, Iso8211Reader.Field catd, String subfield, double limit)
      throws S57FormatException {
    String written = text(catd, subfield).strip();
    if (written.isEmpty()) {
      return null;
    }
    double value = DECIMAL.matcher(written).matches() ? Double.parseDouble(written) : Double.NaN;
    if (!(Math.abs(value) <= limit)) {
      throw new S57FormatException(catalog, "bad_coordinate", "record at byte " + offset + ": CATD " + subfield
          + " is '" + written + "', not decimal degrees within ±" + (int) limit);
    }
    return value;
  }
}
