package io.chartstream.topology.s52;

/**
 * One colour as the S-52 colour tables give it (S-52 PresLib 4.0, Part I, colour tables: the CCIE field): CIE 1931
 * chromaticity x, y and luminance L in cd/m² as measured on a calibrated screen.
 *
 * @param x         chromaticity x, 0..1
 * @param y         chromaticity y, 0..1
 * @param luminance L in cd/m², ≥ 0
 */
public record CieColour(double x, double y, double luminance) {
  public CieColour {
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1 && x + y <= 1)) {
      throw new IllegalArgumentException("chromaticity out of range: x=" + x + " y=" + y);
    }
    if (!(luminance >= 0) || Double.isInfinite(luminance)) {
      throw new IllegalArgumentException("luminance must be ≥ 0 and finite: " + luminance);
    }
  }
}
