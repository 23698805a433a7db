package io.chartstream.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.chartstream.app.TopologySettings;
import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.embedded.EmbeddedPlatform;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.Topics;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.topology.streams.TopologyConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Topology throughput in source features per CPU-second: ingests a directory onto a fresh
 * embedded broker first, then starts the topology alone on the full topics and measures the
 * process's CPU time from its start until the last tile is written (the tail of idle waiting
 * for more tiles is not counted). Usage: {@code TopologyThroughput [S57_DIR [CONFIG_DIR [THREADS]]]}:
 * with a config dir (e.g. {@code config}), the topology runs with the presentation stages of
 * that dir, as {@code run} does (one stream thread there); without, with no stages.
 */
public final class TopologyThroughput {
  private TopologyThroughput() {}

  public static void main(String[] args) throws Exception {
    Path input = Path.of(args.length > 0 ? args[0] : "../shared/s57").toAbsolutePath().normalize();
    TopologyConfig config = args.length > 1 ? TopologySettings.toConfig(Path.of(args[1]), null) : TopologyConfig.defaults();
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path work = Files.createTempDirectory("chartstream-bench");
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (EmbeddedPlatform platform = EmbeddedPlatform.start(work);
         SchemaRegistryClient registry = RestSchemaRegistryClient.fromUrl(platform.schemaRegistryUrl())) {
      long features;
      try (EmbeddedIngest ingest = EmbeddedIngest.start(platform.bootstrapServers(), platform.schemaRegistryUrl(), input, work, 4, 2,
               Map.of("file.settle.ms", "0"));
           IngestWatcher watcher = new IngestWatcher(platform.bootstrapServers(), registry, new InputScanner(input, 0).scan())) {
        while (!watcher.poll(Duration.ofMillis(500))) {
          // ingest first, so the topology is measured alone
        }
        features = watcher.features();
      }
      long cpuStart = os.getProcessCpuTime();
      long wallStart = System.nanoTime();
      long cpuAtLastTile = cpuStart;
      long wallAtLastTile = wallStart;
      long lastEnd = 0;
      try (EmbeddedTopology topology = EmbeddedTopology.start(platform.bootstrapServers(), platform.schemaRegistryUrl(), work,
               config, threads, (short) 1);
           KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(Map.of("bootstrap.servers", platform.bootstrapServers()),
               new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = probe.partitionsFor(Topics.RCL_TILES).stream()
            .map(p -> new TopicPartition(Topics.RCL_TILES, p.partition())).toList();
        long quietSince = System.nanoTime();
        // Quiet for 10 s after the first tile, or for 5 minutes before it (start-up under load).
        while (System.nanoTime() - quietSince < Duration.ofSeconds(lastEnd == 0 ? 300 : 10).toNanos()) {
          long end = probe.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
          if (end != lastEnd) {
            lastEnd = end;
            quietSince = System.nanoTime();
            cpuAtLastTile = os.getProcessCpuTime();
            wallAtLastTile = System.nanoTime();
          }
          Thread.sleep(100);
        }
      }
      double cpu = (cpuAtLastTile - cpuStart) / 1e9;
      double wall = (wallAtLastTile - wallStart) / 1e9;
      System.out.printf(Locale.ROOT, "topology: %d source features -> %d tile records in %.2f s wall, %.2f CPU-s: %.0f features/CPU-s, %.0f features/s%n",
          features, lastEnd, wall, cpu, features / cpu, features / wall);
    }
  }
}
