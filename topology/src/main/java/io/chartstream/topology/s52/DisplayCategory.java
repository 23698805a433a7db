package io.chartstream.topology.s52;

import java.util.Locale;

/**
 * The S-52 display category of a lookup entry (S-52 PresLib 4.0 §8.3.3, look-up tables: the DISC
 * field of a lookup record): which of the mariner's display selections shows the feature.
 */
public enum DisplayCategory {
  DISPLAYBASE, STANDARD, OTHER, MARINERS_STANDARD, MARINERS_OTHER;

  /**
   * The category as the PresLib writes it, e.g. {@code MARINERS STANDARD}; blank (entries that
   * draw nothing, such as {@code SLOGRD} areas) is {@link #OTHER}, the least shown category, so
   * an empty entry never claims a place in the display base.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static DisplayCategory parse(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    if (name.isEmpty()) {
      return OTHER;
    }
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown display category '" + text + "'", e);
    }
  }
}
