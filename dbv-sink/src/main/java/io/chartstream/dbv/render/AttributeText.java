package io.chartstream.dbv.render;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.StringList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of {@code TX} and {@code TE}: an attribute's value as a chart shows it, and the
 * C {@code printf} formats of {@code TE} ({@code %s}, {@code %d}, {@code %4.1lf}, …) filled with
 * attribute values. A missing attribute makes the whole text absent, as in the PresLib (a
 * {@code TE('by %s','VERCLR')} without VERCLR draws nothing).
 *
 * <p>Stateless ({@code @Immutable}).
 */
public final class AttributeText {
  private static final Pattern SPEC = Pattern.compile("%(-?\\d*)(?:\\.(\\d+))?l?([sdif%])");

  private AttributeText() {}

  /** {@code TX(ATTRIBUTE,…)}: the attribute's value, or empty. */
  public static Optional<String> text(Map<String, Object> attributes, String attribute) {
    return Optional.ofNullable(attribute).map(attributes::get).map(AttributeText::plain).filter(s -> !s.isBlank());
  }

  /** {@code TE(FORMAT,'ATTR1,ATTR2',…)}: the format with each specifier replaced, or empty. */
  public static Optional<String> format(Map<String, Object> attributes, String format, String attributeList) {
    if (format == null || attributeList == null) {
      return Optional.empty();
    }
    List<String> names = List.of(attributeList.split(","));
    Matcher matcher = SPEC.matcher(format);
    StringBuilder out = new StringBuilder();
    int next = 0;
    while (matcher.find()) {
      String replacement;
      if (matcher.group(3).equals("%")) {
        replacement = "%";
      } else {
        if (next >= names.size()) {
          return Optional.empty();
        }
        Object value = attributes.get(names.get(next++).strip());
        if (value == null) {
          return Optional.empty();
        }
        replacement = formatted(value, matcher.group(2), matcher.group(3));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    String text = out.toString().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static String formatted(Object value, String precision, String conversion) {
    if (value instanceof Number number && !conversion.equals("s")) {
      return switch (conversion) {
        case "d", "i" -> Long.toString(number.longValue());
        default -> String.format(java.util.Locale.ROOT, "%." + (precision == null ? "6" : precision) + "f", number.doubleValue());
      };
    }
    return plain(value);
  }

  /** A value as text: reals without trailing zeros, lists joined by commas. */
  static String plain(Object value) {
    return switch (value) {
      case null -> "";
      case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      case Float f -> BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
      case IntList list -> list.getValues().stream().map(String::valueOf).collect(Collectors.joining(","));
      case RealList list -> list.getValues().stream().map(AttributeText::plain).collect(Collectors.joining(","));
      case StringList list -> String.join(",", list.getValues());
      default -> value.toString();
    };
  }
}
