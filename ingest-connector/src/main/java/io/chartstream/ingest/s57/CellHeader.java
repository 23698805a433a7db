package io.chartstream.ingest.s57;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The DSID (data set identification) of an S-57 file as written in it, read without GDAL and
 * without reading the whole file: only the data descriptive record and the first data record,
 * which S-57 requires to hold the DSID. An update file says here which cell it updates
 * ({@code DSNM}, e.g. {@code US5WA22M.001}), for which edition ({@code EDTN}) and which update it
 * is ({@code UPDN}); GDAL 3.6 checks only the edition and the update number before applying it.
 *
 * @param datasetName DSNM as written, e.g. {@code US5WA22M.001}
 * @param edition     EDTN as written, stripped, e.g. {@code 40}; {@code 0} in an update cancels the cell
 * @param update      UPDN as written, stripped, e.g. {@code 1}
 */
public record CellHeader(String datasetName, String edition, String update) {
  /** Longest prefix read for the two records: a DSID record is a few hundred bytes. */
  private static final int MAX_HEADER_BYTES = 1 << 20;
  private static final int LENGTH_DIGITS = 5;

  /**
   * Reads the DSID of {@code file}.
   *
   * @throws S57FormatException when the file is not ISO 8211, ends early or its first data
   *                            record has no DSID field
   */
  public static CellHeader read(Path file) throws S57FormatException {
    byte[] prefix = headerBytes(file);
    Iso8211Reader reader = Iso8211Reader.fromBytes(file, prefix);
    if (!reader.hasNext()) {
      throw new S57FormatException(file, "no_dsid", "the file has no data record after its data descriptive record");
    }
    Iso8211Reader.Field dsid = reader.next().field("DSID").orElseThrow(() ->
        new S57FormatException(file, "no_dsid", "the first data record has no DSID field, which S-57 requires there"));
    return new CellHeader(text(dsid, "DSNM"), text(dsid, "EDTN"), text(dsid, "UPDN"));
  }

  /** The cell DSNM names, upper case without extension ({@code US5WA22M}), or empty when DSNM is blank. */
  public Optional<String> namedCell() {
    String name = datasetName.strip().toUpperCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    return stem.isEmpty() ? Optional.empty() : Optional.of(stem);
  }

  /** The update number DSNM's extension gives ({@code .003} → 3), or empty when it has none. */
  public Optional<Integer> namedUpdate() {
    return CellName.parse(datasetName.strip()).map(CellName::updateNumber);
  }

  /** UPDN as a number, or -1 when it is not one. */
  public int updateNumber() {
    return number(update);
  }

  /** EDTN as a number, or -1 when it is not one. */
  public int editionNumber() {
    return number(edition);
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String text(Iso8211Reader.Field field, String subfield) {
    String value = field.value(subfield);
    return value == null ? "" : value.strip();
  }

  /**
   * The bytes of the first two records: each record's length is the first five digits of its
   * leader. Whatever those digits say, no more than the file or {@link #MAX_HEADER_BYTES} is read;
   * the reader then reports what is wrong.
   */
  private static byte[] headerBytes(Path file) throws S57FormatException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = readUpTo(in, new byte[0], LENGTH_DIGITS);
      int descriptive = recordLength(bytes, 0);
      if (descriptive < LENGTH_DIGITS || descriptive > MAX_HEADER_BYTES) {
        return bytes; // not a length: the reader says so
      }
      bytes = readUpTo(in, bytes, descriptive + LENGTH_DIGITS);
      int first = recordLength(bytes, descriptive);
      if (first < LENGTH_DIGITS || (long) descriptive + first > MAX_HEADER_BYTES) {
        return bytes;
      }
      return readUpTo(in, bytes, descriptive + first);
    } catch (IOException e) {
      throw new S57FormatException(file, "unreadable_file", "cannot read the file: " + e, e);
    }
  }

  private static byte[] readUpTo(InputStream in, byte[] buffer, int length) throws IOException {
    if (buffer.length >= length) {
      return buffer;
    }
    byte[] more = in.readNBytes(length - buffer.length);
    byte[] joined = Arrays.copyOf(buffer, buffer.length + more.length);
    System.arraycopy(more, 0, joined, buffer.length, more.length);
    return joined;
  }

  /** The five-digit record length at {@code at}, or -1 when the bytes are missing or not digits. */
  private static int recordLength(byte[] bytes, int at) {
    if (bytes.length < at + LENGTH_DIGITS) {
      return -1;
    }
    int value = 0;
    for (int i = at; i < at + LENGTH_DIGITS; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return -1;
      }
      value = value * 10 + (bytes[i] - '0');
    }
    return value;
  }
}
