package io.chartstream.app.embedded;

import io.chartstream.schema.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates chartstream's topics when they are missing, each with its cleanup policy: the
 * catalogue and the tiles are compacted (latest entry per chart, per RCL); the feature and error
 * topics keep everything ({@code retention.ms=-1}), so the topology can always be replayed.
 * Every topic takes records up to {@link #MAX_TILE_BYTES}, the limit every producer of
 * chartstream is set to and every stage checks before writing (a refused record would stop a
 * Connect task, or abort a topology transaction for ever).
 */
public final class ChartTopics {
  /** Largest record on chartstream's topics (a tile, a feature, a piece), 16 MiB. */
  public static final int MAX_TILE_BYTES = 16 * 1024 * 1024;
  private static final String MAX_BYTES = String.valueOf(MAX_TILE_BYTES);

  private ChartTopics() {}

  /** Topic name → settings, for a cluster of {@code replication} brokers. */
  public static List<NewTopic> definitions(int partitions, short replication) {
    return List.of(
        new NewTopic(Topics.CHARTS_CATALOG, partitions, replication)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_BYTES)),
        new NewTopic(Topics.S57_FEATURES, partitions, replication)
            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_BYTES)),
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

  /**
   * Topics made by an earlier chartstream, before its record limit was raised, take the limit of
   * their definition now: the producers already send records that large.
   */
  private static void raiseRecordLimits(Admin admin, List<NewTopic> topics, Set<String> existing)
      throws InterruptedException, ExecutionException {
    Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
    List<ConfigResource> resources = topics.stream().filter(t -> existing.contains(t.name()))
        .filter(t -> t.configs() != null && t.configs().containsKey(TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
    if (resources.isEmpty()) {
      return;
    }
    Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get();
    for (ConfigResource resource : resources) {
      ConfigEntry entry = current.get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      if (entry == null || Long.parseLong(entry.value()) < MAX_TILE_BYTES) {
        changes.put(resource, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_BYTES),
            AlterConfigOp.OpType.SET)));
      }
    }
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get();
    }
  }

  /** Creates whichever of {@code topics} the cluster lacks; existing ones keep their settings, their record limit raised. */
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
      raiseRecordLimits(admin, topics, existing);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create chartstream's topics: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
