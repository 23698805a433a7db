package io.chartstream.dbv.render;

import io.chartstream.s52.ColourTokens;
import io.chartstream.schema.avro.PaletteColour;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import java.awt.Color;
import io.chartstream.schema.tile.TileFeatures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Colour tokens resolved for one palette. A tile record carries colours only inside its features'
 * styles, and a style names only the tokens its own {@code AC}/{@code LS}/{@code TX}/{@code TE}
 * use, so a renderer that needs another token (the {@code NODTA} background, the colours of a
 * symbol, line style or pattern) looks it up in every style of the tiles: the book; and, for a
 * token no style of the tiles names, in the symbol library's own colour tokens. A feature's own
 * token wins over the book's, the book's over the library's (they agree when the tiles were
 * styled with the library's presentation).
 *
 * <p>Immutable after construction ({@code @Immutable}).
 */
public final class ColourBook {
  private final Palette palette;
  private final Map<String, PaletteColour> tokens;
  private final ColourTokens library;

  private ColourBook(Palette palette, Map<String, PaletteColour> tokens, ColourTokens library) {
    this.palette = palette;
    this.tokens = Map.copyOf(tokens);
    this.library = library;
  }

  /** Every token of every feature's style in {@code tiles}; the first seen wins; no library tokens. */
  public static ColourBook of(List<RclTile> tiles, Palette palette) {
    return of(tiles, palette, new ColourTokens("none", Map.of()));
  }

  /** Every token of every feature's style in {@code tiles} (the first seen wins), then {@code library}'s. */
  public static ColourBook of(List<RclTile> tiles, Palette palette, ColourTokens library) {
    List<TileFeature> features = new ArrayList<>();
    tiles.forEach(tile -> features.addAll(TileFeatures.of(tile)));
    return ofFeatures(features, palette, library);
  }

  /** Every token of every style of {@code features} (the first seen wins), then {@code library}'s. */
  public static ColourBook ofFeatures(Collection<TileFeature> features, Palette palette, ColourTokens library) {
    Map<String, PaletteColour> tokens = new HashMap<>();
    for (TileFeature feature : features) {
      if (feature.getStyle() != null && feature.getStyle().getColours() != null) {
        feature.getStyle().getColours().forEach(tokens::putIfAbsent);
      }
    }
    return new ColourBook(palette, tokens, library);
  }

  /** The palette this book resolves for. */
  public Palette palette() {
    return palette;
  }

  /** A token as the feature's style gives it, else as any style of the tiles gives it. */
  public Optional<Color> colour(TileFeature feature, String token) {
    if (token == null) {
      return Optional.empty();
    }
    if (feature != null && feature.getStyle() != null && feature.getStyle().getColours() != null) {
      PaletteColour own = feature.getStyle().getColours().get(token);
      if (own != null) {
        return parse(palette.pick(own));
      }
    }
    return colour(token);
  }

  /** A token as any style of the tiles gives it, else as the library gives it. */
  public Optional<Color> colour(String token) {
    if (token == null) {
      return Optional.empty();
    }
    PaletteColour colour = tokens.get(token);
    if (colour != null) {
      return parse(palette.pick(colour));
    }
    return library.get(token).flatMap(c -> parse(palette.pick(c)));
  }

  /** The first of {@code candidates} the feature or the book knows, else {@code fallback}. */
  public Color firstOf(TileFeature feature, Color fallback, String... candidates) {
    for (String token : candidates) {
      Optional<Color> colour = colour(feature, token);
      if (colour.isPresent()) {
        return colour.get();
      }
    }
    return fallback;
  }

  /** {@code #rrggbb} (or {@code rrggbb}) as a colour; anything else is empty. */
  static Optional<Color> parse(String hex) {
    if (hex == null) {
      return Optional.empty();
    }
    String digits = hex.startsWith("#") ? hex.substring(1) : hex;
    if (digits.length() != 6) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Color(Integer.parseInt(digits, 16)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
