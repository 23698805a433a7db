package io.chartstream.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing HTTP responses: status, type, the headers every response carries, and the body. */
final class Responses {
  private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Responses() {}

  static void json(HttpExchange exchange, Object body) throws IOException {
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
  }

  static void text(HttpExchange exchange, int status, String body) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    // Everything the page uses is served from here: no CDN, no inline script.
    headers.set("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Answers 405 unless the request uses {@code method}; returns whether it does. */
  static boolean allow(HttpExchange exchange, String method) throws IOException {
    String used = exchange.getRequestMethod();
    if (used.equals(method) || (method.equals("GET") && used.equals("HEAD"))) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    text(exchange, 405, method + " only\n");
    return false;
  }
}
