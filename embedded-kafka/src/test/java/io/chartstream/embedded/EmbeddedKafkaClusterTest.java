package io.chartstream.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three KRaft nodes in one process form one cluster (one quorum of three voters, topics
 * replicated to all three), and with the quorum leader stopped the other two elect a new one and
 * keep taking transactional writes with {@code acks=all}.
 */
class EmbeddedKafkaClusterTest {
  @TempDir Path workDir;

  @Test
  void threeNodesFormOneQuorumThatSurvivesLosingItsLeader() throws Exception {
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(workDir, 3);
         Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      assertEquals(3, admin.describeCluster().nodes().get().size());
      QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get();
      assertEquals(Set.of(1, 2, 3), voterIds(quorum));
      admin.createTopics(List.of(new NewTopic("t", 3, (short) 3))).all().get();
      TopicDescription topic = admin.describeTopics(List.of("t")).allTopicNames().get().get("t");
      topic.partitions().forEach(p -> assertEquals(3, p.isr().size(), "ISR of " + p));

      write(cluster.bootstrapServers(), "before");
      int leader = quorum.leaderId();
      cluster.stop(leader);
      assertTrue(!cluster.isRunning(leader));
      QuorumInfo after = awaitNewLeader(admin, leader);
      assertNotEquals(leader, after.leaderId());
      write(cluster.bootstrapServers(), "after");
      assertEquals(List.of("after", "before"), readCommitted(cluster.bootstrapServers()).stream().sorted().toList());
    }
  }

  private static Set<Integer> voterIds(QuorumInfo quorum) {
    Set<Integer> ids = new TreeSet<>();
    quorum.voters().forEach(v -> ids.add(v.replicaId()));
    return ids;
  }

  private static QuorumInfo awaitNewLeader(Admin admin, int old) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get();
        if (quorum.leaderId() != old && quorum.leaderId() >= 0) {
          return quorum;
        }
      } catch (Exception e) {
        // the request went to the stopped node or the election is under way
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no new quorum leader within 60 s of stopping node " + old);
  }

  private static void write(String bootstrap, String value) {
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
        "transactional.id", "tx-" + value, "acks", "all"), new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("t", value, value));
      producer.commitTransaction();
    }
  }

  private static List<String> readCommitted(String bootstrap) {
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
        "group.id", "reader", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("t"));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < 2 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
      return values;
    }
  }
}
