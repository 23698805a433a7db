package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.DisplayPoint;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.StringList;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.topology.s52.BuiltInPresentation;
import io.chartstream.topology.s52.ConditionalProcedures;
import io.chartstream.topology.s52.MarinerSettings;
import io.chartstream.topology.s52.Palette;
import io.chartstream.topology.s52.PresLibReader;
import io.chartstream.topology.s52.Presentation;
import io.chartstream.topology.s52.S52Styler;
import io.chartstream.topology.s52.TableChoice;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * Pixels where S-52 puts them: a lateral buoy's colour inside its symbol at its display point, an
 * area pattern's repeat, two labels that would overlap. Expected values come from the PresLib
 * {@code .dai} read by this test (symbol outlines, pattern steps) and from the PresLib's colour
 * tables as {@link PresLibReader} converts them, not from the renderer's library.
 */
class S52PixelTest {
  /** The view: the test tile, 512 pixels wide (about 9.5 m a pixel, a harbour chart's scale). */
  static final int PX = 512;
  static final Envelope AREA = TestTiles.TILE;
  static final Viewport VIEW = new Viewport(AREA, PX, PX);
  /** S-52 definition units (0.01 mm) per screen pixel (0.32 mm). */
  static final double UNITS_PER_PX = 32;

  private static Presentation dai;
  private static List<String> daiLines;
  private final TileRenderer renderer = new TileRenderer();

  @BeforeAll
  static void read() throws IOException {
    Path file = SharedData.s52().resolve("PresLib_e4.0.0.dai");
    dai = PresLibReader.read(file);
    daiLines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().map(l -> l.replace("\r", "")).toList();
  }

  // --- a lateral buoy ----------------------------------------------------------------------

  @Test
  void aLateralBuoyShowsItsColourAtItsDisplayPointInEveryPalette() {
    S52Styler simplified = styler(new TableChoice(TableChoice.Boundaries.PLAIN, TableChoice.Points.SIMPLIFIED));
    Map<String, String> expected = Map.of("3", "CHRED", "4", "CHGRN");
    for (Map.Entry<String, String> colour : expected.entrySet()) {
      S57Feature buoy = source("BOYLAT", 1, Map.of("BOYSHP", 2L, "COLOUR", new StringList(List.of(colour.getKey()))));
      S52Style style = simplified.style(buoy);
      String symbol = style.getInstructions().getFirst().replaceAll("SY\\((\\w+)\\)", "$1");
      // The display point, and a point of the symbol's filled outline in pixels from it.
      double fx = 0.4;
      double fy = 0.6;
      int[] probe = insideFilledOutline(symbol);
      int x = (int) Math.round(VIEW.x(TestTiles.x(fx))) + probe[0];
      int y = (int) Math.round(VIEW.y(TestTiles.y(fy))) + probe[1];
      TileFeature feature = TestTiles.feature("BOYLAT", 1, TestTiles.point(TestTiles.x(fx), TestTiles.y(fy), Double.NaN), 0,
          List.of(), Map.of());
      feature.setStyle(style);
      feature.setDisplayPoint(new DisplayPoint(TestTiles.x(fx), TestTiles.y(fy)));
      RclTile tile = new TestTiles().add(feature).tile();
      for (Palette palette : Palette.values()) {
        BufferedImage image = renderer.render(List.of(tile), AREA, PX, PX, render(palette));
        int want = Integer.parseInt(dai.colourTable(palette).hex(colour.getValue()).orElseThrow().substring(1), 16);
        assertEquals(want, rgb(image, x, y), symbol + " (COLOUR " + colour.getKey() + ") in " + palette + " at " + x + "," + y);
        int far = rgb(image, x + 40, y);
        assertNotEquals(want, far, "the colour is the buoy's, not the background's");
      }
    }
  }

