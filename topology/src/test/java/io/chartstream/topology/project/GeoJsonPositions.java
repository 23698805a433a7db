package io.chartstream.topology.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The positions of a GeoJSON geometry as GDAL writes it, for tests that compare against ogr2ogr. */
public final class GeoJsonPositions {
  private GeoJsonPositions() {}

  /** Appends every position of {@code geometry} to {@code out}, in order (rings and parts flattened as JTS does). */
  public static void of(JsonNode geometry, List<double[]> out) {
    if (geometry == null || geometry.isNull()) {
      return;
    }
    if (geometry.has("geometries")) {
      geometry.get("geometries").forEach(g -> of(g, out));
    } else {
      flatten(geometry.get("coordinates"), out);
    }
  }

  private static void flatten(JsonNode node, List<double[]> out) {
    if (node.size() > 0 && node.get(0).isNumber()) {
      out.add(new double[] {node.get(0).asDouble(), node.get(1).asDouble()});
    } else {
      node.forEach(child -> flatten(child, out));
    }
  }
}
