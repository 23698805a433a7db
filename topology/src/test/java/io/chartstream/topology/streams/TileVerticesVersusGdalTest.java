package io.chartstream.topology.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartstream.ingest.s57.ChartContents;
import io.chartstream.ingest.s57.GdalOracle;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.avro.TileFeature;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.schema.tile.TileFrame;
import io.chartstream.schema.tile.TileGrid;
import io.chartstream.topology.project.GeoJsonPositions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKBReader;

/**
 * The tile grid against GDAL: every shared cell through the whole topology, every tile decoded,
 * and every vertex of every piece that the source has (all but those the clipper made on the
 * buffered tile's edge) lies within half a grid step, on each axis, of the vertex GDAL's
 * {@code ogr2ogr -t_srs EPSG:3395} writes for the same feature. The margin beyond half a step is
 * what proj4j and PROJ may differ by, printed with the result.
 */
@Tag("slow")
class TileVerticesVersusGdalTest {
  /** GDAL writes 1e-6 m (±5e-7), and proj4j and PROJ agree to about 1e-8 m on these cells. */
  private static final double PROJECTION_MARGIN = 1e-6;

  @Test
  void everyVertexOfEveryTileIsWithinHalfAStepOfGdalsProjection() throws Exception {
    List<ChartContents> charts = ChartTiles.read(SharedData.s57());
    assertTrue(charts.size() >= 10, "the shared cells: " + charts.size());
    ChartTiles.Output output = ChartTiles.run(charts, TopologyConfig.defaults());
    TileGrid grid = TileGrid.worldMercator();
    double halfStep = grid.step() / 2;

    // Features whose geometry the clipper repaired have vertices of GDALFixer's making: left out, and counted.
    Set<String> repaired = new HashSet<>();
    for (IngestError e : output.errors()) {
      if (e.getCode().equals("repaired_geometry")) {
        repaired.add(e.getFile()); // chart#CLASS/index
      }
    }
    // chart#index → its layer and position in it, as GDAL numbers a layer's features.
    Map<String, ChartContents> byChart = new HashMap<>();
    Map<String, int[]> position = new HashMap<>();
    Map<String, String> layerOf = new HashMap<>();
    for (ChartContents chart : charts) {
      byChart.put(chart.files().chartId(), chart);
      Map<String, Integer> next = new HashMap<>();
      for (S57Feature f : chart.features()) {
        int at = next.merge(f.getObjectClass(), 1, Integer::sum) - 1;
        position.put(f.getChartId() + "#" + f.getIndex(), new int[] {at});
        layerOf.put(f.getChartId() + "#" + f.getIndex(), f.getObjectClass());
      }
    }
    Map<String, List<JsonNode>> gdal = new ConcurrentHashMap<>();
    WKBReader wkb = new WKBReader();
    long checked = 0;
    long onEdges = 0;
    long skipped = 0;
    double worst = 0;
    String worstAt = "-";
    List<String> problems = new ArrayList<>();
    for (RclTile tile : output.tiles().values()) {
      TileFrame frame = grid.frame(tile.getLevel(), tile.getRow(), tile.getCol());
      long buffer = frame.side() / 64;
      for (TileFeature piece : TileFeatures.of(tile)) {
        String id = piece.getChartId() + "#" + piece.getFeatureIndex();
        if (repaired.contains(piece.getChartId() + "#" + piece.getObjectClass() + "/" + piece.getFeatureIndex())) {
          skipped++;
          continue;
        }
        String layer = layerOf.get(id);
        List<JsonNode> layerFeatures = gdal.computeIfAbsent(piece.getChartId() + "/" + layer,
            k -> GdalOracle.projected(byChart.get(piece.getChartId()).files().base(), layer, "EPSG:3395"));
        Map<List<Long>, List<double[]>> theirs = byGridCell(layerFeatures.get(position.get(id)[0]).get("geometry"), grid);
        byte[] bytes = new byte[piece.getGeometry().remaining()];
        piece.getGeometry().duplicate().get(bytes);
        for (Coordinate c : wkb.read(bytes).getCoordinates()) {
          long lx = frame.localX(c.x);
          long ly = frame.localY(c.y);
          if (lx == -buffer || ly == -buffer || lx == frame.side() + buffer || ly == frame.side() + buffer) {
            onEdges++; // made by the clipper, on the buffered tile's edge
            continue;
          }
          double nearest = Double.POSITIVE_INFINITY; // among GDAL's vertices in the 3 x 3 grid cells around it
          long gx = grid.gridX(c.x);
          long gy = grid.gridY(c.y);
          for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
              for (double[] g : theirs.getOrDefault(List.of(gx + dx, gy + dy), List.of())) {
                nearest = Math.min(nearest, Math.max(Math.abs(g[0] - c.x), Math.abs(g[1] - c.y)));
              }
            }
          }
          checked++;
          if (nearest > worst) {
            worst = nearest;
            worstAt = id + " " + layer + " in " + tile.getLevel() + "/" + tile.getRow() + "/" + tile.getCol();
          }
          if (nearest > halfStep + PROJECTION_MARGIN && problems.size() < 20) {
            problems.add(id + " " + layer + ": " + c + " is " + nearest + " m from GDAL's nearest vertex");
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "tile grid vs ogr2ogr -t_srs EPSG:3395: %d tiles, %,d vertices checked, %,d on buffered"
            + " tile edges, %d pieces of repaired features left out; worst %.6f m (half a step %.6f m) at %s%n",
        output.tiles().size(), checked, onEdges, skipped, worst, halfStep, worstAt);
    assertEquals(List.of(), problems);
    assertTrue(checked > 1_000_000, "every vertex of the shared cells: " + checked);
  }

  /** GDAL's vertices of one feature by the grid cell they round to. */
  private static Map<List<Long>, List<double[]>> byGridCell(JsonNode geometry, TileGrid grid) {
    List<double[]> all = new ArrayList<>();
    GeoJsonPositions.of(geometry, all);
    Map<List<Long>, List<double[]>> cells = new HashMap<>();
    for (double[] p : all) {
      cells.computeIfAbsent(List.of(grid.gridX(p[0]), grid.gridY(p[1])), k -> new ArrayList<>(1)).add(p);
    }
    return cells;
  }
}
