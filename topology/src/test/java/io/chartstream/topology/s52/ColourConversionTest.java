package io.chartstream.topology.s52;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ColourConversionTest {
  private final ColourConversion conversion = new ColourConversion(80);

  /** Relative luminance of a #rrggbb colour (WCAG formula), 0..1. */
  static double luminance(String hex) {
    double[] linear = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }

  static int channel(String hex, int index) {
    return Integer.parseInt(hex.substring(1 + 2 * index, 3 + 2 * index), 16);
  }

  @Test
  void theS52WhiteAtFullLuminanceIsSrgbWhite() {
    assertEquals("#ffffff", conversion.toHex(new CieColour(0.28, 0.31, 80)));
  }

  @Test
  void zeroLuminanceIsBlack() {
    assertEquals("#000000", conversion.toHex(new CieColour(0.28, 0.31, 0)));
    assertEquals("#000000", conversion.toHex(new CieColour(0.48, 0.30, 0)));
  }

  @Test
  void greysStayNeutralAndFollowTheSrgbCurve() {
    // Y = 0.5 → linear 0.5 on every channel → 0.735 encoded → 188.
    assertEquals("#bcbcbc", conversion.toHex(new CieColour(0.28, 0.31, 40)));
    // Y = 0.2 → 0.485 encoded → 124.
    assertEquals("#7c7c7c", conversion.toHex(new CieColour(0.28, 0.31, 16)));
  }

  @Test
  void hueFollowsChromaticity() {
    String red = conversion.toHex(new CieColour(0.48, 0.30, 25));
    String green = conversion.toHex(new CieColour(0.31, 0.56, 60));
    String blue = conversion.toHex(new CieColour(0.18, 0.15, 22));
    assertTrue(channel(red, 0) > channel(red, 1) + 100 && channel(red, 0) > channel(red, 2) + 50, red);
    assertTrue(channel(green, 1) > channel(green, 0) + 50 && channel(green, 1) > channel(green, 2) + 100, green);
    assertTrue(channel(blue, 2) > channel(blue, 0) + 100 && channel(blue, 2) > channel(blue, 1) + 50, blue);
  }

  @Test
  void luminanceAboveTheWhiteClipsToWhite() {
    assertEquals("#ffffff", conversion.toHex(new CieColour(0.28, 0.31, 200)));
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ColourConversion(0));
    assertThrows(IllegalArgumentException.class, () -> new CieColour(0.7, 0.5, 10));
    assertThrows(IllegalArgumentException.class, () -> new CieColour(0.3, 0.3, -1));
  }

  /** The PresLib's own tables, converted: the tokens charts rely on look as S-52 names them. */
  @Test
  void presLibColoursArePlausible() throws IOException {
    Presentation dai = PresLibReader.read(StylingData.dai());
    ColourTable day = dai.colourTable(Palette.DAY);
    assertEquals("#ffffff", day.hex("CHWHT").orElseThrow());
    assertEquals("#ffffff", day.hex("DEPDW").orElseThrow(), "deep water is white by day in PresLib 4.0");
    assertEquals("#000000", day.hex("CHBLK").orElseThrow());
    for (String token : new String[] {"DEPVS", "DEPMS", "DEPMD", "UINFB", "RESBL"}) {
      String hex = day.hex(token).orElseThrow();
      assertTrue(channel(hex, 2) > channel(hex, 0) + 20, token + " should be blue: " + hex);
    }
    // Shallower is darker blue: very shallow < medium shallow < medium deep < deep.
    assertTrue(luminance(day.hex("DEPVS").orElseThrow()) < luminance(day.hex("DEPMS").orElseThrow()));
    assertTrue(luminance(day.hex("DEPMS").orElseThrow()) < luminance(day.hex("DEPMD").orElseThrow()));
    String noData = day.hex("NODTA").orElseThrow();
    assertTrue(Math.abs(channel(noData, 0) - channel(noData, 2)) < 8, "no-data grey is neutral: " + noData);
  }

  @Test
  void duskAndNightAreDarkerThanDay() throws IOException {
    Presentation dai = PresLibReader.read(StylingData.dai());
    ColourTable day = dai.colourTable(Palette.DAY);
    ColourTable dusk = dai.colourTable(Palette.DUSK);
    ColourTable night = dai.colourTable(Palette.NIGHT);
    // The backgrounds (water, land, no data): each darker at dusk, darker still at night.
    for (String token : new String[] {"DEPDW", "DEPMD", "DEPMS", "DEPVS", "LANDA", "NODTA", "CHWHT", "CHRED"}) {
      double d = luminance(day.hex(token).orElseThrow());
      double k = luminance(dusk.hex(token).orElseThrow());
      double n = luminance(night.hex(token).orElseThrow());
      assertTrue(d > k && k >= n, token + ": day " + d + " dusk " + k + " night " + n);
    }
    // Over all tokens (black ink turns grey at night, so not token by token).
    assertTrue(mean(day) > 2 * mean(dusk) && mean(dusk) > 2 * mean(night),
        "mean luminance day " + mean(day) + " dusk " + mean(dusk) + " night " + mean(night));
  }

  private static double mean(ColourTable table) {
    return table.colours().values().stream().mapToDouble(ColourConversionTest::luminance).average().orElseThrow();
  }
}
