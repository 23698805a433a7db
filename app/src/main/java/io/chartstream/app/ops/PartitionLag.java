package io.chartstream.app.ops;

/**
 * How far one stage is behind on one partition: its committed position against the partition's
 * end. {@code committed} is -1 where the stage has committed nothing there yet.
 *
 * @param stage {@code topology} or {@code sink}
 * @param group the consumer group (or, for the sink, the dbv that holds its positions)
 */
public record PartitionLag(String stage, String group, String topic, int partition, long committed, long end) {
  public long lag() {
    return Math.max(0, end - Math.max(0, committed));
  }
}
