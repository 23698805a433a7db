package io.chartstream.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.app.embedded.TopologyLag;
import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.Topics;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Topology throughput with 1, 2, 3… instances, each its own JVM ({@code chartstream topology},
 * one stream thread), sharing one application id. For each count: a fresh broker, all cells
 * ingested first, then the instances started together on the full topics; measured from their
 * start to the last tile written, with every instance's CPU time (from /proc, through
 * {@link ProcessHandle}) and the broker's (this JVM, which also holds the registry).
 *
 * <p>Usage: {@code ScaleOutThroughput [S57_DIR] [COUNTS, e.g. 1,2,3] [PARTITIONS]}. Runs from the
 * repository root (the instances read {@code config/}).
 */
public final class ScaleOutThroughput {
  private static final List<String> TOPOLOGY_INPUTS = List.of(Topics.S57_FEATURES, Topics.CHARTS_CATALOG,
      EmbeddedTopology.APPLICATION_ID + "-rcl-events-repartition");

  private ScaleOutThroughput() {}

  public static void main(String[] args) throws Exception {
    Path input = Path.of(args.length > 0 ? args[0] : "../shared/s57").toAbsolutePath().normalize();
    int[] counts = Arrays.stream((args.length > 1 ? args[1] : "1,2,3").split(",")).mapToInt(Integer::parseInt).toArray();
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    System.out.printf(Locale.ROOT, "%d cores; %d partitions; cells from %s%n", Runtime.getRuntime().availableProcessors(), partitions, input);
    for (int instances : counts) {
      measure(input, instances, partitions);
    }
  }

  private static void measure(Path input, int instances, int partitions) throws Exception {
    Path work = Files.createTempDirectory("chartstream-scale");
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work);
         EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
         SchemaRegistryClient client = RestSchemaRegistryClient.fromUrl(registry.url());
         Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      long features;
      try (EmbeddedIngest ingest = EmbeddedIngest.start(broker.bootstrapServers(), registry.url(), input, work, partitions, 2,
               Map.of("file.settle.ms", "0"));
           IngestWatcher watcher = new IngestWatcher(broker.bootstrapServers(), client, new InputScanner(input, 0).scan())) {
        while (!watcher.poll(Duration.ofMillis(500))) {
          // ingest first, so the topology is measured alone
        }
        features = watcher.features();
      }
      List<Process> children = new ArrayList<>();
      long brokerCpuStart = os.getProcessCpuTime();
      long wallStart = System.nanoTime();
      for (int i = 1; i <= instances; i++) {
        children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx1g",
            "-cp", System.getProperty("java.class.path"), "io.chartstream.app.Main", "topology",
            "--bootstrap-servers", broker.bootstrapServers(), "--schema-registry-url", registry.url(),
            "--work-dir", work.resolve("topology-" + i).toString(), "--config-dir", "config",
            "--threads", "1", "--replication", "1", "--partitions", String.valueOf(partitions), "--standby-replicas", "0")
            .redirectErrorStream(true).redirectOutput(work.resolve("topology-" + i + ".log").toFile()).start());
      }
      long lastEnd = -1;
      long wallAtLastTile = wallStart;
      long brokerCpuAtLastTile = brokerCpuStart;
      double[] childCpuAtLastTile = new double[instances];
      long quietSince = System.nanoTime();
      while (System.nanoTime() - quietSince < Duration.ofSeconds(10).toNanos()) {
        long end = TopologyLag.endOffsets(admin, Topics.RCL_TILES).values().stream().mapToLong(Long::longValue).sum();
        long lag = TopologyLag.of(admin, EmbeddedTopology.APPLICATION_ID, TOPOLOGY_INPUTS);
        if (end != lastEnd || lag != 0) {
          lastEnd = end;
          quietSince = System.nanoTime();
          wallAtLastTile = System.nanoTime();
          brokerCpuAtLastTile = os.getProcessCpuTime();
          for (int i = 0; i < instances; i++) {
            childCpuAtLastTile[i] = children.get(i).toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
          }
        }
        Thread.sleep(250);
      }
      for (Process child : children) {
        child.destroyForcibly().waitFor();
      }
      double wall = (wallAtLastTile - wallStart) / 1e9;
      double topologyCpu = Arrays.stream(childCpuAtLastTile).sum();
      double brokerCpu = (brokerCpuAtLastTile - brokerCpuStart) / 1e9;
      System.out.printf(Locale.ROOT, "instances %d: %d features -> %d tile records in %.1f s wall; topology CPU %.1f s %s, broker+registry CPU %.1f s;"
              + " %.0f features/s in all, %.0f features/s per instance, %.0f features per topology CPU-s%n",
          instances, features, lastEnd, wall, topologyCpu, Arrays.toString(Arrays.stream(childCpuAtLastTile).map(c -> Math.round(c * 10) / 10.0).toArray()),
          brokerCpu, features / wall, features / wall / instances, features / topologyCpu);
    }
  }
}
