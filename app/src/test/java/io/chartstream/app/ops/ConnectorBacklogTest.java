package io.chartstream.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector's backlog from Connect's offsets listing: a chart is pending until its current files are recorded as done. */
class ConnectorBacklogTest {
  @TempDir Path input;

  @Test
  void aChartIsPendingUntilItsCurrentFilesAreDone() throws Exception {
    Files.copy(SharedData.s57().resolve("US1BS01M/US1BS01M.000"), input.resolve("US1BS01M.000"));
    InputScan scan = new InputScanner(input, 0).scan();
    String current = scan.cells().getFirst().fingerprint();
    ObjectMapper json = new ObjectMapper();
    String listing = "{\"offsets\":[{\"partition\":{\"chart\":\"US1BS01M\"},\"offset\":{\"done\":%s}},"
        + "{\"partition\":{\"file\":\"bad.000\"},\"offset\":{\"done\":\"x\"}}]}";

    assertEquals(List.of("US1BS01M"), ConnectorBacklog.of(scan, json.readTree("{\"offsets\":[]}")).pending());
    assertEquals(List.of("US1BS01M"), ConnectorBacklog.of(scan, json.readTree(listing.formatted("\"US1BS01M.000:1:1\""))).pending(),
        "an older version of the files is not the current one");
    ConnectorBacklog done = ConnectorBacklog.of(scan, json.readTree(listing.formatted(json.writeValueAsString(current))));
    assertEquals(List.of(), done.pending());
    assertEquals(1, done.charts());
  }
}
