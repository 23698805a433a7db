package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.TileSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * {@code GET /api/extent}: where the map should open: the range of RCLs at the dbv's shallowest
 * level, and its levels (the page turns rows and columns into coordinates with Leaflet's own
 * EPSG:3395 projection).
 */
final class ExtentHandler implements HttpHandler {
  private final Path dbv;

  ExtentHandler(Path dbv) {
    this.dbv = dbv;
  }

  record Extent(Integer level, Integer minLevel, Integer maxLevel, int minRow, int maxRow, int minCol, int maxCol) {
    static final Extent NONE = new Extent(null, null, null, 0, 0, 0, 0);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Responses.allow(exchange, "GET")) {
      return;
    }
    Responses.json(exchange, extent());
  }

  private Extent extent() {
    if (!Files.exists(dbv)) {
      return Extent.NONE;
    }
    try (DbvReader reader = DbvReader.open(dbv)) {
      SortedMap<Integer, Long> levels = reader.tileCountsByLevel();
      if (levels.isEmpty()) {
        return Extent.NONE;
      }
      int level = levels.firstKey();
      List<TileSummary> tiles = reader.tileSummaries().stream().filter(t -> t.level() == level).toList();
      return new Extent(level, levels.firstKey(), levels.lastKey(),
          tiles.stream().mapToInt(TileSummary::row).min().orElse(0), tiles.stream().mapToInt(TileSummary::row).max().orElse(0),
          tiles.stream().mapToInt(TileSummary::col).min().orElse(0), tiles.stream().mapToInt(TileSummary::col).max().orElse(0));
    } catch (RuntimeException e) {
      return Extent.NONE; // the sink is creating the file
    }
  }
}
