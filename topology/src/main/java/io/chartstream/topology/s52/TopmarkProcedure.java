package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.util.List;
import java.util.Optional;

/**
 * S-52 CSP <b>TOPMAR01</b> (PresLib 4.0, CSP §13.2.19) for topmarks (TOPMAR), traditional
 * symbology only: the topmark symbol for its shape ({@code TOPSHP} 1–33), in the sloping variant
 * that sits on a floating platform (buoy, light float, light vessel, mooring buoy) or the upright
 * one for a rigid platform (beacon, pile, structure). Without TOPSHP: {@code SY(QUESMRK1)} (the
 * CSP's "QUESMRK1"; the symbol library's name).
 *
 * <p>Limit of a per-feature stage: the CSP finds the platform among the point objects at the
 * same position, which one feature does not show, and a topmark's attributes say nothing of its
 * platform (S-57 links master to slave, not back). The procedure therefore draws the rigid
 * variant, the CSP's own default ({@code FLOATING=FALSE}); on a buoy the symbol stands upright
 * instead of sloping. A stage that knows the platform can call {@link #symbol(int, boolean)}.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedures
 */
public final class TopmarkProcedure implements ConditionalProcedure {
  /** By TOPSHP − 1: {floating, rigid}. From the CSP's table. */
  private static final String[][] SYMBOLS = {
      {"TOPMAR02", "TOPMAR22"}, {"TOPMAR04", "TOPMAR24"}, {"TOPMAR10", "TOPMAR30"}, {"TOPMAR12", "TOPMAR32"},
      {"TOPMAR13", "TOPMAR33"}, {"TOPMAR14", "TOPMAR34"}, {"TOPMAR65", "TOPMAR85"}, {"TOPMAR17", "TOPMAR86"},
      {"TOPMAR16", "TOPMAR36"}, {"TOPMAR08", "TOPMAR28"}, {"TOPMAR07", "TOPMAR27"}, {"TOPMAR14", "TOPMAR14"},
      {"TOPMAR05", "TOPMAR25"}, {"TOPMAR06", "TOPMAR26"}, {"TMARDEF2", "TOPMAR88"}, {"TMARDEF2", "TOPMAR87"},
      {"TMARDEF2", "TMARDEF1"}, {"TOPMAR10", "TOPMAR30"}, {"TOPMAR13", "TOPMAR33"}, {"TOPMAR14", "TOPMAR34"},
      {"TOPMAR13", "TOPMAR33"}, {"TOPMAR14", "TOPMAR34"}, {"TOPMAR14", "TOPMAR34"}, {"TOPMAR02", "TOPMAR22"},
      {"TOPMAR04", "TOPMAR24"}, {"TOPMAR10", "TOPMAR30"}, {"TOPMAR17", "TOPMAR86"}, {"TOPMAR18", "TOPMAR89"},
      {"TOPMAR02", "TOPMAR22"}, {"TOPMAR17", "TOPMAR86"}, {"TOPMAR14", "TOPMAR14"}, {"TOPMAR10", "TOPMAR30"},
      {"TMARDEF2", "TMARDEF1"},
  };

  @Override
  public String name() {
    return "TOPMAR";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    Optional<Integer> topshp = ProcedureAttributes.integer(feature, "TOPSHP");
    String symbol = topshp.map(shape -> symbol(shape, false)).orElse("QUESMRK1");
    return List.of("SY(" + symbol + ")");
  }

  /** The topmark symbol for a shape on a floating or rigid platform; the defaults for an unknown shape. */
  public static String symbol(int topshp, boolean floating) {
    if (topshp < 1 || topshp > SYMBOLS.length) {
      return floating ? "TMARDEF2" : "TMARDEF1";
    }
    return SYMBOLS[topshp - 1][floating ? 0 : 1];
  }
}
