package io.chartstream.topology.s52;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The mariner's settings that S-52 conditional symbology depends on (S-52 PresLib 4.0, §10.3 and
 * the CSP document). Depths in metres, positive down.
 *
 * @param safetyContour   the safety contour; depth areas and contours are shaded against it
 * @param shallowContour  the shallow contour (four-shade mode)
 * @param deepContour     the deep contour (four-shade mode)
 * @param safetyDepth     soundings shallower than this are drawn in the "shallow" colour
 * @param twoShades       two depth shades (true) or four (false)
 * @param shallowPattern  fill water shallower than the safety contour with the DIAMOND1 pattern
 */
public record MarinerSettings(double safetyContour, double shallowContour, double deepContour, double safetyDepth,
                              boolean twoShades, boolean shallowPattern) {
  /** The defaults of S-52 (PresLib 4.0 §10.3.4): safety contour and depth 30 m, shallow 2 m, deep 30 m, four shades. */
  public static MarinerSettings defaults() {
    return new MarinerSettings(30.0, 2.0, 30.0, 30.0, false, false);
  }

  /** Settings from a properties file such as {@code config/mariner.properties}; missing keys keep their default. */
  public static MarinerSettings load(Path file) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    MarinerSettings d = defaults();
    try {
      return new MarinerSettings(
          Double.parseDouble(p.getProperty("safetyContour", String.valueOf(d.safetyContour()))),
          Double.parseDouble(p.getProperty("shallowContour", String.valueOf(d.shallowContour()))),
          Double.parseDouble(p.getProperty("deepContour", String.valueOf(d.deepContour()))),
          Double.parseDouble(p.getProperty("safetyDepth", String.valueOf(d.safetyDepth()))),
          Boolean.parseBoolean(p.getProperty("twoShades", String.valueOf(d.twoShades()))),
          Boolean.parseBoolean(p.getProperty("shallowPattern", String.valueOf(d.shallowPattern()))));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
