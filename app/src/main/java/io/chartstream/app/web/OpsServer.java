package io.chartstream.app.web;

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
    server.createContext("/metrics", new MetricsHandler(metrics));
    return start(server);
  }

  /** {@code /metrics} and the operator page of a run producing {@code dbv}. */
  public static OpsServer operatorPage(InetSocketAddress at, boolean anyPortIfTaken, OpsMetrics metrics,
                                       Supplier<ProductionSnapshot> snapshots, Supplier<List<LagSample>> history,
                                       IngestControl ingest, Path dbv) throws IOException {
    HttpServer server = bind(at, anyPortIfTaken);
    CsrfToken token = CsrfToken.random();
    server.createContext("/metrics", new MetricsHandler(metrics));
    server.createContext("/", new PageHandler(token));
    server.createContext("/static/", new StaticHandler("/static/", "web/"));
    server.createContext("/webjars/", new StaticHandler("/webjars/", "META-INF/resources/webjars/"));
    server.createContext("/api/progress", new ProgressHandler(snapshots, history));
    server.createContext("/api/charts", new SnapshotJsonHandler(snapshots, ProductionSnapshot::charts));
    server.createContext("/api/dead-letters", new SnapshotJsonHandler(snapshots, ProductionSnapshot::deadLetters));
    server.createContext("/api/ingest", new IngestHandler(ingest, token));
    server.createContext("/api/extent", new ExtentHandler(dbv));
    server.createContext("/tiles/", new TileHandler(dbv));
    return start(server);
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
