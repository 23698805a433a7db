package io.chartstream.ingest.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.s3.LocalS3;
import io.chartstream.s3.S3ClientFactory;
import io.chartstream.schema.avro.IngestError;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The source task on an {@code s3://} input against S3Proxy, a real broker and registry: the cells
 * in the bucket are read, an object put later is picked up at the next scan, an object that cannot
 * be mirrored is one dead letter naming its key while the others are read, and the secret key is
 * in no log line.
 */
class S3InputTaskTest {
  private static final String SECRET_MARK = "s3-input-task-test-secret";

  @TempDir
  Path dir;

  @Test
  void readsTheBucketAndPicksUpNewObjects() throws Exception {
    Path cells = SharedData.s57();
    CapturingAppender logs = CapturingAppender.attach();
    try (LocalS3 s3 = LocalS3.start();
         S3Client client = S3ClientFactory.create(s3.settings("enc", ""));
         EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
         EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      s3.createBucket("enc");
      client.putObject(b -> b.bucket("enc").key("in/US1BS01M/US1BS01M.000"),
          RequestBody.fromFile(cells.resolve("US1BS01M/US1BS01M.000")));
      // A key that is also the "directory" of another: the second cannot be placed on disk.
      client.putObject(b -> b.bucket("enc").key("in/clash"), RequestBody.fromString("x"));
      client.putObject(b -> b.bucket("enc").key("in/clash/US9XX01M.000"), RequestBody.fromString("y"));

      Map<String, String> props = new HashMap<>();
      props.put(S57SourceConnectorConfig.INPUT_CONF, "s3://enc/in");
      props.put(S57SourceConnectorConfig.S3_ENDPOINT_CONF, s3.endpoint().toString());
      props.put(S57SourceConnectorConfig.S3_ACCESS_KEY_CONF, LocalS3.CREDENTIALS.accessKeyId());
      props.put(S57SourceConnectorConfig.S3_SECRET_KEY_CONF, LocalS3.CREDENTIALS.secretAccessKey());
      props.put(S57SourceConnectorConfig.S3_CACHE_DIR_CONF, dir.resolve("cache").toString());
      props.put(S57SourceConnectorConfig.SCHEMA_REGISTRY_URL_CONF, registry.url());
      props.put(S57SourceConnectorConfig.SCAN_INTERVAL_CONF, "100");
      props.put(S57SourceConnectorConfig.SETTLE_CONF, "0");
      S57SourceConnectorConfig config = new S57SourceConnectorConfig(props);
      assertEquals(dir.resolve("cache/task-0").toAbsolutePath().normalize(), config.input);

      S57SourceTask task = new S57SourceTask();
      task.start(props);
      try {
        List<SourceRecord> records = new ArrayList<>();
        pollUntil(task, records, r -> chartIds(r).contains("US1BS01M") && errorFiles(r).contains("clash/US9XX01M.000"));
        IngestError error = errorFor(records, "clash/US9XX01M.000");
        assertEquals("download_failed", error.getCode());
        assertTrue(error.getReason().contains("s3://enc/in/clash/US9XX01M.000"), error.getReason());

        client.putObject(b -> b.bucket("enc").key("in/US4IL10M/US4IL10M.000"),
            RequestBody.fromFile(cells.resolve("US4IL10M/US4IL10M.000")));
        client.putObject(b -> b.bucket("enc").key("in/US4IL10M/US4IL10M.001"),
            RequestBody.fromFile(cells.resolve("US4IL10M/US4IL10M.001")));
        records.clear();
        pollUntil(task, records, r -> chartIds(r).contains("US4IL10M"));
        assertFalse(chartIds(records).contains("US1BS01M"), "a chart already read is not read again");
      } finally {
        task.stop();
      }
    } finally {
      logs.detach();
    }
    String secret = LocalS3.CREDENTIALS.secretAccessKey();
    assertTrue(logs.lines().stream().anyMatch(l -> l.contains("s3.secret.access.key")), "the config was logged");
    assertTrue(logs.lines().stream().anyMatch(l -> l.contains("s3://enc/in")), "the task logged its input");
    for (String line : logs.lines()) {
      assertFalse(line.contains(secret), "secret in a log line: " + line);
    }
  }

  private static void pollUntil(S57SourceTask task, List<SourceRecord> records,
                                java.util.function.Predicate<List<SourceRecord>> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.test(records)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not there after 90 s; charts " + chartIds(records) + ", errors " + errorFiles(records));
      }
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        records.addAll(batch);
      }
    }
  }

  private static Set<String> chartIds(List<SourceRecord> records) {
    Set<String> ids = new TreeSet<>();
    records.forEach(r -> {
      Object chart = r.sourcePartition().get("chart");
      if (chart != null) {
        ids.add(chart.toString());
      }
    });
    return ids;
  }

  private static Set<String> errorFiles(List<SourceRecord> records) {
    Set<String> files = new TreeSet<>();
    records.forEach(r -> {
      Object file = r.sourcePartition().get("file");
      if (file != null) {
        files.add(file.toString());
      }
    });
    return files;
  }

  /** The IngestError of a dead letter, decoded from its Confluent wire format (magic byte, schema id, Avro). */
  private static IngestError errorFor(List<SourceRecord> records, String file) throws IOException {
    SourceRecord record = records.stream().filter(r -> file.equals(r.sourcePartition().get("file"))).findFirst().orElseThrow();
    byte[] bytes = (byte[]) record.value();
    return new SpecificDatumReader<>(IngestError.class)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
  }

  /** Every log line of the test, at every level, from every logger. */
  private static final class CapturingAppender extends AbstractAppender {
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private Level rootLevel;
    private Level kafkaLevel;

    private CapturingAppender() {
      super("capture-" + SECRET_MARK, null, null, true, Property.EMPTY_ARRAY);
    }

    static CapturingAppender attach() {
      CapturingAppender appender = new CapturingAppender();
      appender.start();
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      var configuration = context.getConfiguration();
      appender.rootLevel = configuration.getRootLogger().getLevel();
      appender.kafkaLevel = configuration.getLoggerConfig("org.apache.kafka").getLevel();
      configuration.getRootLogger().addAppender(appender, Level.ALL, null);
      configuration.getRootLogger().setLevel(Level.ALL);
      configuration.getLoggerConfig("org.apache.kafka").setLevel(Level.INFO);
      context.updateLoggers();
      return appender;
    }

    void detach() {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      var configuration = context.getConfiguration();
      configuration.getRootLogger().removeAppender(getName());
      configuration.getRootLogger().setLevel(rootLevel);
      configuration.getLoggerConfig("org.apache.kafka").setLevel(kafkaLevel);
      context.updateLoggers();
      stop();
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    @Override
    public void append(LogEvent event) {
      StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
      if (event.getThrown() != null) {
        line.append(' ').append(event.getThrown());
      }
      lines.add(line.toString());
    }
  }
}
