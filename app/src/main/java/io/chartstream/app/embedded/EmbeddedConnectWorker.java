package io.chartstream.app.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Kafka Connect worker in this JVM, the same runtime as {@code connect-standalone.sh}:
 * source offsets in a file under the work dir (so a restart resumes), converters that pass the
 * connector's ready-encoded Avro bytes through, REST on 127.0.0.1 only, and plugins found through
 * {@code META-INF/services} on the class path (no slow class-path scan).
 */
public final class EmbeddedConnectWorker implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedConnectWorker.class);
  private static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

  private final Connect<StandaloneHerder> connect;

  private EmbeddedConnectWorker(Connect<StandaloneHerder> connect) {
    this.connect = connect;
  }

  public static EmbeddedConnectWorker start(String bootstrapServers, Path workDir) {
    Map<String, String> worker = new HashMap<>();
    worker.put("bootstrap.servers", bootstrapServers);
    worker.put("key.converter", BYTES);
    worker.put("value.converter", BYTES);
    worker.put("offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
    worker.put("offset.flush.interval.ms", "1000");
    worker.put("listeners", "http://127.0.0.1:0");
    worker.put("plugin.discovery", "service_load");
    worker.put("task.shutdown.graceful.timeout.ms", "10000");
    // A standalone worker has no exactly-once source support: its producers retry a batch whose
    // answer was lost (a broker stopping mid-request), and only idempotence keeps the retry from
    // writing the batch twice. Connect's own defaults leave that to the client's defaults.
    worker.put("producer.enable.idempotence", "true");
    worker.put("producer.acks", "all");
    // s57.features is kept for ever (replay reads it): zstd stores it in about a third of its
    // Avro bytes, mostly WGS84 doubles and attribute names repeated from feature to feature.
    worker.put("producer.compression.type", "zstd");
    // Larger batches compress better; a chart version is written at once, so they fill at once.
    worker.put("producer.batch.size", String.valueOf(1 << 20));
    worker.put("producer.linger.ms", "5");
    // Features up to chartstream's record limit go through (the connector leaves out, and reports,
    // any larger; the topic takes as much, see ChartTopics).
    worker.put("producer.max.request.size", String.valueOf(ChartTopics.MAX_TILE_BYTES));
    Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(worker);
    LOGGER.info("Embedded Connect worker started against {}", bootstrapServers);
    return new EmbeddedConnectWorker(connect);
  }

  /** Creates or replaces connector {@code name} and waits until the worker accepted it. */
  public void putConnector(String name, Map<String, String> config) {
    Map<String, String> named = new HashMap<>(config);
    named.put("name", name);
    FutureCallback<?> done = new FutureCallback<>();
    connect.herder().putConnectorConfig(name, named, true, (error, result) -> done.onCompletion(error, null));
    try {
      done.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Connect refused connector " + name + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Connect did not start connector " + name + " within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The worker's REST API (on 127.0.0.1), e.g. for {@code GET /connectors/NAME/status}. */
  public java.net.URI restUrl() {
    return connect.rest().serverUrl();
  }

  public StandaloneHerder herder() {
    return connect.herder();
  }

  /** Stops the tasks (committing their offsets) and the worker. */
  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
