package io.chartstream.ingest.s57;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an S-57 ENC file, {@code CCPXXXXX.EEE} (S-57 Appendix B.1 §5.6): producer code
 * (2 characters), navigational purpose or usage band (1 digit), a producer's cell code, and an
 * extension that is {@code 000} for a base cell and the update number for updates.
 *
 * @param chartId      the 8-character cell name, upper case, e.g. {@code US5WA22M}
 * @param updateNumber 0 for a base cell, else the update number from the extension
 */
public record CellName(String chartId, int updateNumber) {
  private static final Pattern FILE = Pattern.compile("([A-Z0-9]{2}[0-9A-Z][A-Z0-9_]{1,5})\\.([0-9]{3})");

  /** The cell name of a file name such as {@code US5WA22M.001}, or empty if it is not one. */
  public static Optional<CellName> parse(String fileName) {
    Matcher m = FILE.matcher(fileName.toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new CellName(m.group(1), Integer.parseInt(m.group(2))));
  }

  public boolean isBaseCell() {
    return updateNumber == 0;
  }

  /** The producer code, e.g. {@code US}. */
  public String producer() {
    return chartId.substring(0, 2);
  }

  /** The usage band 1 (overview) to 6 (berthing) from the 3rd character, if it is one. */
  public Optional<Integer> usageBand() {
    char c = chartId.charAt(2);
    return c >= '1' && c <= '6' ? Optional.of(c - '0') : Optional.empty();
  }

  /** The file name of update {@code n} of this cell, e.g. {@code US5WA22M.003}. */
  public String fileName() {
    return String.format(Locale.ROOT, "%s.%03d", chartId, updateNumber);
  }
}
