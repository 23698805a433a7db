package io.chartstream.dbv.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A sounding's depth as a chart prints it: metres with the tenths digit below 31 m (always below
 * 10 m, from 10 m only when there is a fraction), whole metres from 31 m; digits are truncated,
 * never rounded, so a depth is never shown deeper than measured (the rule of S-52 SNDFRM04).
 * A drying height (negative depth) is shown by its magnitude; the caller underlines it.
 *
 * <p>Stateless ({@code @Immutable}).
 */
public final class DepthText {
  /** From this depth on, only whole metres are shown. */
  static final double WHOLE_METRES_FROM = 31;

  private DepthText() {}

  /** {@code 4.5 → "4.5"}, {@code 4 → "4.0"}, {@code 12.37 → "12.3"}, {@code 12 → "12"}, {@code 45.8 → "45"}. */
  public static String format(double depth) {
    // Decimal arithmetic: binary 12.3 - 12 would truncate to 0.2.
    BigDecimal magnitude = BigDecimal.valueOf(depth).abs();
    BigDecimal whole = magnitude.setScale(0, RoundingMode.DOWN);
    boolean fractional = magnitude.compareTo(whole) != 0;
    if (magnitude.doubleValue() < 10 || (magnitude.doubleValue() < WHOLE_METRES_FROM && fractional)) {
      return magnitude.setScale(1, RoundingMode.DOWN).toPlainString();
    }
    return whole.toPlainString();
  }
}
