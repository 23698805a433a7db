package io.chartstream.topology.s52;

import java.util.Locale;

/**
 * Converts S-52 colours (CIE x, y, L) to sRGB hex, {@code #rrggbb} (S-52 PresLib 4.0, Part I,
 * colour tables, and the colour calibration of the S-52 main document).
 *
 * <p>The steps, and why:
 * <ol>
 *   <li><b>Luminance → relative Y.</b> The tables give L in cd/m² on a screen calibrated so that
 *       its white is the brightest colour of the library (day white, 80 cd/m² in PresLib 4.0).
 *       Y = L / {@code whiteLuminance}, with one white for all palettes: dividing each palette by
 *       its own brightest colour would turn dusk and night white into full white and undo what
 *       those palettes are for. So dusk and night come out darker than day, as on an ECDIS.</li>
 *   <li><b>xyY → XYZ</b>: X = xY/y, Z = (1−x−y)Y/y.</li>
 *   <li><b>White point.</b> Every grey of the library, white included, has x = 0.28, y = 0.31:
 *       the white of the CRT screens S-52 was calibrated on (about 9300 K). Taken as it is in sRGB
 *       (D65 white), that white would be a light cyan outside the gamut. A Bradford chromatic
 *       adaptation from (0.28, 0.31) to D65 maps it to sRGB white, and the other colours
 *       likewise, as a screen calibrated to D65 would show them.</li>
 *   <li><b>XYZ → linear sRGB</b> (IEC 61966-2-1 matrix), clipped to [0, 1] per channel, then the
 *       sRGB transfer function, rounded to 8 bits.</li>
 * </ol>
 *
 * <p>Limits: out-of-gamut colours are clipped per channel (hue may shift slightly); no
 * rendering-intent mapping. Immutable ({@code @Immutable}).
 *
 * @see ColourTable
 */
public final class ColourConversion {
  /** The white of the S-52 colour tables: the chromaticity of all its greys. */
  public static final double S52_WHITE_X = 0.28;
  public static final double S52_WHITE_Y = 0.31;

  private static final double D65_X = 0.3127;
  private static final double D65_Y = 0.3290;

  private static final double[][] BRADFORD = {
      {0.8951, 0.2664, -0.1614},
      {-0.7502, 1.7135, 0.0367},
      {0.0389, -0.0685, 1.0296}};
  private static final double[][] BRADFORD_INVERSE = {
      {0.9869929, -0.1470543, 0.1599627},
      {0.4323053, 0.5183603, 0.0492912},
      {-0.0085287, 0.0400428, 0.9684867}};
  private static final double[][] XYZ_TO_LINEAR_SRGB = {
      {3.2404542, -1.5371385, -0.4985314},
      {-0.9692660, 1.8760108, 0.0415560},
      {0.0556434, -0.2040259, 1.0572252}};

  /** S-52 white → D65 adaptation followed by XYZ → linear sRGB, as one matrix. */
  private static final double[][] TO_LINEAR_SRGB = multiply(XYZ_TO_LINEAR_SRGB, adaptation());

  private final double whiteLuminance;

  /**
   * @param whiteLuminance the L (cd/m²) that maps to Y = 1: the brightest colour of the library
   */
  public ColourConversion(double whiteLuminance) {
    if (!(whiteLuminance > 0) || Double.isInfinite(whiteLuminance)) {
      throw new IllegalArgumentException("white luminance must be > 0: " + whiteLuminance);
    }
    this.whiteLuminance = whiteLuminance;
  }

  /** The luminance that maps to sRGB white. */
  public double whiteLuminance() {
    return whiteLuminance;
  }

  /** {@code colour} as sRGB hex, lower case, e.g. {@code #ffffff}. */
  public String toHex(CieColour colour) {
    double[] rgb = toSrgb(colour);
    return String.format(Locale.ROOT, "#%02x%02x%02x", to8Bit(rgb[0]), to8Bit(rgb[1]), to8Bit(rgb[2]));
  }

  /** {@code colour} as gamma-encoded sRGB channels in [0, 1]. */
  public double[] toSrgb(CieColour colour) {
    double bigY = colour.luminance() / whiteLuminance;
    if (colour.y() == 0 || bigY == 0) {
      return new double[] {0, 0, 0};
    }
    double[] xyz = {colour.x() * bigY / colour.y(), bigY, (1 - colour.x() - colour.y()) * bigY / colour.y()};
    double[] linear = apply(TO_LINEAR_SRGB, xyz);
    double[] encoded = new double[3];
    for (int i = 0; i < 3; i++) {
      encoded[i] = gammaEncode(Math.clamp(linear[i], 0.0, 1.0));
    }
    return encoded;
  }

  private static double gammaEncode(double linear) {
    return linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
  }

  private static int to8Bit(double channel) {
    return (int) Math.round(Math.clamp(channel, 0.0, 1.0) * 255);
  }

  /** Bradford: M⁻¹ · diag(cone response of D65 / of the S-52 white) · M. */
  private static double[][] adaptation() {
    double[] source = apply(BRADFORD, whiteXyz(S52_WHITE_X, S52_WHITE_Y));
    double[] target = apply(BRADFORD, whiteXyz(D65_X, D65_Y));
    double[][] scale = new double[3][3];
    for (int i = 0; i < 3; i++) {
      scale[i][i] = target[i] / source[i];
    }
    return multiply(BRADFORD_INVERSE, multiply(scale, BRADFORD));
  }

  private static double[] whiteXyz(double x, double y) {
    return new double[] {x / y, 1, (1 - x - y) / y};
  }

  private static double[] apply(double[][] m, double[] v) {
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      out[i] = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
    }
    return out;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] out = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        out[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
      }
    }
    return out;
  }
}
