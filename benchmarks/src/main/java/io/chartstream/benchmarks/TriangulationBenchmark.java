package io.chartstream.benchmarks;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartContents;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.clip.TilePiece;
import io.chartstream.topology.display.DisplayPointFinder;
import io.chartstream.topology.project.Reprojector;
import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import io.chartstream.topology.triangulate.AreaTriangulator;
import io.chartstream.topology.triangulate.EarcutTriangulator;
import io.chartstream.topology.triangulate.JtsConstrainedDelaunayTriangulator;
import io.chartstream.topology.triangulate.JtsEarClipTriangulator;
import io.chartstream.topology.triangulate.TriangleMesh;
import io.chartstream.topology.triangulate.TriangulationCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.algorithm.construct.LargestEmptyCircle;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
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
 * Triangulation and display points on the real areas of every shared cell: each area feature
 * reprojected to EPSG:3395 and clipped at its chart's level without buffer, each piece's polygons
 * moved to their tile's origin. One operation is one pass over all of them:
 * <ul>
 *   <li>{@code triangulate}: one algorithm, unchecked ({@link Algorithm});
 *   <li>{@code areaTriangulator}: what the stage runs per piece (move, earcut, check, fallbacks,
 *       Avro view);
 *   <li>{@code displayPointsOfAreas}: a way to place a point in every whole area feature
 *       ({@link AreaPointMethod}), its setup printing how far inside the points are;
 *   <li>{@code displayPoints}: {@link DisplayPointFinder} on every feature, areas, lines, points.
 * </ul>
 * Each state's setup prints the counts to divide by (polygons, triangles, features), and the
 * triangulators' failures on this data: results failing {@link TriangulationCheck}, and throws.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
public class TriangulationBenchmark {
  private final RclGrid grid = RclGrid.worldMercator();
  /** Every area piece's polygons, moved to the tile's origin. */
  private final List<Polygon> polygons = new ArrayList<>();
  /** Every area piece as clipped, with its tile, for the whole stage path. */
  private final List<Geometry> pieces = new ArrayList<>();
  private final List<Envelope> tiles = new ArrayList<>();
  /** Every feature's whole projected geometry, and the areas among them. */
  private final List<Geometry> features = new ArrayList<>();
  private final List<Geometry> areas = new ArrayList<>();

  @Setup(Level.Trial)
  public void readCells() throws Exception {
    Path s57 = Path.of(System.getProperty("chartstream.s57", "../shared/s57"));
    Reprojector reprojector = Reprojector.to("EPSG:3395");
    TileClipper clipper = new TileClipper(grid, 0);
    WKBReader wkb = new WKBReader();
    List<CellFiles> cells = new InputScanner(s57, 0).scan().cells();
    for (CellFiles cell : cells) {
      ChartContents chart = ChartReader.read(cell);
      int level = LevelTable.defaults().levelFor(cell.chartId(), chart.dsid().compilationScale());
      for (S57Feature f : chart.features()) {
        if (f.getGeometry() == null) {
          continue;
        }
        byte[] bytes = new byte[f.getGeometry().remaining()];
        f.getGeometry().duplicate().get(bytes);
        Geometry projected = reprojector.project(wkb.read(bytes));
        features.add(projected);
        if (!(projected instanceof Polygonal)) {
          continue;
        }
        areas.add(projected);
        for (TilePiece piece : clipper.clip(projected, level).pieces()) {
          Envelope tile = grid.tileEnvelope(piece.rcl());
          pieces.add(piece.geometry());
          tiles.add(tile);
          Geometry relative = AreaTriangulator.relativeTo(piece.geometry(), tile.getMinX(), tile.getMinY());
          for (int i = 0; i < relative.getNumGeometries(); i++) {
            polygons.add((Polygon) relative.getGeometryN(i));
          }
        }
      }
    }
    long vertices = polygons.stream().mapToLong(Polygon::getNumPoints).sum();
    System.out.printf(Locale.ROOT, "%n%d cells: %d features, %d areas, %d area pieces, %d polygons, %d vertices%n",
        cells.size(), features.size(), areas.size(), pieces.size(), polygons.size(), vertices);
  }

  /** A triangulator to compare, unchecked. */
  @State(Scope.Benchmark)
  public static class Algorithm {
    @Param({"earcut", "jtsEarClip", "jtsConstrainedDelaunay"})
    public String name;

    Function<Polygon, TriangleMesh> triangulator;

