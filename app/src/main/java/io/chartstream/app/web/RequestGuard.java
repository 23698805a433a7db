package io.chartstream.app.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request to the operator page passes before its handler, so no handler has to
 * remember it:
 * <ul>
 *   <li><b>Host</b> (DNS rebinding): a page on another site can make its own name resolve to
 *       127.0.0.1 and then read this server as same-origin, CSRF token included; the browser still
 *       sends that name as {@code Host}. Only IP literals, {@code localhost} and the names given
 *       with {@code --http-host} are served; anything else is 403.
 *   <li><b>Origin</b>: when a browser says which page sent the request, it must be this server
 *       (an allowed host, this port or a name given with {@code --http-host}); else 403.
 *   <li><b>Path</b>: the JDK's server hands a context every path that starts with its prefix
 *       ({@code /api/progressive} to {@code /api/progress}); a path the context does not serve is 404.
 *   <li><b>Body</b>: more than {@link #MAX_BODY_BYTES} announced is 413 before anything is read.
 *   <li><b>Failure</b>: a handler that throws answers 500 and is logged, instead of a dropped
 *       connection; bad input is answered 4xx by the handlers themselves.
 * </ul>
 */
final class RequestGuard extends Filter {
  private static final Logger LOGGER = LoggerFactory.getLogger(RequestGuard.class);
  static final int MAX_BODY_BYTES = 4096;
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(%[0-9A-Za-z]+)?]");

  private final Set<String> hostNames;
  private final int port;
  private final Predicate<String> paths;
  private final boolean anyHost;

  /**
   * @param hostNames further names the page may be reached by (lower case)
   * @param port      the port the server listens on
   * @param paths     which request paths the context serves
   * @param anyHost   serve whatever Host is asked for: {@code /metrics}, which Prometheus scrapes by
   *                  the host's name and which holds no secret (no token, no configuration values)
   */
  RequestGuard(Set<String> hostNames, int port, Predicate<String> paths, boolean anyHost) {
    this.hostNames = Set.copyOf(hostNames);
    this.port = port;
    this.paths = paths;
    this.anyHost = anyHost;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    try (exchange) {
      String host = exchange.getRequestHeaders().getFirst("Host");
      if (host != null && !anyHost && !allowedHost(hostOf(host))) {
        Responses.text(exchange, 403, "this server does not answer for host " + host + "\n");
        return;
      }
      String origin = exchange.getRequestHeaders().getFirst("Origin");
      if (origin != null && !anyHost && !sameOrigin(origin)) {
        Responses.text(exchange, 403, "requests from " + origin + " are not served\n");
        return;
      }
      if (!paths.test(exchange.getRequestURI().getPath())) {
        Responses.text(exchange, 404, "not found\n");
        return;
      }
      if (announcedLength(exchange) > MAX_BODY_BYTES) {
        Responses.text(exchange, 413, "request bodies are at most " + MAX_BODY_BYTES + " bytes\n");
        return;
      }
      try {
        chain.doFilter(exchange);
      } catch (RuntimeException e) {
        LOGGER.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        if (exchange.getResponseCode() == -1) {
          Responses.text(exchange, 500, "internal error\n");
        }
      }
    }
  }

  @Override
  public String description() {
    return "Host, Origin, path and body checks";
  }

  private boolean allowedHost(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("localhost") || IPV4.matcher(lower).matches() || IPV6.matcher(lower).matches()
        || hostNames.contains(lower);
  }

  private boolean sameOrigin(String origin) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return false; // including "null", sent by sandboxed and file pages
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int originPort = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    // Behind a proxy the page is reached by a name given with --http-host, on the proxy's port.
    return hostNames.contains(host) || (allowedHost(host) && scheme.equals("http") && originPort == port);
  }

  /** The name in a Host header, without its port: {@code 127.0.0.1:8470} → {@code 127.0.0.1}, {@code [::1]:80} → {@code [::1]}. */
  static String hostOf(String header) {
    String h = header.strip();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static long announcedLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length == null) {
      return 0;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
