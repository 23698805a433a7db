package io.chartstream.ingest.connect;

import io.chartstream.s3.S3Settings;
import io.chartstream.schema.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The settings of {@link S57SourceConnector}, parsed once into typed fields. */
public final class S57SourceConnectorConfig extends AbstractConfig {
  public static final String INPUT_CONF = "input";
  private static final String INPUT_DOC = "Directory, or s3://bucket/prefix, that holds exchange sets (CATALOG.031) and loose"
      + " S-57 cells with their update files; it is watched for new files (an S3 prefix is listed again every scan)."
      + " A directory is watched with the file system's change notification (inotify on Linux).";
  public static final String S3_ENDPOINT_CONF = "s3.endpoint";
  private static final String S3_ENDPOINT_DOC = "S3-compatible endpoint (MinIO, S3Proxy, …) for an s3:// input; empty for AWS S3.";
  public static final String S3_REGION_CONF = "s3.region";
  private static final String S3_REGION_DOC = "Signing region for an s3:// input.";
  public static final String S3_PATH_STYLE_CONF = "s3.path.style";
  private static final String S3_PATH_STYLE_DOC = "Path-style addressing (http://host/bucket/key), which most S3-compatible stores need.";
  public static final String S3_ACCESS_KEY_CONF = "s3.access.key.id";
  private static final String S3_ACCESS_KEY_DOC = "Access key for an s3:// input; empty for the AWS SDK's default credential chain.";
  public static final String S3_SECRET_KEY_CONF = "s3.secret.access.key";
  private static final String S3_SECRET_KEY_DOC = "Secret key going with s3.access.key.id; never logged.";
  public static final String S3_CACHE_DIR_CONF = "s3.cache.dir";
  private static final String S3_CACHE_DIR_DOC = "Local directory an s3:// input is mirrored into (GDAL reads local files); each task"
      + " keeps its own copy in task-N below it. Default: chartstream-s3-input/BUCKET_PREFIX in the JVM's temporary directory.";
  public static final String SCHEMA_REGISTRY_URL_CONF = "schema.registry.url";
  private static final String SCHEMA_REGISTRY_URL_DOC = "Confluent-compatible schema registry the Avro schemas are registered in.";
  public static final String CATALOG_TOPIC_CONF = "topic.catalog";
  private static final String CATALOG_TOPIC_DOC = "Compacted topic of ChartCatalogEntry records, keyed by chart id.";
  public static final String FEATURES_TOPIC_CONF = "topic.features";
  private static final String FEATURES_TOPIC_DOC = "Topic of ChartStart, S57Feature and ChartEnd records, keyed by chart id.";
  public static final String ERRORS_TOPIC_CONF = "topic.errors";
  private static final String ERRORS_TOPIC_DOC = "Dead-letter topic of IngestError records, keyed by file.";
  public static final String SCAN_INTERVAL_CONF = "scan.interval.ms";
  private static final String SCAN_INTERVAL_DOC = "How often the input is scanned again in any case. A local directory is"
      + " watched for changes (inotify on Linux) and scanned as soon as something changes, so this is the fallback for"
      + " lost events and for a directory that cannot be watched; an s3:// input is listed again at this pace.";
  public static final String SETTLE_CONF = "file.settle.ms";
  private static final String SETTLE_DOC = "A file modified less than this long ago is left out of a scan, so files still"
      + " being copied in are not read half-written; the input is scanned again the moment the first such file settles."
      + " A file whose copy stalls longer than this is read half-written (a dead letter) and read again once complete,"
      + " as its size and mtime changed: copy into the input by renaming to avoid that.";
  public static final String SETTLE_COMPLETE_CONF = "file.settle.complete.ms";
  private static final String SETTLE_COMPLETE_DOC = "A file that holds whole ISO 8211 records to its last byte (each record's"
      + " length, from its leader, accounted for) is taken once unmodified this long instead of file.settle.ms: a file"
      + " still being copied almost never ends exactly where a record does. One that did is read as it is and read again"
      + " when its copy completes. At most file.settle.ms.";
  public static final String BATCH_CONF = "batch.max.records";
  private static final String BATCH_DOC = "Most records one poll hands to Connect.";
  /** Set by the connector for each task: this task's index and the number of tasks. */
  public static final String RECORD_MAX_BYTES_CONF = "record.max.bytes";
  private static final String RECORD_MAX_BYTES_DOC = "Largest record written (the features topic's max.message.bytes and the"
      + " worker producer's max.request.size, less room for the key and framing). A feature whose record would be larger is"
      + " left out of its chart version and reported as one feature_too_large dead letter per chart version.";
  /** 16 MiB, chartstream's record limit on every topic, less 64 KiB for the key and framing. */
  public static final int DEFAULT_RECORD_MAX_BYTES = 16 * 1024 * 1024 - 64 * 1024;
  public static final String ACKED_DIR_CONF = "acked.units.dir";
  private static final String ACKED_DIR_DOC = "A directory of the worker's where each task writes down, the moment Kafka"
      + " acknowledges the last record of a chart version (or catalogue, or dead letter), that it is done; read at start"
      + " besides Connect's offsets. For a standalone worker, whose offsets are stored only every offset.flush.interval.ms:"
      + " a crash in between then does not make it read again what had arrived. Empty (the default): Connect's offsets only.";
  static final String TASK_INDEX_CONF = "task.index";
  static final String TASK_COUNT_CONF = "task.count";

