package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chartstream.app.ops.IngestControl;
import java.io.IOException;

/**
 * {@code GET /api/ingest}: the ingest connector's state; {@code POST /api/ingest/pause} and
 * {@code POST /api/ingest/resume}: pause or resume it. Changes are POST only (405 otherwise) and
 * need the run's CSRF token in {@code X-CSRF-Token} (403 otherwise).
 */
final class IngestHandler implements HttpHandler {
  private final IngestControl control;
  private final CsrfToken token;

  IngestHandler(IngestControl control, CsrfToken token) {
    this.control = control;
    this.token = token;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/api/ingest" -> {
        if (Responses.allow(exchange, "GET")) {
          Responses.json(exchange, control.status());
        }
      }
      case "/api/ingest/pause", "/api/ingest/resume" -> {
        if (!Responses.allow(exchange, "POST")) {
          return;
        }
        exchange.getRequestBody().readNBytes(RequestGuard.MAX_BODY_BYTES); // nothing is expected in it
        if (!token.matches(exchange.getRequestHeaders().getFirst(CsrfToken.HEADER))) {
          Responses.text(exchange, 403, "missing or wrong " + CsrfToken.HEADER + "\n");
          return;
        }
        if (path.endsWith("pause")) {
          control.pause();
        } else {
          control.resume();
        }
        Responses.json(exchange, control.status());
      }
      default -> Responses.text(exchange, 404, "not found\n");
    }
  }
}
