package io.chartstream.app;

import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.render.Palette;
import io.chartstream.dbv.render.TileRenderer;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.rcl.RclKey;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import io.chartstream.topology.project.Reprojector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chartstream render FILE.dbv --rcl L/R/C | --bbox W,S,E,N --level L -o out.png
 * [--palette day|dusk|night]}: draws one RCL, or the tiles of an area at a level, in S-52 from
 * the dbv and the built-in symbol library (fills and patterns, lines and complex lines, symbols
 * and soundings, decluttered texts; docs/styling.md).
 */
@Command(name = "render", mixinStandardHelpOptions = true, description = "Draw an RCL of a dbv to PNG.")
final class RenderCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The dbv file.")
  Path file;

  @Option(names = "--rcl", description = "The tile: LEVEL/ROW/COL.")
  String rcl;

  @Option(names = "--bbox", description = "An area instead of one tile: WEST,SOUTH,EAST,NORTH in degrees (with --level).")
  String bbox;

  @Option(names = "--level", description = "The level of the tiles drawn for --bbox.")
  Integer level;

  @Option(names = {"-o", "--output"}, required = true, description = "The PNG to write.")
  Path output;

  @Option(names = "--palette", defaultValue = "day", description = "day, dusk or night (default: ${DEFAULT-VALUE}).")
  String palette;

  @Option(names = "--size", defaultValue = "1024", description = "Width in pixels; the height follows the area (default: ${DEFAULT-VALUE}).")
  int size;

  @Override
  public Integer call() throws Exception {
    RclGrid grid = RclGrid.worldMercator();
    Envelope area;
    List<RclKey> keys;
    if (rcl != null && bbox == null) {
      String[] parts = rcl.split("/");
      if (parts.length != 3) {
        System.err.println("chartstream render: --rcl must be LEVEL/ROW/COL, not " + rcl);
        return 2;
      }
      RclKey key = RclKey.of(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[0]));
      area = grid.tileEnvelope(key);
      keys = List.of(key);
    } else if (bbox != null && rcl == null && level != null) {
      String[] c = bbox.split(",");
      if (c.length != 4) {
        System.err.println("chartstream render: --bbox must be WEST,SOUTH,EAST,NORTH, not " + bbox);
        return 2;
      }
      GeometryFactory factory = new GeometryFactory();
      Geometry corners = Reprojector.to("EPSG:3395").project(factory.createMultiPointFromCoords(new Coordinate[] {
          new Coordinate(Double.parseDouble(c[0]), Double.parseDouble(c[1])), new Coordinate(Double.parseDouble(c[2]), Double.parseDouble(c[3]))}));
      area = corners.getEnvelopeInternal();
      keys = grid.tilesIntersecting(area, level);
    } else {
      System.err.println("chartstream render: give either --rcl LEVEL/ROW/COL, or --bbox WEST,SOUTH,EAST,NORTH with --level");
      return 2;
    }
    List<RclTile> tiles = new ArrayList<>();
    try (DbvReader reader = DbvReader.open(file)) {
      for (RclKey key : keys) {
        reader.tile(key.level(), key.row(), key.col()).ifPresent(tiles::add);
      }
    }
    if (tiles.isEmpty()) {
      System.err.println("chartstream render: " + file + " has no tile in " + (rcl != null ? rcl : bbox + " at level " + level));
      return 1;
    }
    int width = size;
    int height = (int) Math.max(1, Math.round(size * area.getHeight() / area.getWidth()));
    BufferedImage image = new TileRenderer().render(tiles, area, width, height, Palette.valueOf(palette.toUpperCase(Locale.ROOT)));
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ImageIO.write(image, "png", output.toFile());
    System.out.println("wrote " + output.toAbsolutePath() + " (" + tiles.size() + " tiles, "
        + tiles.stream().mapToInt(TileFeatures::count).sum() + " features)");
    return 0;
  }
}
