package io.chartstream.topology.triangulate;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartContents;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.clip.TileClipper;
import io.chartstream.topology.clip.TilePiece;
import io.chartstream.topology.project.Reprojector;
import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.rcl.RclGrid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKBReader;

/**
 * Every feature with geometry of every shared NOAA cell, projected to EPSG:3395 with its chart's
 * level, and their area pieces, computed once per test JVM (reading through GDAL and clipping
 * are the slow parts) and shared by the triangulation and display-point tests.
 */
public final class SharedCellFeatures {
  /** One feature: where it comes from, its chart's level, its whole geometry in EPSG:3395. */
  public record Feature(S57Feature source, int level, Geometry projected) {
    public String where() {
      return source.getChartId() + " " + source.getObjectClass() + " #" + source.getIndex();
    }
  }

  /** One area piece: its feature and the piece as clipped at the chart's level without buffer. */
  public record AreaPiece(Feature feature, TilePiece piece) {
    public String where() {
      return feature.where() + " " + piece.rcl();
    }
  }

  private static List<Feature> features;
  private static List<AreaPiece> areaPieces;
  private static int cellCount;

  private SharedCellFeatures() {}

  /** The features, read on first use. */
  public static synchronized List<Feature> all() throws Exception {
    if (features == null) {
      Reprojector reprojector = Reprojector.to("EPSG:3395");
      WKBReader wkb = new WKBReader();
      List<Feature> list = new ArrayList<>();
      List<CellFiles> cells = new InputScanner(SharedData.s57(), 0).scan().cells();
      for (CellFiles cell : cells) {
        ChartContents chart = ChartReader.read(cell);
        int level = LevelTable.defaults().levelFor(cell.chartId(), chart.dsid().compilationScale());
        for (S57Feature feature : chart.features()) {
          if (feature.getGeometry() != null) {
            byte[] bytes = new byte[feature.getGeometry().remaining()];
            feature.getGeometry().duplicate().get(bytes);
            list.add(new Feature(feature, level, reprojector.project(wkb.read(bytes))));
          }
        }
      }
      cellCount = cells.size();
      features = List.copyOf(list);
    }
    return features;
  }

  /**
   * Every area piece: each area feature clipped at its chart's level without buffer
   * ({@code new TileClipper(RclGrid.worldMercator(), 0)}), computed on first use.
   */
  public static synchronized List<AreaPiece> areaPieces() throws Exception {
    if (areaPieces == null) {
      TileClipper clipper = new TileClipper(RclGrid.worldMercator(), 0);
      List<AreaPiece> list = new ArrayList<>();
      for (Feature f : all()) {
        if (f.projected() instanceof Polygonal) {
          for (TilePiece piece : clipper.clip(f.projected(), f.level()).pieces()) {
            list.add(new AreaPiece(f, piece));
          }
        }
      }
      areaPieces = List.copyOf(list);
    }
    return areaPieces;
  }

  /**
   * The hardest polygons of the area pieces: the {@code n} with the most vertices and the {@code n}
   * with the most holes, each moved to its tile's origin as {@link AreaTriangulator} moves it.
   */
  public static synchronized List<Polygon> hardestPolygons(int n) throws Exception {
    RclGrid grid = RclGrid.worldMercator();
    List<Polygon> polygons = new ArrayList<>();
    for (AreaPiece p : areaPieces()) {
      Envelope tile = grid.tileEnvelope(p.piece().rcl());
      Geometry relative = AreaTriangulator.relativeTo(p.piece().geometry(), tile.getMinX(), tile.getMinY());
      for (int i = 0; i < relative.getNumGeometries(); i++) {
        polygons.add((Polygon) relative.getGeometryN(i));
      }
    }
    Set<Polygon> hardest = Collections.newSetFromMap(new IdentityHashMap<>());
    polygons.sort(Comparator.comparingInt(Polygon::getNumPoints).reversed());
    hardest.addAll(polygons.subList(0, Math.min(n, polygons.size())));
    polygons.sort(Comparator.comparingInt(Polygon::getNumInteriorRing).reversed());
    hardest.addAll(polygons.subList(0, Math.min(n, polygons.size())));
    return List.copyOf(hardest);
  }

  /** How many cells {@link #all()} read. */
  public static synchronized int cellCount() throws Exception {
    all();
    return cellCount;
  }
}
