package io.chartstream.app.embedded;

import io.chartstream.ingest.connect.S57SourceConnector;
import io.chartstream.ingest.connect.S57SourceConnectorConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The ingest stage in this JVM: chartstream's topics created if missing, then a Connect worker
 * running the S-57 source connector on a directory. Stopping it lets the tasks finish their
 * batch and commit their offsets, so the next start on the same work dir resumes.
 */
public final class EmbeddedIngest implements AutoCloseable {
  public static final String CONNECTOR_NAME = "chartstream-s57-ingest";

  /**
   * Connector settings for a watched input where an update file should show in the dbv soon. A
   * local directory is watched for changes, so a copied file is scanned for at once and again
   * the moment it settles; the periodic scan every 250 ms is only the fallback for lost events
   * (and the pace of an s3:// input). A file is taken once unmodified for 250 ms, or 50 ms when it
   * already holds whole ISO 8211 records to its last byte: a copy writes a cell in milliseconds,
   * so a longer wait would be latency only. A copy that stalls longer than that mid-file (or, for
   * the shorter wait, exactly at the end of a record) is read half-written and gives a dead
   * letter (or a short chart version); its completed version has a new size and mtime, hence a
   * new {@code FileStamp}, and is read again then. To avoid that, copy beside the input and
   * rename into it, so the file appears whole.
   */
  public static final Map<String, String> PROMPT_WATCH = Map.of(
      S57SourceConnectorConfig.SCAN_INTERVAL_CONF, "250",
      S57SourceConnectorConfig.SETTLE_CONF, "250",
      S57SourceConnectorConfig.SETTLE_COMPLETE_CONF, "50");

  private final EmbeddedConnectWorker worker;

  private EmbeddedIngest(EmbeddedConnectWorker worker) {
    this.worker = worker;
  }

  /** Ingest from a directory. */
  public static EmbeddedIngest start(String bootstrapServers, String schemaRegistryUrl, Path input, Path workDir,
                                     int partitions, int tasks, Map<String, String> connectorOverrides)
      throws InterruptedException {
    return start(bootstrapServers, schemaRegistryUrl, input.toAbsolutePath().normalize().toString(), workDir,
        partitions, tasks, connectorOverrides);
  }

  /**
   * @param input the connector's {@code input}: an absolute directory or {@code s3://bucket/prefix}
   * @param connectorOverrides connector settings applied last (e.g. {@code file.settle.ms}, the S3 endpoint)
   */
  public static EmbeddedIngest start(String bootstrapServers, String schemaRegistryUrl, String input, Path workDir,
                                     int partitions, int tasks, Map<String, String> connectorOverrides)
      throws InterruptedException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      ChartTopics.createMissing(admin, ChartTopics.definitions(partitions, (short) 1));
    }
    EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(bootstrapServers, workDir);
    try {
      Map<String, String> config = new HashMap<>();
      config.put("connector.class", S57SourceConnector.class.getName());
      config.put("tasks.max", String.valueOf(tasks));
      config.put(S57SourceConnectorConfig.INPUT_CONF, input);
      config.put(S57SourceConnectorConfig.SCHEMA_REGISTRY_URL_CONF, schemaRegistryUrl);
      // This standalone worker stores offsets once a second: units Kafka acknowledged meanwhile
      // are written down at once, so a crash does not make them read again.
      config.put(S57SourceConnectorConfig.ACKED_DIR_CONF, workDir.resolve("connect.acked").toAbsolutePath().toString());
      config.putAll(connectorOverrides);
      worker.putConnector(CONNECTOR_NAME, config);
      return new EmbeddedIngest(worker);
    } catch (RuntimeException e) {
      worker.close();
      throw e;
    }
  }

  /**
   * Why ingest stopped, when the connector or one of its tasks FAILED (the first line of
   * Connect's trace); empty while they run, are paused or have not started yet.
   */
  public java.util.Optional<String> failure() {
    org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo info;
    try {
      info = worker.herder().connectorStatus(CONNECTOR_NAME);
    } catch (org.apache.kafka.connect.errors.NotFoundException e) {
      return java.util.Optional.empty(); // not created yet
    }
    if ("FAILED".equals(info.connector().state())) {
      return java.util.Optional.of("connector " + CONNECTOR_NAME + " failed: "
          + io.chartstream.app.ops.StageSupervisor.firstLine(info.connector().trace()));
    }
    for (var task : info.tasks()) {
      if ("FAILED".equals(task.state())) {
        return java.util.Optional.of("connector task " + task.id() + " failed: "
            + io.chartstream.app.ops.StageSupervisor.firstLine(task.trace()));
      }
    }
    return java.util.Optional.empty();
  }

  public EmbeddedConnectWorker worker() {
    return worker;
  }

  @Override
  public void close() {
    worker.close();
  }
}
