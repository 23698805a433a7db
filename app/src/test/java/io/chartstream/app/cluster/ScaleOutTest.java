package io.chartstream.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.app.ClusterSettings;
import io.chartstream.app.ConfigDir;
import io.chartstream.app.embedded.ChartTopics;
import io.chartstream.app.embedded.EmbeddedIngest;
import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.embedded.IngestWatcher;
import io.chartstream.app.embedded.TopologyLag;
import io.chartstream.app.progress.DbvPosition;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.Topics;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chartstream scaled out on one machine, for real: a three-broker KRaft cluster, the ingest
 * connector, three topology instances as separate JVMs sharing the work (partitions, replication
 * and standby replicas from {@code config/cluster.properties}) and the dbv sink as its own JVM.
 * Mid-production one topology instance is killed with SIGKILL and one broker is stopped; the dbv
 * the cluster produces must still equal the one a single-instance {@code chartstream run} makes
 * of the same cells: the same RCLs with the same tile content hashes, the same catalogue.
 */
@Tag("slow")
class ScaleOutTest {
  /** Four cells over three bands, two stacked off Maui, one with an update: RCLs that several charts share. */
  private static final List<String> CELLS = List.of("US1BS01M/US1BS01M.000", "US4IL10M/US4IL10M.000", "US4IL10M/US4IL10M.001",
      "exchange-sets/US4HA23M_Auau-Channel", "exchange-sets/US5HA24M_Maui-West-Coast");
  private static final List<String> TOPOLOGY_INPUTS = List.of(Topics.S57_FEATURES, Topics.CHARTS_CATALOG,
      EmbeddedTopology.APPLICATION_ID + "-rcl-events-repartition");
  private static final int INSTANCES = 3;

  @TempDir Path work;

  KafkaClusterUnderTest cluster(Path workDir) {
    return KafkaClusterUnderTest.embedded(workDir);
  }

