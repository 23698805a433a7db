package io.chartstream.topology.s52;

/**
 * The five S-52 lookup tables (S-52 PresLib 4.0 §8.3.3, look-up tables): one for lines, two for
 * points (simplified or paper-chart symbols) and two for areas (plain or symbolized boundaries).
 * The PresLib's TNAM field spells them as these constants do.
 */
public enum LookupTableName {
  PLAIN_BOUNDARIES('A'),
  SYMBOLIZED_BOUNDARIES('A'),
  SIMPLIFIED('P'),
  PAPER_CHART('P'),
  LINES('L');

  private final char primitive;

  LookupTableName(char primitive) {
    this.primitive = primitive;
  }

  /** The PresLib's FTYP letter of the objects this table styles: {@code P}, {@code L} or {@code A}. */
  public char primitive() {
    return primitive;
  }
}
