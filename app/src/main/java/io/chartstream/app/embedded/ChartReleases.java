package io.chartstream.app.embedded;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.ChartCatalogEntry;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases charts a catalogue promised that never came: writes the chart's CATALOG.031 entry again
 * on {@code charts.catalog} with {@code released} set to why. The topology's expectation stage
 * then tells every RCL that waited for it to stop waiting, so those RCLs are emitted with the
 * charts that did come; the dbv keeps the chart as catalogued and not read. If the cell arrives
 * after all, its own entry expects it again where it lies.
 */
public final class ChartReleases implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ChartReleases.class);

  private final KafkaProducer<byte[], byte[]> producer;
  private final AvroWireSerializer<String> keys;
  private final AvroWireSerializer<ChartCatalogEntry> values;

  public ChartReleases(String bootstrapServers, SchemaRegistryClient registry) {
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "chartstream-chart-releases",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ChartTopics.MAX_TILE_BYTES),
        new ByteArraySerializer(), new ByteArraySerializer());
    keys = new AvroWireSerializer<>(registry, TopicSchemas.STRING_KEY, true);
    values = new AvroWireSerializer<>(registry, TopicSchemas.CATALOG_ENTRY, false);
  }

  /**
   * Releases the chart of {@code promised} (its newest, CATALOG.031 entry) for {@code reason}; the
   * record is on its way when this returns ({@link #await} the futures of many at once).
   */
  public Future<RecordMetadata> release(ChartCatalogEntry promised, String reason) {
    ChartCatalogEntry released = ChartCatalogEntry.newBuilder(promised).setReleased(reason).build();
    String chartId = promised.getChartId();
    LOGGER.warn("Releasing {} ({}): the RCLs waiting for it are produced without it", chartId, reason);
    return producer.send(new ProducerRecord<>(Topics.CHARTS_CATALOG, keys.serialize(Topics.CHARTS_CATALOG, chartId),
        values.serialize(Topics.CHARTS_CATALOG, released)));
  }

  /** Waits until every release of {@code sent} is written. */
  public static void await(List<? extends Future<?>> sent) {
    for (Future<?> f : sent) {
      try {
        f.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("cannot write a release on " + Topics.CHARTS_CATALOG + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while releasing charts", e);
      }
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
