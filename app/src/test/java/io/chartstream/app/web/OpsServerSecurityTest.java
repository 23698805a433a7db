package io.chartstream.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.app.ops.IngestControl;
import io.chartstream.app.ops.OpsMetrics;
import io.chartstream.app.ops.ProductionSnapshot;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator page's HTTP rules, without Kafka: ingest changes only by POST with this run's CSRF
 * token, static files only from their folders, and the headers that keep the page from being
 * framed or fed scripts from elsewhere. (The real ingest control is exercised by the browser test.)
 */
class OpsServerSecurityTest {
  @TempDir Path dir;
  private final List<String> calls = new ArrayList<>();
  private final List<String> released = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private OpsServer server;
  private OpsMetrics metrics;

  @BeforeEach
  void start() throws Exception {
    IngestControl control = new IngestControl() {
      @Override public ConnectorStatus status() {
        return new ConnectorStatus("c", calls.contains("pause") && !calls.getLast().equals("resume") ? "PAUSED" : "RUNNING", List.of());
      }
      @Override public void pause() { calls.add("pause"); }
      @Override public void resume() { calls.add("resume"); }
    };
    metrics = new OpsMetrics().bind(() -> ProductionSnapshot.EMPTY);
    server = OpsServer.operatorPage(new InetSocketAddress("127.0.0.1", 0), false, java.util.Set.of("charts.example.org"), metrics,
        () -> ProductionSnapshot.EMPTY, List::of, control, dir.resolve("none.dbv"), released::add);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    metrics.close();
  }

  @Test
  void pauseAndResumeArePostOnlyWithTheRunsToken() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(url("/")).GET());
    Matcher meta = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]{64})\"").matcher(page.body());
    assertTrue(meta.find(), "the page carries a token");
    String token = meta.group(1);

    HttpResponse<String> get = send(HttpRequest.newBuilder(url("/api/ingest/pause")).GET());
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    assertEquals(403, send(HttpRequest.newBuilder(url("/api/ingest/pause")).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    assertEquals(403, send(HttpRequest.newBuilder(url("/api/ingest/pause")).header("X-CSRF-Token", "0".repeat(64))
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    assertEquals(List.of(), calls, "nothing refused reached the connector");

    HttpResponse<String> paused = send(HttpRequest.newBuilder(url("/api/ingest/pause")).header("X-CSRF-Token", token)
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, paused.statusCode());
    assertTrue(paused.body().contains("\"PAUSED\""), paused.body());
    assertEquals(200, send(HttpRequest.newBuilder(url("/api/ingest/resume")).header("X-CSRF-Token", token)
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    assertEquals(List.of("pause", "resume"), calls);
    assertEquals(405, send(HttpRequest.newBuilder(url("/api/ingest")).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
  }

  @Test
  void pagesComeOnlyFromHereAndCannotBeFramed() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(url("/")).GET());
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no script or style from elsewhere (no CDN)");
    assertEquals(200, send(HttpRequest.newBuilder(url("/webjars/leaflet/1.9.4/dist/leaflet.js")).GET()).statusCode());
    assertEquals(200, send(HttpRequest.newBuilder(url("/static/app.js")).GET()).statusCode());
    assertEquals(404, send(HttpRequest.newBuilder(url("/static/../log4j2.xml")).GET()).statusCode());
    assertEquals(404, send(HttpRequest.newBuilder(url("/static/%2e%2e/log4j2.xml")).GET()).statusCode());
    assertEquals(404, send(HttpRequest.newBuilder(url("/webjars/../../io/chartstream/app/Main.class")).GET()).statusCode());
    assertEquals(404, send(HttpRequest.newBuilder(url("/tiles/3/0/0.png?palette=sepia")).GET()).statusCode());
    HttpResponse<String> scrape = send(HttpRequest.newBuilder(url("/metrics")).GET());
    assertEquals(200, scrape.statusCode());
    assertTrue(scrape.body().contains("chartstream_charts_known 0.0"), "production series before anything ran");
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
