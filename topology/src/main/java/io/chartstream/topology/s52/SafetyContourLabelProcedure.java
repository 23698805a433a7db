package io.chartstream.topology.s52;

import java.util.List;

/**
 * S-52 CSP <b>SAFCON01</b> (PresLib 4.0, CSP §13.2.13): the label of a depth contour as
 * {@code SAFCON}xy symbols (x the digit's place, y the digit), drawn upright at the middle of the
 * contour; called by DEPCNT03 and DEPARE03.
 * <pre>
 *   depth             places               e.g.
 *   &lt; 10 with tenths  0=units, 6=tenths    3.6  → SAFCON03 SAFCON66
 *   &lt; 10              0                    5    → SAFCON05
 *   &lt; 31 with tenths  2, 1, 5=tenths       12.5 → SAFCON21 SAFCON12 SAFCON55
 *   &lt; 100             2=tens, 1=units      30   → SAFCON23 SAFCON10
 * </pre>
 * Tenths are truncated, never rounded. A depth below 0 or above 99999 m has no label.
 *
 * <p>Limit: labels of 100 m and deeper are manufacturer-optional and need the symbols
 * {@code SAFCON70}–{@code SAFCON99}, which the PresLib 4.0 symbol library does not hold (it
 * stops at {@code SAFCON69}); such contours get no label.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see DepthContourProcedure
 */
final class SafetyContourLabelProcedure {
  private SafetyContourLabelProcedure() {}

  /** SAFCON01(DEPTH_VALUE): the label's symbol instructions; empty when it cannot be labelled. */
  static List<String> instructions(double depth) {
    if (depth < 0 || depth >= 100) {
      return List.of();
    }
    SoundingSymbolProcedure.Digits digits = SoundingSymbolProcedure.Digits.of(depth);
    String whole = digits.wholeDigits();
    List<String> symbols;
    if (digits.whole() < 10) {
      symbols = digits.fractional() ? List.of("0" + whole, "6" + digits.tenths()) : List.of("0" + whole);
    } else if (digits.whole() < 31 && digits.fractional()) {
      symbols = List.of("2" + whole.charAt(0), "1" + whole.charAt(1), "5" + digits.tenths());
    } else {
      symbols = List.of("2" + whole.charAt(0), "1" + whole.charAt(1));
    }
    return symbols.stream().map(place -> "SY(SAFCON" + place + ")").toList();
  }
}
