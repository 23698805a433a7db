package io.chartstream.ingest.s57;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.StringList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Converts OGR field values ({@link io.chartstream.ingest.gdal.OgrFeature#fields()}) to the
 * branches of the {@code S57Feature.attributes} union, and to text.
 */
final class AttributeValues {
  private AttributeValues() {}

  /** long, double and String stay as they are; lists become IntList, RealList, StringList. */
  static Object toAvro(Object value) {
    return switch (value) {
      case long[] ints -> new IntList(LongStream.of(ints).boxed().toList());
      case double[] reals -> new RealList(Arrays.stream(reals).boxed().toList());
      case List<?> strings -> new StringList(strings.stream().map(String::valueOf).toList());
      default -> value;
    };
  }

  /** Lists as comma-separated text, the way S-57 writes list attributes. */
  static String text(Object value) {
    return switch (value) {
      case long[] ints -> LongStream.of(ints).mapToObj(Long::toString).collect(Collectors.joining(","));
      case double[] reals -> Arrays.stream(reals).mapToObj(Double::toString).collect(Collectors.joining(","));
      case List<?> strings -> strings.stream().map(String::valueOf).collect(Collectors.joining(","));
      default -> String.valueOf(value);
    };
  }
}