  /**
   * A pixel offset from the pivot that lies well inside the symbol's first filled outline, from
   * the .dai's own SYMD and SVCT text: the outline's centre of vertices, moved 3 pixels towards
   * the top of the outline if the pivot's dot sits there.
   */
  private static int[] insideFilledOutline(String symbol) {
    int at = indexOf("SYMD", symbol);
    String symd = daiLines.get(at).substring(9);
    int pivotColumn = Integer.parseInt(symd.substring(9, 14));
    int pivotRow = Integer.parseInt(symd.substring(14, 19));
    String vectors = daiLines.get(at + 3).substring(9);
    Matcher fill = Pattern.compile("PU(\\d+),(\\d+);PM0;((?:PD\\d+,\\d+;)+)PM2;FP").matcher(vectors);
    assertTrue(fill.find(), symbol + " starts with a filled outline: " + vectors);
    Polygon outline = new Polygon();
    outline.addPoint(Integer.parseInt(fill.group(1)), Integer.parseInt(fill.group(2)));
    Matcher point = Pattern.compile("PD(\\d+),(\\d+)").matcher(fill.group(3));
    while (point.find()) {
      outline.addPoint(Integer.parseInt(point.group(1)), Integer.parseInt(point.group(2)));
    }
    double cx = 0;
    double cy = 0;
    for (int i = 0; i < outline.npoints; i++) {
      cx += outline.xpoints[i] / (double) outline.npoints;
      cy += outline.ypoints[i] / (double) outline.npoints;
    }
    // Away from the pivot's black dot, still inside: 3 pixels up from the centre.
    double probeRow = cy - 3 * UNITS_PER_PX;
    assertTrue(outline.contains(cx, probeRow) && outline.contains(cx - UNITS_PER_PX, probeRow - UNITS_PER_PX)
        && outline.contains(cx + UNITS_PER_PX, probeRow + UNITS_PER_PX), "the probe is well inside " + symbol);
    return new int[] {(int) Math.round((cx - pivotColumn) / UNITS_PER_PX), (int) Math.round((probeRow - pivotRow) / UNITS_PER_PX)};
  }

  // --- an area pattern -----------------------------------------------------------------------

