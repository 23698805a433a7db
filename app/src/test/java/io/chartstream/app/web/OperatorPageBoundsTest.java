package io.chartstream.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.app.ops.IngestControl;
import io.chartstream.app.ops.OpsMetrics;
import io.chartstream.app.ops.ProductionSnapshot;
import io.chartstream.dbv.DbvMetadata;
import io.chartstream.dbv.DbvWriter;
import io.chartstream.dbv.SourcePartition;
import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.topology.rcl.RclKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator page's bounds, without Kafka: it answers only for its own host names (a DNS
 * rebinding page sends another), only same-origin browser requests, only the paths it serves,
 * bodies up to a few kilobytes, releases a waiting chart only with the run's token, draws a bounded
 * number of tiles at once and draws a tile again only when the dbv holds a newer version of it.
 */
class OperatorPageBoundsTest {
  @TempDir Path dir;
  private final List<String> released = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private OpsServer server;
  private OpsMetrics metrics;
  private int port;

  @BeforeEach
  void start() throws Exception {
    IngestControl control = new IngestControl() {
      @Override public ConnectorStatus status() {
        return new ConnectorStatus("c", "RUNNING", List.of());
      }
      @Override public void pause() { }
      @Override public void resume() { }
    };
    metrics = new OpsMetrics().bind(() -> ProductionSnapshot.EMPTY);
    server = OpsServer.operatorPage(new InetSocketAddress("127.0.0.1", 0), false, Set.of("charts.example.org"), metrics,
        () -> ProductionSnapshot.EMPTY, List::of, control, dir.resolve("none.dbv"),
        chart -> chart.equals("US5WAITN") && released.add(chart));
    port = server.address().getPort();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    metrics.close();
  }

  @Test
  void onlyItsOwnHostNamesAndOriginsAreServed() throws Exception {
    assertEquals(200, raw("GET", "/api/progress", "127.0.0.1:" + port, null, 0).status());
    assertEquals(200, raw("GET", "/api/progress", "localhost:" + port, null, 0).status());
    assertEquals(200, raw("GET", "/api/progress", "charts.example.org", null, 0).status());
    assertEquals(200, raw("GET", "/metrics", "topology-1:9404", null, 0).status(), "Prometheus scrapes by the host's name");
    Answer rebound = raw("GET", "/", "attacker.example:" + port, null, 0);
    assertEquals(403, rebound.status(), "a DNS rebinding page asks for its own name");
    assertTrue(!rebound.body().contains("csrf-token"), "and never sees the token");

    String token = token();
    assertEquals(403, post("/api/ingest/pause", token, "http://attacker.example").statusCode());
    assertEquals(403, post("/api/ingest/pause", token, "null").statusCode());
    assertEquals(403, post("/api/ingest/pause", token, "http://127.0.0.1:" + (port + 1)).statusCode(), "another port is another origin");
    assertEquals(200, post("/api/ingest/pause", token, "http://127.0.0.1:" + port).statusCode());
    assertEquals(200, post("/api/ingest/pause", token, "https://charts.example.org").statusCode(), "behind a proxy");
  }

  @Test
  void pathsItDoesNotServeAndLargeBodiesAreFourHundreds() throws Exception {
    for (String path : List.of("/api/progressive", "/api/progress/x", "/metricsx", "/api/ingest/pausex", "/api/waiting/1",
        "/api/charts/release/x", "/index.html", "/api/extent2", "/tiles/99/1/1.png", "/tiles/x", "/static/", "/%2e%2e/")) {
      int status = http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertEquals(404, status, path);
    }
    assertEquals(400, raw("GET", "/api/progress%zz", "127.0.0.1:" + port, null, 0).status(), "a path that is not a URI");
    Answer big = raw("POST", "/api/ingest/pause", "127.0.0.1:" + port, token(), 10_000_000);
    assertEquals(413, big.status(), "ten megabytes announced: refused before reading them");
  }

