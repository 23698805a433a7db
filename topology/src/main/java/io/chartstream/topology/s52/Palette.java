package io.chartstream.topology.s52;

import java.util.Locale;

/**
 * The three S-52 colour schemes (S-52 PresLib 4.0, Part I, colour tables): day (bright ambient
 * light), dusk, night. Each {@link ColourTable} belongs to one of them; older
 * libraries split day into {@code DAY_BRIGHT}, {@code DAY_WHITEBACK} and {@code DAY_BLACKBACK},
 * which all belong to {@link #DAY}.
 */
public enum Palette {
  DAY, DUSK, NIGHT;

  /**
   * The palette a colour table name belongs to: the name itself ({@code DAY}) or the name with a
   * variant suffix ({@code DAY_BRIGHT}); {@code null} for a name that is none of these.
   */
  static Palette ofTableName(String tableName) {
    String upper = tableName.toUpperCase(Locale.ROOT);
    for (Palette palette : values()) {
      if (upper.equals(palette.name()) || upper.startsWith(palette.name() + "_")) {
        return palette;
      }
    }
    return null;
  }

  /**
   * How well a table name stands for this palette, lower is better: the bare name, then the
   * {@code _BRIGHT} variant (the day table of PresLib 3.x), then any other variant.
   */
  int preference(String tableName) {
    String upper = tableName.toUpperCase(Locale.ROOT);
    if (upper.equals(name())) {
      return 0;
    }
    return upper.equals(name() + "_BRIGHT") ? 1 : 2;
  }
}
