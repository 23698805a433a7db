package io.chartstream.app.embedded;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind the end of the topics it reads, from its committed offsets:
 * the lag Kafka operators watch. Zero on every partition means the group has processed
 * everything written so far.
 */
public final class TopologyLag {
  private TopologyLag() {}

  /** The lag while some of the group's topics do not exist yet (the topology is still starting). */
  public static final long NOT_STARTED = -1;

  /**
   * Records not yet processed by {@code groupId}, summed over the partitions of {@code topics};
   * {@link #NOT_STARTED} while one of them does not exist yet.
   */
  public static long of(Admin admin, String groupId, List<String> topics) throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
        description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
      long lag = 0;
      for (var end : ends.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
        return NOT_STARTED; // Kafka Streams creates its internal topics when it first starts
      }
      throw new IllegalStateException("Cannot read the lag of " + groupId + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** End offsets of {@code topic}, by partition. */
  public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws InterruptedException {
    try {
      var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
          .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }
}
