package io.chartstream.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartstream.app.ConfigDir;
import io.chartstream.app.LocalImages;
import io.chartstream.app.RequiredTool;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.s3.S3ClientFactory;
import io.chartstream.s3.S3Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * docker-compose.yml started for real, as a user starts it offline: Debian's docker-compose, the
 * local images, three brokers, the registry, Connect with the connector, three topology replicas,
 * the sink publishing to the S3 store, Prometheus. The shared cells are dripped into the input,
 * cell folder after cell folder; mid-production (work ingested and in flight, cells still to
 * come) one topology container and one broker container are killed with {@code docker kill}.
 * The dbv the sink then publishes must equal the one a single-instance {@code chartstream run
 * --once} makes of the same cells (tiles by content hash, the catalogue); Prometheus must report
 * every target up, before the kill and again once the killed containers are started again; and
 * every container must sit on the test's internal network only. The timeline is printed.
 */
@Tag("slow")
class ComposeDeploymentTest {
  private static final String CONNECTOR = "chartstream-s57-ingest";
  private static final int TOPOLOGY_REPLICAS = 3;
  /** prometheus, three brokers, the registry, Connect, three topology replicas, the sink. */
  private static final int TARGETS = 10;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  private final long started = System.nanoTime();
  private final List<String> timeline = new ArrayList<>();

  @Test
  void theDeploymentSurvivesAKilledTopologyAndBrokerAndPublishesTheSingleInstanceDbv() throws Exception {
    Path compose = RequiredTool.require("/usr/bin/docker-compose", "docker-compose");
    LocalImages.names().stringPropertyNames().forEach(LocalImages::require);
    Path root = ConfigDir.find().getParent();
    // The containers run as users of their own: the input and its parents must be readable to them.
    Path work = Files.createDirectories(temp.resolve("work"));
    for (Path dir = work; dir != null && dir.startsWith(temp.getParent()) && !dir.equals(temp.getParent()); dir = dir.getParent()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path input = Files.createDirectories(work.resolve("input"));
    Path staging = Files.createDirectories(work.resolve("staging"));
    List<Path> folders = cellFolders();
    assertTrue(folders.size() >= 4, "too few cell folders to drip: " + folders);

    // The oracle, alongside: `chartstream run --once` of every folder, one broker, one instance.
    Path single = Files.createDirectories(work.resolve("single-input"));
    for (Path folder : folders) {
      copyFolder(folder, single, single);
    }
    Path reference = work.resolve("single.dbv");
    ChildJvm singleInstance = null;

    ComposeProject project = ComposeProject.up(compose, root, LocalImages.envFile(), work, Map.of("CHARTSTREAM_INPUT", input.toString()));
    boolean passed = false;
    try {
      mark("docker-compose up -d returned (project " + project.name() + ")");
      String prometheus = "http://" + project.address(project.container("prometheus")) + ":9090";
      S3Settings published = S3Settings.parse("s3://chartstream/chart.dbv")
          .withEndpoint(URI.create("http://" + project.address(project.container("s3")) + ":9000"))
          .withCredentials(new S3Settings.StaticCredentials("chartstream", "chartstream-secret"));
      List<String> topologies = project.containers("topology");
      assertEquals(TOPOLOGY_REPLICAS, topologies.size(), "topology replicas");
      String connect = "http://" + project.address(project.container("connect")) + ":8083";
      await("the connector runs", Duration.ofMinutes(10), () -> get(connect + "/connectors/" + CONNECTOR + "/status").contains("\"state\":\"RUNNING\""));
      mark("connector running");
      // Started now, not before: eleven JVMs starting on two cores are slow enough without a twelfth.
      singleInstance = ChildJvm.start("run", work.resolve("logs/run.log"), 768, List.of("run", "--once", "--quiet",
          "--input", single.toString(), "--dbv", reference.toString(), "--work-dir", work.resolve("single").toString(),
          "--config-dir", root.resolve("config").toString(), "--http-port", "0"));

      int firstHalf = folders.size() / 2;
      for (Path folder : folders.subList(0, firstHalf)) {
        drip(folder, input, staging);
      }
      mark("dripped " + firstHalf + " of " + folders.size() + " cell folders");
      try (S3Client s3 = S3ClientFactory.create(published)) {
        Path snapshot = work.resolve("published.dbv");
        await("a first snapshot on S3", Duration.ofMinutes(6), () -> download(s3, published, snapshot));
        mark("first snapshot published to S3");
        awaitEveryTargetUp(prometheus, TARGETS);
        mark("Prometheus: all " + TARGETS + " targets up");

        // Mid-production: the next folder dripped and the topology busy with it, more folders to come.
        drip(folders.get(firstHalf), input, staging);
        List<String> addresses = topologies.stream().map(project::address).toList();
        await("the topology consuming the new cell", Duration.ofMinutes(3), () -> topologyLag(addresses) > 0);
        String victim = topologies.getFirst();
        String broker = project.container("kafka-2");
        long lag = topologyLag(addresses);
        project.kill(victim);
        project.kill(broker);
        mark("killed " + project.state(victim) + " and " + project.state(broker) + " with " + lag + " records of topology input unprocessed");
        for (Path folder : folders.subList(firstHalf + 1, folders.size())) {
          drip(folder, input, staging);
        }
        mark("dripped the remaining " + (folders.size() - firstHalf - 1) + " folders");

        assertTrue(singleInstance.handle().onExit().get(10, TimeUnit.MINUTES) != null);
        assertTrue(Files.isRegularFile(reference), "the single-instance run made no dbv: " + singleInstance.errors());
        mark("single-instance run --once done");
        List<String> differences = new ArrayList<>(List.of("nothing published"));
        await("the published dbv equal to the single instance's", Duration.ofMinutes(20), () -> {
          if (download(s3, published, snapshot)) {
            differences.clear();
            differences.addAll(DbvComparison.differences(reference, snapshot));
          }
          return differences.isEmpty();
        }, () -> differences.size() + " differences: " + differences.stream().limit(5).toList());
        mark("the published dbv equals the single instance's");
        DbvComparison.assertSame(reference, snapshot);
      }
      for (String survivor : List.of(topologies.get(1), topologies.get(2), project.container("kafka-1"), project.container("kafka-3"),
          project.container("sink"), project.container("connect"))) {
        assertTrue(project.isRunning(survivor), project.state(survivor) + " did not survive");
      }
      project.start(topologies.getFirst());
      project.start(project.container("kafka-2"));
      mark("started the killed containers again");
      awaitEveryTargetUp(prometheus, TARGETS);
      mark("Prometheus: all " + TARGETS + " targets up again");
      Map<String, Boolean> networks = project.networks();
      assertEquals(Map.of(project.name() + "_default", true), networks,
          "every container on the test's own internal network, and on no other");
      passed = true;
    } finally {
      System.out.println("deployment timeline:\n  " + String.join("\n  ", timeline));
      if (!passed) {
        Path logs = Path.of("target", "compose-deployment-" + project.name() + ".log").toAbsolutePath();
        project.saveLogs(logs);
        System.out.println("the deployment's logs: " + logs);
      }
      if (singleInstance != null) {
        singleInstance.close();
      }
      project.close();
    }
  }

  /** Every cell folder of the shared data (exchange sets one by one), the broken inputs left out. */
  private static List<Path> cellFolders() throws IOException {
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> top = Files.list(SharedData.s57())) {
      for (Path folder : top.filter(Files::isDirectory).sorted().toList()) {
        String name = folder.getFileName().toString();
        if (name.equals("exchange-sets")) {
          try (Stream<Path> sets = Files.list(folder)) {
            folders.addAll(sets.filter(Files::isDirectory).sorted().toList());
          }
        } else if (!name.equals("bad")) {
          folders.add(folder);
        }
      }
    }
    return folders;
  }

