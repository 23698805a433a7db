package io.chartstream.ingest.connect;

import io.chartstream.schema.Topics;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of {@link S57SourceConnector}, parsed once into typed fields. */
public final class S57SourceConnectorConfig extends AbstractConfig {
  public static final String INPUT_CONF = "input";
  private static final String INPUT_DOC = "Directory that holds exchange sets (CATALOG.031) and loose S-57 cells with their"
      + " update files; it is watched for new files.";
  public static final String SCHEMA_REGISTRY_URL_CONF = "schema.registry.url";
  private static final String SCHEMA_REGISTRY_URL_DOC = "Confluent-compatible schema registry the Avro schemas are registered in.";
  public static final String CATALOG_TOPIC_CONF = "topic.catalog";
  private static final String CATALOG_TOPIC_DOC = "Compacted topic of ChartCatalogEntry records, keyed by chart id.";
  public static final String FEATURES_TOPIC_CONF = "topic.features";
  private static final String FEATURES_TOPIC_DOC = "Topic of ChartStart, S57Feature and ChartEnd records, keyed by chart id.";
  public static final String ERRORS_TOPIC_CONF = "topic.errors";
  private static final String ERRORS_TOPIC_DOC = "Dead-letter topic of IngestError records, keyed by file.";
  public static final String SCAN_INTERVAL_CONF = "scan.interval.ms";
  private static final String SCAN_INTERVAL_DOC = "How often the input is looked at again for new or changed files.";
  public static final String SETTLE_CONF = "file.settle.ms";
  private static final String SETTLE_DOC = "A file modified less than this long ago is left for a later scan, so files still"
      + " being copied in are not read half-written.";
  public static final String BATCH_CONF = "batch.max.records";
  private static final String BATCH_DOC = "Most records one poll hands to Connect.";
  /** Set by the connector for each task: this task's index and the number of tasks. */
  static final String TASK_INDEX_CONF = "task.index";
  static final String TASK_COUNT_CONF = "task.count";

  public static final ConfigDef CONFIG_DEF = new ConfigDef()
      .define(INPUT_CONF, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, INPUT_DOC)
      .define(SCHEMA_REGISTRY_URL_CONF, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
      .define(CATALOG_TOPIC_CONF, Type.STRING, Topics.CHARTS_CATALOG, Importance.MEDIUM, CATALOG_TOPIC_DOC)
      .define(FEATURES_TOPIC_CONF, Type.STRING, Topics.S57_FEATURES, Importance.MEDIUM, FEATURES_TOPIC_DOC)
      .define(ERRORS_TOPIC_CONF, Type.STRING, Topics.INGEST_ERRORS, Importance.MEDIUM, ERRORS_TOPIC_DOC)
      .define(SCAN_INTERVAL_CONF, Type.LONG, 1000L, Range.atLeast(10), Importance.LOW, SCAN_INTERVAL_DOC)
      .define(SETTLE_CONF, Type.LONG, 1000L, Range.atLeast(0), Importance.LOW, SETTLE_DOC)
      .define(BATCH_CONF, Type.INT, 5000, Range.atLeast(1), Importance.LOW, BATCH_DOC)
      .define(TASK_INDEX_CONF, Type.INT, 0, Range.atLeast(0), Importance.LOW, "Set by the connector.")
      .define(TASK_COUNT_CONF, Type.INT, 1, Range.atLeast(1), Importance.LOW, "Set by the connector.");

  public final Path input;
  public final String schemaRegistryUrl;
  public final String catalogTopic;
  public final String featuresTopic;
  public final String errorsTopic;
  public final long scanIntervalMillis;
  public final long settleMillis;
  public final int batchMaxRecords;
  public final int taskIndex;
  public final int taskCount;

  public S57SourceConnectorConfig(Map<String, String> props) {
    super(CONFIG_DEF, props);
    input = Path.of(getString(INPUT_CONF)).toAbsolutePath().normalize();
    schemaRegistryUrl = getString(SCHEMA_REGISTRY_URL_CONF);
    catalogTopic = getString(CATALOG_TOPIC_CONF);
    featuresTopic = getString(FEATURES_TOPIC_CONF);
    errorsTopic = getString(ERRORS_TOPIC_CONF);
    scanIntervalMillis = getLong(SCAN_INTERVAL_CONF);
    settleMillis = getLong(SETTLE_CONF);
    batchMaxRecords = getInt(BATCH_CONF);
    taskIndex = getInt(TASK_INDEX_CONF);
    taskCount = getInt(TASK_COUNT_CONF);
  }

  /** Whether this task owns {@code key} (a chart id or a file): keys are spread over tasks by hash. */
  boolean owns(String key) {
    return Math.floorMod(key.hashCode(), taskCount) == taskIndex;
  }
}
