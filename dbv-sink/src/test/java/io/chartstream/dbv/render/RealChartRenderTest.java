package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.topology.streams.ChartTiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * End to end on real data: the ECDIS Chart 1 cells (the IHO's test chart showing every symbol
 * of the library) read through GDAL, turned into tiles by the topology, and the tiles of the
 * chart that reaches the most RCLs drawn in day, dusk and night; and the same for a NOAA harbour
 * cell (US5WA22M, Tacoma, updates applied); the three busiest tiles also alone at 1024 pixels
 * (a harbour chart's scale). The PNGs are written to {@code target/render/} for a person to look at; the
 * test checks the images are charts, not blanks (many colours, the areas' fill colours among
 * them), and that no two texts placed on a tile overlap. GDAL-bound, so tagged slow.
 */
@Tag("slow")
class RealChartRenderTest {
  static final Path OUT = Path.of("target", "render");
  static final int MAX_PX = 1200;

  @BeforeAll
  static void outputFolder() throws Exception {
    Files.createDirectories(OUT);
  }

  @Test
  void ecdisChart1InEveryPaletteIsAChart() throws Exception {
    Map<Long, RclTile> tiles = ChartTiles.tiles(ChartTiles.read(SharedData.s52().resolve("ECDIS_Chart_1")));
    assertFalse(tiles.isEmpty(), "the topology emitted tiles");
    renderEveryPalette(busiestChart(tiles), tiles);
  }

  @Test
  void noaaHarbourCellInEveryPaletteIsAChart() throws Exception {
    Map<Long, RclTile> tiles = ChartTiles.tiles(ChartTiles.read(SharedData.s57().resolve("US5WA22M")));
    assertFalse(tiles.isEmpty(), "the topology emitted tiles");
    renderEveryPalette("US5WA22M", tiles);
  }

  /** Draws the tiles {@code chart} contributes to, writes them, checks each is not blank. */
  private static void renderEveryPalette(String chart, Map<Long, RclTile> tiles) throws Exception {
    List<RclTile> chosen = tiles.values().stream()
        .filter(t -> t.getCharts().stream().anyMatch(c -> c.getChartId().equals(chart)))
        .toList();
    assertFalse(chosen.isEmpty(), chart + " reaches some tile");
    Envelope area = TileEnvelope.covering(chosen);
    Viewport size = Viewport.fitting(area, MAX_PX, MAX_PX);
    for (Palette palette : Palette.values()) {
      BufferedImage image = new TileRenderer().render(chosen, area, size.width(), size.height(), palette);
      if (palette == Palette.DAY) {
        // The three busiest tiles, each alone at a harbour chart's scale (a whole render each).
        int texts = 0;
        for (RclTile tile : chosen.stream().sorted(Comparator.comparingInt((RclTile t) -> -TileFeatures.count(t))).limit(3).toList()) {
          texts += textsNeverOverlap(tile, palette);
        }
        assertTrue(texts >= 10, chart + ": only " + texts + " texts placed");
      }
      Path png = OUT.resolve(chart + "-" + palette.name().toLowerCase(java.util.Locale.ROOT) + ".png");
      ImageIO.write(image, "png", png.toFile());

      Set<Integer> colours = distinctColours(image);
      assertTrue(colours.size() >= 8, png + ": only " + colours.size() + " colours");
      Set<Integer> areaColours = areaColours(chosen, palette);
      long shown = areaColours.stream().filter(colours::contains).count();
      assertTrue(shown >= 2, png + ": " + shown + " of the " + areaColours.size() + " area colours appear");
    }
  }

  /** Draws one tile at 1024 pixels; the texts placed on it, pairwise, share no pixel. */
  private static int textsNeverOverlap(RclTile tile, Palette palette) {
    List<TextLabel> placed = new java.util.ArrayList<>();
    Envelope square = TileEnvelope.of(tile);
    new TileRenderer().render(List.of(tile), square, 1024, 1024, palette, placed::add);
    for (int i = 0; i < placed.size(); i++) {
      for (int j = i + 1; j < placed.size(); j++) {
        assertFalse(placed.get(i).bounds().intersects(placed.get(j).bounds()),
            "'" + placed.get(i).text() + "' and '" + placed.get(j).text() + "' overlap on " + tile.getLevel() + "/"
                + tile.getRow() + "/" + tile.getCol());
      }
    }
    return placed.size();
  }

  /** The chart contributing to the most tiles (ties: the first by name). */
  private static String busiestChart(Map<Long, RclTile> tiles) {
    Map<String, Integer> counts = new HashMap<>();
    for (RclTile tile : tiles.values()) {
      for (ChartContribution c : tile.getCharts()) {
        counts.merge(c.getChartId(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow().getKey();
  }

  /** The opaque {@code AC} colours the tiles' styles name, in the palette. */
  private static Set<Integer> areaColours(List<RclTile> chosen, Palette palette) {
    Set<Integer> rgb = new HashSet<>();
    for (RclTile tile : chosen) {
      for (TileFeature feature : TileFeatures.of(tile)) {
        if (feature.getStyle() == null) {
          continue;
        }
        for (Instruction i : InstructionParser.parseAll(feature.getStyle().getInstructions())) {
          if (i.name().equals("AC") && i.number(1, 0) == 0 && feature.getStyle().getColours().containsKey(i.args().getFirst())) {
            ColourBook.parse(palette.pick(feature.getStyle().getColours().get(i.args().getFirst())))
                .ifPresent(c -> rgb.add(c.getRGB() & 0xffffff));
          }
        }
      }
    }
    return rgb;
  }

  static Set<Integer> distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return colours;
  }
}
