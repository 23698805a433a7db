package io.chartstream.app.embedded;

import io.chartstream.schema.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates chartstream's topics when they are missing, each with its cleanup policy: the
 * catalogue and the tiles are compacted (latest entry per chart, per RCL); the feature and error
 * topics keep everything ({@code retention.ms=-1}), so the topology can always be replayed.
 */
public final class ChartTopics {
  /** Largest tile record accepted on rcl.tiles (compressed), 16 MiB. */
  public static final int MAX_TILE_BYTES = 16 * 1024 * 1024;

  private ChartTopics() {}

  /** Topic name → settings, for a cluster of {@code replication} brokers. */
  public static List<NewTopic> definitions(int partitions, short replication) {
    return List.of(
        new NewTopic(Topics.CHARTS_CATALOG, partitions, replication)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new NewTopic(Topics.S57_FEATURES, partitions, replication)
            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1")),
        new NewTopic(Topics.INGEST_ERRORS, partitions, replication)
            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
        new NewTopic(Topics.TOPOLOGY_ERRORS, partitions, replication)
            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
        // A tile carries every feature of its RCL: the densest harbour tiles exceed the broker's
        // default 1 MB, so this topic takes up to MAX_TILE_BYTES (the topology's producer matches).
        new NewTopic(Topics.RCL_TILES, partitions, replication)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_TILE_BYTES))));
  }

  /** Creates whichever of {@code topics} the cluster lacks; existing topics are left as they are. */
  public static void createMissing(Admin admin, List<NewTopic> topics) throws InterruptedException {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (NewTopic topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(topic);
        }
      }
      for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
        try {
          created.getValue().get();
        } catch (ExecutionException e) {
          // Several instances starting together (the topology replicas of a deployment) race to create them.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create chartstream's topics: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
