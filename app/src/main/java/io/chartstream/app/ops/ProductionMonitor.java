package io.chartstream.app.ops;

import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.app.progress.Completion;
import io.chartstream.dbv.DbvChart;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.TileSummary;
import io.chartstream.ingest.s57.InputScan;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a production about once a second on its own thread, from the outside: what ingest and
 * the topology committed on Kafka, the stages' committed positions, and the dbv. The one monitor
 * of a run: the latest {@link ProductionSnapshot} feeds the progress lines, the metrics and the
 * operator page, and says when the production is done ({@link io.chartstream.app.progress.Completion}),
 * which ends {@code run --once}; {@link LagHistory} keeps the last hour of lag for the page's chart.
 */
public final class ProductionMonitor implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ProductionMonitor.class);
  private static final Duration HISTORY_STEP = Duration.ofSeconds(2);
  private static final Duration RESCAN = Duration.ofSeconds(5);

  private final String bootstrapServers;
  private final String registryUrl;
  private final Path input;
  private InputScan expected;
  private final Path dbv;
  private final MissingCharts missing;
  private final LagHistory history = new LagHistory(Duration.ofHours(1));
  private final Thread thread;
  private volatile ProductionSnapshot latest = ProductionSnapshot.EMPTY;
  private volatile boolean running = true;
  /** When new data was first seen since the dbv last caught up; 0 when nothing is pending. */
  private long pendingSinceNanos;
  private double lastLatencySeconds = Double.NaN;
  private final Completion completion = new Completion();
  /** A release of every missing chart asked for by {@link #releaseMissing}, done on the monitor's thread. */
  private final AtomicReference<ReleaseRequest> releaseRequest =
      new AtomicReference<>();

  private record ReleaseRequest(String why, CompletableFuture<List<String>> result) {}
  private long lastHistoryMillis;

  private ProductionMonitor(String bootstrapServers, String registryUrl, Path input, Path dbv, MissingCharts missing) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
    this.input = input.toAbsolutePath().normalize();
    this.dbv = dbv;
    this.missing = missing;
    this.thread = Thread.ofPlatform().daemon().name("chartstream-monitor").unstarted(this::loop);
  }

  /**
   * Follows the production of {@code input} (rescanned now and then: it is watched for new files)
   * into {@code dbv}; {@code missing} lists, and in time releases, the charts promised that never came.
   */
  public static ProductionMonitor start(String bootstrapServers, String registryUrl, Path input, Path dbv, MissingCharts missing) {
    ProductionMonitor monitor = new ProductionMonitor(bootstrapServers, registryUrl, input, dbv, missing);
    monitor.thread.start();
    return monitor;
  }

  public ProductionSnapshot latest() {
    return latest;
  }

  public LagHistory history() {
    return history;
  }

  /**
   * Releases every chart a catalogue promised that has not come ({@link MissingCharts#releaseAll}),
   * on the monitor's thread between two samples, for {@code run --once} once the production is
   * done: the RCLs waiting for them are then produced without them. Completion starts again: a
   * snapshot taken after the returned future completes is done only once those RCLs are stored.
   *
   * @return the charts released, each as "CHART (why it never came)"
   */
  public CompletableFuture<List<String>> releaseMissing(String why) {
    ReleaseRequest request = new ReleaseRequest(why, new CompletableFuture<>());
    if (!releaseRequest.compareAndSet(null, request)) {
      return releaseRequest.get().result();
    }
    return request.result();
  }

  private void handleReleaseRequest(IngestWatcher ingest) {
    ReleaseRequest request = releaseRequest.get();
    if (request == null || request.result().isDone()) {
      return;
    }
    try {
      List<String> released = missing.releaseAll(ingest, request.why());
      completion.observe(false, System.nanoTime());
      request.result().complete(released);
    } catch (RuntimeException e) {
      request.result().completeExceptionally(e);
    }
  }

  private void loop() {
    IngestWatcher ingest = null;
    try (SchemaRegistryClient registry = RestSchemaRegistryClient.fromUrl(registryUrl);
         OutputFollower outputs = new OutputFollower(bootstrapServers, registry);
         Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      LagProbe lagProbe = new LagProbe(admin);
      long nextScan = 0;
      // One scanner for the run: it keeps the update files' headers it has read.
      InputScanner scanner = new InputScanner(input, 0);
      while (running) {
        try {
          if (System.currentTimeMillis() >= nextScan) {
            // New files in the input: the same watcher expects them too (nothing is read again).
            long started = System.currentTimeMillis();
            InputScan scan = scanner.scan();
            long scanMillis = System.currentTimeMillis() - started;
            if (ingest == null) {
              ingest = new IngestWatcher(bootstrapServers, registry, scan);
            } else if (!fingerprints(scan).equals(fingerprints(expected))) {
              ingest.expect(scan);
            }
            expected = scan;
            // At most about 2 % of a core on scanning: a delivery of thousands of cells takes a
            // while to walk, and the ingest tasks read what is new without waiting for this.
            nextScan = System.currentTimeMillis() + Math.max(RESCAN.toMillis(), 50 * scanMillis);
          }
          ingest.poll(Duration.ofMillis(400));
          outputs.poll(Duration.ofMillis(400));
          handleReleaseRequest(ingest);
          latest = sample(ingest, outputs, lagProbe);
        } catch (RuntimeException e) {
          LOGGER.debug("Production sample failed (will retry): {}", e.toString());
          Thread.sleep(500);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOGGER.warn("Production monitor stopped: {}", e.toString());
    } finally {
      if (ingest != null) {
        ingest.close();
      }
    }
  }

  private static Set<String> fingerprints(InputScan scan) {
    Set<String> out = new HashSet<>();
    scan.cells().forEach(c -> out.add(c.chartId() + "+" + c.updates().size()));
    scan.problems().forEach(p -> out.add("!" + p.file()));
    return out;
  }

  private ProductionSnapshot sample(IngestWatcher ingest, OutputFollower outputs, LagProbe lagProbe) throws InterruptedException {
    List<PartitionLag> lags = lagProbe.all(dbv);
    List<DeadLetter> deadLetters = outputs.deadLetters();
    Set<String> failed = new TreeSet<>();
    deadLetters.forEach(d -> {
      if (d.chartId() != null) {
        failed.add(d.chartId());
      }
    });
    long tiles = 0;
    long tileFeatures = 0;
    Set<Long> rcls = new HashSet<>();
    Map<String, DbvChart> inDbv = new LinkedHashMap<>();
    if (Files.exists(dbv)) {
      try (DbvReader reader = DbvReader.open(dbv)) {
        for (TileSummary t : reader.tileSummaries()) {
          tiles++;
          tileFeatures += t.featureCount();
          rcls.add(t.rcl());
        }
        for (DbvChart c : reader.charts()) {
          if (!c.revision().isEmpty()) {
            inDbv.put(c.chartId(), c); // ordered by revision: the last is the current one
          }
        }
      } catch (RuntimeException e) {
        LOGGER.debug("dbv not readable yet: {}", e.toString());
      }
    }
    long sinkLag = LagProbe.total(lags, "sink");
    long topologyLag = LagProbe.total(lags, "topology");
    boolean complete = ingest.isComplete();
    boolean caughtUp = Completion.caughtUp(complete, topologyLag, sinkLag == 0);
    boolean done = completion.observe(caughtUp, System.nanoTime());
    List<ChartState> charts = chartStates(ingest, failed, inDbv, caughtUp);
    long size = fileSize(dbv) + fileSize(Path.of(dbv + "-wal"));
    long now = System.currentTimeMillis();
    ProductionSnapshot previous = latest;
    trackLatency(previous, ingest, outputs, caughtUp);
    if (now - lastHistoryMillis >= HISTORY_STEP.toMillis()) {
      history.add(new LagSample(now, topologyLag, sinkLag));
      lastHistoryMillis = now;
    }
    return new ProductionSnapshot(now, ingest.chartsExpected(), ingest.chartsEnded(), failed.size(), ingest.features(),
        tileFeatures, outputs.tileRecords(), rclsPending(lags), tiles, inDbv.size(), size, lastLatencySeconds, complete,
        lags, charts, deadLetters, ingest.chartsIngested(), ingest.chartsNotEnded(), rcls, caughtUp, done,
        missing.observe(ingest, now));
  }

  /** Records on {@code rcl.tiles} the sink has not stored yet (its lag on the catalogue left out). */
  private static long rclsPending(List<PartitionLag> lags) {
    return lags.stream().filter(l -> l.stage().equals("sink") && l.topic().equals(io.chartstream.schema.Topics.RCL_TILES))
        .mapToLong(PartitionLag::lag).sum();
  }

  /** Update latency: from the first new record seen to the moment every stage has caught up with it. */
  private void trackLatency(ProductionSnapshot previous, IngestWatcher ingest, OutputFollower outputs, boolean caughtUp) {
    boolean moved = ingest.features() != previous.featuresIngested() || ingest.chartsEnded() != previous.chartsIngested()
        || outputs.tileRecords() != previous.rclsFinished();
    if (moved && pendingSinceNanos == 0) {
      pendingSinceNanos = System.nanoTime();
    } else if (caughtUp && !moved && pendingSinceNanos != 0) {
      lastLatencySeconds = (System.nanoTime() - pendingSinceNanos) / 1e9;
      pendingSinceNanos = 0;
    }
  }

  private List<ChartState> chartStates(IngestWatcher ingest, Set<String> failed, Map<String, DbvChart> inDbv, boolean settled) {
    Set<String> notEnded = new HashSet<>(ingest.chartsNotEnded());
    Set<String> ids = new TreeSet<>(inDbv.keySet());
    expected.cells().forEach(c -> ids.add(c.chartId()));
    List<ChartState> out = new ArrayList<>();
    for (String id : ids) {
      DbvChart c = inDbv.get(id);
      String state;
      if (failed.contains(id) && notEnded.contains(id)) {
        state = "failed";
      } else if (notEnded.contains(id)) {
        state = "pending";
      } else if (c != null && settled) {
        state = "in dbv";
      } else {
        state = "ingested";
      }
      out.add(new ChartState(id, c == null ? "" : c.revision(), c == null ? null : c.edition(),
          c == null ? null : c.updateNumber(), state));
    }
    return out;
  }

  private static long fileSize(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
