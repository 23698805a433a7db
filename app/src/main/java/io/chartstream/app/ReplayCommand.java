package io.chartstream.app;

import io.chartstream.app.embedded.EmbeddedPlatform;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.embedded.TopologyLag;
import io.chartstream.app.embedded.TopologyReset;
import io.chartstream.app.progress.Completion;
import io.chartstream.app.progress.DbvPosition;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.sink.DbvSink;
import io.chartstream.dbv.sink.DbvSinkConfig;
import io.chartstream.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartstream replay}: re-produces the dbv from the topics a {@code run} retained in its
 * work dir, with the current config dir, without reading any S-57 file. The topology is reset
 * (offsets, internal topics, state, outputs) and runs from the beginning of
 * {@code s57.features} and {@code charts.catalog}; the sink writes a new dbv, which replaces
 * {@code --dbv} only once complete.
 *
 * <p>Styling runs inside the clip stage and unstyled pieces are not retained, so every level of
 * {@code --from} reads the same source topics today; the levels name what is re-computed and
 * are kept apart so a cheaper path can serve them later (see ARCHITECTURE.md, "Replay").
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-produce the dbv from the retained topics of a work dir (new mariner settings or level table), without re-reading S-57.")
final class ReplayCommand implements Callable<Integer> {
  /** What a replay re-computes; all three read s57.features and charts.catalog (see the class comment). */
  enum From { styling, clipping, ingest }

  @Option(names = "--work-dir", defaultValue = ".chartstream", description = "The work dir of an earlier run (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--dbv", defaultValue = "chart.dbv", description = "The dbv to write; replaced once the replay is complete (default: ${DEFAULT-VALUE}).")
  Path dbv;

  @Option(names = "--from", defaultValue = "styling", description = "Stage to re-compute from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  From from;

  @Option(names = "--quiet", description = "No progress lines.")
  boolean quiet;

  @Mixin
  TopologySettings settings = new TopologySettings();

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(workDir.resolve("kafka"))) {
      System.err.println("chartstream replay: " + workDir + " holds no retained topics (no kafka/ in it): run `chartstream run` first");
      return 2;
    }
    Path target = dbv.toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".replay");
    Files.deleteIfExists(partial);
    ShutdownSignal signal = ShutdownSignal.install();
    try (EmbeddedPlatform platform = EmbeddedPlatform.start(workDir);
         Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
      if (!admin.listTopics().names().get().contains(Topics.S57_FEATURES)) {
        System.err.println("chartstream replay: " + workDir + " has no " + Topics.S57_FEATURES + " topic to replay");
        return 2;
      }
      TopologyReset.reset(admin, workDir);
      if (!quiet) {
        System.out.printf("chartstream replay --from %s: topology reset; re-producing %s from %s and %s with %s%n",
            from, target, Topics.S57_FEATURES, Topics.CHARTS_CATALOG, settings.configDir);
      }
      boolean complete;
      try (EmbeddedTopology topology = EmbeddedTopology.start(platform.bootstrapServers(), platform.schemaRegistryUrl(), workDir,
          settings.toConfig(), 1, (short) 1)) {
        DbvSink sink = new DbvSink(DbvSinkConfig.of(platform.bootstrapServers(), platform.schemaRegistryUrl(), partial, settings.dbvMetadata()));
        Thread sinkThread = Thread.ofPlatform().name("dbv-sink").start(sink);
        try {
          complete = awaitSettled(admin, partial, signal);
        } finally {
          sink.close();
          sinkThread.join(30_000);
        }
      }
      if (!complete) {
        System.err.println("chartstream replay: stopped before the end; " + target + " is unchanged");
        Files.deleteIfExists(partial);
        return 1;
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (!quiet) {
        try (DbvReader reader = DbvReader.open(target)) {
          System.out.printf("replay: done: %d tiles by level %s in %s%n",
              reader.tileCountsByLevel().values().stream().mapToLong(Long::longValue).sum(), reader.tileCountsByLevel(), target);
        }
      }
      return 0;
    } finally {
      signal.closed();
    }
  }

  /** Waits until the production is done ({@link Completion}: nothing to ingest, the topology and the sink caught up). */
  private boolean awaitSettled(Admin admin, Path partial, ShutdownSignal signal) throws InterruptedException {
    List<String> inputs = List.of(Topics.S57_FEATURES, Topics.CHARTS_CATALOG, EmbeddedTopology.APPLICATION_ID + "-rcl-events-repartition");
    Completion completion = new Completion();
    long nextReport = 0;
    while (!signal.isRequested()) {
      Thread.sleep(500);
      long lag = TopologyLag.of(admin, EmbeddedTopology.APPLICATION_ID, inputs);
      Map<TopicPartition, Long> tileEnds = TopologyLag.endOffsets(admin, Topics.RCL_TILES);
      DbvPosition stored = DbvPosition.read(partial);
      boolean done = completion.observe(Completion.caughtUp(true, lag, stored != DbvPosition.EMPTY && stored.reached(tileEnds)),
          System.nanoTime());
      if (!quiet && System.currentTimeMillis() >= nextReport) {
        System.out.printf("replay: topology lag %s, %d tiles in the dbv%n", lag == TopologyLag.NOT_STARTED ? "(starting)" : lag, stored.tiles());
        nextReport = System.currentTimeMillis() + 5000;
      }
      if (done) {
        return true;
      }
    }
    return false;
  }
}
