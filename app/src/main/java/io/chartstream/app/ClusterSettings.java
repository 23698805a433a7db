package io.chartstream.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How chartstream spreads over a Kafka cluster, from a properties file such as
 * {@code config/cluster.properties}: topic partitions and replication, standby replicas and stream
 * threads of each topology instance, and Kafka Streams settings passed through (keys prefixed
 * {@code topology.}).
 *
 * @param partitions        partitions of every chartstream topic
 * @param replication       replication factor of chartstream's and the topology's internal topics
 * @param standbyReplicas   {@code num.standby.replicas} of the topology
 * @param threads           {@code num.stream.threads} of each topology instance
 * @param topologyOverrides Kafka Streams properties applied last, without their prefix
 */
public record ClusterSettings(int partitions, short replication, int standbyReplicas, int threads,
                              Map<String, String> topologyOverrides) {
  private static final String TOPOLOGY_PREFIX = "topology.";

  public ClusterSettings {
    if (partitions < 1 || replication < 1 || standbyReplicas < 0 || threads < 1) {
      throw new IllegalArgumentException("partitions, replication.factor and num.stream.threads must be at least 1"
          + " and num.standby.replicas at least 0: " + partitions + ", " + replication + ", " + threads + ", " + standbyReplicas);
    }
    topologyOverrides = Map.copyOf(topologyOverrides);
  }

  /** What {@code chartstream topology} uses without a cluster config: three brokers, four partitions, two threads. */
  public static ClusterSettings defaults() {
    return new ClusterSettings(4, (short) 3, 0, 2, Map.of());
  }

  /** Reads {@code file}; keys it lacks keep their {@link #defaults()}. A bad value names the file and key. */
  public static ClusterSettings load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    ClusterSettings d = defaults();
    Map<String, String> overrides = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(TOPOLOGY_PREFIX)) {
        overrides.put(key.substring(TOPOLOGY_PREFIX.length()), p.getProperty(key).strip());
      }
    }
    return new ClusterSettings(
        number(file, p, "partitions", d.partitions()),
        (short) number(file, p, "replication.factor", d.replication()),
        number(file, p, "num.standby.replicas", d.standbyReplicas()),
        number(file, p, "num.stream.threads", d.threads()),
        overrides);
  }

  private static int number(Path file, Properties p, String key, int fallback) {
    String value = p.getProperty(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": " + key + " must be a whole number, not '" + value + "'", e);
    }
  }

  /** These settings with whichever of the command line's values were given (null: not given). */
  public ClusterSettings withExplicit(Integer partitions, Short replication, Integer standbyReplicas, Integer threads) {
    return new ClusterSettings(partitions != null ? partitions : this.partitions, replication != null ? replication : this.replication,
        standbyReplicas != null ? standbyReplicas : this.standbyReplicas, threads != null ? threads : this.threads, topologyOverrides);
  }
}
