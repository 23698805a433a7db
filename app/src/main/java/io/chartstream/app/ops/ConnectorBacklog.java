package io.chartstream.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.InputScan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest connector's lag: charts of the input whose current files are not yet recorded as
 * done in its committed source offsets (partition {@code {"chart": ID}}, offset {@code {"done":
 * fingerprint}}), read from Connect's {@code GET /connectors/NAME/offsets}. A source has no
 * consumer offsets; this is its equivalent.
 */
public record ConnectorBacklog(int charts, List<String> pending) {
  public static ConnectorBacklog of(InputScan input, JsonNode connectOffsets) {
    Map<String, String> done = new HashMap<>();
    for (JsonNode entry : connectOffsets.path("offsets")) {
      JsonNode chart = entry.path("partition").path("chart");
      if (chart.isTextual()) {
        done.put(chart.asText(), entry.path("offset").path("done").asText(""));
      }
    }
    List<String> pending = input.cells().stream().filter(c -> !c.fingerprint().equals(done.get(c.chartId())))
        .map(CellFiles::chartId).sorted().toList();
    return new ConnectorBacklog(input.cells().size(), pending);
  }
}
