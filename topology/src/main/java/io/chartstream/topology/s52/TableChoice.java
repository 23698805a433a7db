package io.chartstream.topology.s52;

/**
 * The mariner's choice of lookup tables (S-52 PresLib 4.0 §8.3.3, look-up tables): how area
 * boundaries are drawn and which point symbols are used. Lines always use
 * {@link LookupTableName#LINES}.
 *
 * @param boundaries plain (simple lines) or symbolized (lines with symbols) area boundaries
 * @param points     simplified (ECDIS) or paper-chart point symbols
 */
public record TableChoice(Boundaries boundaries, Points points) {
  /** Area boundary style. */
  public enum Boundaries { PLAIN, SYMBOLIZED }

  /** Point symbol style. */
  public enum Points { SIMPLIFIED, PAPER_CHART }

  public TableChoice {
    if (boundaries == null || points == null) {
      throw new IllegalArgumentException("boundaries and points must be given");
    }
  }

  /** Symbolized boundaries and paper-chart symbols: the look closest to a paper chart. */
  public static TableChoice defaults() {
    return new TableChoice(Boundaries.SYMBOLIZED, Points.PAPER_CHART);
  }

  /**
   * The table for an S-57 spatial primitive (PRIM: 1 point, 2 line, 3 area); {@code null} for
   * anything else (255, no geometry: collection objects such as {@code C_AGGR}, which S-52 does
   * not draw).
   */
  public LookupTableName tableFor(int primitive) {
    return switch (primitive) {
      case 1 -> points == Points.SIMPLIFIED ? LookupTableName.SIMPLIFIED : LookupTableName.PAPER_CHART;
      case 2 -> LookupTableName.LINES;
      case 3 -> boundaries == Boundaries.PLAIN
          ? LookupTableName.PLAIN_BOUNDARIES
          : LookupTableName.SYMBOLIZED_BOUNDARIES;
      default -> null;
    };
  }
}
