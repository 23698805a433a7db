package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /}: the operator page, with this run's CSRF token in a meta tag for its script. */
final class PageHandler implements HttpHandler {
  private final byte[] page;

  PageHandler(CsrfToken token) {
    try (InputStream in = PageHandler.class.getResourceAsStream("/web/index.html")) {
      if (in == null) {
        throw new IllegalStateException("web/index.html is missing from the class path");
      }
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{csrf}}", token.value())
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/")) {
      Responses.text(exchange, 404, "not found\n");
      return;
    }
    if (Responses.allow(exchange, "GET")) {
      Responses.send(exchange, 200, "text/html; charset=utf-8", page);
    }
  }
}
