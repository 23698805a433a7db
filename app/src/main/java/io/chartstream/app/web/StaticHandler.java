package io.chartstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Files from the class path under a prefix: the page's script and style ({@code /static/} →
 * {@code web/}) and Leaflet from its webjar ({@code /webjars/} →
 * {@code META-INF/resources/webjars/}). Nothing outside those folders can be named.
 */
final class StaticHandler implements HttpHandler {
  private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "png", "image/png", "svg", "image/svg+xml", "html", "text/html; charset=utf-8");

  private final String urlPrefix;
  private final String resourcePrefix;

  StaticHandler(String urlPrefix, String resourcePrefix) {
    this.urlPrefix = urlPrefix;
    this.resourcePrefix = resourcePrefix;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Responses.allow(exchange, "GET")) {
      return;
    }
    String path = exchange.getRequestURI().getPath().substring(urlPrefix.length());
    String extension = path.substring(path.lastIndexOf('.') + 1);
    if (path.contains("..") || path.contains("//") || !TYPES.containsKey(extension)) {
      Responses.text(exchange, 404, "not found\n");
      return;
    }
    try (InputStream in = StaticHandler.class.getResourceAsStream("/" + resourcePrefix + path)) {
      if (in == null) {
        Responses.text(exchange, 404, "not found\n");
        return;
      }
      Responses.send(exchange, 200, TYPES.get(extension), in.readAllBytes());
    }
  }
}
