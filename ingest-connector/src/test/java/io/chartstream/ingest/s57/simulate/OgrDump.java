package io.chartstream.ingest.s57.simulate;

import io.chartstream.ingest.s57.ChartReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Every feature of a cell as GDAL's {@code ogrinfo -ro -al} prints it with the ingest's open
 * options (updates applied): per layer, each feature's attribute lines, the shape of its geometry
 * with the numbers taken out, and its coordinates. The oracle that says what a cell holds.
 */
record OgrDump(Map<String, List<Feature>> layers) {
  private static final Pattern GEOMETRY = Pattern.compile(
      "^(MULTI)?(POINT|LINESTRING|POLYGON)( Z| M| ZM)? (\\(|EMPTY).*|^GEOMETRYCOLLECTION.*");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  /**
   * @param attributes its lines other than the geometry, as printed
   * @param shape      the geometry line with each number replaced by {@code #}
   * @param coordinates each vertex: x, y and, for soundings, z
   */
  record Feature(String header, List<String> attributes, String shape, List<double[]> coordinates) {}

  static OgrDump of(Path cell) {
    List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", "-al"));
    for (String option : ChartReader.OPEN_OPTIONS) {
      command.add("-oo");
      command.add(option);
    }
    command.add(cell.toString());
    Map<String, List<Feature>> layers = new LinkedHashMap<>();
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        Builder feature = null;
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("OGRFeature(")) {
            feature = new Builder(line, layers.computeIfAbsent(
                line.substring("OGRFeature(".length(), line.indexOf(')')), l -> new ArrayList<>()));
          } else if (feature != null && line.isBlank()) {
            feature.finish();
            feature = null;
          } else if (feature != null) {
            feature.add(line.strip());
          }
        }
        if (feature != null) {
          feature.finish();
        }
      }
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("ogrinfo failed on " + cell);
      }
    } catch (IOException e) {
      throw new AssertionError("Cannot run ogrinfo (apt-get install -y gdal-bin; ./chartstream test installs it): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return new OgrDump(layers);
  }

  private static final class Builder {
    final String header;
    final List<String> attributes = new ArrayList<>();
    String shape = "";
    final List<double[]> coordinates = new ArrayList<>();
    final List<Feature> into;

    Builder(String header, List<Feature> into) {
      this.header = header;
      this.into = into;
    }

    void add(String line) {
      if (!GEOMETRY.matcher(line).matches()) {
        attributes.add(line);
        return;
      }
      shape = NUMBER.matcher(line).replaceAll("#");
      String numbers = line.replaceAll("[A-Z]+", " ");
      for (String vertex : numbers.split("[(),]+")) {
        if (!vertex.isBlank()) {
          String[] parts = vertex.strip().split("\\s+");
          double[] values = new double[parts.length];
          for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
          }
          coordinates.add(values);
        }
      }
    }

    void finish() {
      into.add(new Feature(header, List.copyOf(attributes), shape, List.copyOf(coordinates)));
    }
  }
}