  @Test
  void anAreaPatternRepeatsAtItsStepOverTheArea() {
    for (String pattern : List.of("DRGARE01", "AIRARE02")) {
      // PATD: name(8) V fill(3) spacing(3) minimum(5) maximum(5) pivot(5,5) width(5) height(5) column(5) row(5)
      String patd = daiLines.get(indexOf("PATD", pattern)).substring(9);
      boolean staggered = patd.startsWith("STG", 9);
      int minimum = Integer.parseInt(patd.substring(15, 20));
      int width = Integer.parseInt(patd.substring(35, 40));
      int height = Integer.parseInt(patd.substring(40, 45));
      int step = (int) Math.ceil((width + minimum) / UNITS_PER_PX);
      step += staggered && step % 2 == 1 ? 1 : 0;
      int rowStep = (int) Math.ceil((height + minimum) / UNITS_PER_PX);
      String square = String.format(java.util.Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))", TestTiles.x(0.05),
          TestTiles.y(0.05), TestTiles.x(0.95), TestTiles.y(0.05), TestTiles.x(0.95), TestTiles.y(0.95), TestTiles.x(0.05),
          TestTiles.y(0.95), TestTiles.x(0.05), TestTiles.y(0.05));
      RclTile tile = new TestTiles().add(TestTiles.feature("DRGARE", 3, square, 3, List.of("AP(" + pattern + ")"), Map.of())).tile();
      BufferedImage image = renderer.render(List.of(tile), AREA, PX, PX, io.chartstream.dbv.render.Palette.DAY);
      int background = rgb(image, 2, 2);
      int from = (int) (0.1 * PX);
      int to = (int) (0.9 * PX) - 2 * rowStep - step;
      int same = 0;
      int shiftedSame = 0;
      int compared = 0;
      int ink = 0;
      int verticalStep = staggered ? 2 * rowStep : rowStep;
      for (int y = from; y < to; y++) {
        for (int x = from; x < to; x++) {
          int here = rgb(image, x, y);
          ink += here != background ? 1 : 0;
          boolean repeats = here == rgb(image, x + step, y) && here == rgb(image, x, y + verticalStep)
              && (!staggered || here == rgb(image, x + step / 2, y + rowStep));
          same += repeats ? 1 : 0;
          shiftedSame += here == rgb(image, x + step / 2 + 1, y + rowStep / 2 + 1) ? 1 : 0;
          compared++;
        }
      }
      assertTrue(ink > compared / 200, pattern + ": the pattern is drawn (" + ink + " of " + compared + " pixels)");
      assertTrue(ink < compared / 2, pattern + ": a pattern, not a fill (" + ink + " of " + compared + " pixels)");
      assertEquals(compared, same, pattern + ": every pixel repeats " + step + " px right and " + verticalStep + " px down");
      assertTrue(shiftedSame < compared, pattern + ": half a step off, the pattern does not repeat");
      // Its ink is its colour, antialiased over the background: every ink pixel a blend of the two.
      int colour = Integer.parseInt(dai.colourTable(Palette.DAY).hex(pattern.equals("DRGARE01") ? "CHGRD" : "LANDF")
          .orElseThrow().substring(1), 16);
      int blends = 0;
      for (int y = from; y < to; y++) {
        for (int x = from; x < to; x++) {
          int here = rgb(image, x, y);
          blends += here != background && blendOf(here, background, colour) ? 1 : 0;
        }
      }
      assertEquals(ink, blends, pattern + ": every ink pixel is a blend of its colour and the background");
    }
  }

  // --- a complex line -------------------------------------------------------------------------

  /**
   * ACHARE51, an anchorage's boundary: a dashed magenta line with V marks (EMAREMG1, rows 812 to
   * 976 below its line at row 812) and anchors. The marks go inside the area whichever way its
   * ring runs: more ink in a band just inside the boundary than in the same band just outside.
   */
  @Test
  void aComplexLineDrawsItsMarksOnTheInsideOfAnArea() {
    double lo = 0.3;
    double hi = 0.7;
    String clockwise = String.format(java.util.Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))",
        TestTiles.x(lo), TestTiles.y(lo), TestTiles.x(lo), TestTiles.y(hi), TestTiles.x(hi), TestTiles.y(hi),
        TestTiles.x(hi), TestTiles.y(lo), TestTiles.x(lo), TestTiles.y(lo));
    String anticlockwise = String.format(java.util.Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))",
        TestTiles.x(lo), TestTiles.y(lo), TestTiles.x(hi), TestTiles.y(lo), TestTiles.x(hi), TestTiles.y(hi),
        TestTiles.x(lo), TestTiles.y(hi), TestTiles.x(lo), TestTiles.y(lo));
    int magenta = Integer.parseInt(dai.colourTable(Palette.DAY).hex("CHMGD").orElseThrow().substring(1), 16);
    for (String ring : List.of(clockwise, anticlockwise)) {
      RclTile tile = new TestTiles().add(TestTiles.feature("ACHARE", 3, ring, 3, List.of("LC(ACHARE51)"), Map.of())).tile();
      BufferedImage image = renderer.render(List.of(tile), AREA, PX, PX, io.chartstream.dbv.render.Palette.DAY);
      int background = rgb(image, 2, 2);
      int left = (int) Math.round(VIEW.x(TestTiles.x(lo)));
      int right = (int) Math.round(VIEW.x(TestTiles.x(hi)));
      int top = (int) Math.round(VIEW.y(TestTiles.y(hi)));
      int bottom = (int) Math.round(VIEW.y(TestTiles.y(lo)));
      int inside = 0;
      int outside = 0;
      for (int d = 2; d <= 6; d++) {
        for (int t = top + 10; t < bottom - 10; t++) {
          inside += ink(image, left + d, t, background, magenta) + ink(image, right - d, t, background, magenta);
          outside += ink(image, left - d, t, background, magenta) + ink(image, right + d, t, background, magenta);
        }
        for (int t = left + 10; t < right - 10; t++) {
          inside += ink(image, t, top + d, background, magenta) + ink(image, t, bottom - d, background, magenta);
          outside += ink(image, t, top - d, background, magenta) + ink(image, t, bottom + d, background, magenta);
        }
      }
      assertTrue(inside > 2 * outside && inside > 100, "marks inside " + inside + ", outside " + outside);
    }
  }

  private static int ink(BufferedImage image, int x, int y, int background, int colour) {
    int here = rgb(image, x, y);
    return here != background && blendOf(here, background, colour) ? 1 : 0;
  }

  // --- labels ----------------------------------------------------------------------------------

  @Test
  void twoLabelsNeverOverlapAndTheMoreImportantOneStays() {
    TileFeature important = label("Important Light", 0.5, 0.5, 8);
    TileFeature minor = label("minor name text", 0.5, 0.5, 3);
    TileFeature elsewhere = label("elsewhere", 0.5, 0.2, 3);
    BufferedImage both = draw(important, minor);
    BufferedImage onlyImportant = draw(important);
    BufferedImage onlyMinor = draw(minor);
    assertNotEquals(digest(onlyImportant), digest(onlyMinor), "each label alone draws its text");
    assertEquals(digest(onlyImportant), digest(both), "where two labels would overlap, only the more important is drawn");
    assertEquals(digest(onlyImportant), digest(draw(minor, important)), "whatever their order in the tile");
    BufferedImage apart = draw(important, elsewhere);
    assertNotEquals(digest(onlyImportant), digest(apart), "a label clear of the others is drawn too");
    // And no text pixel of the two drawn labels is shared.
    BufferedImage onlyElsewhere = draw(elsewhere);
    int blank = rgb(draw(), 0, 0);
    for (int y = 0; y < PX; y++) {
      for (int x = 0; x < PX; x++) {
        boolean a = rgb(onlyImportant, x, y) != blank;
        boolean b = rgb(onlyElsewhere, x, y) != blank;
        assertTrue(!(a && b), "both labels ink pixel " + x + "," + y);
      }
    }
  }

  private BufferedImage draw(TileFeature... features) {
    TestTiles tiles = new TestTiles();
    for (TileFeature f : features) {
      tiles.add(f);
    }
    return renderer.render(List.of(tiles.tile()), AREA, PX, PX, io.chartstream.dbv.render.Palette.DAY);
  }

  private static TileFeature label(String text, double fx, double fy, int priority) {
    TileFeature f = TestTiles.feature("LNDMRK", 1, TestTiles.point(TestTiles.x(fx), TestTiles.y(fy), Double.NaN), priority,
        List.of("TX('" + text + "',1,2,2,'15110',0,0,CHBLK,26)"), Map.of("CHBLK", TestTiles.CHBLK));
    f.setDisplayPoint(new DisplayPoint(TestTiles.x(fx), TestTiles.y(fy)));
    return f;
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static S52Styler styler(TableChoice tables) {
    try {
      Presentation builtIn = BuiltInPresentation.load(Path.of("..", "config", "s52"));
      return new S52Styler(builtIn, MarinerSettings.defaults(), tables, ConditionalProcedures.of(builtIn));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static S57Feature source(String objectClass, int primitive, Map<String, Object> attributes) {
    return S57Feature.newBuilder()
        .setChartId("US5TEST1").setRevision("1:0:20240101:20240101").setIndex(1)
        .setObjectClass(objectClass).setObjectClassCode(0).setPrimitive(primitive)
        .setRcid(1).setGroup(2).setRecordVersion(1).setAgency(550).setFidn(1).setFids(1)
        .setLnam("0226000000010001").setLnamRefs(List.of()).setLnamRelations(List.of())
        .setAttributes(new LinkedHashMap<>(attributes))
        .build();
  }

  private static io.chartstream.dbv.render.Palette render(Palette palette) {
    return io.chartstream.dbv.render.Palette.valueOf(palette.name());
  }

  /** The line of the .dai where the {@code tag} field of definition {@code name} is. */
  private static int indexOf(String tag, String name) {
    for (int i = 0; i < daiLines.size(); i++) {
      String line = daiLines.get(i);
      if (line.startsWith(tag) && line.length() >= 17 && line.substring(9, 17).equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no " + tag + " " + name + " in the .dai");
  }

  /** Whether {@code pixel} is {@code background + a (colour − background)} for one a in (0, 1], per channel ±3. */
  private static boolean blendOf(int pixel, int background, int colour) {
    int widest = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(channel(colour, shift) - channel(background, shift)) > Math.abs(channel(colour, widest) - channel(background, widest))) {
        widest = shift;
      }
    }
    double a = (channel(pixel, widest) - channel(background, widest)) / (double) (channel(colour, widest) - channel(background, widest));
    if (a <= 0 || a > 1.01) {
      return false;
    }
    for (int shift = 0; shift <= 16; shift += 8) {
      double expected = channel(background, shift) + a * (channel(colour, shift) - channel(background, shift));
      if (Math.abs(channel(pixel, shift) - expected) > 3) {
        return false;
      }
    }
    return true;
  }

  private static int channel(int rgb, int shift) {
    return (rgb >> shift) & 0xff;
  }

  private static List<Integer> digest(BufferedImage image) {
    List<Integer> pixels = new ArrayList<>(image.getWidth() * image.getHeight());
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        pixels.add(rgb(image, x, y));
      }
    }
    return pixels;
  }

  static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xffffff;
  }

}
