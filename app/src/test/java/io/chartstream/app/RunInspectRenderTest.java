package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.ingest.s57.SharedData;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job as a user runs it: {@code run --once} on real cells gives a dbv; {@code inspect
 * --json} and the {@code sqlite3} command line agree on what it holds; {@code render} draws a
 * tile from it (the PNGs stay under {@code target/render-test/} for a person to look at).
 */
class RunInspectRenderTest {
  @TempDir Path input;
  @TempDir Path workDir;

  @Test
  void runOnceGivesADbvThatInspectSqliteAndRenderRead() throws Exception {
    Path s57 = SharedData.s57();
    Files.copy(s57.resolve("US1BS01M/US1BS01M.000"), input.resolve("US1BS01M.000"));
    Files.copy(s57.resolve("US5MA12M/US5MA12M.000"), input.resolve("US5MA12M.000"));
    Path dbv = workDir.resolve("out.dbv");
    Path config = ConfigDir.find();
    assertEquals(0, chartstream("run", "--input", input.toString(), "--dbv", dbv.toString(), "--work-dir",
        workDir.resolve("work").toString(), "--once", "--config-dir", config.toString()));
    assertTrue(Files.size(dbv) > 100_000);

    JsonNode summary = new ObjectMapper().readTree(output("inspect", dbv.toString(), "--json"));
    Set<String> charts = new HashSet<>();
    summary.get("charts").forEach(c -> charts.add(c.get("name").asText()));
    assertEquals(Set.of("US1BS01M", "US5MA12M"), charts);
    long total = summary.get("tiles").get("total").asLong();
    assertTrue(total > 10, "tiles: " + summary.get("tiles"));
    assertEquals(1.0, summary.get("styledShare").asDouble(), 0.001);
    assertEquals(String.valueOf(total), sqlite(dbv, "select count(*) from tiles"));
    assertEquals(summary.get("tiles").get("byLevel").get("13").asText(), sqlite(dbv, "select count(*) from tiles where level = 13"));

    String densest = sqlite(dbv, "select level || '/' || row || '/' || col from tiles where level = 13 order by feature_count desc limit 1");
    Path out = Path.of("target", "render-test");
    for (String palette : new String[] {"day", "night"}) {
      Path png = out.resolve("US5MA12M-" + densest.replace('/', '-') + "-" + palette + ".png");
      assertEquals(0, chartstream("render", dbv.toString(), "--rcl", densest, "-o", png.toString(), "--palette", palette, "--size", "512"));
      BufferedImage image = ImageIO.read(png.toFile());
      Set<Integer> colours = new HashSet<>();
      for (int y = 0; y < image.getHeight(); y += 4) {
        for (int x = 0; x < image.getWidth(); x += 4) {
          colours.add(image.getRGB(x, y));
        }
      }
      assertTrue(colours.size() > 8, palette + " rendering has " + colours.size() + " colours");
    }
    assertEquals(1, chartstream("render", dbv.toString(), "--rcl", "3/0/0", "-o", out.resolve("none.png").toString()),
        "a tile the dbv lacks is an error");
    // An area of US5MA12M (Boston harbour approaches) at the harbour level: several tiles in one image.
    Path area = out.resolve("US5MA12M-bbox-day.png");
    assertEquals(0, chartstream("render", dbv.toString(), "--bbox", "-71.00,42.25,-70.90,42.32", "--level", "13",
        "-o", area.toString(), "--size", "768"));
    assertTrue(ImageIO.read(area.toFile()).getHeight() > 100);
  }

  private static int chartstream(String... args) {
    return LauncherRun.of(args).exit();
  }

  private static String output(String... args) {
    return LauncherRun.stdoutOf(args);
  }

  private static String sqlite(Path dbv, String sql) throws Exception {
    Process p = new ProcessBuilder("sqlite3", dbv.toString(), sql).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

}
