package io.chartstream.benchmarks;

import io.chartstream.schema.tile.TileFeatures;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.render.Palette;
import io.chartstream.dbv.render.TileEnvelope;
import io.chartstream.dbv.render.TileRenderer;
import io.chartstream.schema.avro.RclTile;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drawing one RCL of a dbv into a PNG-sized image ({@link TileRenderer#render}), as
 * {@code chartstream render} and the operator map's tile handler do, without the PNG encoding: a
 * 256-pixel map tile and a 1024-pixel picture, day palette. Only the renderer's public API is
 * used, so the same benchmark runs against an older dbv-sink jar for a baseline
 * ({@code benchmarks/render-vs-main.sh}).
 *
 * <p>{@code -Dchartstream.dbv=FILE} (default {@code work/bench/us5wa22m.dbv}) and
 * {@code -Dchartstream.rcl=LEVEL/ROW/COL} (default {@code 13/2878/1310}, US5WA22M's busiest tile,
 * 1,566 pieces).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class RenderBenchmark {
  @Param({"256", "1024"})
  public int size;

  private RclTile tile;
  private final TileRenderer renderer = new TileRenderer();

  @Setup(Level.Trial)
  public void setUp() {
    Path dbv = Path.of(System.getProperty("chartstream.dbv", "work/bench/us5wa22m.dbv"));
    String[] rcl = System.getProperty("chartstream.rcl", "13/2878/1310").split("/");
    try (DbvReader reader = DbvReader.open(dbv)) {
      tile = reader.tile(Integer.parseInt(rcl[0]), Integer.parseInt(rcl[1]), Integer.parseInt(rcl[2]))
          .orElseThrow(() -> new IllegalStateException(dbv + " has no tile " + String.join("/", rcl)));
    }
    System.out.printf("%n%s: %d features%n", String.join("/", rcl), TileFeatures.count(tile));
  }

  @Benchmark
  public BufferedImage renderTile() {
    return renderer.render(List.of(tile), TileEnvelope.of(tile), size, size, Palette.DAY);
  }
}
