package io.chartstream.schema.serde;

/**
 * Confluent's default subject naming ({@code TopicNameStrategy}): the subject of a topic's keys
 * is {@code <topic>-key}, of its values {@code <topic>-value}. One schema (for
 * {@code s57.features}, a union) per topic and role, so compatibility is checked per topic, and
 * Confluent's tools find a topic's schema where they look for it.
 */
public final class TopicNameStrategy {
  private TopicNameStrategy() {}

  /** The subject for the keys ({@code isKey}) or values of {@code topic}. */
  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
