package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.avro.RclTile;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The renderer on one hand-built tile: a depth area (two triangles, {@code AC(DEPMS)}), a
 * coastline, a buoy and a 4.5 m sounding, drawn over an area half a tile larger on every side,
 * so the tile is the middle third of the image.
 */
class TileRendererTest {
  static final int PX = 300;
  static final Envelope AREA = new Envelope(TestTiles.x(-1), TestTiles.x(2), TestTiles.y(-1), TestTiles.y(2));
  static final Viewport VIEW = new Viewport(AREA, PX, PX);

  final TileRenderer renderer = new TileRenderer();

  static RclTile chart() {
    return new TestTiles().depthArea().coastline(0.25).buoy(0.75, 0.75).sounding(0.3, 0.6, 4.5).tile();
  }

  BufferedImage render(Palette palette, RclTile... tiles) {
    return renderer.render(List.of(tiles), AREA, PX, PX, palette);
  }

  @Test
  void theAreaHasItsDayColourByDayAndItsNightColourAtNight() {
    int x = px(0.6);
    int y = py(0.45);
    assertEquals(0xb3daff, rgb(render(Palette.DAY, chart()), x, y));
    assertEquals(0x2b3747, rgb(render(Palette.DUSK, chart()), x, y));
    assertEquals(0x0b1017, rgb(render(Palette.NIGHT, chart()), x, y));
  }

  @Test
  void aLinePixelIsDarkerThanWhatIsAroundIt() {
    BufferedImage image = render(Palette.DAY, chart());
    int x = px(0.5);
    int y = py(0.25);
    int darkest = Math.min(luminance(rgb(image, x, y)), Math.min(luminance(rgb(image, x, y - 1)), luminance(rgb(image, x, y + 1))));
    assertTrue(darkest < luminance(0xb3daff) - 30, "the coastline darkens its pixel: " + darkest);
    assertEquals(0xb3daff, rgb(image, x, y - 5), "the line is thin");
  }

  @Test
  void theSoundingIsWrittenNearItsPositionInItsColour() {
    BufferedImage image = render(Palette.DAY, chart());
    int cx = px(0.3);
    int cy = py(0.6);
    int ink = 0;
    for (int y = cy - 8; y <= cy + 8; y++) {
      for (int x = cx - 14; x <= cx + 14; x++) {
        if (luminance(rgb(image, x, y)) < 100) {
          ink++;
        }
      }
    }
    assertTrue(ink >= 10, "digits drawn around the sounding: " + ink + " dark pixels");
    assertEquals(0xb3daff, rgb(image, cx + 30, cy), "and nothing much further");
  }

  /** BOYLAT13, the simplified green conical buoy: a filled triangle over its pivot, CHGRN by the library. */
  @Test
  void theBuoyIsItsSymbolInItsColour() {
    int green = Integer.parseInt(io.chartstream.s52.ColourTokens.builtIn().get("CHGRN").orElseThrow().day().substring(1), 16);
    // 3 pixels below the pivot lies inside the triangle (PU1157,1102;PD1157,663;PD724,1102 around pivot 1033,960).
    assertEquals(green, rgb(render(Palette.DAY, chart()), px(0.75), py(0.75) + 3));
    int nightGreen = Integer.parseInt(io.chartstream.s52.ColourTokens.builtIn().get("CHGRN").orElseThrow().night().substring(1), 16);
    assertEquals(nightGreen, rgb(render(Palette.NIGHT, chart()), px(0.75), py(0.75) + 3));
  }

  @Test
  void nothingIsDrawnOutsideTheTile() throws Exception {
    BufferedImage image = render(Palette.DAY, chart());
    // For a person to look at: the tile is the middle third.
    java.nio.file.Files.createDirectories(RealChartRenderTest.OUT);
    javax.imageio.ImageIO.write(image, "png", RealChartRenderTest.OUT.resolve("hand-built-day.png").toFile());
    int background = TileRenderer.background(Palette.DAY).getRGB() & 0xffffff;
    int left = px(0);
    int right = px(1);
    int top = py(1);
    int bottom = py(0);
    for (int y = 0; y < PX; y++) {
      for (int x = 0; x < PX; x++) {
        boolean outside = x < left - 1 || x > right + 1 || y < top - 1 || y > bottom + 1;
        if (outside) {
          assertEquals(background, rgb(image, x, y), "pixel " + x + "," + y + " outside the tile");
        }
      }
    }
    assertEquals(0xb3daff, rgb(image, left + 2, top + 2), "inside the tile the area reaches its corner");
  }

