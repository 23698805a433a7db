package io.chartstream.s52;

/**
 * How an area pattern repeats (the {@code PATP}, {@code PASP}, {@code PAMI} and {@code PAMA}
 * subfields of a PresLib {@code PATD} field).
 *
 * @param arrangement  symbols on a rectangular grid, or staggered (every other row shifted by half
 *                     a step)
 * @param spacing      constant, or scale-dependent between the minimum and maximum distance
 * @param minDistance  the least distance between two symbols' bounding boxes, 0.01 mm
 * @param maxDistance  the greatest such distance for scale-dependent spacing, 0.01 mm
 */
public record PatternFill(Arrangement arrangement, Spacing spacing, int minDistance, int maxDistance) {
  /** {@code LIN} or {@code STG}. */
  public enum Arrangement { LINEAR, STAGGERED }

  /** {@code CON} or {@code SCL}. */
  public enum Spacing { CONSTANT, SCALED }

  public PatternFill {
    if (arrangement == null || spacing == null) {
      throw new IllegalArgumentException("a pattern fill needs an arrangement and a spacing");
    }
    if (minDistance < 0 || maxDistance < 0) {
      throw new IllegalArgumentException("pattern distances are not negative: " + minDistance + ", " + maxDistance);
    }
  }

  /** The PresLib's three-letter code of the arrangement. */
  public static String code(Arrangement arrangement) {
    return arrangement == Arrangement.LINEAR ? "LIN" : "STG";
  }

  /** The PresLib's three-letter code of the spacing. */
  public static String code(Spacing spacing) {
    return spacing == Spacing.CONSTANT ? "CON" : "SCL";
  }

  /** {@code LIN} or {@code STG}; anything else is an {@link IllegalArgumentException}. */
  public static Arrangement arrangement(String code) {
    return switch (code) {
      case "LIN" -> Arrangement.LINEAR;
      case "STG" -> Arrangement.STAGGERED;
      default -> throw new IllegalArgumentException("pattern arrangement '" + code + "' is neither LIN nor STG");
    };
  }

  /** {@code CON} or {@code SCL}; anything else is an {@link IllegalArgumentException}. */
  public static Spacing spacing(String code) {
    return switch (code) {
      case "CON" -> Spacing.CONSTANT;
      case "SCL" -> Spacing.SCALED;
      default -> throw new IllegalArgumentException("pattern spacing '" + code + "' is neither CON nor SCL");
    };
  }
}
