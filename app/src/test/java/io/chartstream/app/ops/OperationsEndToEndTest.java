package io.chartstream.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.app.ConfigDir;
import io.chartstream.app.LauncherRun;
import io.chartstream.app.Main;
import io.chartstream.app.RequiredTool;
import io.chartstream.dbv.DbvChart;
import io.chartstream.dbv.DbvReader;
import io.chartstream.ingest.s57.SharedData;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Operations during one real {@code chartstream run} (its own process, as an operator starts it,
 * on two small cells, the second dropped in while it runs): headless Chromium on the operator
 * page sees progress advance, pauses and resumes ingest (checked on Connect's own REST API) and
 * shows dbv tiles on the map; the Prometheus endpoint's lag goes to zero and its counters match
 * what {@link DbvReader} finds in the dbv; {@code status} reads the same lag from the broker;
 * nothing served shows a secret the process holds. Screenshots stay under
 * {@code target/screenshots/} for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsEndToEndTest {
  /** A secret the run's JVM holds (as an AWS SDK would read it): it must appear nowhere we serve. */
  private static final String CANARY = "canary-s3cr3t-" + Long.toHexString(System.nanoTime());
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private Path root;
  private Path input;
  private Path workDir;
  private Path dbv;
  private Process run;
  private RunAddress address;

  @BeforeAll
  void startRun() throws Exception {
    root = Files.createTempDirectory("chartstream-ops");
    input = Files.createDirectories(root.resolve("input"));
    workDir = root.resolve("work");
    dbv = root.resolve("out.dbv");
    Files.copy(SharedData.s57().resolve("US1BS01M/US1BS01M.000"), input.resolve("US1BS01M.000"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    run = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Daws.secretAccessKey=" + CANARY,
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--input", input.toString(),
        "--dbv", dbv.toString(), "--work-dir", workDir.toString(), "--quiet", "--config-dir", ConfigDir.find().toString()))
        .redirectOutput(root.resolve("run.out").toFile()).redirectError(root.resolve("run.err").toFile()).start();
    waitFor("run.json in the work dir", Duration.ofSeconds(120), () -> Files.exists(workDir.resolve(RunAddress.FILE)));
    address = RunAddress.read(workDir).orElseThrow();
    assertTrue(address.httpUrl().startsWith("http://127.0.0.1:"), "served on the loopback unless told otherwise: " + address.httpUrl());
    assertTrue(address.isAlive());
  }

  @AfterAll
  void stopRun() throws Exception {
    if (run == null) {
      return;
    }
    run.destroy(); // SIGTERM
    boolean stopped = run.waitFor(60, TimeUnit.SECONDS);
    run.destroyForcibly();
    assertTrue(stopped, "the run stops on SIGTERM");
    assertFalse(Files.exists(workDir.resolve(RunAddress.FILE)), "a stopped run leaves no run.json behind");
    assertEquals(3, statusExit(), "status says no run is going on");
    try (var files = Files.walk(root)) { // the broker's log and the dbv: tens of MB per run
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  @Order(1)
  void theOperatorFollowsPausesResumesAndMapsTheProductionInChromium() throws Exception {
    Path chromium = RequiredTool.require("/usr/bin/chromium", "chromium");
    Path chromedriver = RequiredTool.require("/usr/bin/chromedriver", "chromium-driver");
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    // Without the background-networking flags Chromium keeps calling Google's services.
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory(root, "chromium-profile"), "--window-size=1280,2400");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(150));
      browser.get(address.httpUrl());
      wait.until(d -> number(d, "charts-ingested") == 1 && number(d, "tiles-written") > 0);
      long tilesBefore = number(browser, "tiles-written");
      screenshot(browser, "1-first-chart.png");

      // A second chart (a cell and its update) dropped into the watched input: progress advances.
      Files.copy(SharedData.s57().resolve("US4IL10M/US4IL10M.000"), input.resolve("US4IL10M.000"));
      Files.copy(SharedData.s57().resolve("US4IL10M/US4IL10M.001"), input.resolve("US4IL10M.001"));
      wait.until(d -> number(d, "charts-ingested") == 2 && number(d, "tiles-written") > tilesBefore
          && text(d, "charts-table").contains("US4IL10M"));
      screenshot(browser, "2-second-chart.png");

      browser.findElement(By.id("pause")).click();
      waitFor("the connector PAUSED", Duration.ofSeconds(60), () -> connectorState().equals("PAUSED"));
      wait.until(d -> text(d, "connector-state").equals("PAUSED"));
      screenshot(browser, "3-paused.png");
      browser.findElement(By.id("resume")).click();
      waitFor("the connector RUNNING", Duration.ofSeconds(60), () -> connectorState().equals("RUNNING"));
      wait.until(d -> text(d, "connector-state").equals("RUNNING"));

      JavascriptExecutor js = (JavascriptExecutor) browser;
      js.executeScript("document.getElementById('map-section').scrollIntoView()");
      wait.until(d -> loadedTiles(d, "palette=day") > 0);
      screenshot(browser, "4-map-day.png");
      browser.findElement(By.cssSelector("input[name=palette][value=night]")).click();
      wait.until(d -> loadedTiles(d, "palette=night") > 0);
      screenshot(browser, "5-map-night.png");
      assertTrue(text(browser, "lag-chart").contains("now"), "the lag chart is drawn");
    } finally {
      browser.quit();
    }
  }

  @Test
  @Order(2)
  void metricsShowLagAtZeroAndCountersAsTheDbvHoldsThem() throws Exception {
    if (!Files.exists(input.resolve("US4IL10M.000"))) { // the browser test was skipped on a machine without Chromium
      Files.copy(SharedData.s57().resolve("US4IL10M/US4IL10M.000"), input.resolve("US4IL10M.000"));
      Files.copy(SharedData.s57().resolve("US4IL10M/US4IL10M.001"), input.resolve("US4IL10M.001"));
    }
    Map<String, Double>[] last = new Map[1];
    long[] dbvTiles = new long[1];
    long[] dbvCharts = new long[1];
    waitFor("lag 0 and counters equal to the dbv's", Duration.ofSeconds(150), () -> {
      Map<String, Double> m = scrape();
      last[0] = m;
      if (!(m.getOrDefault("chartstream_lag_records{stage=\"topology\"}", -1.0) == 0
          && m.getOrDefault("chartstream_lag_records{stage=\"sink\"}", -1.0) == 0
          && m.getOrDefault("chartstream_rcls_pending", -1.0) == 0
          && m.getOrDefault("chartstream_charts_ingested_total", -1.0) == 2)) {
        return false;
      }
      try (DbvReader reader = DbvReader.open(dbv)) {
        dbvTiles[0] = reader.tileCountsByLevel().values().stream().mapToLong(Long::longValue).sum();
        dbvCharts[0] = reader.charts().stream().filter(c -> !c.revision().isEmpty()).map(DbvChart::chartId).distinct().count();
      }
      return m.get("chartstream_tiles_written_total") == dbvTiles[0] && m.get("chartstream_dbv_charts") == dbvCharts[0]
          && m.get("chartstream_rcls_finished_total") >= dbvTiles[0];
    });
    Map<String, Double> m = last[0];
    assertEquals(2, dbvCharts[0]);
    assertEquals(2.0, m.get("chartstream_charts_known"));
    assertEquals(0.0, m.get("chartstream_charts_failed_total"));
    // Every tile in the dbv came as a finished RCL record; an RCL two charts touch comes once per version.
    assertTrue(m.get("chartstream_rcls_finished_total") >= dbvTiles[0]);
    assertTrue(m.get("chartstream_features_total{stage=\"ingest\"}") > 1000);
    assertTrue(m.get("chartstream_dbv_size_bytes") >= Files.size(dbv));
    assertTrue(m.get("chartstream_update_latency_seconds") > 0);
    assertTrue(m.keySet().stream().filter(k -> k.startsWith("chartstream_consumer_lag_records{")).allMatch(k -> m.get(k) == 0.0));
    // The Kafka clients' own metrics, through Micrometer's binders.
    waitFor("the topology consumer's records-lag per partition", Duration.ofSeconds(30), () -> scrape().keySet().stream()
        .anyMatch(k -> k.startsWith("kafka_consumer_fetch_manager_records_lag{") && k.contains("client_id=\"chartstream-topology")
            && k.contains("partition=\"")));
    Map<String, Double> kafka = scrape();
    assertTrue(kafka.keySet().stream().anyMatch(k -> k.startsWith("kafka_consumer_fetch_manager_records_lag{")
        && k.contains("client_id=\"chartstream-dbv-sink\"") && k.contains("topic=\"rcl.tiles\"")));
    assertTrue(kafka.keySet().stream().anyMatch(k -> k.startsWith("kafka_stream_thread_commit_latency_avg{")));
    assertTrue(kafka.keySet().stream().anyMatch(k -> k.contains("rocksdb_state_id=")), "RocksDB store metrics");
    // The Connect worker's, from its JMX beans: its source tasks wrote every feature and chart event.
    double written = kafka.entrySet().stream().filter(e -> e.getKey().startsWith("kafka_connect_source_task_metrics_source_record_write_total{")
        && e.getKey().contains("connector=\"chartstream-s57-ingest\"")).mapToDouble(Map.Entry::getValue).sum();
    assertTrue(written >= m.get("chartstream_features_total{stage=\"ingest\"}"), "source records written: " + written);

    // status reads the same from the broker and the dbv.
    String statusJson = LauncherRun.stdoutOf("status", "--work-dir", workDir.toString(), "--json").lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
    JsonNode status = JSON.readTree(statusJson);
    assertEquals(0, status.at("/lagTotals/topology").asLong());
    assertEquals(0, status.at("/lagTotals/sink").asLong());
    assertEquals("RUNNING", status.at("/connector/connector/state").asText());
    assertEquals(2, status.at("/connectorBacklog/charts").asInt());
    assertEquals(0, status.at("/connectorBacklog/pending").size(), "every chart's files are recorded as done in the source offsets");
    assertEquals(2, status.at("/progress/chartsIngested").asInt());
    assertTrue(status.get("lag").size() >= 8, "per partition: " + status.get("lag"));
    assertTrue(status.get("lag").findValuesAsText("topic").contains("chartstream-topology-rcl-events-repartition"));

    // Nothing served exposes a secret of the process, nor anything that looks like a credential.
    String served = String.join("\n", get("metrics"), get(""), get("api/progress"), get("api/charts"), get("api/dead-letters"),
        get("api/ingest"), get("api/extent"), Files.readString(workDir.resolve(RunAddress.FILE)), statusJson);
    assertFalse(served.contains(CANARY), "the JVM's secret is served");
    assertFalse(Pattern.compile("(?i)password|sasl\\.jaas|secret|access.?key").matcher(served).find(), "something like a credential is served");
  }

  private Map<String, Double> scrape() {
    Map<String, Double> values = new HashMap<>();
    for (String line : get("metrics").split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      try {
        values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException e) {
        // NaN and the like stay out
      }
    }
    return values;
  }

  private String connectorState() {
    try {
      String body = http.send(HttpRequest.newBuilder(URI.create(address.connectUrl()).resolve("connectors/chartstream-s57-ingest/status"))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
      return JSON.readTree(body).at("/connector/state").asText();
    } catch (Exception e) {
      return "unreachable: " + e;
    }
  }

  private String get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(address.httpUrl()).resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), path);
      return response.body();
    } catch (Exception e) {
      throw new AssertionError("GET " + path + ": " + e, e);
    }
  }

  private int statusExit() {
    return LauncherRun.of("status", "--work-dir", workDir.toString()).exit();
  }

  private static long number(WebDriver browser, String id) {
    String text = text(browser, id).replace(",", "");
    return text.matches("\\d+") ? Long.parseLong(text) : -1;
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText().trim();
  }

  private static long loadedTiles(WebDriver browser, String palette) {
    Object n = ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('#map img.leaflet-tile-loaded'))"
            + ".filter(i => i.naturalWidth === 256 && i.src.includes('/tiles/') && i.src.includes(arguments[0])).length", palette);
    return ((Number) n).longValue();
  }

  private static void screenshot(WebDriver browser, String name) throws Exception {
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private void waitFor(String what, Duration timeout, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (!run.isAlive()) {
        fail("the run ended (exit " + run.exitValue() + ") while waiting for " + what + ": "
            + Files.readString(root.resolve("run.err")).lines().filter(l -> l.contains("ERROR") || l.contains("Exception")).limit(5)
            .collect(Collectors.joining("\n")));
      }
      if (System.nanoTime() > deadline) {
        fail("no " + what + " within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(500);
    }
  }
}
