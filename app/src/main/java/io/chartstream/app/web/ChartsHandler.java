package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chartstream.app.ops.ProductionSnapshot;
import java.io.IOException;
import java.util.function.Supplier;

/** {@code GET /api/charts}: every chart with its version in the dbv and its state. */
final class ChartsHandler implements HttpHandler {
  private final Supplier<ProductionSnapshot> snapshots;

  ChartsHandler(Supplier<ProductionSnapshot> snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (Responses.allow(exchange, "GET")) {
      Responses.json(exchange, snapshots.get().charts());
    }
  }
}
