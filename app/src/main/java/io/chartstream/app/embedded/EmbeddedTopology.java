package io.chartstream.app.embedded;

import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.avro.internal.CatalogRcls;
import io.chartstream.topology.errors.KafkaDeadLetters;
import io.chartstream.topology.errors.TopologyErrorHandlers;
import io.chartstream.topology.streams.ChartTopology;
import io.chartstream.topology.streams.StoreCompression;
import io.chartstream.topology.streams.StoreNames;
import io.chartstream.topology.streams.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology running in this JVM as a Kafka Streams application ({@code chartstream-topology}),
 * exactly-once, with its RocksDB stores under the work dir. Several instances with the same
 * application id share the work: that is how it scales out.
 */
public final class EmbeddedTopology implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedTopology.class);
  public static final String APPLICATION_ID = "chartstream-topology";
  /** Segment size of the topology's internal topics: see {@link #start}. */
  static final int INTERNAL_SEGMENT_BYTES = 8 << 20;

  private final KafkaStreams streams;
  private final SchemaRegistryClient registry;
  private final KafkaDeadLetters deadLetters;
  private final java.util.concurrent.atomic.AtomicReference<Throwable> failure;
  private volatile boolean closing;

  private EmbeddedTopology(KafkaStreams streams, SchemaRegistryClient registry, KafkaDeadLetters deadLetters,
                           java.util.concurrent.atomic.AtomicReference<Throwable> failure) {
    this.streams = streams;
    this.registry = registry;
    this.deadLetters = deadLetters;
    this.failure = failure;
  }

  /**
   * @param replication replication factor of the internal topics (1 on the embedded broker)
   */
  public static EmbeddedTopology start(String bootstrapServers, String schemaRegistryUrl, Path workDir,
                                       TopologyConfig config, int threads, short replication) {
    return start(bootstrapServers, schemaRegistryUrl, workDir, config, threads, replication, 0, Map.of());
  }

  /**
   * One instance of the topology on a cluster, sharing the work with every other instance of
   * {@link #APPLICATION_ID}.
   *
   * @param standbyReplicas warm copies of each task's stores on other instances
   * @param streamsOverrides Kafka Streams properties applied last (session timeout, for example)
   */
  public static EmbeddedTopology start(String bootstrapServers, String schemaRegistryUrl, Path workDir,
                                       TopologyConfig config, int threads, short replication,
                                       int standbyReplicas, Map<String, String> streamsOverrides) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, workDir.resolve("streams").toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replication);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), ChartTopics.MAX_TILE_BYTES);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    // A part of a chart's section (ChartSections) is 256 KiB plus one piece, and one piece of a
    // huge area can be more than the broker's default 1 MB: the internal topics take what rcl.tiles takes.
    props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(ChartTopics.MAX_TILE_BYTES));
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreCompression.class);
    // The repartition topic is purged as the RCL stage commits, but a segment goes only once it
    // is closed: Kafka Streams' 50 MB segments would keep a delivery's sections on disk.
    // Changelog segments close at the same size, so that compaction can drop what updates replaced.
    props.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG), INTERNAL_SEGMENT_BYTES);
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    // Exactly-once's 10 s transaction timeout is too short for a starved machine: in a 1,000-cell
    // run beside a test suite one transaction outlived it, the coordinator began to fence it
    // while the stream thread committed it, and the broker answered the commit with an unexpected
    // error (PREPARE_COMMIT while PREPARE_EPOCH_FENCE) that Streams treats as fatal. The cost of
    // a longer one: an instance that crashes holds read_committed readers below its open
    // transaction this long at most (a restart of the same instance fences it at once).
    props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), TRANSACTION_TIMEOUT_MS);
    props.putAll(streamsOverrides);
    checkStateFormat(bootstrapServers);
    SchemaRegistryClient registry = RestSchemaRegistryClient.fromUrl(schemaRegistryUrl);
    KafkaDeadLetters deadLetters = new KafkaDeadLetters(bootstrapServers, registry);
    TopologyErrorHandlers.install(props, deadLetters);
    KafkaStreams streams = new KafkaStreams(ChartTopology.build(config, registry), props);
    var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    streams.setUncaughtExceptionHandler(e -> {
      failure.set(e);
      // A failure here is a bug or a broken broker, not bad chart data (that goes to topology.errors):
      // stop, keep the committed state, and let the operator restart once fixed.
      LOGGER.error("Topology failed; stopping it", e);
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.start();
    LOGGER.info("Topology {} started against {}", APPLICATION_ID, bootstrapServers);
    return new EmbeddedTopology(streams, registry, deadLetters, failure);
  }

  /** See {@link TopologyStateFormat}. */
  private static void checkStateFormat(String bootstrapServers) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      TopologyStateFormat.check(APPLICATION_ID, admin.listTopics().names().get(60, java.util.concurrent.TimeUnit.SECONDS));
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot list the topics on " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The RCLs the catalogue's coverages reach, which a complete production holds (it may hold
   * more: edge RCLs only the features' buffers reach), from the topology's catalog-rcls store;
   * null while the store cannot be queried (starting, rebalancing).
   */
  public Set<Long> expectedRcls() {
    try {
      ReadOnlyKeyValueStore<String, CatalogRcls> store = streams.store(
          StoreQueryParameters.fromNameAndType(StoreNames.CATALOG_RCLS, QueryableStoreTypes.<String, CatalogRcls>keyValueStore()));
      Set<Long> rcls = new HashSet<>();
      try (KeyValueIterator<String, CatalogRcls> all = store.all()) {
        all.forEachRemaining(entry -> rcls.addAll(entry.value.getRcls()));
      }
      return rcls;
    } catch (InvalidStateStoreException e) {
      return null;
    }
  }

  /**
   * The RCLs the catalogue has {@code chartId} expected in, from the topology's catalog-rcls
   * store; empty when it has none or the store cannot be queried now.
   */
  public java.util.List<Long> catalogRcls(String chartId) {
    try {
      ReadOnlyKeyValueStore<String, CatalogRcls> store = streams.store(
          StoreQueryParameters.fromNameAndType(StoreNames.CATALOG_RCLS, QueryableStoreTypes.<String, CatalogRcls>keyValueStore()));
      CatalogRcls rcls = store.get(chartId);
      return rcls == null ? java.util.List.of() : java.util.List.copyOf(rcls.getRcls());
    } catch (InvalidStateStoreException e) {
      return java.util.List.of();
    }
  }

  /** The registry client the topology uses (the run's other producers share it). */
  public SchemaRegistryClient registry() {
    return registry;
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** The stream threads' transaction timeout (see {@link #start}). */
  static final int TRANSACTION_TIMEOUT_MS = 60_000;

  /**
   * Kafka Streams settings for {@code run}, where an update file should reach the dbv within a
   * second or two: the stream thread polls within 50 ms instead of 100, and a fetch that finds
   * nothing returns within 50 ms instead of 500, so pieces that a commit makes readable on the
   * repartition topic are picked up at once. The commit interval stays at exactly-once's 100 ms:
   * 50 ms took no more off an update and cost {@code run --once} 5 % more CPU; 1 s (with the
   * topology asking for a commit at each chart version's end and after each emission, as it
   * does) took nothing off either and raised peak memory by 40 % (docs/BENCHMARKS.md).
   */
  public static final Map<String, String> PROMPT_STREAMS = Map.of(
      StreamsConfig.POLL_MS_CONFIG, "50",
      StreamsConfig.consumerPrefix("fetch.max.wait.ms"), "50");

  /**
   * {@code config} with an emission pass every 100 ms instead of every second, so a finished or
   * changed RCL waits at most a tenth of a second for it; a pass over no changed RCL costs one empty
   * store scan.
   */
  public static TopologyConfig promptEmission(TopologyConfig config) {
    return config.withEmitInterval(Duration.ofMillis(100));
  }

  /**
   * Removes every member from the topology's consumer group. A process killed without closing
   * stays a member until its session times out (45 s), and its partitions wait with it; call
   * this before {@link #start} only where no other instance can be running, as on the embedded
   * broker, whose work dir one process holds.
   */
  public static void evictMembersOfStoppedRuns(String bootstrapServers) throws InterruptedException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin.removeMembersFromConsumerGroup(APPLICATION_ID, new RemoveMembersFromConsumerGroupOptions()).all().get();
    } catch (ExecutionException e) {
      // No such group yet (a first run), or no members left: nothing to evict.
      LOGGER.debug("No members to evict from {}: {}", APPLICATION_ID, e.getCause().toString());
    }
  }

  /**
   * Why the topology stopped processing, when it did without being closed: its client in ERROR
   * (a stream thread died; the reason is what killed it), or not running.
   */
  public java.util.Optional<String> failure() {
    KafkaStreams.State state = streams.state();
    boolean dead = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
        || (!closing && (state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN));
    if (!dead) {
      return java.util.Optional.empty();
    }
    Throwable e = failure.get();
    return java.util.Optional.of("Kafka Streams is " + state + (e == null ? "" : ": " + io.chartstream.app.ops.StageSupervisor.describe(e)));
  }

  /** Whether Kafka Streams is starting, rebalancing or restoring its stores rather than processing. */
  public boolean isSettling() {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING;
  }

  /** Closes the topology: the open transaction is committed or aborted, stores flushed, the group left. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * As {@link #close()}, waiting at most {@code timeout} for the stream threads: one busy with a
   * record cannot be interrupted, and is left to the process's end (its transaction is aborted
   * when the next run starts).
   */
  public void close(Duration timeout) {
    closing = true;
    // Leaving the group lets the next start take its partitions at once instead of after the session timeout.
    streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(timeout));
    deadLetters.close();
    registry.close();
  }
}
