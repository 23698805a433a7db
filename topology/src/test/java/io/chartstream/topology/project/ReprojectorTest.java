package io.chartstream.topology.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.rcl.RclGrid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;

class ReprojectorTest {
  private static final double H = RclGrid.WORLD_MERCATOR_HALF_EDGE;
  /** ogr2ogr and proj4j must agree to this, in metres, on x and y. */
  private static final double TOLERANCE = 0.001;

  private final Reprojector mercator = Reprojector.to("EPSG:3395");

  @Test
  void knownWorldMercatorValues() throws Exception {
    assertXy(0, 0, project("POINT (0 0)"), 1e-6);
    assertXy(H, 0, project("POINT (180 0)"), 1e-6);
    assertXy(-H, 0, project("POINT (-180 0)"), 1e-6);
    // EPSG:3395 is ellipsoidal: 45°N is 5591295.92 m, not the sphere's 5621521.49 m
    assertXy(0, 5591295.9185, project("POINT (0 45)"), 1e-3);
    // the square extent's north edge is at about 85.0840591°
    assertEquals(H, project("POINT (0 85.08405905)").getCoordinate().y, 1.0);
  }

  @Test
  void structureAndZAreKept() throws Exception {
    Geometry input = new WKTReader().read(
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2)), ((20 20, 21 20, 21 21, 20 20)))");
    Geometry before = input.copy();
    Geometry projected = mercator.project(input);
    assertEquals(input.getGeometryType(), projected.getGeometryType());
    assertEquals(input.getNumPoints(), projected.getNumPoints());
    assertEquals(1, ((org.locationtech.jts.geom.Polygon) projected.getGeometryN(0)).getNumInteriorRing());
    assertTrue(before.equalsExact(input), "the input is not modified");
    assertEquals(mercator.project(before.getGeometryN(1)).getCoordinates()[2], projected.getCoordinates()[12]);

    Geometry sounding = new WKTReader().read("POINT Z (-70.9 42.3 12.4)");
    Coordinate c = mercator.project(sounding).getCoordinate();
    assertEquals(12.4, c.getZ(), 0.0, "soundings keep their depth in Z");
    Geometry multi = mercator.project(new WKTReader().read("MULTIPOINT Z ((1 2 3), (4 5 6))"));
    assertEquals(6, multi.getGeometryN(1).getCoordinate().getZ(), 0.0);
    assertEquals(3395, multi.getSRID());
    assertNotSame(sounding, mercator.project(sounding));
  }

  @Test
  void latitudesAreClampedBeforeThePoles() throws Exception {
    double atClamp = project("POINT (10 89.9)").getCoordinate().y;
    assertTrue(Double.isFinite(atClamp) && atClamp > 2 * H, "far beyond the grid, but finite: " + atClamp);
    assertEquals(atClamp, project("POINT (10 90)").getCoordinate().y, 0.0);
    assertEquals(-atClamp, project("POINT (10 -90)").getCoordinate().y, 1e-6);
    assertEquals(atClamp, project("POINT (10 95)").getCoordinate().y, 0.0, "even nonsense latitudes");
  }

  @Test
  void emptyAndNonFiniteInput() throws Exception {
    assertTrue(project("POLYGON EMPTY").isEmpty());
    Geometry nan = mercator.project(new org.locationtech.jts.geom.GeometryFactory().createPoint(new Coordinate(Double.NaN, 10)));
    assertTrue(Double.isNaN(nan.getCoordinate().x) && Double.isNaN(nan.getCoordinate().y));
  }

  @Test
  void crsNames() {
    assertEquals("EPSG:3395", mercator.crsName());
    assertEquals("EPSG:3857", Reprojector.to("epsg:3857").crsName());
    assertThrows(IllegalArgumentException.class, () -> Reprojector.to("EPSG:999999"));
    assertThrows(IllegalArgumentException.class, () -> Reprojector.to("NOPE:1"));
    assertThrows(IllegalArgumentException.class, () -> Reprojector.to(""));
    assertThrows(IllegalArgumentException.class, () -> Reprojector.to(null));
  }

  /**
   * The oracle: every feature with a geometry of every layer of every shared NOAA cell, projected by
   * GDAL ({@code ogr2ogr -t_srs EPSG:3395}, same open options as {@link ChartReader}) and by us
   * from the WKB our reader produced, compared vertex by vertex.
   */
  @Test
  @Tag("slow")
  void matchesOgr2ogrOnEverySharedCell() throws Exception {
    List<CellFiles> cells = new InputScanner(SharedData.s57(), 0).scan().cells();
    assertTrue(cells.size() >= 10, "expected the shared NOAA cells, found " + cells.size());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Stats stats = new Stats();
    try {
      for (CellFiles cell : cells) {
        Map<String, List<S57Feature>> layers = new LinkedHashMap<>();
        for (S57Feature f : ChartReader.read(cell).features()) {
          layers.computeIfAbsent(f.getObjectClass(), k -> new ArrayList<>()).add(f);
        }
        layers.values().removeIf(list -> list.stream().allMatch(f -> f.getGeometry() == null));
        Map<String, Future<JsonNode>> gdal = new LinkedHashMap<>();
        layers.keySet().forEach(layer -> gdal.put(layer, pool.submit(() -> ogr2ogr(cell, layer))));
        for (var layer : layers.entrySet()) {
          compareLayer(cell.chartId(), layer.getKey(), layer.getValue(), gdal.get(layer.getKey()).get(), stats);
        }
        stats.cells++;
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(Locale.ROOT, "Reprojector vs ogr2ogr -t_srs EPSG:3395: %d cells, %d layers, %d features, %d vertices;"
        + " max |dx| %.3g m, max |dy| %.3g m (at %s)%n",
        stats.cells, stats.layers, stats.features, stats.vertices, stats.maxDx, stats.maxDy, stats.worst);
    assertTrue(stats.problems.isEmpty(), () -> String.join("\n", stats.problems.subList(0, Math.min(20, stats.problems.size()))));
    assertTrue(stats.maxDx <= TOLERANCE && stats.maxDy <= TOLERANCE);
    assertTrue(stats.features > 50_000, "all features of the shared cells: " + stats.features);
  }

  private void compareLayer(String chart, String layer, List<S57Feature> ours, JsonNode gdal, Stats stats) throws Exception {
    JsonNode features = gdal.get("features");
    if (features.size() != ours.size()) {
      stats.problems.add(chart + " " + layer + ": GDAL wrote " + features.size() + " features, we read " + ours.size());
      return;
    }
    stats.layers++;
    WKBReader wkb = new WKBReader();
    for (int i = 0; i < ours.size(); i++) {
      S57Feature feature = ours.get(i);
      JsonNode theirs = features.get(i).get("geometry");
      String where = chart + " " + layer + " #" + i;
      if (feature.getGeometry() == null) {
        if (theirs != null && !theirs.isNull()) {
          stats.problems.add(where + ": GDAL has a geometry, we have none");
        }
        continue;
      }
      byte[] bytes = new byte[feature.getGeometry().remaining()];
      feature.getGeometry().duplicate().get(bytes);
      Coordinate[] projected = mercator.project(wkb.read(bytes)).getCoordinates();
      List<double[]> expected = new ArrayList<>();
      GeoJsonPositions.of(theirs, expected);
      if (expected.size() != projected.length) {
        stats.problems.add(where + ": GDAL has " + expected.size() + " vertices, we have " + projected.length);
        continue;
      }
      stats.features++;
      for (int v = 0; v < projected.length; v++) {
        double dx = Math.abs(projected[v].x - expected.get(v)[0]);
        double dy = Math.abs(projected[v].y - expected.get(v)[1]);
        stats.vertices++;
        if (dx > stats.maxDx || dy > stats.maxDy) {
          stats.maxDx = Math.max(dx, stats.maxDx);
          stats.maxDy = Math.max(dy, stats.maxDy);
          stats.worst = where + " vertex " + v;
        }
        if (dx > TOLERANCE || dy > TOLERANCE || Double.isNaN(dx + dy)) {
          stats.problems.add(where + " vertex " + v + ": ours " + projected[v] + ", GDAL's "
              + expected.get(v)[0] + ", " + expected.get(v)[1]);
          break;
        }
      }
    }
  }

  private static JsonNode ogr2ogr(CellFiles cell, String layer) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-q"));
    for (String option : ChartReader.OPEN_OPTIONS) {
      cmd.add("-oo");
      cmd.add(option);
    }
    cmd.addAll(List.of("-f", "GeoJSON", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=6", "-t_srs", "EPSG:3395",
        "/vsistdout/", cell.base().toString(), layer));
    Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("ogr2ogr failed: " + String.join(" ", cmd));
    }
    return new ObjectMapper().readTree(out);
  }

  private Geometry project(String wkt) throws Exception {
    return mercator.project(new WKTReader().read(wkt));
  }

  private static void assertXy(double x, double y, Geometry point, double tolerance) {
    assertEquals(x, point.getCoordinate().x, tolerance, "x");
    assertEquals(y, point.getCoordinate().y, tolerance, "y");
    assertFalse(point.isEmpty());
  }

  private static final class Stats {
    int cells;
    int layers;
    long features;
    long vertices;
    double maxDx;
    double maxDy;
    String worst = "-";
    final List<String> problems = new ArrayList<>();
  }
}
