package io.chartstream.app.embedded;

import io.chartstream.schema.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Forgets everything the topology derived from the source topics, as Kafka's streams reset tool
 * does, so the next start processes {@code s57.features} and {@code charts.catalog} from their
 * beginning: the consumer group's offsets, the internal (changelog and repartition) topics, the
 * local state stores, and the topology's outputs {@code rcl.tiles} and {@code topology.errors},
 * recreated empty with their settings. The source topics are never touched.
 */
public final class TopologyReset {
  private TopologyReset() {}

  /** The topics the topology writes: its internal topics and its two outputs. */
  public static List<String> derivedTopics(Set<String> existing) {
    List<String> derived = new ArrayList<>();
    existing.stream().filter(t -> t.startsWith(EmbeddedTopology.APPLICATION_ID + "-")).sorted().forEach(derived::add);
    for (String output : List.of(Topics.RCL_TILES, Topics.TOPOLOGY_ERRORS)) {
      if (existing.contains(output)) {
        derived.add(output);
      }
    }
    return derived;
  }

  /** Resets the topology of the work dir; nothing may be running it. */
  public static void reset(Admin admin, Path workDir) throws InterruptedException, IOException {
    try {
      int partitions = admin.describeTopics(List.of(Topics.S57_FEATURES)).allTopicNames().get()
          .get(Topics.S57_FEATURES).partitions().size();
      try {
        // A closed Streams client stays a member until its session times out; a reset need not wait.
        admin.removeMembersFromConsumerGroup(EmbeddedTopology.APPLICATION_ID, new RemoveMembersFromConsumerGroupOptions()).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException) && !(e.getCause() instanceof IllegalArgumentException)) {
          throw e;
        }
      }
      try {
        admin.deleteConsumerGroups(List.of(EmbeddedTopology.APPLICATION_ID)).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
      List<String> derived = derivedTopics(admin.listTopics().names().get());
      if (!derived.isEmpty()) {
        admin.deleteTopics(derived).all().get();
      }
      awaitGone(admin, derived);
      recreateOutputs(admin, partitions);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot reset the topology: " + e.getCause().getMessage(), e.getCause());
    }
    deleteRecursively(workDir.resolve("streams").resolve(EmbeddedTopology.APPLICATION_ID));
  }

  private static void awaitGone(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (admin.listTopics().names().get().stream().anyMatch(topics::contains)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics still being deleted after 60 s: " + topics);
      }
      Thread.sleep(100);
    }
  }

  /** Deletion completes asynchronously on the brokers: a create may still find the old topic, so it retries. */
  private static void recreateOutputs(Admin admin, int partitions) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        ChartTopics.createMissing(admin, ChartTopics.definitions(partitions, (short) 1));
        return;
      } catch (IllegalStateException e) {
        boolean stillDeleting = e.getCause() instanceof TopicExistsException || e.getCause() instanceof UnknownTopicOrPartitionException;
        if (!stillDeleting || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
