package io.chartstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.ops.ConnectorBacklog;
import io.chartstream.app.ops.LagProbe;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.app.ops.PartitionLag;
import io.chartstream.app.ops.RunAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chartstream status}: consumer lag per stage and partition from the committed offsets
 * (the topology's consumer group, the sink's positions in the dbv), the ingest connector's state
 * and the production's progress, for a running {@code run} (found through its work dir) or a
 * cluster.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Lag per stage and partition, the ingest connector's state and the production's progress.")
final class StatusCommand implements Callable<Integer> {
  /** Exit status when there is nothing running to report on. */
  static final int NOT_RUNNING = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--work-dir", defaultValue = ".chartstream", description = "The work dir of a running `chartstream run` (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--bootstrap-servers", description = "A Kafka cluster instead of a run's work dir.")
  String bootstrapServers;

  @Option(names = "--dbv", description = "The dbv the sink writes (with --bootstrap-servers; a run's own is found in its work dir).")
  Path dbv;

  @Option(names = "--connect-url", description = "The Connect worker's REST API (with --bootstrap-servers).")
  URI connectUrl;

  @Option(names = "--input", description = "The connector's input directory (with --bootstrap-servers), to tell which charts it has not ingested yet.")
  Path input;

  @Option(names = "--json", description = "One JSON object, for machines.")
  boolean json;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() throws Exception {
    URI pageUrl = null;
    ObjectNode report = JSON.createObjectNode();
    if (bootstrapServers == null) {
      Optional<RunAddress> run = RunAddress.read(workDir);
      if (run.isEmpty()) {
        System.err.println("chartstream status: no run is going on in " + workDir + " (no " + RunAddress.FILE
            + "): start one with `chartstream run --work-dir " + workDir + "`, or give --bootstrap-servers");
        return NOT_RUNNING;
      }
      RunAddress address = run.get();
      if (!address.isAlive()) {
        System.err.println("chartstream status: the run recorded in " + workDir.resolve(RunAddress.FILE) + " (pid "
            + address.pid() + ") is not running any more: it stopped without cleaning up");
        return NOT_RUNNING;
      }
      bootstrapServers = address.bootstrapServers();
      dbv = dbv == null ? Path.of(address.dbv()) : dbv;
      input = input == null && address.input() != null ? Path.of(address.input()) : input;
      connectUrl = connectUrl == null && address.connectUrl() != null ? URI.create(address.connectUrl()) : connectUrl;
      pageUrl = URI.create(address.httpUrl());
      report.set("run", JSON.valueToTree(address));
    }
    List<PartitionLag> lags = new ArrayList<>();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 10_000,
        "default.api.timeout.ms", 20_000))) {
      LagProbe probe = new LagProbe(admin);
      lags.addAll(probe.topology());
      if (dbv != null) {
        lags.addAll(probe.sink(dbv.toAbsolutePath()));
      }
    } catch (IllegalStateException e) {
      System.err.println("chartstream status: cannot read the lag from " + bootstrapServers + ": " + e.getMessage());
      return NOT_RUNNING;
    }
    report.putPOJO("lag", lags);
    ObjectNode totals = report.putObject("lagTotals");
    totals.put("topology", LagProbe.total(lags, "topology"));
    if (dbv != null) {
      totals.put("sink", LagProbe.total(lags, "sink"));
    }
    if (connectUrl != null) {
      String base = connectUrl.toString().replaceAll("/$", "") + "/connectors/" + EmbeddedIngest.CONNECTOR_NAME;
      report.set("connector", get(URI.create(base + "/status")));
      JsonNode offsets = get(URI.create(base + "/offsets"));
      report.set("connectorOffsets", offsets);
      if (input != null && !offsets.has("error")) {
        report.set("connectorBacklog", JSON.valueToTree(ConnectorBacklog.of(new InputScanner(input.toAbsolutePath().normalize(), 0).scan(), offsets)));
      }
    }
    if (pageUrl != null) {
      JsonNode progress = get(pageUrl.resolve("api/progress"));
      if (progress instanceof ObjectNode p) {
        p.remove(List.of("lags", "history")); // reported above, per partition
      }
      report.set("progress", progress);
      report.set("waiting", get(pageUrl.resolve("api/waiting")));
    }
    if (json) {
      System.out.println(JSON.writeValueAsString(report));
    } else {
      print(report, lags);
    }
    return 0;
  }

  private JsonNode get(URI uri) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return JSON.createObjectNode().put("error", uri + " answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return JSON.createObjectNode().put("error", "cannot reach " + uri + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JSON.createObjectNode().put("error", "interrupted");
    }
  }

  private static void print(ObjectNode report, List<PartitionLag> lags) {
    if (report.has("run")) {
      JsonNode run = report.get("run");
      System.out.printf("run: pid %s, broker %s, operator page %s%n", run.get("pid").asText(), run.get("bootstrapServers").asText(),
          run.get("httpUrl").asText());
    }
    JsonNode connector = report.get("connector");
    if (connector != null) {
      if (connector.has("error")) {
        System.out.println("connector: " + connector.get("error").asText());
      } else {
        List<String> tasks = new ArrayList<>();
        connector.get("tasks").forEach(t -> tasks.add(t.get("state").asText()));
        JsonNode offsets = report.get("connectorOffsets").path("offsets");
        System.out.printf("connector %s: %s, tasks %s, %d source offsets committed%n", connector.get("name").asText(),
            connector.get("connector").get("state").asText(), tasks, offsets.size());
        JsonNode backlog = report.get("connectorBacklog");
        if (backlog != null) {
          System.out.printf("connector backlog: %d of %d charts in the input not ingested yet %s%n",
              backlog.get("pending").size(), backlog.get("charts").asInt(), backlog.get("pending"));
        }
      }
    }
    System.out.printf("%-9s %-44s %9s %12s %12s %10s%n", "stage", "topic", "partition", "committed", "end", "lag");
    for (PartitionLag l : lags) {
      System.out.printf("%-9s %-44s %9d %12s %12d %10d%n", l.stage(), l.topic(), l.partition(),
          l.committed() < 0 ? "-" : String.valueOf(l.committed()), l.end(), l.lag());
    }
    System.out.println("lag: " + report.get("lagTotals"));
    JsonNode p = report.get("progress");
    if (p != null && !p.has("error")) {
      System.out.printf("progress: charts %d/%d ingested, %d failed, %d features, %d RCLs finished, %d pending, %d tiles and %d charts in the dbv, %d dead letters%n",
          p.get("chartsIngested").asLong(), p.get("chartsKnown").asLong(), p.get("chartsFailed").asLong(),
          p.get("featuresIngested").asLong(), p.get("rclsFinished").asLong(), p.get("rclsPending").asLong(),
          p.get("tilesWritten").asLong(), p.get("dbvCharts").asLong(), p.get("deadLetters").asLong());
    }
    JsonNode waiting = report.get("waiting");
    if (waiting != null && waiting.isArray()) {
      if (waiting.isEmpty()) {
        System.out.println("waiting: no chart a catalogue promised is missing");
      }
      for (JsonNode w : waiting) {
        long releaseAt = w.get("releaseAt").asLong();
        System.out.printf("waiting for %s (%s, promised by %s): %s; %d RCLs wait for it %s; %s%n", w.get("chartId").asText(),
            w.get("file").asText(), w.path("catalogFile").asText("?"), w.get("reason").asText(), w.get("rcls").asInt(),
            w.get("someRcls"), releaseAt < 0 ? "released at the end of the run, or by the operator"
                : "released at " + java.time.Instant.ofEpochMilli(releaseAt));
      }
    }
  }
}
