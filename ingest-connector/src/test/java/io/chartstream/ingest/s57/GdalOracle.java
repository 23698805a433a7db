package io.chartstream.ingest.s57;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GDAL's own command-line tools, run on the same cells with the same open options as
 * {@link ChartReader}: the oracle that no one here wrote.
 */
public final class GdalOracle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GdalOracle() {}

  /** Layer name → feature count, from {@code ogrinfo -ro -so -al}. */
  public static Map<String, Integer> featureCounts(Path cell) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    String layer = null;
    for (String line : run(command("ogrinfo", "-ro", "-so", "-al", cell.toString())).split("\n")) {
      if (line.startsWith("Layer name: ")) {
        layer = line.substring("Layer name: ".length()).strip();
      } else if (line.startsWith("Feature Count: ") && layer != null) {
        counts.put(layer, Integer.parseInt(line.substring("Feature Count: ".length()).strip()));
      }
    }
    return counts;
  }

  /**
   * Features with a geometry in every layer, from {@code ogrinfo -ro -al}'s full dump: a feature
   * block ("OGRFeature(LAYER):N") counts when it has a WKT geometry line.
   */
  public static int featuresWithGeometry(Path cell) {
    java.util.regex.Pattern geometry = java.util.regex.Pattern.compile(
        "^\\s+(MULTI)?(POINT|LINESTRING|POLYGON)( Z| M| ZM)? \\(|^\\s+GEOMETRYCOLLECTION");
    int withGeometry = 0;
    boolean counted = true;
    for (String line : run(command("ogrinfo", "-ro", "-al", cell.toString())).split("\n")) {
      if (line.startsWith("OGRFeature(")) {
        counted = false;
      } else if (!counted && geometry.matcher(line).find()) {
        withGeometry++;
        counted = true;
      }
    }
    return withGeometry;
  }

  /** The features of one layer as GDAL's {@code ogr2ogr -f GeoJSONSeq} writes them, 12 decimals. */
  public static List<JsonNode> geoJsonSeq(Path cell, String layer) {
    List<String> cmd = command("ogr2ogr", "-f", "GeoJSONSeq", "/vsistdout/", cell.toString(), layer,
        "-lco", "COORDINATE_PRECISION=12", "-lco", "RS=NO");
    return parseLines(run(cmd));
  }

  private static List<JsonNode> parseLines(String text) {
    List<JsonNode> features = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        try {
          features.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new AssertionError("ogr2ogr wrote a line that is not JSON: " + line, e);
        }
      }
    }
    return features;
  }

  /**
   * The features of one layer reprojected by GDAL ({@code ogr2ogr -t_srs SRS -f GeoJSON}),
   * coordinates to 1e-6 of the target unit (GDAL 3.6 reads a larger COORDINATE_PRECISION as
   * significant digits: 9 writes -19932150 for -19932149.999596): the oracle for our
   * reprojection and tile grid.
   */
  public static List<JsonNode> projected(Path cell, String layer, String srs) {
    List<String> cmd = command("ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=6",
        "-t_srs", srs, "/vsistdout/", cell.toString(), layer);
    try {
      List<JsonNode> features = new ArrayList<>();
      JSON.readTree(run(cmd)).get("features").forEach(features::add);
      return features;
    } catch (IOException e) {
      throw new AssertionError("ogr2ogr wrote no GeoJSON for " + layer + " of " + cell, e);
    }
  }

  /** Like {@link #geoJsonSeq} with {@code UPDATES=IGNORE}: the base cell as it was before its updates. */
  public static List<JsonNode> geoJsonSeqWithoutUpdates(Path cell, String layer) {
    List<String> cmd = command("ogr2ogr", "-f", "GeoJSONSeq", "/vsistdout/", cell.toString(), layer,
        "-lco", "COORDINATE_PRECISION=12", "-lco", "RS=NO");
    cmd.set(cmd.indexOf("UPDATES=APPLY"), "UPDATES=IGNORE");
    return parseLines(run(cmd));
  }

  /** The DSID record's fields as {@code ogrinfo} prints them (name → value as text), updates applied. */
  public static Map<String, String> dsid(Path cell) {
    Map<String, String> fields = new LinkedHashMap<>();
    java.util.regex.Pattern field = java.util.regex.Pattern.compile("^\\s+(DSID_[A-Z]+|DSPM_[A-Z]+) \\([^)]*\\) = (.*)$");
    for (String line : run(command("ogrinfo", "-ro", "-al", "-q", cell.toString(), "DSID")).split("\n")) {
      java.util.regex.Matcher m = field.matcher(line);
      if (m.matches()) {
        fields.put(m.group(1), m.group(2).strip());
      }
    }
    return fields;
  }

  /** {minX, minY, maxX, maxY} of a layer, from {@code ogrinfo -so}'s "Extent" line. */
  public static double[] extent(Path cell, String layer) {
    for (String line : run(command("ogrinfo", "-ro", "-so", cell.toString(), layer)).split("\n")) {
      if (line.startsWith("Extent: ")) {
        double[] box = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?").matcher(line).results()
            .mapToDouble(m -> Double.parseDouble(m.group())).toArray();
        return box;
      }
    }
    throw new AssertionError("ogrinfo gave no extent for " + layer + " of " + cell);
  }

  private static List<String> command(String tool, String... args) {
    List<String> cmd = new ArrayList<>(List.of(tool));
    if (tool.equals("ogr2ogr")) {
      cmd.add("-q");
    }
    for (String option : ChartReader.OPEN_OPTIONS) {
      cmd.add("-oo");
      cmd.add(option);
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static String run(List<String> cmd) {
    try {
      Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("GDAL tool failed: " + String.join(" ", cmd));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("Cannot run " + cmd.getFirst() + " (apt-get install -y gdal-bin): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
