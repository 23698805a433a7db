package io.chartstream.ingest.gdal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * C strings and NULL-terminated string lists ({@code char **}, GDAL's CSL) across the FFM
 * boundary. GDAL hands out UTF-8 (national S-57 text is recoded from UCS-2 with
 * {@code RECODE_BY_DSSI=ON}); the memory read here stays owned by GDAL.
 */
final class CStrings {
  private CStrings() {}

  /** The NUL-terminated UTF-8 string at {@code pointer}, or null for a NULL pointer. */
  static String read(MemorySegment pointer) {
    if (pointer.equals(MemorySegment.NULL)) {
      return null;
    }
    return pointer.reinterpret(Long.MAX_VALUE).getString(0);
  }

  /** The strings of a NULL-terminated {@code char **}; an empty list for NULL. */
  static List<String> readList(MemorySegment list) {
    List<String> values = new ArrayList<>();
    if (list.equals(MemorySegment.NULL)) {
      return values;
    }
    MemorySegment array = list.reinterpret(Long.MAX_VALUE);
    for (long i = 0; ; i++) {
      MemorySegment item = array.getAtIndex(ValueLayout.ADDRESS, i);
      if (item.equals(MemorySegment.NULL)) {
        return values;
      }
      values.add(read(item));
    }
  }

  /** A NULL-terminated {@code char **} of {@code values}, living as long as {@code arena}. */
  static MemorySegment allocateList(Arena arena, List<String> values) {
    MemorySegment array = arena.allocate(ValueLayout.ADDRESS, values.size() + 1L);
    for (int i = 0; i < values.size(); i++) {
      array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(values.get(i)));
    }
    array.setAtIndex(ValueLayout.ADDRESS, values.size(), MemorySegment.NULL);
    return array;
  }

  /** A string that lives as long as the JVM, for constant arguments such as "--version". */
  static MemorySegment constant(String value) {
    return Arena.global().allocateFrom(value);
  }
}
