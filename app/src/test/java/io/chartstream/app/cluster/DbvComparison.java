package io.chartstream.app.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.dbv.DbvChart;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.TileSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cluster's dbv against the one a single-instance {@code chartstream run --once} makes of the
 * same cells, read with {@link DbvReader}: the oracle of the scale-out and deployment tests.
 */
final class DbvComparison {
  private DbvComparison() {}

  /** Same RCLs with the same content (hash, features, charts), and the same catalogue. */
  static void assertSame(Path expected, Path actual) {
    List<String> differences = differences(expected, actual);
    assertTrue(differences.isEmpty(), differences.size() + " differences: " + differences.stream().limit(10).toList());
    System.out.printf("the cluster's dbv equals the single instance's: %d tiles, %d charts%n", tiles(actual).size(), charts(actual).size());
  }

  /**
   * What differs between the single instance's dbv ({@code expected}) and the cluster's: tiles by
   * RCL (content hash, feature count, contributing charts) and the catalogue; empty when they
   * are the same. Fails when the single instance's holds too few tiles to mean anything.
   */
  static List<String> differences(Path expected, Path actual) {
    Map<Long, String> expectedTiles = tiles(expected);
    Map<Long, String> actualTiles = tiles(actual);
    assertTrue(expectedTiles.size() > 20, "the single-instance dbv has only " + expectedTiles.size() + " tiles");
    List<String> differences = new ArrayList<>();
    expectedTiles.forEach((rcl, tile) -> {
      if (!tile.equals(actualTiles.get(rcl))) {
        differences.add("RCL " + rcl + ": single " + tile + ", cluster " + actualTiles.get(rcl));
      }
    });
    actualTiles.keySet().stream().filter(rcl -> !expectedTiles.containsKey(rcl)).forEach(rcl -> differences.add("RCL " + rcl + " only in the cluster's dbv"));
    Map<String, String> expectedCharts = charts(expected);
    Map<String, String> actualCharts = charts(actual);
    if (!expectedCharts.equals(actualCharts)) {
      differences.add("catalogue: single " + expectedCharts + ", cluster " + actualCharts);
    }
    return differences;
  }

  private static Map<Long, String> tiles(Path dbv) {
    try (DbvReader reader = DbvReader.open(dbv)) {
      Map<Long, String> tiles = new TreeMap<>();
      for (TileSummary t : reader.tileSummaries()) {
        tiles.put(t.rcl(), t.contentHash() + " features " + t.featureCount() + " charts " + t.charts());
      }
      return tiles;
    }
  }

  private static Map<String, String> charts(Path dbv) {
    try (DbvReader reader = DbvReader.open(dbv)) {
      Map<String, String> charts = new TreeMap<>();
      for (DbvChart c : reader.charts()) {
        charts.put(c.chartId(), c.revision() + " " + c.file() + " " + c.source());
      }
      return charts;
    }
  }
}
