package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chartstream.app.ops.ProductionSnapshot;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET} of one part of the latest production snapshot as JSON: {@code /api/charts} (every
 * chart with its version in the dbv and its state), {@code /api/dead-letters} (what could not be
 * produced, and why, from both dead-letter topics).
 */
final class SnapshotJsonHandler implements HttpHandler {
  private final Supplier<ProductionSnapshot> snapshots;
  private final Function<ProductionSnapshot, Object> part;

  SnapshotJsonHandler(Supplier<ProductionSnapshot> snapshots, Function<ProductionSnapshot, Object> part) {
    this.snapshots = snapshots;
    this.part = part;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (Responses.allow(exchange, "GET")) {
      Responses.json(exchange, part.apply(snapshots.get()));
    }
  }
}
