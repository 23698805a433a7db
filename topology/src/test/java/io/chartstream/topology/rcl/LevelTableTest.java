package io.chartstream.topology.rcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelTableTest {
  private final LevelTable defaults = LevelTable.defaults();

  @ParameterizedTest(name = "{0} 1:{1} → {2}")
  @CsvSource({
      // the band in the name decides, whatever the scale
      "US1BS01M, 3500000, 6", "US2EC02M, 1200000, 8", "US3EC08M, 80000, 10", "US4IL10M, 60000, 12",
      "US5MA12M, 25000, 13", "US6BOS1M, 5000, 14", "US5WA22M, 0, 13", "US1GC09M, 15000, 6",
      // no band digit 1-6 in the 3rd character: the compilation scale decides
      "XX0ABCDE, 3500000, 6", "XX0ABCDE, 1500000, 6", "XX7ABCDE, 1499999, 8", "XXAABCDE, 350000, 8",
      "XX9ABCDE, 349999, 10", "XX0ABCDE, 90000, 10", "XX0ABCDE, 89999, 12", "XX0ABCDE, 22000, 12",
      "XX0ABCDE, 21999, 13", "XX0ABCDE, 8000, 13", "XX0ABCDE, 7999, 14", "XX0ABCDE, 1, 14", "X, 50000, 12",
  })
  void defaultLevels(String chartId, int scale, int level) {
    assertEquals(level, defaults.levelFor(chartId, scale));
  }

  @Test
  void levelForBand() {
    int[] expected = {6, 8, 10, 12, 13, 14};
    for (int band = 1; band <= 6; band++) {
      assertEquals(expected[band - 1], defaults.levelForBand(band));
    }
    assertThrows(IllegalArgumentException.class, () -> defaults.levelForBand(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.levelForBand(7));
  }

  @Test
  void noBandAndNoScaleIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> defaults.levelFor("XX0ABCDE", 0));
    assertThrows(IllegalArgumentException.class, () -> defaults.levelFor(null, -1));
  }

  @Test
  void shippedConfigFileEqualsTheDefaults() {
    Path file = configDir().resolve("levels.properties");
    assertEquals(LevelTable.defaults(), LevelTable.load(file), "config/levels.properties drifted from LevelTable.defaults()");
  }

  @Test
  void tilesPerRecordAreBoundedEverywhereAndMayBeSetPerLevel() throws Exception {
    assertEquals(16_384, defaults.maxRcls(13));
    LevelTable table = LevelTable.fromProperties(properties("rcls.max=1000\nrcls.max.14=50\n"));
    assertEquals(1000, table.maxRcls(6));
    assertEquals(50, table.maxRcls(14));
    assertThrows(IllegalArgumentException.class, () -> LevelTable.fromProperties(properties("rcls.max=0\n")));
    assertThrows(IllegalArgumentException.class, () -> LevelTable.fromProperties(properties("rcls.max.40=10\n")));
    assertThrows(IllegalArgumentException.class, () -> LevelTable.fromProperties(properties("rcls.maximum=10\n")));
  }

  @Test
  void propertiesOverrideBandsAndScales() throws Exception {
    LevelTable table = LevelTable.fromProperties(properties("band.5=15\nscale.7=1000000\nscale.fallback=11\n"));
    assertEquals(15, table.levelFor("US5MA12M", 25000));
    assertEquals(6, table.levelFor("US1BS01M", 3500000), "other bands keep their defaults");
    assertEquals(7, table.levelFor("XX0ABCDE", 1000000));
    assertEquals(11, table.levelFor("XX0ABCDE", 999999), "only the file's scale rule applies");
    assertEquals(LevelTable.defaults(), LevelTable.fromProperties(new Properties()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "band.7=10", "band.1=29", "band.1=-1", "band.1=six", "scale.6=0", "scale.6=-5", "scale.30=1000",
      "scale.fallback=40", "bands.1=6", "scale.6=100\\nscale.8=100",
  })
  void badPropertiesAreRejected(String text) throws Exception {
    Properties p = properties(text.replace("\\n", "\n"));
    assertThrows(IllegalArgumentException.class, () -> LevelTable.fromProperties(p));
  }

  @Test
  void loadNamesTheFileInItsErrors() throws Exception {
    Path file = Files.createTempFile("levels", ".properties");
    try {
      Files.writeString(file, "band.9=3\n");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LevelTable.load(file));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    } finally {
      Files.delete(file);
    }
  }

  private static Properties properties(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  /** The repository's config/ folder: the first one with levels.properties up from the working dir. */
  private static Path configDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("config/levels.properties"))) {
        return dir.resolve("config");
      }
    }
    throw new AssertionError("no config/levels.properties above " + Path.of("").toAbsolutePath());
  }
}
