package io.chartstream.schema.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's durable state: a compacted, single-partition Kafka topic of
 * {@link SchemaLogRecord}s, as Confluent Schema Registry keeps its {@code _schemas} topic.
 *
 * <p>One partition keeps registrations in one total order, so every reader rebuilds the same
 * ids. Compaction keeps the latest record per subject and version, forever. Writes use an
 * idempotent producer with {@code acks=all} and are acknowledged before {@link #append} returns:
 * an id is never handed out before it is durable.
 *
 * <p>Not thread-safe (a Kafka consumer is not): {@link SchemaStore} calls it under its lock.
 */
final class SchemaLog implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(SchemaLog.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  private final TopicPartition partition;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;

  private SchemaLog(TopicPartition partition, KafkaProducer<byte[], byte[]> producer,
      KafkaConsumer<byte[], byte[]> consumer) {
    this.partition = partition;
    this.producer = producer;
    this.consumer = consumer;
  }

  /**
   * Opens the log in {@code topic}, creating the topic if missing, positioned at its beginning.
   *
   * @param clientConfig Kafka client settings shared by admin, producer and consumer:
   *                     {@code bootstrap.servers} and, on a secured cluster, security settings
   */
  static SchemaLog open(Map<String, Object> clientConfig, String topic) {
    ensureTopic(clientConfig, topic);
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(clientConfig),
        new ByteArraySerializer(), new ByteArraySerializer());
    try {
      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(clientConfig),
          new ByteArrayDeserializer(), new ByteArrayDeserializer());
      TopicPartition partition = new TopicPartition(topic, 0);
      // Assigned, not subscribed: every registry instance reads the whole topic, no group involved.
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      return new SchemaLog(partition, producer, consumer);
    } catch (RuntimeException e) {
      producer.close();
      throw e;
    }
  }

  String topic() {
    return partition.topic();
  }

  /**
   * Reads from the current position to the end offset as of this call, handing each schema
   * version to {@code sink}; returns how many records it read.
   *
   * @throws IllegalStateException if a record is not a schema record, or the end is not reached in time
   */
  int readToEnd(Consumer<SchemaLogRecord> sink) {
    long end = consumer.endOffsets(Set.of(partition), ADMIN_TIMEOUT).get(partition);
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    int count = 0;
    while (consumer.position(partition) < end) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Could not read " + partition + " to offset " + end + " within " + READ_TIMEOUT);
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        Optional<SchemaLogRecord> schema;
        try {
          schema = SchemaLogRecord.parse(record.key(), record.value());
        } catch (IllegalArgumentException e) {
          // Skipping it could hand out its id again: refuse to serve from a topic we do not understand.
          throw new IllegalStateException("Record at offset " + record.offset() + " of " + partition
              + " is not a schema registry record: " + e.getMessage(), e);
        }
        schema.ifPresent(sink);
        count++;
      }
    }
    return count;
  }

  /** Writes {@code record} and waits until every in-sync replica has it. */
  void append(SchemaLogRecord record) {
    try {
      producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), record.key(), record.value()))
          .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new KafkaException("Cannot write " + record.subject() + " version " + record.version()
          + " to " + partition.topic() + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("Writing " + record.subject() + " to " + partition.topic() + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while writing to " + partition.topic(), e);
    }
  }

  @Override
  public void close() {
    try {
      producer.close();
    } finally {
      consumer.close();
    }
  }

  private static void ensureTopic(Map<String, Object> clientConfig, String topic) {
    try (Admin admin = Admin.create(clientConfig)) {
      if (create(admin, topic)) {
        LOGGER.info("Created the compacted schema topic {}", topic);
      } else {
        warnUnlessCompacted(admin, topic);
      }
    } catch (ExecutionException e) {
      throw new KafkaException("Cannot create or describe the schema topic " + topic + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("Kafka did not answer within " + ADMIN_TIMEOUT + " about " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while creating " + topic, e);
    }
  }

  /** Creates the topic; false if it already exists. */
  private static boolean create(Admin admin, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    // The broker's default replication factor: 1 on the embedded broker, the cluster's elsewhere.
    NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw e;
    }
  }

  /** An existing topic is used as it is, but one that deletes old records would lose schemas. */
  private static void warnUnlessCompacted(Admin admin, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all()
        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
      LOGGER.warn("Schema topic {} has cleanup.policy={}, not compact: schemas may be deleted by retention", topic, policy);
    }
  }

  private static Map<String, Object> producerConfig(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "chartstream-schema-registry");
    return config;
  }

  private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "chartstream-schema-registry-reader");
    return config;
  }
}
