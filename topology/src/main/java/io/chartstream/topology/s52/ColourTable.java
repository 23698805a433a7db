package io.chartstream.topology.s52;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One S-52 colour table (S-52 PresLib 4.0, Part I, colour tables): every colour token of one palette, e.g.
 * {@code DEPVS}, as sRGB hex. From a {@code .dai} file the hex values are converted from CIE
 * (see {@link ColourConversion}); the built-in tables store them as hex.
 *
 * @param name    the table's name as its source gives it, e.g. {@code DAY} or {@code DAY_BRIGHT}
 * @param palette the palette the table belongs to
 * @param colours colour token → {@code #rrggbb}, in the source's order
 */
public record ColourTable(String name, Palette palette, Map<String, String> colours) {
  private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

  public ColourTable {
    if (name == null || palette == null) {
      throw new IllegalArgumentException("a colour table needs a name and a palette");
    }
    // Insertion order kept: the source's order, for files written from a table.
    colours = Collections.unmodifiableMap(new LinkedHashMap<>(colours));
    colours.forEach((token, hex) -> {
      if (!HEX.matcher(hex).matches()) {
        throw new IllegalArgumentException("colour " + token + " of table " + name + " is not #rrggbb: " + hex);
      }
    });
  }

  /** The hex value of {@code token}, if the table has it. */
  public Optional<String> hex(String token) {
    return Optional.ofNullable(colours.get(token));
  }
}
