package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chartstream.dbv.DbvException;
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
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * {@code GET /tiles/{level}/{row}/{col}.png?palette=day|dusk|night}: a 256-pixel map tile drawn
 * from the dbv with {@link TileRenderer}. RCLs are the tiles of a quadtree on EPSG:3395, the
 * grid Leaflet's {@code L.CRS.EPSG3395} uses, so a map zoom is an RCL level. Deeper than the dbv
 * goes, the covering RCL is drawn magnified; a few levels above, the RCLs inside are drawn
 * together; otherwise 404 (Leaflet leaves the tile empty).
 *
 * <p>Bounded: at most {@link #RENDERS} tiles are drawn at once (a request that cannot start one
 * within {@link #WAIT_MILLIS} is answered 429, so a flood of requests queues nothing), and drawn
 * tiles are kept in a {@link TileCache} keyed by the tile, the palette and the sequence of every
 * RCL drawn into it, so a tile is drawn again only when the sink stored a newer version of it.
 */
final class TileHandler implements HttpHandler {
  private static final Pattern PATH = Pattern.compile("/tiles/(\\d{1,2})/(\\d{1,9})/(\\d{1,9})\\.png");
  private static final int SIZE = 256;
  /** Up to 4^3 = 64 RCLs drawn into one tile above the dbv's levels. */
  private static final int MAX_LEVELS_UP = 3;
  static final int RENDERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  private static final long WAIT_MILLIS = 2000;

  private final Path dbv;
  private final RclGrid grid = RclGrid.worldMercator();
  private final Semaphore renders;
  private final long waitMillis;
  private final TileCache cache = new TileCache(32L << 20);
  /** Tiles drawn so far (not served from the cache). */
  private final java.util.concurrent.atomic.AtomicLong drawn = new java.util.concurrent.atomic.AtomicLong();

  /** One RCL drawn into a tile, and which version of it the dbv holds. */
  private record Source(int level, int row, int col, long sequence) {}

  TileHandler(Path dbv) {
    this(dbv, RENDERS, WAIT_MILLIS);
  }

  /** With {@code renders} tiles drawn at once, a request waiting at most {@code waitMillis} for its turn. */
  TileHandler(Path dbv, int renders, long waitMillis) {
    this.dbv = dbv;
    this.renders = new Semaphore(renders);
    this.waitMillis = waitMillis;
  }

  /** How many tiles were drawn, not served from the cache. */
  long drawn() {
    return drawn.get();
  }

  /** The permits of concurrent drawing, for a test to hold. */
  Semaphore renderPermits() {
    return renders;
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
    if (level > RclKey.MAX_LEVEL || row >= RclGrid.tilesPerSide(level) || col >= RclGrid.tilesPerSide(level)) {
      Responses.text(exchange, 404, "no such tile\n");
      return;
    }
    List<Source> sources;
    try {
      sources = sourcesFor(level, row, col);
    } catch (DbvException e) {
      Responses.text(exchange, 503, "the dbv cannot be read now\n");
      return;
    }
    if (sources.isEmpty()) {
      Responses.text(exchange, 404, "the dbv has nothing there\n");
      return;
    }
    String key = level + "/" + row + "/" + col + "/" + palette + sources;
    byte[] png = cache.get(key);
    if (png == null) {
      if (!acquire()) {
        exchange.getResponseHeaders().set("Retry-After", "1");
        Responses.text(exchange, 429, "too many tiles being drawn; try again\n");
        return;
      }
      try {
        png = cache.get(key); // drawn by another request meanwhile?
        if (png == null) {
          png = render(level, row, col, sources, palette);
          drawn.incrementAndGet();
          cache.put(key, png);
        }
      } finally {
        renders.release();
      }
    }
    Responses.send(exchange, 200, "image/png", png);
  }

  private boolean acquire() {
    try {
      return renders.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private byte[] render(int level, int row, int col, List<Source> sources, Palette palette) throws IOException {
    List<RclTile> tiles = new ArrayList<>();
    try (DbvReader reader = DbvReader.open(dbv)) {
      for (Source s : sources) {
        reader.tile(s.level(), s.row(), s.col()).ifPresent(tiles::add);
      }
    }
    BufferedImage image = new TileRenderer().render(tiles, grid.tileEnvelope(RclKey.of(row, col, level)), SIZE, SIZE, palette);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  /** The RCLs to draw: this one or the nearest one above that covers it, else the RCLs inside if few enough. */
  private List<Source> sourcesFor(int level, int row, int col) {
    try (DbvReader reader = DbvReader.open(dbv)) {
      SortedMap<Integer, Long> levels = reader.tileCountsByLevel();
      for (int l : new TreeSet<>(levels.headMap(level + 1).keySet()).descendingSet()) {
        int shift = level - l;
        var sequence = reader.sequence(l, row >> shift, col >> shift);
        if (sequence.isPresent()) {
          return List.of(new Source(l, row >> shift, col >> shift, sequence.get()));
        }
      }
      List<Source> inside = new ArrayList<>();
      SortedMap<Integer, Long> below = levels.tailMap(level + 1);
      if (!below.isEmpty() && below.firstKey() - level <= MAX_LEVELS_UP) {
        int l = below.firstKey();
        int n = 1 << (l - level);
        for (int r = row * n; r < (row + 1) * n; r++) {
          for (int c = col * n; c < (col + 1) * n; c++) {
            int rr = r;
            int cc = c;
            reader.sequence(l, r, c).ifPresent(sequence -> inside.add(new Source(l, rr, cc, sequence)));
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
