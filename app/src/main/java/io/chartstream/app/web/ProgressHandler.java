package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chartstream.app.ops.LagSample;
import io.chartstream.app.ops.PartitionLag;
import io.chartstream.app.ops.ProductionSnapshot;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /api/progress}: the production's counts, lag per partition, and the last hour of lag. */
final class ProgressHandler implements HttpHandler {
  private final Supplier<ProductionSnapshot> snapshots;
  private final Supplier<List<LagSample>> history;

  ProgressHandler(Supplier<ProductionSnapshot> snapshots, Supplier<List<LagSample>> history) {
    this.snapshots = snapshots;
    this.history = history;
  }

  record Progress(long at, int chartsKnown, int chartsIngested, int chartsFailed, long featuresIngested,
                  long tileFeatures, long rclsFinished, long rclsPending, long tilesWritten, int dbvCharts,
                  long dbvSizeBytes, Double lastUpdateLatencySeconds, boolean ingestComplete, long topologyLag,
                  long sinkLag, int deadLetters, List<PartitionLag> lags, List<LagSample> history) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Responses.allow(exchange, "GET")) {
      return;
    }
    ProductionSnapshot s = snapshots.get();
    Responses.json(exchange, new Progress(s.epochMillis(), s.chartsKnown(), s.chartsIngested(), s.chartsFailed(),
        s.featuresIngested(), s.tileFeatures(), s.rclsFinished(), s.rclsPending(), s.tilesWritten(), s.dbvCharts(),
        s.dbvSizeBytes(), Double.isNaN(s.lastUpdateLatencySeconds()) ? null : s.lastUpdateLatencySeconds(),
        s.ingestComplete(), s.topologyLag(), s.sinkLag(), s.deadLetters().size(), s.lags(), history.get()));
  }
}
