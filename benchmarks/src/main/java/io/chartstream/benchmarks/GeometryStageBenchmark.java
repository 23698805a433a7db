package io.chartstream.benchmarks;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.project.Reprojector;
import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.rcl.RclKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
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
 * The topology's geometry stages on every feature of one chart: reprojection to EPSG:3395
 * (proj4j), and clipping to the RCLs of the chart's level, against the plain way of clipping
 * (each tile's rectangle intersected with the whole geometry by OverlayNG) in the same run.
 * Divide the chart's features by the time per operation for features/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class GeometryStageBenchmark {
  @Param({"US5WA22M", "US1GC09M"})
  public String chart;

  private final List<Geometry> wgs84 = new ArrayList<>();
  private final List<Geometry> projected = new ArrayList<>();
  private int level;
  private Reprojector reprojector;
  private TileClipper clipper;
  private final RclGrid grid = RclGrid.worldMercator();

  @Setup(Level.Trial)
  public void readChart() throws Exception {
    Path s57 = Path.of(System.getProperty("chartstream.s57", "../shared/s57"));
    CellFiles cell = new InputScanner(s57, 0).scan().cells().stream()
        .filter(c -> c.chartId().equals(chart)).findFirst().orElseThrow();
    var contents = ChartReader.read(cell);
    WKBReader reader = new WKBReader();
    reprojector = Reprojector.to("EPSG:3395");
    for (S57Feature f : contents.features()) {
      if (f.getGeometry() != null) {
        byte[] wkb = new byte[f.getGeometry().remaining()];
        f.getGeometry().duplicate().get(wkb);
        Geometry g = reader.read(wkb);
        wgs84.add(g);
        projected.add(reprojector.project(g));
      }
    }
    level = LevelTable.defaults().levelFor(chart, contents.dsid().compilationScale());
    clipper = new TileClipper(grid, 1.0 / 64);
  }

  @Benchmark
  public long reproject() {
    long n = 0;
    for (Geometry g : wgs84) {
      n += reprojector.project(g).getNumPoints();
    }
    return n;
  }

  @Benchmark
  public long clip() {
    long pieces = 0;
    for (Geometry g : projected) {
      pieces += clipper.clip(g, level).pieces().size();
    }
    return pieces;
  }

  /** Baseline: every tile of the envelope intersected with the whole area by OverlayNG. */
  @Benchmark
  public long clipAreasTileByTileBaseline() {
    GeometryFactory factory = new GeometryFactory();
    long pieces = 0;
    for (Geometry g : projected) {
      if (!(g instanceof Polygonal)) {
        continue;
      }
      for (RclKey rcl : grid.tilesIntersecting(g.getEnvelopeInternal(), level)) {
        Geometry piece = OverlayNGRobust.overlay(g, factory.toGeometry(grid.tileEnvelope(rcl)), OverlayNG.INTERSECTION);
        if (!piece.isEmpty()) {
          pieces++;
        }
      }
    }
    return pieces;
  }

  /** The areas alone through the chartstream clipper, to compare with the baseline above. */
  @Benchmark
  public long clipAreas() {
    long pieces = 0;
    for (Geometry g : projected) {
      if (g instanceof Polygonal) {
        pieces += clipper.clip(g, level).pieces().size();
      }
    }
    return pieces;
  }
}
