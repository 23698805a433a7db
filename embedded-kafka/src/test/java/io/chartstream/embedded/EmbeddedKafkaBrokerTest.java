package io.chartstream.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {
  @TempDir Path workDir;

  @Test
  void transactionalRecordsSurviveARestartOnTheSameWorkDir() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(workDir)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
      }
      try (var producer = new KafkaProducer<>(Map.<String, Object>of(
          "bootstrap.servers", broker.bootstrapServers(), "transactional.id", "tx-test"),
          new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("t", "a", "committed"));
        producer.commitTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("t", "b", "aborted"));
        producer.flush();
        producer.abortTransaction();
      }
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(workDir)) {
      assertEquals(List.of("committed"), readCommitted(broker.bootstrapServers()));
    }
  }

  @Test
  void theClusterRunsTransactionsVersion1() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(workDir);
        Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      var finalized = admin.describeFeatures().featureMetadata().get().finalizedFeatures();
      assertEquals(1, finalized.get("transaction.version").maxVersionLevel(), finalized.toString());
    }
  }

  private static List<String> readCommitted(String bootstrap) {
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        "bootstrap.servers", bootstrap, "group.id", UUID.randomUUID().toString(),
        "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of("t"));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
      // One more poll: an aborted record would show up here if read_committed were broken.
      consumer.poll(Duration.ofSeconds(1)).forEach(r -> values.add(r.value()));
      return values;
    }
  }
}
