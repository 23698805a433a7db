package io.chartstream.app.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.chartstream.app.ops.IngestControl;
import io.chartstream.app.ops.LagSample;
import io.chartstream.app.ops.OpsMetrics;
import io.chartstream.app.ops.ProductionSnapshot;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's HTTP server (the JDK's): {@code /metrics} for Prometheus in every component,
 * and during {@code run} the operator page with its JSON endpoints, map tiles and ingest
 * controls. It binds where it is told, 127.0.0.1 unless the operator chose otherwise.
 */
public final class OpsServer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(OpsServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Only {@code /metrics}: for the components run alone. */
  public static OpsServer metrics(InetSocketAddress at, boolean anyPortIfTaken, OpsMetrics metrics) throws IOException {
    HttpServer server = bind(at, anyPortIfTaken);
    Routes routes = new Routes(server, Set.of());
    routes.metrics(new MetricsHandler(metrics));
    routes.exact("/", (exchange) -> Responses.text(exchange, 404, "not found\n"));
    return start(server);
  }

  /**
   * {@code /metrics} and the operator page of a run producing {@code dbv}.
   *
   * @param hostNames    names besides IP literals and localhost the page may be reached by ({@code --http-host})
   * @param releaseChart releases a chart promised by a catalogue that never came; false when it is not waited for
   */
  public static OpsServer operatorPage(InetSocketAddress at, boolean anyPortIfTaken, Set<String> hostNames, OpsMetrics metrics,
                                       Supplier<ProductionSnapshot> snapshots, Supplier<List<LagSample>> history,
                                       IngestControl ingest, Path dbv, Predicate<String> releaseChart) throws IOException {
    HttpServer server = bind(at, anyPortIfTaken);
    CsrfToken token = CsrfToken.random();
    Routes routes = new Routes(server, hostNames);
    routes.metrics(new MetricsHandler(metrics));
    routes.exact("/", new PageHandler(token));
    routes.prefix("/static/", new StaticHandler("/static/", "web/"));
    routes.prefix("/webjars/", new StaticHandler("/webjars/", "META-INF/resources/webjars/"));
    routes.exact("/api/progress", new ProgressHandler(snapshots, history));
    routes.exact("/api/charts", new SnapshotJsonHandler(snapshots, ProductionSnapshot::charts));
    routes.exact("/api/dead-letters", new SnapshotJsonHandler(snapshots, ProductionSnapshot::deadLetters));
    routes.exact("/api/waiting", new SnapshotJsonHandler(snapshots, ProductionSnapshot::waiting));
    routes.exact("/api/charts/release", new ReleaseHandler(releaseChart, token));
    routes.paths("/api/ingest", Set.of("/api/ingest", "/api/ingest/pause", "/api/ingest/resume")::contains,
        new IngestHandler(ingest, token));
    routes.exact("/api/extent", new ExtentHandler(dbv));
    routes.prefix("/tiles/", new TileHandler(dbv));
    return start(server);
  }

  /** Only the map tiles of {@code dbv}, drawn by {@code tiles}: for tests of the tile rules. */
  static OpsServer tiles(InetSocketAddress at, TileHandler tiles) throws IOException {
    HttpServer server = bind(at, false);
    new Routes(server, Set.of()).prefix("/tiles/", tiles);
    return start(server);
  }

  /** Contexts, each behind a {@link RequestGuard} that knows exactly which paths it serves. */
  private record Routes(HttpServer server, Set<String> hostNames) {
    void exact(String path, HttpHandler handler) {
      paths(path, path::equals, handler);
    }

    void prefix(String prefix, HttpHandler handler) {
      paths(prefix, p -> p.startsWith(prefix), handler);
    }

    void paths(String context, Predicate<String> served, HttpHandler handler) {
      add(context, served, handler, false);
    }

    /** {@code /metrics}: scraped by host name, and holding nothing a rebinding page could use. */
    void metrics(HttpHandler handler) {
      add("/metrics", "/metrics"::equals, handler, true);
    }

    private void add(String context, Predicate<String> served, HttpHandler handler, boolean anyHost) {
      HttpContext created = server.createContext(context, handler);
      int port = server.getAddress().getPort();
      created.getFilters().add(new RequestGuard(hostNames.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
          port, served, anyHost));
    }
  }

  private static HttpServer bind(InetSocketAddress at, boolean anyPortIfTaken) throws IOException {
    try {
      return HttpServer.create(at, 0);
    } catch (BindException e) {
      if (!anyPortIfTaken) {
        throw new BindException("cannot serve on " + at.getHostString() + ":" + at.getPort() + ": " + e.getMessage()
            + " (choose another with --http-port)");
      }
      LOGGER.warn("Port {} is taken; serving on another", at.getPort());
      return HttpServer.create(new InetSocketAddress(at.getAddress(), 0), 0);
    }
  }

  private static OpsServer start(HttpServer server) {
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.start();
    return new OpsServer(server, executor);
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:8470/}. */
  public URI url() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
