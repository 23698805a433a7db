package io.chartstream.dbv.sink;

import io.chartstream.dbv.DbvBatch;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.DbvWriter;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once sink from {@code rcl.tiles} and {@code charts.catalog} into a dbv. A
 * {@code read_committed} consumer, manually assigned every partition (no consumer group: the dbv
 * holds the position), seeks to the offsets stored in the dbv, and each poll becomes one SQLite
 * transaction holding the tiles, catalogue rows and the new positions. A crash at any point loses
 * the uncommitted batch and its positions together, so a restart reads it again; tiles replace
 * rows only with a higher sequence, so what was read twice changes nothing. Kafka's transactions
 * thus extend into the file, as a Connect sink task that manages its own offsets does.
 *
 * <p>{@link #run()} owns the consumer and the writer; {@link #close()} may be called from any
 * thread and waits for the loop to end.
 */
public final class DbvSink implements Runnable, AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(DbvSink.class);

  private final DbvSinkConfig config;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final SchemaRegistryClient registry;
  private final DbvWriter writer;
  private final RecordBatcher batcher;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean started;

  public DbvSink(DbvSinkConfig config) {
    this.config = config;
    this.registry = RestSchemaRegistryClient.fromUrl(config.registryUrl());
    this.writer = DbvWriter.open(config.dbvPath(), config.metadata());
    this.consumer = new KafkaConsumer<>(consumerProperties(config.bootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.batcher = new RecordBatcher(config.tilesTopic(), config.catalogTopic(),
        new TileRecords(registry, new AvroWireDeserializer<RclTile>(registry, TopicSchemas.RCL_TILE)),
        new AvroWireDeserializer<ChartCatalogEntry>(registry, TopicSchemas.CATALOG_ENTRY),
        new AvroWireDeserializer<Object>(registry, TopicSchemas.STRING_KEY));
  }

  private static Properties consumerProperties(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "chartstream-dbv-sink"); // names its metrics (records-lag per partition)
    // Only committed transactions: an aborted topology transaction never reaches the file.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Tiles reach 16 MiB; one must always fit in a fetch.
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(17 << 20));
    props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 << 20));
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    // An idle sink's fetch returns after 50 ms instead of 500 when no committed record arrived,
    // so a tile committed meanwhile waits at most that long (the broker answers a waiting fetch
    // when records arrive, but not always when only a transaction marker makes them readable).
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
    return props;
  }

  /** Assigns, seeks, then polls and writes until {@link #close()}. */
  @Override
  public void run() {
    started = true;
    try {
      List<TopicPartition> partitions = awaitPartitions();
      consumer.assign(partitions);
      Map<TopicPartition, Long> stored = new HashMap<>();
      try (DbvReader reader = DbvReader.open(config.dbvPath())) {
        reader.storedOffsets().forEach((p, offset) -> stored.put(new TopicPartition(p.topic(), p.partition()), offset));
      }
      for (TopicPartition tp : partitions) {
        Long next = stored.get(tp);
        if (next == null) {
          consumer.seekToBeginning(List.of(tp));
        } else {
          consumer.seek(tp, next);
        }
      }
      LOGGER.info("Sink assigned {} partitions, resuming from {}", partitions.size(), stored);
      Map<TopicPartition, Long> written = new HashMap<>(stored);
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(config.pollTimeout());
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : partitions) {
          positions.put(tp, consumer.position(tp));
        }
        // Positions also move over transaction markers with no record; store those too, so the
        // dbv's offsets reach the end of the log once everything committed is in it.
        if (records.isEmpty() && positions.equals(written)) {
          continue;
        }
        DbvBatch batch = batcher.batch(records, positions);
        writer.write(batch);
        written = positions;
        LOGGER.debug("Wrote {} tiles, {} charts", batch.tiles().size(), batch.charts().size());
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      closeResources();
      stopped.countDown();
    }
  }

  private List<TopicPartition> awaitPartitions() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(config.tilesTopic(), config.catalogTopic())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      while (running && (infos == null || infos.isEmpty())) {
        LOGGER.info("Waiting for topic {}", topic);
        infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      }
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
    }
    return partitions;
  }

  private void closeResources() {
    try {
      consumer.close(Duration.ofSeconds(5));
    } finally {
      try {
        writer.close();
      } finally {
        registry.close();
      }
    }
  }

  /** Stops the loop after the batch in progress and waits for it; closes everything. */
  /**
   * The sink's consumer, only to read its client metrics (e.g. Micrometer's KafkaClientMetrics,
   * which calls the thread-safe {@code metrics()}); polling it from elsewhere would break the sink.
   */
  public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumerForMetrics() {
    return consumer;
  }

  @Override
  public void close() {
    running = false;
    if (!started) {
      closeResources();
      return;
    }
    consumer.wakeup();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
