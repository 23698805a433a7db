import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.render.Palette;
import io.chartstream.dbv.render.TileEnvelope;
import io.chartstream.dbv.render.TileRenderer;
import io.chartstream.schema.avro.RclTile;
import java.nio.file.Path;
import java.util.List;

/**
 * Thread CPU time of drawing US5WA22M's busiest RCL (13/2878/1310) with whatever
 * {@code TileRenderer} is first on the class path: 5 warm-up renders, then 20 measured. For a
 * comparison on a loaded machine, where wall times mean nothing (docs/BENCHMARKS.md, "Rendering
 * in S-52"). Run from the repository root:
 * {@code java -cp "benchmarks/target/lib/*" benchmarks/single-file/RenderTime.java work/bench/us5wa22m.dbv 256},
 * with another dbv-sink jar first on the class path for the baseline.
 */
public class RenderTime {
  public static void main(String[] args) {
    RclTile tile;
    try (DbvReader reader = DbvReader.open(Path.of(args[0]))) {
      tile = reader.tile(13, 2878, 1310).orElseThrow();
    }
    int size = Integer.parseInt(args[1]);
    TileRenderer r = new TileRenderer();
    for (int i = 0; i < 5; i++) r.render(List.of(tile), TileEnvelope.of(tile), size, size, Palette.DAY);
    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int n = 20;
    for (int i = 0; i < n; i++) r.render(List.of(tile), TileEnvelope.of(tile), size, size, Palette.DAY);
    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    System.out.printf("size %d: wall %.1f ms, thread CPU %.1f ms per tile%n", size, (System.nanoTime() - t0) / 1e6 / n, cpu / 1e6 / n);
  }
}
