package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.render.Palette;
import io.chartstream.dbv.render.TileRenderer;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.rcl.RclKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * {@code GET /tiles/{level}/{row}/{col}.png?palette=day|dusk|night}: a 256-pixel map tile drawn
 * from the dbv with {@link TileRenderer}. RCLs are the tiles of a quadtree on EPSG:3395, the
 * grid Leaflet's {@code L.CRS.EPSG3395} uses, so a map zoom is an RCL level. Deeper than the dbv
 * goes, the covering RCL is drawn magnified; a few levels above, the RCLs inside are drawn
 * together; otherwise 404 (Leaflet leaves the tile empty).
 */
final class TileHandler implements HttpHandler {
  private static final Pattern PATH = Pattern.compile("/tiles/(\\d{1,2})/(\\d{1,9})/(\\d{1,9})\\.png");
  private static final int SIZE = 256;
  /** Up to 4^3 = 64 RCLs drawn into one tile above the dbv's levels. */
  private static final int MAX_LEVELS_UP = 3;

  private final Path dbv;
  private final RclGrid grid = RclGrid.worldMercator();

  TileHandler(Path dbv) {
    this.dbv = dbv;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Responses.allow(exchange, "GET")) {
      return;
    }
    Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
    Palette palette = palette(exchange.getRequestURI().getQuery());
    if (!m.matches() || palette == null || !Files.exists(dbv)) {
      Responses.text(exchange, 404, "no such tile\n");
      return;
    }
    int level = Integer.parseInt(m.group(1));
    int row = Integer.parseInt(m.group(2));
    int col = Integer.parseInt(m.group(3));
    if (level > 30 || row >= RclGrid.tilesPerSide(level) || col >= RclGrid.tilesPerSide(level)) {
      Responses.text(exchange, 404, "no such tile\n");
      return;
    }
    List<RclTile> tiles = tilesFor(level, row, col);
    if (tiles.isEmpty()) {
      Responses.text(exchange, 404, "the dbv has nothing there\n");
      return;
    }
    BufferedImage image = new TileRenderer().render(tiles, grid.tileEnvelope(RclKey.of(row, col, level)), SIZE, SIZE, palette);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    Responses.send(exchange, 200, "image/png", png.toByteArray());
  }

  private List<RclTile> tilesFor(int level, int row, int col) {
    try (DbvReader reader = DbvReader.open(dbv)) {
      SortedMap<Integer, Long> levels = reader.tileCountsByLevel();
      // The RCL at this level, or the nearest one above that covers it.
      for (int l : new java.util.TreeSet<>(levels.headMap(level + 1).keySet()).descendingSet()) {
        int shift = level - l;
        var tile = reader.tile(l, row >> shift, col >> shift);
        if (tile.isPresent()) {
          return List.of(tile.get());
        }
      }
      // Above the dbv's levels: the RCLs inside, if few enough.
      List<RclTile> inside = new ArrayList<>();
      SortedMap<Integer, Long> below = levels.tailMap(level + 1);
      if (!below.isEmpty() && below.firstKey() - level <= MAX_LEVELS_UP) {
        int l = below.firstKey();
        int n = 1 << (l - level);
        for (int r = row * n; r < (row + 1) * n; r++) {
          for (int c = col * n; c < (col + 1) * n; c++) {
            reader.tile(l, r, c).ifPresent(inside::add);
          }
        }
      }
      return inside;
    }
  }

  private static Palette palette(String query) {
    String name = "day";
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("palette=")) {
          name = pair.substring("palette=".length());
        }
      }
    }
    try {
      return Palette.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