  @Test
  void theNoDataColourIsTheBackgroundWhenAStyleNamesIt() {
    var nodta = new io.chartstream.schema.avro.PaletteColour("#bcbcbc", "#535353", "#212121");
    String square = String.format(java.util.Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f))", TestTiles.x(0.4), TestTiles.y(0.4),
        TestTiles.x(0.6), TestTiles.y(0.4), TestTiles.x(0.6), TestTiles.y(0.6), TestTiles.x(0.4), TestTiles.y(0.4));
    // No triangles: the polygon is filled instead.
    RclTile tile = new TestTiles().add(TestTiles.feature("UNSARE", 3, square, 0, List.of("AC(NODTA)"),
        Map.of("NODTA", nodta))).tile();
    BufferedImage image = render(Palette.NIGHT, tile);
    assertEquals(0x212121, rgb(image, 5, 5));
    assertEquals(0x212121, rgb(image, px(0.55), py(0.45)));
  }

  @Test
  void unknownAndMalformedInstructionsAreIgnored() {
    RclTile tile = new TestTiles().depthArea()
        .add(TestTiles.feature("NEWOBJ", 1, TestTiles.point(TestTiles.x(0.5), TestTiles.y(0.5), Double.NaN), 9,
            List.of("CS(SYMINS02)", "ZZ(1,2", "LS(WAVY,2,CHBLK)", "AC(NOSUCH)", "TX(", "TE('%s','NOPE',1,2,2,'15110',0,0,CHBLK,26)",
                "LG(DASH,1,CHBLK,abc,25,MM)", "AR(SOLD)", "SY()"), Map.of()))
        .tile();
    BufferedImage image = render(Palette.DAY, tile);
    assertEquals(0xb3daff, rgb(image, px(0.2), py(0.2)));
  }

  @Test
  void textAndLightSectorsAreDrawnAtTheDisplayPoint() {
    var light = TestTiles.feature("LIGHTS", 1, TestTiles.point(TestTiles.x(0.5), TestTiles.y(0.5), Double.NaN), 8,
        List.of("LG(SOLD,1,CHBLK,180,25,MM)", "AR(SOLD,2,CHBLK,0,90,20)", "TX(OBJNAM,3,2,2,'15110',1,0,CHBLK,26)"),
        Map.of("CHBLK", TestTiles.CHBLK));
    light.setAttributes(Map.of("OBJNAM", "Point Light"));
    light.setDisplayPoint(new io.chartstream.schema.avro.DisplayPoint(TestTiles.x(0.5), TestTiles.y(0.5)));
    BufferedImage image = render(Palette.DAY, new TestTiles().depthArea().add(light).tile());
    int cx = px(0.5);
    int cy = py(0.5);
    // The leg runs south from the light, 25 mm (78 px): out of the tile, which is 100 px wide.
    assertTrue(darkAround(image, cx, cy + 20), "the leg south");
    assertTrue(darkAround(image, cx, cy + 70), "the leg south, beyond the tile");
    // The arc from north to east at 20 mm (62.5 px): its point at bearing 45°.
    double r = LineStyle.px(20);
    int ax = (int) Math.round(cx + r * Math.sin(Math.toRadians(45)));
    int ay = (int) Math.round(cy - r * Math.cos(Math.toRadians(45)));
    assertTrue(darkAround(image, ax, ay), "the arc at 45°");
    assertTrue(darkAround(image, cx + 30, cy - 4) || darkAround(image, cx + 40, cy - 4), "the name right of the light");
  }

  private static boolean darkAround(BufferedImage image, int x, int y) {
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        if (luminance(rgb(image, x + dx, y + dy)) < 100) {
          return true;
        }
      }
    }
    return false;
  }

  static int px(double fraction) {
    return (int) Math.round(VIEW.x(TestTiles.x(fraction)));
  }

  static int py(double fraction) {
    return (int) Math.round(VIEW.y(TestTiles.y(fraction)));
  }

  static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xffffff;
  }

  static int luminance(int rgb) {
    return (int) (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
  }
}
