package io.chartstream.s52;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One S-52 colour token resolved in the three palettes (S-52 PresLib 4.0, Part I, colour tables),
 * each as sRGB {@code #rrggbb} (lower case).
 */
public record TokenColour(String day, String dusk, String night) {
  private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

  public TokenColour {
    day = hex(day, "day");
    dusk = hex(dusk, "dusk");
    night = hex(night, "night");
  }

  private static String hex(String value, String palette) {
    String lower = value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    if (lower == null || !HEX.matcher(lower).matches()) {
      throw new IllegalArgumentException(palette + " colour '" + value + "' is not #rrggbb");
    }
    return lower;
  }
}
