package io.chartstream.ingest.s57.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of a simulated delivery's {@code simulation.csv}, column name to value. */
public final class SimulationManifest {
  private SimulationManifest() {}

  public static List<Map<String, String>> read(Path delivery) throws IOException {
    List<String> lines = Files.readAllLines(delivery.resolve(DeliverySimulator.MANIFEST));
    String[] header = lines.getFirst().split(",");
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] values = line.split(",");
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], values[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  /** The base cell of a row's copy. */
  public static Path baseCell(Path delivery, Map<String, String> row) {
    return delivery.resolve(row.get("set")).resolve(row.get("cell")).resolve(row.get("cell") + ".000");
  }
}
