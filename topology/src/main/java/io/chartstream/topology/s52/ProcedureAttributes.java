package io.chartstream.topology.s52;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.StringList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of the S-57 attributes the conditional procedures test, whatever union branch the
 * ingest chose for them.
 *
 * <p>GDAL gives enumerated attributes (WATLEV, CATOBS, …) as {@code Long}, reals (DRVAL1,
 * VALSOU, …) as {@code Double}, and list attributes (COLOUR, CATLIT, STATUS, RESTRN, …) as a
 * {@link StringList} of numeric strings such as {@code ["3","1"]}; other encoders may use
 * {@link IntList}, {@link RealList} or comma-separated text. Each read accepts all of them, so a
 * procedure never depends on the branch. An attribute that is absent, null or blank is "not
 * given" in the CSP's sense ({@code Has value(…)?} is false); a value that does not parse is
 * treated the same way, because the CSPs are written to fail safe on unknown values.
 *
 * <p>Stateless ({@code @Immutable}).
 *
 * @see ConditionalProcedure
 */
final class ProcedureAttributes {
  private ProcedureAttributes() {}

  /** A real value (the first, for a list), e.g. {@code real(feature, "DRVAL1")}. */
  static Optional<Double> real(S57Feature feature, String acronym) {
    List<Double> values = reals(feature, acronym);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  /** An integer value (the first, for a list), e.g. {@code integer(feature, "WATLEV")}. */
  static Optional<Integer> integer(S57Feature feature, String acronym) {
    List<Integer> values = list(feature, acronym);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  /** Every integer of a list attribute in encoded order, e.g. {@code list(feature, "COLOUR")} → [3, 1]; empty when not given. */
  static List<Integer> list(S57Feature feature, String acronym) {
    List<Integer> integers = new ArrayList<>();
    for (Double value : reals(feature, acronym)) {
      // Enumerations are whole numbers; a fractional value is not a code and is skipped.
      if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
        integers.add(value.intValue());
      }
    }
    return List.copyOf(integers);
  }

  /** Text as encoded (a list joined with commas, as S-57 writes it); empty when absent or blank. */
  static Optional<String> text(S57Feature feature, String acronym) {
    Object value = raw(feature, acronym);
    String text = switch (value) {
      case null -> null;
      case StringList strings -> String.join(",", strings.getValues());
      case IntList ints -> String.join(",", ints.getValues().stream().map(String::valueOf).toList());
      case RealList reals -> String.join(",", reals.getValues().stream().map(String::valueOf).toList());
      default -> String.valueOf(value);
    };
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  /** Whether the attribute is given and any of its values is one of {@code codes} (the CSPs' "includes"). */
  static boolean includesAny(S57Feature feature, String acronym, int... codes) {
    List<Integer> values = list(feature, acronym);
    return Arrays.stream(codes).anyMatch(values::contains);
  }

  private static List<Double> reals(S57Feature feature, String acronym) {
    Object value = raw(feature, acronym);
    List<Double> reals = new ArrayList<>();
    switch (value) {
      case null -> { }
      case Long l -> reals.add(l.doubleValue());
      case Integer i -> reals.add(i.doubleValue());
      case Double d -> addFinite(reals, d);
      case Float f -> addFinite(reals, f.doubleValue());
      case IntList ints -> ints.getValues().forEach(v -> reals.add(v.doubleValue()));
      case RealList list -> list.getValues().forEach(v -> addFinite(reals, v));
      case StringList strings -> strings.getValues().forEach(s -> parse(reals, s));
      case CharSequence text -> {
        for (String part : text.toString().split(",")) {
          parse(reals, part);
        }
      }
      default -> { }
    }
    return reals;
  }

  private static Object raw(S57Feature feature, String acronym) {
    var attributes = feature.getAttributes();
    return attributes == null ? null : attributes.get(acronym);
  }

  private static void parse(List<Double> into, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    try {
      addFinite(into, Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      // Not a number: the CSPs treat an unreadable value as not given.
    }
  }

  private static void addFinite(List<Double> into, Double value) {
    if (value != null && Double.isFinite(value)) {
      into.add(value);
    }
  }
}
