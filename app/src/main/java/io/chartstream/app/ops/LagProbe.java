package io.chartstream.app.ops;

import io.chartstream.app.embedded.EmbeddedTopology;
import io.chartstream.app.progress.DbvPosition;
import io.chartstream.schema.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Per-partition lag of the stages that consume, from what they committed: the topology's
 * consumer group (all its sub-topologies' source topics, the repartition topic included) and
 * the dbv sink, whose positions live in the dbv itself (no consumer group), against the ends of
 * the topics. The same numbers Burrow or {@code kafka-consumer-groups.sh} show for the group.
 */
public final class LagProbe {
  /** The topology's source topics: lag is reported on these even before it commits on them. */
  public static final List<String> TOPOLOGY_SOURCES = List.of(Topics.S57_FEATURES, Topics.CHARTS_CATALOG,
      EmbeddedTopology.APPLICATION_ID + "-rcl-events-repartition");
  /** The sink's source topics. */
  public static final List<String> SINK_SOURCES = List.of(Topics.RCL_TILES, Topics.CHARTS_CATALOG);

  private final Admin admin;

  public LagProbe(Admin admin) {
    this.admin = admin;
  }

  /** The topology group's lag on every partition of its sources that exist so far. */
  public List<PartitionLag> topology() throws InterruptedException {
    String group = EmbeddedTopology.APPLICATION_ID;
    Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Set<String> topics = new TreeSet<>(TOPOLOGY_SOURCES);
    committed.keySet().forEach(tp -> topics.add(tp.topic()));
    Map<TopicPartition, Long> ends = endOffsets(topics);
    List<PartitionLag> out = new ArrayList<>();
    ends.forEach((tp, end) -> {
      OffsetAndMetadata done = committed.get(tp);
      out.add(new PartitionLag("topology", group, tp.topic(), tp.partition(), done == null ? -1 : done.offset(), end));
    });
    out.sort(ORDER);
    return out;
  }

  /** The sink's lag: the positions stored in the dbv against the ends of its sources. */
  public List<PartitionLag> sink(Path dbv) throws InterruptedException {
    Map<TopicPartition, Long> stored = DbvPosition.readOffsets(dbv).storedOffsets();
    List<PartitionLag> out = new ArrayList<>();
    endOffsets(SINK_SOURCES).forEach((tp, end) ->
        out.add(new PartitionLag("sink", "dbv:" + dbv.getFileName(), tp.topic(), tp.partition(), stored.getOrDefault(tp, -1L), end)));
    out.sort(ORDER);
    return out;
  }

  /** Both consuming stages. */
  public List<PartitionLag> all(Path dbv) throws InterruptedException {
    List<PartitionLag> out = new ArrayList<>(topology());
    out.addAll(sink(dbv));
    return out;
  }

  /** Summed lag of {@code stage} in {@code lags}. */
  public static long total(List<PartitionLag> lags, String stage) {
    return lags.stream().filter(l -> l.stage().equals(stage)).mapToLong(PartitionLag::lag).sum();
  }

  private static final Comparator<PartitionLag> ORDER =
      Comparator.comparing(PartitionLag::stage).thenComparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition);

  /** End offsets of the partitions of those {@code topics} that exist (internal topics appear once the topology starts). */
  private Map<TopicPartition, Long> endOffsets(Iterable<String> topics) throws InterruptedException {
    Set<String> existing = new TreeSet<>(get(admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names()));
    List<String> wanted = new ArrayList<>();
    topics.forEach(t -> {
      if (existing.contains(t)) {
        wanted.add(t);
      }
    });
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    try {
      for (var description : get(admin.describeTopics(wanted).allTopicNames()).values()) {
        description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
      }
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Map.of(); // deleted between listing and describing
      }
      throw e;
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    get(admin.listOffsets(latest).all()).forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused a lag query: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the broker did not answer a lag query within 30 s", e);
    }
  }
}
