package io.chartstream.topology.rcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RclKeyTest {

  @ParameterizedTest(name = "{2}/{0}/{1}")
  @CsvSource({
      "0, 0, 0",
      "0, 0, 1", "1, 1, 1", "0, 1, 1",
      "3012, 2404, 13",
      "0, 268435455, 28", "268435455, 0, 28", "268435455, 268435455, 28", "0, 0, 28",
  })
  void roundTrip(int row, int col, int level) {
    RclKey key = RclKey.of(row, col, level);
    assertEquals(row, key.row());
    assertEquals(col, key.col());
    assertEquals(level, key.level());
    assertTrue(key.encoded() >= 0, "non-negative");
    assertEquals(key, RclKey.decode(key.encoded()));
    assertEquals(level + "/" + row + "/" + col, key.toString());
  }

  @Test
  void bitLayoutIsLevelRowCol() {
    assertEquals((13L << 56) | (3012L << 28) | 2404L, RclKey.of(3012, 2404, 13).encoded());
    RclKey max = RclKey.of((1 << 28) - 1, (1 << 28) - 1, 28);
    assertEquals(0x1CFF_FFFF_FFFF_FFFFL, max.encoded(), "the largest key uses bits 0-61 only");
    assertEquals(0L, RclKey.of(0, 0, 0).encoded());
  }

  @Test
  void encodedOrderIsLevelThenRowThenCol() {
    List<RclKey> keys = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      int level = random.nextInt(29);
      int side = 1 << level;
      keys.add(RclKey.of(random.nextInt(side), random.nextInt(side), level));
    }
    keys.add(RclKey.of(0, 0, 0));
    keys.add(RclKey.of((1 << 28) - 1, (1 << 28) - 1, 28));
    List<RclKey> byEncoded = new ArrayList<>(keys);
    byEncoded.sort((a, b) -> Long.compare(a.encoded(), b.encoded()));
    List<RclKey> byFields = new ArrayList<>(keys);
    byFields.sort((a, b) -> a.level() != b.level() ? Integer.compare(a.level(), b.level())
        : a.row() != b.row() ? Integer.compare(a.row(), b.row()) : Integer.compare(a.col(), b.col()));
    assertEquals(byFields, byEncoded);
    Collections.shuffle(keys, random);
    Collections.sort(keys);
    assertEquals(byFields, keys, "compareTo follows the encoding");
  }

  @Test
  void rowsSortBeforeColumnsWithinALevel() {
    assertTrue(RclKey.of(0, 7, 3).compareTo(RclKey.of(1, 0, 3)) < 0);
    assertTrue(RclKey.of(7, 7, 3).compareTo(RclKey.of(0, 0, 4)) < 0);
  }

  @ParameterizedTest(name = "{2}/{0}/{1}")
  @CsvSource({"0, 0, -1", "0, 0, 29", "-1, 0, 3", "0, -1, 3", "8, 0, 3", "0, 8, 3", "1, 0, 0", "0, 268435456, 28"})
  void invalidComponentsAreRejected(int row, int col, int level) {
    assertThrows(IllegalArgumentException.class, () -> RclKey.of(row, col, level));
  }

  @Test
  void invalidEncodingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> RclKey.decode(-1L), "negative");
    assertThrows(IllegalArgumentException.class, () -> RclKey.decode(1L << 62), "bit 62");
    assertThrows(IllegalArgumentException.class, () -> RclKey.decode(29L << 56), "level 29");
    assertThrows(IllegalArgumentException.class, () -> RclKey.decode((3L << 56) | 8), "col beyond level 3");
    assertThrows(IllegalArgumentException.class, () -> RclKey.decode((3L << 56) | (8L << 28)), "row beyond level 3");
  }

  @Test
  void canonicalConstructorRejectsAKeyThatDisagreesWithItsEncoding() {
    long encoded = RclKey.of(1, 2, 3).encoded();
    assertThrows(IllegalArgumentException.class, () -> new RclKey(encoded, 2, 1, 3));
    assertEquals(RclKey.of(1, 2, 3), new RclKey(encoded, 1, 2, 3));
  }
}
