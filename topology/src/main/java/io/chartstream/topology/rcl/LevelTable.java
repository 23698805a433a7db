package io.chartstream.topology.rcl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RCL level each chart is produced at.
 *
 * <p>First choice: the usage band, the navigational purpose written as the 3rd character of the
 * cell name ({@code US5MA12M} → band 5 → level 13). When that character is not a digit 1–6 (a
 * non-standard producer name), the compilation scale decides: the level of the largest
 * threshold the scale denominator reaches, else the fallback level.
 *
 * <p>Defaults ({@link #defaults()}, and the shipped {@code config/levels.properties}):
 * <pre>
 * band  1 overview → 6   2 general → 8   3 coastal → 10   4 approach → 12   5 harbour → 13   6 berthing → 14
 * scale ≥ 1,500,000 → 6   ≥ 350,000 → 8   ≥ 90,000 → 10   ≥ 22,000 → 12   ≥ 8,000 → 13   else 14
 * </pre>
 *
 * <p>Properties keys: {@code band.N=LEVEL} for N in 1..6 (each optional, default as above);
 * {@code scale.LEVEL=MIN_DENOMINATOR} and {@code scale.fallback=LEVEL}: when any {@code scale.*}
 * key is present the scale rule is exactly what the file says (a missing {@code scale.fallback}
 * then takes the default, 14), else it is the default rule. Unknown keys are errors, so a typo
 * cannot silently leave a default in place.
 *
 * <p>Work per record is bounded: one feature, or one catalogue entry's coverage, may reach at most
 * {@link #maxRcls(int)} tiles of its level ({@code rcls.max=N} for every level, default
 * {@value #DEFAULT_MAX_RCLS} = 128 × 128; {@code rcls.max.LEVEL=N} for one level). A cell of any
 * band lies within a few dozen tiles of its band's level, even at high latitudes where Mercator
 * stretches it, so the limit leaves two orders of magnitude of room while keeping what one record
 * can cost to about half a second of clipping; a record beyond it (a CATALOG.031 box covering the
 * world, a stray coordinate across an ocean) is a dead letter, not hours of work on one thread.
 *
 * <p>Immutable ({@code @Immutable}).
 *
 * @see RclGrid
 */
public final class LevelTable {
  private static final Pattern BAND = Pattern.compile("band\\.([1-6])");
  private static final Pattern SCALE = Pattern.compile("scale\\.([0-9]+)");
  private static final String SCALE_FALLBACK = "scale.fallback";
  private static final Pattern MAX_RCLS_LEVEL = Pattern.compile("rcls\\.max\\.([0-9]+)");
  private static final String MAX_RCLS = "rcls.max";
  /** Tiles one record may reach at its level unless configured: 128 × 128. */
  public static final int DEFAULT_MAX_RCLS = 128 * 128;

  private static final int[] DEFAULT_BANDS = {6, 8, 10, 12, 13, 14};
  private static final NavigableMap<Integer, Integer> DEFAULT_SCALES = new TreeMap<>(Map.of(
      1_500_000, 6, 350_000, 8, 90_000, 10, 22_000, 12, 8_000, 13));
  private static final int DEFAULT_FALLBACK = 14;

  private static final LevelTable DEFAULTS = new LevelTable(DEFAULT_BANDS, DEFAULT_SCALES, DEFAULT_FALLBACK,
      DEFAULT_MAX_RCLS, Map.of());

  /** Level of band 1..6 at index 0..5. */
  private final int[] bandLevels;
  /** Minimum scale denominator → level. */
  private final NavigableMap<Integer, Integer> scaleLevels;
  private final int fallbackLevel;
  private final int maxRcls;
  /** Level → tiles one record may reach there, where it differs from {@link #maxRcls}. */
  private final Map<Integer, Integer> maxRclsByLevel;

  private LevelTable(int[] bandLevels, NavigableMap<Integer, Integer> scaleLevels, int fallbackLevel, int maxRcls,
                     Map<Integer, Integer> maxRclsByLevel) {
    this.bandLevels = bandLevels.clone();
    this.scaleLevels = new TreeMap<>(scaleLevels);
    this.fallbackLevel = fallbackLevel;
    this.maxRcls = maxRcls;
    this.maxRclsByLevel = Map.copyOf(maxRclsByLevel);
  }

  /** The design's table: band 1..6 → 6, 8, 10, 12, 13, 14, and the matching scale thresholds. */
  public static LevelTable defaults() {
    return DEFAULTS;
  }

  /**
   * Reads a properties file (UTF-8) as {@link #fromProperties} does.
   *
   * @throws UncheckedIOException     when the file cannot be read
   * @throws IllegalArgumentException when it holds an unknown key or a bad value
   */
  public static LevelTable load(Path propertiesFile) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the level table " + propertiesFile, e);
    }
    try {
      return fromProperties(properties);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(propertiesFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * The table the keys describe (see the class comment); absent keys take the defaults.
   *
   * @throws IllegalArgumentException on an unknown key, a level outside 0..28, or a scale
   *                                  threshold that is not a positive integer
   */
  public static LevelTable fromProperties(Properties properties) {
    int[] bands = DEFAULT_BANDS.clone();
    NavigableMap<Integer, Integer> scales = new TreeMap<>();
    int fallback = DEFAULT_FALLBACK;
    boolean anyScale = false;
    int maxRcls = DEFAULT_MAX_RCLS;
    Map<Integer, Integer> maxRclsByLevel = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).strip();
      Matcher band = BAND.matcher(key);
      Matcher scale = SCALE.matcher(key);
      Matcher maxAtLevel = MAX_RCLS_LEVEL.matcher(key);
      if (key.equals(MAX_RCLS)) {
        maxRcls = positive(key, value);
      } else if (maxAtLevel.matches()) {
        maxRclsByLevel.put(level(key, maxAtLevel.group(1)), positive(key, value));
      } else if (band.matches()) {
        bands[Integer.parseInt(band.group(1)) - 1] = level(key, value);
      } else if (key.equals(SCALE_FALLBACK)) {
        fallback = level(key, value);
        anyScale = true;
      } else if (scale.matches()) {
        int level = level(key, key.substring("scale.".length()));
        Integer previous = scales.put(positive(key, value), level);
        if (previous != null) {
          throw new IllegalArgumentException(key + ": threshold " + value + " is given to levels " + previous + " and " + level);
        }
        anyScale = true;
      } else {
        throw new IllegalArgumentException("unknown level table key '" + key
            + "' (expected band.1..band.6, scale.LEVEL, scale.fallback, rcls.max, rcls.max.LEVEL)");
      }
    }
    return new LevelTable(bands, anyScale ? scales : DEFAULT_SCALES, fallback, maxRcls, maxRclsByLevel);
  }

  /** How many tiles of {@code level} one feature or one catalogue coverage may reach (see the class comment). */
  public int maxRcls(int level) {
    return maxRclsByLevel.getOrDefault(level, maxRcls);
  }

  /**
   * The level of chart {@code chartId}: from its usage band (3rd character of the cell name) when
   * that is a digit 1–6, else from {@code compilationScale} (the DSPM CSCL denominator).
   *
   * @throws IllegalArgumentException when the name has no band and the scale is not positive:
   *                                  nothing says what the chart is for
   */
  public int levelFor(String chartId, int compilationScale) {
    if (chartId != null && chartId.length() >= 3) {
      char band = chartId.charAt(2);
      if (band >= '1' && band <= '6') {
        return bandLevels[band - '1'];
      }
    }
    if (compilationScale <= 0) {
      throw new IllegalArgumentException(
          "chart " + chartId + " has no usage band in its name and no compilation scale (" + compilationScale + ")");
    }
    Map.Entry<Integer, Integer> threshold = scaleLevels.floorEntry(compilationScale);
    return threshold == null ? fallbackLevel : threshold.getValue();
  }

  /**
   * The level of usage band {@code band}.
   *
   * @throws IllegalArgumentException unless {@code band} is 1..6
   */
  public int levelForBand(int band) {
    if (band < 1 || band > 6) {
      throw new IllegalArgumentException("usage band " + band + " is outside 1..6");
    }
    return bandLevels[band - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LevelTable other && Arrays.equals(bandLevels, other.bandLevels)
        && scaleLevels.equals(other.scaleLevels) && fallbackLevel == other.fallbackLevel
        && maxRcls == other.maxRcls && maxRclsByLevel.equals(other.maxRclsByLevel);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * Arrays.hashCode(bandLevels) + scaleLevels.hashCode()) + fallbackLevel) + maxRcls;
  }

  @Override
  public String toString() {
    return "LevelTable[bands 1..6 → " + Arrays.toString(bandLevels) + ", scale ≥ denominator → level "
        + scaleLevels.descendingMap() + ", else " + fallbackLevel + "; at most " + maxRcls + " tiles per record"
        + (maxRclsByLevel.isEmpty() ? "" : ", by level " + maxRclsByLevel) + "]";
  }

  private static int level(String key, String value) {
    int level = integer(key, value);
    if (level < 0 || level > RclKey.MAX_LEVEL) {
      throw new IllegalArgumentException(key + ": level " + level + " is outside 0.." + RclKey.MAX_LEVEL);
    }
    return level;
  }

  private static int positive(String key, String value) {
    int threshold = integer(key, value.replace("_", ""));
    if (threshold <= 0) {
      throw new IllegalArgumentException(key + ": scale threshold " + value + " is not positive");
    }
    return threshold;
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not an integer", e);
    }
  }
}
