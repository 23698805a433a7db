package io.chartstream.ingest.s57;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One file of an S-57 exchange set as its catalogue ({@code CATALOG.031}) lists it: a CATD
 * (catalogue directory) record. Text is kept as written; an absent text subfield is {@code ""}
 * (never null), an empty coordinate is null.
 *
 * @param file           FILE: the path inside the exchange set as written, usually with
 *                       {@code \} as separator, e.g. {@code US5HA57M\US5HA57M.000}
 * @param longFile       LFIL: a long name, often the chart title
 * @param volume         VOLM: the volume the file is on, e.g. {@code V01X01}
 * @param implementation IMPL: {@code BIN} for cells, {@code ASC} for the catalogue, {@code TXT}
 *                       for text files, …
 * @param southLatitude  SLAT, degrees, or null
 * @param westLongitude  WLON, degrees, or null
 * @param northLatitude  NLAT, degrees, or null
 * @param eastLongitude  ELON, degrees, or null
 * @param crc            CRCS: the file's CRC-32 in hex as written (see {@link #crcValue()})
 * @param comment        COMT
 */
public record CatalogEntry(
    String file,
    String longFile,
    String volume,
    String implementation,
    Double southLatitude,
    Double westLongitude,
    Double northLatitude,
    Double eastLongitude,
    String crc,
    String comment) {
  /** A cell is {@code .000}, an update {@code .001} to {@code .999}. */
  private static final Pattern CELL_EXTENSION = Pattern.compile(".*\\.[0-9]{3}");
  private static final Pattern CRC_HEX = Pattern.compile("[0-9A-Fa-f]{1,8}");

  public CatalogEntry {
    Objects.requireNonNull(file, "file");
    longFile = Objects.requireNonNullElse(longFile, "");
    volume = Objects.requireNonNullElse(volume, "");
    implementation = Objects.requireNonNullElse(implementation, "");
    crc = Objects.requireNonNullElse(crc, "");
    comment = Objects.requireNonNullElse(comment, "");
  }

  /** Whether this is a cell or a cell update: IMPL {@code BIN} and a {@code .NNN} extension. */
  public boolean isCell() {
    return implementation.strip().equals("BIN") && CELL_EXTENSION.matcher(fileName()).matches();
  }

  /** The last component of {@link #file()}, the separator being {@code \} or {@code /}. */
  public String fileName() {
    return file.substring(Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/')) + 1);
  }

  /**
   * The CRC-32 from CRCS as a number, or empty when CRCS is blank or not hex. Compare it as a
   * number with a computed CRC: NOAA writes some CRCs without leading zeros ({@code 560AAE2}).
   */
  public OptionalLong crcValue() {
    String hex = crc.strip();
    return CRC_HEX.matcher(hex).matches() ? OptionalLong.of(Long.parseLong(hex, 16)) : OptionalLong.empty();
  }

  /** Whether all four of SLAT, WLON, NLAT, ELON are given. */
  public boolean hasBoundingBox() {
    return southLatitude != null && westLongitude != null && northLatitude != null && eastLongitude != null;
  }
}
