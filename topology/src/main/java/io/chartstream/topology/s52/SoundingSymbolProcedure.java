package io.chartstream.topology.s52;

import io.chartstream.schema.avro.S57Feature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * S-52 CSP <b>SNDFRM04</b> (PresLib 4.0, CSP §13.2.16): a depth as the sounding symbols that
 * draw it, called by SOUNDG03, OBSTRN07 and WRECKS05.
 *
 * <p>Symbols are {@code SOUNDS}xy (a depth at or shallower than the safety depth, bold) or
 * {@code SOUNDG}xy (deeper, faint), where x is the digit's place in the label and y the digit:
 * <pre>
 *   depth            places                                  e.g.
 *   &lt; 10            1=units, 5=tenths                        4.5  → S14 S55
 *   &lt; 31 with tenths 2=tens, 1=units, 5=tenths                12.3 → G21 G12 G53
 *   &lt; 100           1=tens, 0=units                           45   → G14 G05
 *   &lt; 1000          2, 1, 0                                   123  → G21 G12 G03
 *   &lt; 10000         2, 1, 0, 4=last                           1234 → G21 G12 G03 G44
 *   else            3, 2, 1, 0, 4=last
 * </pre>
 * Tenths are truncated, never rounded; from 31 m, and from 10 m when whole, the depth is
 * truncated to metres. Below 10 m the tenths digit is always drawn, 0 included, as the CSP's
 * algorithm 1 says. Before the digits come the prefixes: {@code B1} (swept or found by a
 * diver: TECSOU 4 or 6), {@code C2} (low reliability: QUASOU 3, 4, 5, 8 or 9, STATUS 18, or an
 * unreliable QUAPOS), {@code A1} (a drying height: the depth is negative and its digits are
 * those of its magnitude).
 *
 * <p>Limit: QUAPOS is read from the feature, not its spatial record
 * ({@link QualityOfPositionProcedure}).
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see SoundingProcedure
 */
final class SoundingSymbolProcedure {
  private SoundingSymbolProcedure() {}

  /**
   * A depth split into the parts the label procedures draw: whole metres and the tenths digit
   * (both of the magnitude), whether there is any fraction, and the sign. Decimal arithmetic, so
   * 12.3 gives tenths 3 (binary 12.3 − 12 would truncate to 2).
   */
  record Digits(long whole, int tenths, boolean fractional, boolean negative) {
    static Digits of(double depth) {
      BigDecimal magnitude = BigDecimal.valueOf(depth).abs();
      BigDecimal whole = magnitude.setScale(0, RoundingMode.DOWN);
      int tenths = magnitude.subtract(whole).movePointRight(1).setScale(0, RoundingMode.DOWN).intValue();
      return new Digits(whole.longValueExact(), tenths, magnitude.compareTo(whole) != 0, depth < 0);
    }

    /** The decimal digits of the whole metres, most significant first. */
    String wholeDigits() {
      return Long.toString(whole);
    }
  }

  /** SNDFRM04(DEPTH_VALUE): the sounding's symbol instructions, prefixes first. */
  static List<String> instructions(double depth, S57Feature feature, MarinerSettings settings) {
    String prefix = depth <= settings.safetyDepth() ? "SOUNDS" : "SOUNDG";
    List<String> symbols = new ArrayList<>();
    if (ProcedureAttributes.includesAny(feature, "TECSOU", 4, 6)) {
      symbols.add(prefix + "B1");
    }
    boolean lowReliability = ProcedureAttributes.includesAny(feature, "QUASOU", 3, 4, 5, 8, 9)
        || ProcedureAttributes.includesAny(feature, "STATUS", 18)
        || QualityOfPositionProcedure.unreliable(feature);
    if (lowReliability) {
      symbols.add(prefix + "C2");
    }
    Digits digits = Digits.of(depth);
    if (digits.negative()) {
      symbols.add(prefix + "A1");
    }
    symbols.addAll(digitSymbols(prefix, digits));
    return symbols.stream().map(symbol -> "SY(" + symbol + ")").toList();
  }

  private static List<String> digitSymbols(String prefix, Digits digits) {
    String whole = digits.wholeDigits();
    List<String> symbols = new ArrayList<>();
    if (digits.whole() < 10) {
      symbols.add(prefix + "1" + whole);
      symbols.add(prefix + "5" + digits.tenths());
    } else if (digits.whole() < 31 && digits.fractional()) {
      symbols.add(prefix + "2" + whole.charAt(0));
      symbols.add(prefix + "1" + whole.charAt(1));
      symbols.add(prefix + "5" + digits.tenths());
    } else {
      // From here the CSP truncates the depth to whole metres.
      String places = switch (whole.length()) {
        case 2 -> "10";
        case 3 -> "210";
        case 4 -> "2104";
        default -> "32104";
      };
      for (int i = 0; i < places.length() && i < whole.length(); i++) {
        symbols.add(prefix + places.charAt(i) + whole.charAt(i));
      }
    }
    return symbols;
  }
}
