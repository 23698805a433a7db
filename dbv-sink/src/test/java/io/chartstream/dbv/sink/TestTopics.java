package io.chartstream.dbv.sink;

import io.chartstream.dbv.SourcePartition;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.RestSchemaRegistryClient;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A pair of sink input topics on a test broker: creates them as chartstream does (tiles
 * compacted with {@code max.message.bytes} 16 MiB) and produces to them in transactions, with
 * values in the Confluent wire format.
 */
final class TestTopics implements AutoCloseable {
  final String tiles;
  final String catalog;
  private final String bootstrap;
  private final SchemaRegistryClient registry;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Serializer<Long> tileKeys;
  private final Serializer<RclTile> tileValues;
  private final Serializer<String> catalogKeys;
  private final Serializer<ChartCatalogEntry> catalogValues;

  TestTopics(String bootstrap, String registryUrl, String prefix) throws Exception {
    this.bootstrap = bootstrap;
    this.tiles = prefix + ".rcl.tiles";
    this.catalog = prefix + ".charts.catalog";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(
          new NewTopic(tiles, 3, (short) 1).configs(Map.of("cleanup.policy", "compact",
              "max.message.bytes", Integer.toString(16 << 20))),
          new NewTopic(catalog, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
    }
    this.registry = RestSchemaRegistryClient.fromUrl(registryUrl);
    this.tileKeys = new AvroWireSerializer<>(registry, TopicSchemas.RCL_KEY, true);
    this.tileValues = new AvroWireSerializer<>(registry, TopicSchemas.RCL_TILE, false);
    this.catalogKeys = new AvroWireSerializer<>(registry, TopicSchemas.STRING_KEY, true);
    this.catalogValues = new AvroWireSerializer<>(registry, TopicSchemas.CATALOG_ENTRY, false);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "-producer");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 << 20));
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  /** Sends tiles and catalogue entries in one transaction, committed or aborted. */
  void send(List<RclTile> tileList, List<ChartCatalogEntry> entries, boolean commit) {
    producer.beginTransaction();
    for (ChartCatalogEntry entry : entries) {
      producer.send(new ProducerRecord<>(catalog, catalogKeys.serialize(catalog, entry.getChartId()),
          catalogValues.serialize(catalog, entry)));
    }
    for (RclTile tile : tileList) {
      producer.send(new ProducerRecord<>(tiles, tileKeys.serialize(tiles, tile.getRcl()),
          tileValues.serialize(tiles, tile)));
    }
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.flush();
      producer.abortTransaction();
    }
  }

  /** The last stable offset of every partition of both topics: where a caught-up sink stands. */
  Map<SourcePartition, Long> endOffsets() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Set<TopicPartition> partitions = new java.util.HashSet<>();
      for (String topic : List.of(tiles, catalog)) {
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
      }
      Map<SourcePartition, Long> ends = new HashMap<>();
      consumer.endOffsets(partitions, Duration.ofSeconds(10))
          .forEach((tp, offset) -> ends.put(new SourcePartition(tp.topic(), tp.partition()), offset));
      return ends;
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    registry.close();
  }
}
