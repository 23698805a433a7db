package io.chartstream.topology.s52;

import io.chartstream.schema.avro.IntList;
import io.chartstream.schema.avro.RealList;
import io.chartstream.schema.avro.StringList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attribute condition of an S-52 lookup entry (S-52 PresLib 4.0 §8.3.3, look-up tables: the ATTC field):
 * a six-letter attribute acronym followed by a value, e.g. {@code BOYSHP2}, {@code COLOUR3,4,3}.
 *
 * <ul>
 *   <li>empty value ({@code ORIENT}): the attribute is present, whatever its value;</li>
 *   <li>{@code ?} ({@code DRVAL1?}): the attribute is absent or its value unknown (null);</li>
 *   <li>otherwise the value must equal the feature's: numbers as numbers ({@code 2} equals
 *       {@code 2.0}), lists element by element in order ({@code COLOUR3,4,3} matches the list
 *       3, 4, 3 only, not 4, 3, 3 nor 3, 4).</li>
 * </ul>
 *
 * <p>Values are parsed once, so matching allocates nothing. Immutable ({@code @Immutable}).
 */
public final class AttributeCondition {
  private static final double EPSILON = 1e-9;

  private final String acronym;
  private final String value;
  private final String[] parts;
  /** The parts as numbers, or null when one of them is not a number. */
  private final double[] numbers;

  public AttributeCondition(String acronym, String value) {
    if (acronym == null || acronym.isBlank() || value == null) {
      throw new IllegalArgumentException("an attribute condition needs an acronym and a value (may be empty)");
    }
    this.acronym = acronym;
    this.value = value;
    this.parts = value.split(",", -1);
    this.numbers = numbers(parts);
  }

  /**
   * Parses the PresLib form: the first six characters are the acronym, the rest the value.
   *
   * @throws IllegalArgumentException when the text is shorter than six characters
   */
  public static AttributeCondition parse(String text) {
    if (text.length() < 6 || text.substring(0, 6).isBlank()) {
      throw new IllegalArgumentException("attribute condition '" + text + "' is not a 6-letter acronym and a value");
    }
    return new AttributeCondition(text.substring(0, 6), text.substring(6));
  }

  public String acronym() {
    return acronym;
  }

  /** The value as written: empty for "present", {@code ?} for "absent or unknown". */
  public String value() {
    return value;
  }

  /** Whether {@code attributes} (an S-57 feature's, by acronym) satisfy this condition. */
  public boolean matches(Map<String, Object> attributes) {
    Object actual = attributes.get(acronym);
    if (value.isEmpty()) {
      return actual != null;
    }
    if (value.equals("?")) {
      return actual == null;
    }
    return switch (actual) {
      case null -> false;
      case Long l -> parts.length == 1 && numbers != null && same(numbers[0], l);
      case Double d -> parts.length == 1 && numbers != null && same(numbers[0], d);
      case IntList list -> sameNumbers(list.getValues());
      case RealList list -> sameNumbers(list.getValues());
      case StringList list -> sameTexts(list.getValues());
      default -> parts.length == 1 && sameText(0, String.valueOf(actual));
    };
  }

  private boolean sameNumbers(List<? extends Number> values) {
    if (numbers == null || values.size() != numbers.length) {
      return false;
    }
    for (int i = 0; i < numbers.length; i++) {
      if (!same(numbers[i], values.get(i).doubleValue())) {
        return false;
      }
    }
    return true;
  }

  private boolean sameTexts(List<String> values) {
    if (values.size() != parts.length) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!sameText(i, values.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Text equal, or both numbers and equal: GDAL gives some enumerations as text ("03"). */
  private boolean sameText(int index, String actual) {
    String trimmed = actual.trim();
    if (trimmed.equals(parts[index])) {
      return true;
    }
    if (numbers == null) {
      return false;
    }
    try {
      return same(numbers[index], Double.parseDouble(trimmed));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean same(double expected, double actual) {
    return Math.abs(expected - actual) <= EPSILON * Math.max(1, Math.abs(expected));
  }

  private static double[] numbers(String[] parts) {
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeCondition other && acronym.equals(other.acronym) && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(acronym, value);
  }

  /** The PresLib form, e.g. {@code COLOUR3,4,3}. */
  @Override
  public String toString() {
    return acronym + value;
  }
}