  /** Copies {@code folder} under {@code target}, each file written in {@code staging} and moved in whole. */
  private static void copyFolder(Path folder, Path target, Path staging) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path destination = target.resolve(folder.getFileName().toString()).resolve(folder.relativize(file).toString());
        Files.createDirectories(destination.getParent());
        for (Path dir = destination.getParent(); !dir.equals(target); dir = dir.getParent()) {
          Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path part = Files.copy(file, staging.resolve(file.getFileName() + ".part"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(part, destination, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  private void drip(Path folder, Path input, Path staging) throws IOException, InterruptedException {
    copyFolder(folder, input, staging);
    Thread.sleep(2000);
  }

  /** Downloads the published dbv into {@code file}; false while nothing is published yet. */
  private static boolean download(S3Client s3, S3Settings published, Path file) {
    try {
      Files.deleteIfExists(file);
      s3.getObject(b -> b.bucket(published.bucket()).key(published.key()), ResponseTransformer.toFile(file));
      return true;
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      return false;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Records the topology's stream threads have yet to process, by their own consumers' metrics
   * (the records-lag gauges of chartstream's /metrics), summed over the replicas that answer.
   */
  private static long topologyLag(List<String> addresses) {
    double lag = 0;
    for (String address : addresses) {
      String metrics;
      try {
        metrics = get("http://" + address + ":9400/metrics");
      } catch (AssertionError e) {
        continue;
      }
      for (String line : metrics.split("\n")) {
        if (line.startsWith("kafka_consumer_fetch_manager_records_lag{") && line.contains("StreamThread")
            && !line.contains("restore-consumer")) {
          double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          lag += Double.isNaN(value) ? 0 : value;
        }
      }
    }
    return (long) lag;
  }

  /** Waits until Prometheus' API lists {@code expected} active targets, every one up. */
  private void awaitEveryTargetUp(String prometheus, int expected) throws InterruptedException {
    Map<String, String> health = new TreeMap<>();
    await("Prometheus reporting " + expected + " targets up", Duration.ofMinutes(4), () -> {
      health.clear();
      try {
        JsonNode targets = new ObjectMapper().readTree(get(prometheus + "/api/v1/targets")).path("data").path("activeTargets");
        targets.forEach(t -> health.put(t.path("scrapeUrl").asText(), t.path("health").asText() + " " + t.path("lastError").asText()));
      } catch (IOException e) {
        return false;
      }
      return health.size() == expected && health.values().stream().allMatch(h -> h.startsWith("up"));
    }, health::toString);
  }

  private static String get(String url) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(url + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new AssertionError(url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    await(what, timeout, condition, () -> "");
  }

  /** Polls {@code condition} (a failing HTTP call counts as not yet) every 2 s until it holds or {@code timeout} passes. */
  private void await(String what, Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastError = "";
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (AssertionError e) {
        lastError = e.getMessage();
      }
      Thread.sleep(2000);
    }
    throw new AssertionError("not within " + timeout + ": " + what + "; " + state.get() + " " + lastError);
  }

  private void mark(String event) {
    String line = String.format("%6.1f s  %s", (System.nanoTime() - started) / 1e9, event);
    timeline.add(line);
    System.out.println("deployment: " + line);
  }
}