    @Setup(Level.Trial)
    public void countFailures(TriangulationBenchmark data) {
      triangulator = switch (name) {
        case "earcut" -> EarcutTriangulator::triangulate;
        case "jtsEarClip" -> JtsEarClipTriangulator::triangulate;
        case "jtsConstrainedDelaunay" -> JtsConstrainedDelaunayTriangulator::triangulate;
        default -> throw new IllegalArgumentException(name);
      };
      long triangles = 0;
      int failedCheck = 0;
      int threw = 0;
      for (Polygon p : data.polygons) {
        try {
          TriangleMesh mesh = triangulator.apply(p);
          triangles += mesh.triangleCount();
          failedCheck += TriangulationCheck.problem(mesh, p.getArea()) == null ? 0 : 1;
        } catch (RuntimeException e) {
          threw++;
        }
      }
      System.out.printf(Locale.ROOT, "%n%s on %d polygons: %d triangles, %d failing the check, %d thrown%n", name,
          data.polygons.size(), triangles, failedCheck, threw);
    }
  }

  /** A way to place a point well inside an area, on whole area features. */
  @State(Scope.Benchmark)
  public static class AreaPointMethod {
    /**
     * {@code finder}: DisplayPointFinder (inscribed circle to max(diagonal / 1000, clearance of
     * InteriorPointArea / 10), checked); {@code inscribedCircle1000}, {@code inscribedCircle100}:
     * the inscribed circle to 1/1000 or 1/100 of the diagonal; {@code largestEmptyCircle}: the
     * largest circle clear of the boundary, to 1/1000; {@code interiorPointArea}: JTS's scan line.
     */
    @Param({"finder", "inscribedCircle1000", "inscribedCircle100", "largestEmptyCircle", "interiorPointArea"})
    public String name;

    /**
     * Prints the quality of this method's points: each point's clearance (distance to the
     * boundary) over the largest clearance (the inscribed circle to 1/10,000 of the diagonal).
     */
    @Setup(Level.Trial)
    public void measureClearance(TriangulationBenchmark data) {
      double worst = 1;
      double sum = 0;
      int below90 = 0;
      int belowHalf = 0;
      for (Geometry area : data.areas) {
        MaximumInscribedCircle best = new MaximumInscribedCircle(area, diagonal(area) / 10_000);
        double ratio = new IndexedFacetDistance(area.getBoundary()).distance(area.getFactory().createPoint(point(area)))
            / best.getRadiusLine().getLength();
        worst = Math.min(worst, ratio);
        sum += ratio;
        below90 += ratio < 0.9 ? 1 : 0;
        belowHalf += ratio < 0.5 ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "%n%s on %d areas: clearance / largest clearance: worst %.3f, mean %.3f,"
          + " %d below 0.9, %d below 0.5%n", name, data.areas.size(), worst, sum / data.areas.size(), below90, belowHalf);
    }

    Coordinate point(Geometry area) {
      return switch (name) {
        case "finder" -> DisplayPointFinder.find(area);
        case "inscribedCircle1000" -> MaximumInscribedCircle.getCenter(area, diagonal(area) / 1000).getCoordinate();
        case "inscribedCircle100" -> MaximumInscribedCircle.getCenter(area, diagonal(area) / 100).getCoordinate();
        case "largestEmptyCircle" -> LargestEmptyCircle.getCenter(area.getBoundary(), area, diagonal(area) / 1000).getCoordinate();
        case "interiorPointArea" -> InteriorPointArea.getInteriorPoint(area);
        default -> throw new IllegalArgumentException(name);
      };
    }

    private static double diagonal(Geometry area) {
      Envelope e = area.getEnvelopeInternal();
      return Math.hypot(e.getWidth(), e.getHeight());
    }
  }

  @Benchmark
  public long triangulate(Algorithm algorithm) {
    long triangles = 0;
    for (Polygon p : polygons) {
      triangles += algorithm.triangulator.apply(p).triangleCount();
    }
    return triangles;
  }

  /** The stage's path per piece: moved to the tile's origin, earcut, checked, the Avro view. */
  @Benchmark
  public long areaTriangulator() {
    long triangles = 0;
    for (int i = 0; i < pieces.size(); i++) {
      triangles += AreaTriangulator.triangulateArea(pieces.get(i), tiles.get(i)).mesh().toAvro().getIndices().size();
    }
    return triangles / 3;
  }

  @Benchmark
  public double displayPointsOfAreas(AreaPointMethod method) {
    double sum = 0;
    for (Geometry area : areas) {
      sum += method.point(area).x;
    }
    return sum;
  }

  @Benchmark
  public double displayPoints() {
    double sum = 0;
    for (Geometry g : features) {
      sum += DisplayPointFinder.find(g).x;
    }
    return sum;
  }
}