  @Test
  void aWaitingChartIsReleasedOnlyWithTheRunsToken() throws Exception {
    String token = token();
    assertEquals(403, post("/api/charts/release?chart=US5WAITN", null, null).statusCode());
    assertEquals(List.of(), released);
    assertEquals(405, http.send(HttpRequest.newBuilder(url("/api/charts/release?chart=US5WAITN")).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(400, post("/api/charts/release?chart=../etc", token, null).statusCode());
    assertEquals(404, post("/api/charts/release?chart=US5OTHER", token, null).statusCode(), "not waited for");
    HttpResponse<String> ok = post("/api/charts/release?chart=US5WAITN", token, null);
    assertEquals(200, ok.statusCode());
    assertEquals(List.of("US5WAITN"), released);
    assertEquals(200, http.send(HttpRequest.newBuilder(url("/api/waiting")).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void tilesAreDrawnBoundedAndOnlyAgainForANewerVersion() throws Exception {
    Path dbv = dir.resolve("tiles.dbv");
    try (DbvWriter writer = DbvWriter.open(dbv, DbvMetadata.worldMercator(Map.of(), Map.of()))) {
      writer.upsertTiles(List.of(tile(1)), Map.of(new SourcePartition("rcl.tiles", 0), 1L));
    }
    TileHandler tiles = new TileHandler(dbv, 1, 200);
    try (OpsServer tileServer = OpsServer.tiles(new InetSocketAddress("127.0.0.1", 0), tiles)) {
      URI tile = URI.create("http://127.0.0.1:" + tileServer.address().getPort() + "/tiles/13/2878/1310.png");
      assertEquals(200, get(tile));
      assertEquals(200, get(tile));
      assertEquals(1, tiles.drawn(), "the second request is served from the cache");

      tiles.renderPermits().acquire(); // every drawing slot busy
      try {
        HttpResponse<Void> busy = http.send(HttpRequest.newBuilder(URI.create(tile + "?palette=night")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        assertEquals(429, busy.statusCode(), "a tile that must be drawn waits its turn, briefly, then is refused");
        assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
        assertEquals(200, get(tile), "a cached tile needs no drawing slot");
      } finally {
        tiles.renderPermits().release();
      }

      try (DbvWriter writer = DbvWriter.open(dbv, DbvMetadata.worldMercator(Map.of(), Map.of()))) {
        writer.upsertTiles(List.of(tile(2)), Map.of(new SourcePartition("rcl.tiles", 0), 2L));
      }
      assertEquals(200, get(tile));
      assertEquals(2, tiles.drawn(), "the sink stored a newer version: drawn again");
    }
  }

  private static RclTile tile(long sequence) {
    RclKey key = RclKey.of(2878, 1310, 13);
    return RclTile.newBuilder().setRcl(key.encoded()).setLevel(13).setRow(2878).setCol(1310).setSequence(sequence)
        .setContentHash("h" + sequence).setCharts(List.of(new ChartContribution("US5WA22M", "1:0:20200101:20200101", 0)))
        .setSections(List.of()).build();
  }

  private int get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String token() throws Exception {
    Matcher meta = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]{64})\"")
        .matcher(http.send(HttpRequest.newBuilder(url("/")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    assertTrue(meta.find());
    return meta.group(1);
  }

  private HttpResponse<String> post(String path, String token, String origin) throws Exception {
    if (origin != null) {
      // The JDK's client will not set Origin itself: send what a browser would.
      Answer a = raw("POST", path, "127.0.0.1:" + port, token, 0, origin);
      return new FakeResponse(a.status(), a.body());
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("X-CSRF-Token", token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  record Answer(int status, String body) {}

  private Answer raw(String method, String path, String host, String token, long announced) throws IOException {
    return raw(method, path, host, token, announced, null);
  }

  /** One request over a socket, with exactly the Host (and Origin) given: what a browser on another page sends. */
  private Answer raw(String method, String path, String host, String token, long announced, String origin) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
      if (token != null) {
        request.append("X-CSRF-Token: ").append(token).append("\r\n");
      }
      if (origin != null) {
        request.append("Origin: ").append(origin).append("\r\n");
      }
      request.append("Content-Length: ").append(announced).append("\r\n\r\n");
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      return new Answer(Integer.parseInt(response.substring(9, 12)), split < 0 ? "" : response.substring(split + 4));
    }
  }

  /** A raw answer as an HttpResponse, for the assertions above. */
  private record FakeResponse(int statusCode, String body) implements HttpResponse<String> {
    @Override public HttpRequest request() { return null; }
    @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
    @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
    @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
    @Override public URI uri() { return null; }
    @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
  }
}
