package io.chartstream.s52;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the vector commands of a PresLib definition, e.g.
 * {@code SPA;SW1;ST0;PU1157,1102;PM0;PD1157,663;PD724,1102;PM2;FP;}, into {@link VectorOp}s:
 * commands end with {@code ;}, each a two-letter mnemonic with its parameters glued on. Unknown
 * mnemonics and malformed parameters are an {@link IllegalArgumentException} naming the command,
 * so a library that uses something a renderer would not draw is rejected when it is read, not
 * drawn half.
 *
 * <p>Stateless ({@code @Immutable}).
 */
public final class VectorProgram {
  private VectorProgram() {}

  /** The commands of {@code vectors} in order. */
  public static List<VectorOp> parse(String vectors) {
    List<VectorOp> ops = new ArrayList<>();
    for (String command : vectors.split(";")) {
      String text = command.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (text.length() < 2) {
        throw new IllegalArgumentException("vector command '" + text + "' has no two-letter mnemonic");
      }
      String parameters = text.substring(2);
      try {
        ops.add(switch (text.substring(0, 2)) {
          case "SP" -> {
            if (parameters.length() != 1) {
              throw new IllegalArgumentException("a pen is one colour letter");
            }
            yield new VectorOp.Pen(parameters.charAt(0));
          }
          case "SW" -> new VectorOp.Width(nonNegative(parameters));
          case "ST" -> {
            int quarters = nonNegative(parameters);
            if (quarters > 4) {
              throw new IllegalArgumentException("transparency is 0 to 4 quarters");
            }
            yield new VectorOp.Transparency(quarters);
          }
          case "PU" -> new VectorOp.PenUp(points(parameters, false));
          case "PD" -> new VectorOp.PenDown(points(parameters, true));
          case "CI" -> new VectorOp.Circle(nonNegative(parameters));
          case "AA" -> arc(parameters);
          case "PM" -> {
            int mode = nonNegative(parameters);
            if (mode > 2) {
              throw new IllegalArgumentException("polygon mode is 0, 1 or 2");
            }
            yield new VectorOp.PolygonMode(mode);
          }
          case "FP" -> {
            empty(parameters);
            yield new VectorOp.FillPolygon();
          }
          case "EP" -> {
            empty(parameters);
            yield new VectorOp.EdgePolygon();
          }
          case "SC" -> symbolCall(parameters);
          default -> throw new IllegalArgumentException("unknown mnemonic");
        });
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("vector command '" + text + "': " + e.getMessage(), e);
      }
    }
    return ops;
  }

  /**
   * Coordinate pairs; an odd last number (the PresLib has {@code PU169,169,180}) is ignored, as a
   * plotter would, since it completes no point.
   */
  private static List<VectorOp.Point> points(String parameters, boolean mayBeEmpty) {
    if (parameters.isEmpty()) {
      if (!mayBeEmpty) {
        throw new IllegalArgumentException("needs at least one point");
      }
      return List.of();
    }
    String[] numbers = parameters.split(",");
    if (numbers.length < 2) {
      throw new IllegalArgumentException("needs x,y pairs");
    }
    List<VectorOp.Point> points = new ArrayList<>(numbers.length / 2);
    for (int i = 0; i + 1 < numbers.length; i += 2) {
      points.add(new VectorOp.Point(integer(numbers[i]), integer(numbers[i + 1])));
    }
    return List.copyOf(points);
  }

  private static VectorOp arc(String parameters) {
    String[] numbers = parameters.split(",");
    if (numbers.length < 3) {
      throw new IllegalArgumentException("an arc needs x,y,degrees");
    }
    try {
      return new VectorOp.Arc(new VectorOp.Point(integer(numbers[0]), integer(numbers[1])),
          Double.parseDouble(numbers[2].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + numbers[2] + "' is not a number");
    }
  }

  private static VectorOp symbolCall(String parameters) {
    int comma = parameters.indexOf(',');
    String name = comma < 0 ? parameters : parameters.substring(0, comma);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a symbol call names a symbol");
    }
    int orientation = comma < 0 ? 0 : nonNegative(parameters.substring(comma + 1));
    return new VectorOp.SymbolCall(name.strip(), orientation);
  }

  private static void empty(String parameters) {
    if (!parameters.isBlank()) {
      throw new IllegalArgumentException("takes no parameters");
    }
  }

  private static int nonNegative(String text) {
    int value = integer(text);
    if (value < 0) {
      throw new IllegalArgumentException(value + " is negative");
    }
    return value;
  }

  private static int integer(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an integer");
    }
  }
}
