package io.chartstream.dbv.render;

import io.chartstream.s52.TokenColour;
import io.chartstream.schema.avro.PaletteColour;

/**
 * The S-52 colour palettes a tile can be drawn in; each colour token of a style carries one
 * sRGB value per palette ({@link PaletteColour}).
 */
public enum Palette {
  /** Bright daylight: white water, black ink. */
  DAY,
  /** Twilight: dimmer, ink turned grey. */
  DUSK,
  /** Night: dark screen that keeps the bridge's night vision. */
  NIGHT;

  /** This palette's hex value of a library token. */
  public String pick(TokenColour colour) {
    return switch (this) {
      case DAY -> colour.day();
      case DUSK -> colour.dusk();
      case NIGHT -> colour.night();
    };
  }

  /** This palette's hex value of a token, e.g. {@code #b3daff}. */
  public String pick(PaletteColour colour) {
    return switch (this) {
      case DAY -> colour.getDay();
      case DUSK -> colour.getDusk();
      case NIGHT -> colour.getNight();
    };
  }
}