  @Test
  void threeInstancesSurvivingAKilledInstanceAndAStoppedBrokerProduceTheSingleInstanceDbv() throws Exception {
    Path input = copyCells(Files.createDirectories(work.resolve("input")));
    Files.createDirectories(work.resolve("connect"));
    Path config = ConfigDir.find();
    Path clusterConfig = config.resolve("cluster.properties");
    ClusterSettings settings = ClusterSettings.load(clusterConfig);
    assertTrue(settings.partitions() >= INSTANCES && settings.replication() == 3 && settings.standbyReplicas() >= 1,
        "config/cluster.properties must spread the work over three instances on three brokers: " + settings);

    Path dbv = work.resolve("cluster.dbv");
    Path reference = work.resolve("single.dbv");
    List<ChildJvm> topologies = new ArrayList<>();
    ChildJvm sink = null;
    ChildJvm singleInstance = null;
    try (KafkaClusterUnderTest kafka = cluster(work.resolve("cluster"));
         Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      // The oracle, alongside: `chartstream run --once` on the embedded single broker, one topology instance.
      singleInstance = ChildJvm.start("run", work.resolve("logs/run.log"), 768, List.of("run", "--once", "--quiet",
          "--input", input.toString(), "--dbv", reference.toString(), "--work-dir", work.resolve("single").toString(),
          "--config-dir", config.toString()));
      ChartTopics.createMissing(admin, ChartTopics.definitions(settings.partitions(), settings.replication()));
      try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
           SchemaRegistryClient client = RestSchemaRegistryClient.fromUrl(registry.url())) {
        for (int i = 1; i <= INSTANCES; i++) {
          topologies.add(ChildJvm.start("topology-" + i, work.resolve("logs/topology-" + i + ".log"), 512, List.of("topology",
              "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
              "--work-dir", work.resolve("topology-" + i).toString(), "--config-dir", config.toString(),
              "--cluster-config", clusterConfig.toString())));
        }
        sink = ChildJvm.start("sink", work.resolve("logs/sink.log"), 384, List.of("sink",
            "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
            "--dbv", dbv.toString(), "--config-dir", config.toString()));
        awaitEveryInstanceWorking(admin, topologies);
        try (EmbeddedIngest ingest = EmbeddedIngest.start(kafka.bootstrapServers(), registry.url(), input, work.resolve("connect"),
                 settings.partitions(), 2, Map.of("scan.interval.ms", "200", "file.settle.ms", "0"));
             IngestWatcher watcher = new IngestWatcher(kafka.bootstrapServers(), client, new InputScanner(input, 0).scan())) {
          long lagAtFailure = awaitMidProduction(admin, watcher, topologies);
          ChildJvm victim = topologies.get(0);
          assertEquals(137, victim.kill(), "SIGKILL of " + victim);
          kafka.stopBroker(2);
          awaitEveryPartitionLed(admin);
          System.out.printf("killed %s and stopped broker 2 with %d records of topology input unprocessed%n", victim.name(), lagAtFailure);
          awaitSettled(kafka.bootstrapServers(), watcher, dbv, Duration.ofMinutes(10), topologies, sink);
          for (ChildJvm topology : topologies.subList(1, INSTANCES)) {
            assertTrue(topology.isAlive(), topology + " died: " + topology.errors());
          }
          assertTrue(singleInstance.handle().onExit().get(4, TimeUnit.MINUTES) != null);
          assertTrue(Files.isRegularFile(reference), "the single-instance run made no dbv: " + singleInstance.errors());
          killAll(topologies, sink, singleInstance);
        }
      }
    } finally {
      killAll(topologies, sink, singleInstance);
    }
    DbvComparison.assertSame(reference, dbv);
  }

  /**
   * SIGKILLs the child JVMs still running, before the cluster stops under them: the dbv is
   * settled by then, or the test failed, and its committed SQLite transactions survive a kill.
   */
  private static void killAll(List<ChildJvm> topologies, ChildJvm sink, ChildJvm singleInstance) throws InterruptedException {
    List<ChildJvm> children = new ArrayList<>(topologies);
    children.add(sink);
    children.add(singleInstance);
    for (ChildJvm child : children) {
      if (child != null && child.isAlive()) {
        child.kill();
      }
    }
  }

  private static Path copyCells(Path input) throws IOException {
    for (String cell : CELLS) {
      Path source = SharedData.s57().resolve(cell);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = input.resolve(source.getFileName().toString().contains(".") ? source.getFileName() : source.getFileName().resolve(source.relativize(file)));
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }
    return input;
  }

  /** Waits until the topology group has a member per instance, each with partitions assigned. */
  private static void awaitEveryInstanceWorking(Admin admin, List<ChildJvm> topologies) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(EmbeddedTopology.APPLICATION_ID))
            .all().get().get(EmbeddedTopology.APPLICATION_ID);
        long working = group.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        if (working == topologies.size()) {
          return;
        }
      } catch (ExecutionException e) {
        // no instance has joined the group yet
      }
      for (ChildJvm topology : topologies) {
        assertTrue(topology.isAlive(), topology + " died: " + topology.errors());
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the " + topologies.size() + " topology instances did not all get partitions within 2 minutes");
  }

  /**
   * Waits until the topology has committed some of its work but not all of it, and returns the
   * records still to process: the moment to break things.
   */
  private static long awaitMidProduction(Admin admin, IngestWatcher watcher, List<ChildJvm> topologies) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      watcher.poll(Duration.ofMillis(200));
      long lag = TopologyLag.of(admin, EmbeddedTopology.APPLICATION_ID, TOPOLOGY_INPUTS);
      long committed = admin.listConsumerGroupOffsets(EmbeddedTopology.APPLICATION_ID).partitionsToOffsetAndMetadata().get()
          .entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.S57_FEATURES) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
      if (committed > 0 && lag > 0) {
        return lag;
      }
      assertFalse(watcher.isComplete() && lag == 0, "production finished before a failure could be injected");
    }
    throw new AssertionError("the topology committed nothing within 3 minutes: " + topologies.get(0).errors());
  }

  /** Waits until every partition of every topic has a leader again among the running brokers. */
  private static void awaitEveryPartitionLed(Admin admin) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    List<String> leaderless = List.of();
    while (System.nanoTime() < deadline) {
      try {
        Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get())
            .allTopicNames().get();
        leaderless = topics.values().stream().flatMap(t -> t.partitions().stream()
                .filter(p -> p.leader() == null || p.leader().id() == 2)
                .map(p -> t.name() + "-" + p.partition() + " leader " + p.leader() + " isr " + p.isr()))
            .toList();
        if (leaderless.isEmpty()) {
          return;
        }
      } catch (ExecutionException e) {
        leaderless = List.of(e.getCause().toString());
      }
      Thread.sleep(500);
    }
    throw new AssertionError("partitions without a running leader 90 s after a broker stopped: " + leaderless.stream().limit(10).toList());
  }

  /**
   * Ingest complete, the topology's input all processed, the sink holding every tile, for 5 s in
   * a row. A fresh admin client each time: one that looked up a partition's leader on the stopped
   * broker waits for that broker until its call times out.
   */
  private static void awaitSettled(String bootstrap, IngestWatcher watcher, Path dbv, Duration timeout,
                                   List<ChildJvm> topologies, ChildJvm sink) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long quietSince = System.nanoTime();
    String state = "";
    while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
      boolean ingested = watcher.poll(Duration.ofMillis(500));
      long lag;
      boolean sunk;
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        lag = TopologyLag.of(admin, EmbeddedTopology.APPLICATION_ID, TOPOLOGY_INPUTS);
        sunk = sinkCaughtUp(dbv, TopologyLag.endOffsets(admin, Topics.RCL_TILES));
      }
      state = "charts " + watcher.chartsEnded() + "/" + watcher.chartsExpected() + ", topology lag " + lag + ", sink caught up " + sunk;
      if (!(ingested && lag == 0 && sunk)) {
        quietSince = System.nanoTime();
      }
      assertTrue(sink.isAlive(), "the sink died: " + sink.errors());
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not settled after " + timeout + ": " + state + "; " + topologies.get(1).errors());
      }
    }
    System.out.println("settled: " + state);
  }

  private static boolean sinkCaughtUp(Path dbv, Map<TopicPartition, Long> tileEnds) {
    DbvPosition stored = DbvPosition.readOffsets(dbv);
    return stored != DbvPosition.EMPTY && stored.reached(tileEnds);
  }
}
