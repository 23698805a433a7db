package io.chartstream.app;

import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.render.Palette;
import io.chartstream.dbv.render.TileRenderer;
import io.chartstream.schema.avro.RclTile;
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
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chartstream render FILE.dbv --rcl L/R/C -o out.png [--palette day|dusk|night]}: draws one
 * RCL from the dbv alone (areas from their triangles, lines with their styles, symbols, soundings).
 */
@Command(name = "render", mixinStandardHelpOptions = true, description = "Draw an RCL of a dbv to PNG.")
final class RenderCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The dbv file.")
  Path file;

  @Option(names = "--rcl", required = true, description = "The tile: LEVEL/ROW/COL.")
  String rcl;

  @Option(names = {"-o", "--output"}, required = true, description = "The PNG to write.")
  Path output;

  @Option(names = "--palette", defaultValue = "day", description = "day, dusk or night (default: ${DEFAULT-VALUE}).")
  String palette;

  @Option(names = "--size", defaultValue = "1024", description = "Width and height in pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Override
  public Integer call() throws Exception {
    String[] parts = rcl.split("/");
    if (parts.length != 3) {
      System.err.println("chartstream render: --rcl must be LEVEL/ROW/COL, not " + rcl);
      return 2;
    }
    RclKey key = RclKey.of(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[0]));
    List<RclTile> tiles = new ArrayList<>();
    try (DbvReader reader = DbvReader.open(file)) {
      reader.tile(key.level(), key.row(), key.col()).ifPresent(tiles::add);
    }
    if (tiles.isEmpty()) {
      System.err.println("chartstream render: " + file + " has no tile " + key);
      return 1;
    }
    Envelope area = RclGrid.worldMercator().tileEnvelope(key);
    BufferedImage image = new TileRenderer().render(tiles, area, size, size, Palette.valueOf(palette.toUpperCase(Locale.ROOT)));
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ImageIO.write(image, "png", output.toFile());
    System.out.println("wrote " + output.toAbsolutePath() + " (" + key + ", " + tiles.getFirst().getFeatures().size() + " features)");
    return 0;
  }
}
