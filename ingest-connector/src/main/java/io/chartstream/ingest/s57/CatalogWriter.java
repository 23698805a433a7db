package io.chartstream.ingest.s57;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Writes an exchange set's catalogue, {@code CATALOG.031}, as {@link CatalogReader} and NOAA's
 * catalogues have it: an ISO 8211 file whose DDR describes the record identifier {@code 0001}
 * ({@code I(5)}) and the catalogue directory field CATD, and one data record per file of the set,
 * the catalogue itself first. Entries stream to the output as they are added.
 */
public final class CatalogWriter implements Closeable {
  /** The catalogue's own file name, and its own first entry. */
  public static final String FILE_NAME = "CATALOG.031";
  /** {@code 0001} is five decimal digits: the record identifiers 0 to 99,999. */
  public static final int MAX_RECORDS = 100_000;
  private static final String CATD_SUBFIELDS = "RCNM!RCID!FILE!LFIL!VOLM!IMPL!SLAT!WLON!NLAT!ELON!CRCS!COMT";
  private static final String CATD_FORMATS = "(A(2),I(10),3A,A(3),4R,2A)";

  private final OutputStream out;
  private final String volume;
  private int records;

  /**
   * Starts the catalogue on {@code out} with its DDR and its own entry (IMPL {@code ASC}); the
   * stream is closed with the writer.
   *
   * @param volume VOLM of every entry, e.g. {@code V01X01}
   */
  public CatalogWriter(OutputStream out, String volume) throws IOException {
    this.out = out;
    this.volume = volume;
    out.write(Iso8211Writer.descriptiveRecord(List.of(
        Iso8211Writer.fileControl("", "0001CATD"),
        Iso8211Writer.description("0001", "0100;&   ", "ISO/IEC 8211 Record Identifier", "", "(I(5))"),
        Iso8211Writer.description("CATD", "1600;&   ", "Catalogue Directory Field", CATD_SUBFIELDS, CATD_FORMATS))));
    add(new CatalogEntry(FILE_NAME, "", volume, "ASC", null, null, null, null, "", ""));
  }

  /**
   * Adds one file of the set. Its VOLM is the writer's; a null coordinate is written empty.
   *
   * @throws IllegalArgumentException if a text holds an ISO 8211 terminator, IMPL is not three
   *     characters, or the catalogue already has {@value #MAX_RECORDS} records
   */
  public void add(CatalogEntry entry) throws IOException {
    if (records >= MAX_RECORDS) {
      throw new IllegalArgumentException("a CATALOG.031 holds at most " + MAX_RECORDS + " entries (its record "
          + "identifier has five digits): split the exchange set");
    }
    if (entry.implementation().length() != 3) {
      throw new IllegalArgumentException("IMPL is three characters (BIN, ASC, TXT…), not '" + entry.implementation() + "'");
    }
    ByteArrayOutputStream catd = new ByteArrayOutputStream();
    write(catd, "CD" + String.format(Locale.ROOT, "%010d", records + 1));
    for (String text : new String[] {entry.file(), entry.longFile(), volume}) {
      variable(catd, text);
    }
    write(catd, entry.implementation());
    for (Double coordinate : new Double[] {entry.southLatitude(), entry.westLongitude(), entry.northLatitude(),
        entry.eastLongitude()}) {
      variable(catd, coordinate == null ? "" : decimal(coordinate));
    }
    variable(catd, entry.crc());
    variable(catd, entry.comment());
    catd.write(Iso8211Reader.FIELD_TERMINATOR);
    out.write(Iso8211Writer.dataRecord(List.of(
        new Iso8211Writer.FieldData("0001", Iso8211Writer.text(String.format(Locale.ROOT, "%05d", records))),
        new Iso8211Writer.FieldData("CATD", catd.toByteArray()))));
    records++;
  }

  /** The CRC-32 as CRCS holds it: eight upper-case hex digits. */
  public static String crcText(long crc32) {
    return String.format(Locale.ROOT, "%08X", crc32);
  }

  /** Decimal degrees in the fewest digits that give back the same double: no exponent, no trailing zeros. */
  static String decimal(double degrees) {
    return BigDecimal.valueOf(degrees).stripTrailingZeros().toPlainString();
  }

  private static void variable(ByteArrayOutputStream field, String text) {
    write(field, text);
    field.write(Iso8211Writer.UNIT_TERMINATOR);
  }

  private static void write(ByteArrayOutputStream field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == Iso8211Writer.UNIT_TERMINATOR || c == Iso8211Reader.FIELD_TERMINATOR) {
        throw new IllegalArgumentException("catalogue text holds an ISO 8211 terminator: " + text.replace(c, '?'));
      }
    }
    field.writeBytes(text.getBytes(ISO_8859_1));
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