  public static final ConfigDef CONFIG_DEF = new ConfigDef()
      .define(INPUT_CONF, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, INPUT_DOC)
      .define(S3_ENDPOINT_CONF, Type.STRING, "", Importance.MEDIUM, S3_ENDPOINT_DOC)
      .define(S3_REGION_CONF, Type.STRING, S3Settings.DEFAULT_REGION, Importance.LOW, S3_REGION_DOC)
      .define(S3_PATH_STYLE_CONF, Type.BOOLEAN, true, Importance.LOW, S3_PATH_STYLE_DOC)
      .define(S3_ACCESS_KEY_CONF, Type.STRING, "", Importance.MEDIUM, S3_ACCESS_KEY_DOC)
      .define(S3_SECRET_KEY_CONF, Type.PASSWORD, null, Importance.MEDIUM, S3_SECRET_KEY_DOC)
      .define(S3_CACHE_DIR_CONF, Type.STRING, "", Importance.LOW, S3_CACHE_DIR_DOC)
      .define(SCHEMA_REGISTRY_URL_CONF, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
      .define(CATALOG_TOPIC_CONF, Type.STRING, Topics.CHARTS_CATALOG, Importance.MEDIUM, CATALOG_TOPIC_DOC)
      .define(FEATURES_TOPIC_CONF, Type.STRING, Topics.S57_FEATURES, Importance.MEDIUM, FEATURES_TOPIC_DOC)
      .define(ERRORS_TOPIC_CONF, Type.STRING, Topics.INGEST_ERRORS, Importance.MEDIUM, ERRORS_TOPIC_DOC)
      .define(SCAN_INTERVAL_CONF, Type.LONG, 1000L, Range.atLeast(10), Importance.LOW, SCAN_INTERVAL_DOC)
      .define(SETTLE_CONF, Type.LONG, 1000L, Range.atLeast(0), Importance.LOW, SETTLE_DOC)
      .define(SETTLE_COMPLETE_CONF, Type.LONG, 100L, Range.atLeast(0), Importance.LOW, SETTLE_COMPLETE_DOC)
      .define(BATCH_CONF, Type.INT, 5000, Range.atLeast(1), Importance.LOW, BATCH_DOC)
      .define(RECORD_MAX_BYTES_CONF, Type.INT, DEFAULT_RECORD_MAX_BYTES, Range.atLeast(1024), Importance.LOW, RECORD_MAX_BYTES_DOC)
      .define(ACKED_DIR_CONF, Type.STRING, "", Importance.LOW, ACKED_DIR_DOC)
      .define(TASK_INDEX_CONF, Type.INT, 0, Range.atLeast(0), Importance.LOW, "Set by the connector.")
      .define(TASK_COUNT_CONF, Type.INT, 1, Range.atLeast(1), Importance.LOW, "Set by the connector.");

  /**
   * The directory the task scans: the input directory itself, or for an s3:// input this task's
   * mirror of it ({@link #s3Input}).
   */
  public final Path input;
  /** The S3 location an s3:// input is read from, empty for a directory. */
  public final Optional<S3Settings> s3Input;
  public final String schemaRegistryUrl;
  public final String catalogTopic;
  public final String featuresTopic;
  public final String errorsTopic;
  public final long scanIntervalMillis;
  public final long settleMillis;
  public final long completeSettleMillis;
  public final int batchMaxRecords;
  public final int recordMaxBytes;
  /** Where acknowledged units are written down, if anywhere. */
  public final Optional<Path> ackedDir;
  public final int taskIndex;
  public final int taskCount;

  public S57SourceConnectorConfig(Map<String, String> props) {
    super(CONFIG_DEF, props);
    String location = getString(INPUT_CONF);
    taskIndex = getInt(TASK_INDEX_CONF);
    taskCount = getInt(TASK_COUNT_CONF);
    if (isS3(location)) {
      s3Input = Optional.of(s3Settings(location));
      input = mirrorDir(cacheDir(location), taskIndex);
    } else {
      s3Input = Optional.empty();
      input = Path.of(location).toAbsolutePath().normalize();
    }
    schemaRegistryUrl = getString(SCHEMA_REGISTRY_URL_CONF);
    catalogTopic = getString(CATALOG_TOPIC_CONF);
    featuresTopic = getString(FEATURES_TOPIC_CONF);
    errorsTopic = getString(ERRORS_TOPIC_CONF);
    scanIntervalMillis = getLong(SCAN_INTERVAL_CONF);
    settleMillis = getLong(SETTLE_CONF);
    completeSettleMillis = getLong(SETTLE_COMPLETE_CONF);
    batchMaxRecords = getInt(BATCH_CONF);
    recordMaxBytes = getInt(RECORD_MAX_BYTES_CONF);
    String acked = getString(ACKED_DIR_CONF);
    ackedDir = acked.isBlank() ? Optional.empty() : Optional.of(Path.of(acked).toAbsolutePath().normalize());
  }

  /** Whether {@code input} names an S3 location rather than a directory. */
  public static boolean isS3(String input) {
    return input.regionMatches(true, 0, "s3://", 0, 5);
  }

  /**
   * Where task {@code taskIndex} mirrors an s3:// input: each task its own copy, since tasks may
   * run in different workers and each must see every catalogue and update chain whole.
   */
  public static Path mirrorDir(Path cacheDir, int taskIndex) {
    return cacheDir.resolve("task-" + taskIndex).toAbsolutePath().normalize();
  }

  /** The configured cache dir, or one per location in the temporary directory, so two connectors never share one. */
  private Path cacheDir(String location) {
    String dir = getString(S3_CACHE_DIR_CONF);
    return dir.isBlank()
        ? Path.of(System.getProperty("java.io.tmpdir"), "chartstream-s3-input", location.substring(5).replaceAll("[^A-Za-z0-9._-]", "_"))
        : Path.of(dir);
  }

  private S3Settings s3Settings(String location) {
    S3Settings settings = S3Settings.parse(location)
        .withRegion(getString(S3_REGION_CONF))
        .withPathStyle(getBoolean(S3_PATH_STYLE_CONF));
    String endpoint = getString(S3_ENDPOINT_CONF);
    if (!endpoint.isBlank()) {
      settings = settings.withEndpoint(URI.create(endpoint));
    }
    String accessKey = getString(S3_ACCESS_KEY_CONF);
    Password secret = getPassword(S3_SECRET_KEY_CONF);
    if (!accessKey.isBlank()) {
      if (secret == null) {
        throw new ConfigException(S3_SECRET_KEY_CONF, "[hidden]", "required when " + S3_ACCESS_KEY_CONF + " is set");
      }
      settings = settings.withCredentials(new S3Settings.StaticCredentials(accessKey, secret.value()));
    }
    return settings;
  }

  /** Whether this task owns {@code key} (a chart id or a file): keys are spread over tasks by hash. */
  boolean owns(String key) {
    return Math.floorMod(key.hashCode(), taskCount) == taskIndex;
  }
}
