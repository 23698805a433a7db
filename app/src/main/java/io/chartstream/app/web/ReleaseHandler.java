package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code POST /api/charts/release?chart=ID}: the operator releases a chart a catalogue promised
 * that never came, so the RCLs waiting for it are produced without it. Needs the run's CSRF token
 * (403 without); 404 when the chart is not waited for (any more); 400 for a chart id that is not
 * one.
 */
final class ReleaseHandler implements HttpHandler {
  private static final Pattern CHART_ID = Pattern.compile("[A-Za-z0-9_]{1,16}");

  private final Predicate<String> release;
  private final CsrfToken token;

  ReleaseHandler(Predicate<String> release, CsrfToken token) {
    this.release = release;
    this.token = token;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Responses.allow(exchange, "POST")) {
      return;
    }
    try (InputStream body = exchange.getRequestBody()) {
      body.readNBytes(RequestGuard.MAX_BODY_BYTES); // nothing is expected in it; read what was announced
    }
    if (!token.matches(exchange.getRequestHeaders().getFirst(CsrfToken.HEADER))) {
      Responses.text(exchange, 403, "missing or wrong " + CsrfToken.HEADER + "\n");
      return;
    }
    String chart = chartParameter(exchange.getRequestURI().getRawQuery());
    if (chart == null || !CHART_ID.matcher(chart).matches()) {
      Responses.text(exchange, 400, "give the chart to release as ?chart=ID\n");
      return;
    }
    if (!release.test(chart)) {
      Responses.text(exchange, 404, chart + " is not waited for\n");
      return;
    }
    Responses.json(exchange, Map.of("released", chart));
  }

  private static String chartParameter(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("chart=")) {
        try {
          return URLDecoder.decode(pair.substring("chart=".length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }
}
