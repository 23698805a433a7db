package io.chartstream.app.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A component's Prometheus metrics (Micrometer): the JVM's, the Kafka clients' own (records-lag
 * per partition, commit latency, RocksDB properties, through Micrometer's Kafka binders), and the
 * production's as {@code chartstream_*} series read from the latest {@link ProductionSnapshot}.
 * Tags carry topics, partitions and client ids only: never a configuration value.
 */
public final class OpsMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<AutoCloseable> binders = new ArrayList<>();
  private final Set<String> partitionGauges = new HashSet<>();
  private final ScheduledThreadPoolExecutor refresh = new SoonerRefresh();
  private Supplier<ProductionSnapshot> production = () -> ProductionSnapshot.EMPTY;
  private ConnectJmxMetrics connect;

  public OpsMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /** Kafka Streams' metrics: its threads, tasks, state stores and embedded clients. */
  public OpsMetrics bind(KafkaStreams streams) {
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, Tags.empty(), refresh);
    metrics.bindTo(registry);
    binders.add(metrics);
    return this;
  }

  /**
   * A consumer's metrics (fetch lag per partition, commit and poll latency), told apart from the
   * topology's by their client id: Prometheus wants one set of label names per metric, so no
   * extra tag here.
   */
  public OpsMetrics bind(Consumer<?, ?> consumer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, Tags.empty(), refresh);
    metrics.bindTo(registry);
    binders.add(metrics);
    return this;
  }

  /** The Connect worker's metrics in this JVM (source tasks, their producers), from its JMX beans. */
  public OpsMetrics bindConnectWorker() {
    connect = new ConnectJmxMetrics();
    return this;
  }

  /** The production's series, read from {@code snapshots} at each scrape. */
  public OpsMetrics bind(Supplier<ProductionSnapshot> snapshots) {
    this.production = snapshots;
    gauge("chartstream.charts.known", "Charts found in the input", ProductionSnapshot::chartsKnown);
    counter("chartstream.charts.ingested", "Charts whose current version was ingested", ProductionSnapshot::chartsIngested);
    counter("chartstream.charts.failed", "Charts named by a dead letter", ProductionSnapshot::chartsFailed);
    FunctionCounter.builder("chartstream.features", this, m -> m.production.get().featuresIngested())
        .description("Features through each stage (ingest: on s57.features; sink: in the dbv's tiles, once per tile)")
        .tag("stage", "ingest").register(registry);
    FunctionCounter.builder("chartstream.features", this, m -> m.production.get().tileFeatures())
        .description("Features through each stage (ingest: on s57.features; sink: in the dbv's tiles, once per tile)")
        .tag("stage", "sink").register(registry);
    gauge("chartstream.rcls.pending", "Finished RCL records on rcl.tiles not yet in the dbv", ProductionSnapshot::rclsPending);
    counter("chartstream.rcls.finished", "Finished RCL records the topology committed to rcl.tiles", ProductionSnapshot::rclsFinished);
    counter("chartstream.tiles.written", "Tiles in the dbv", ProductionSnapshot::tilesWritten);
    gauge("chartstream.dbv.charts", "Charts with a version in the dbv", ProductionSnapshot::dbvCharts);
    Gauge.builder("chartstream.dbv.size", this, m -> m.production.get().dbvSizeBytes()).baseUnit("bytes")
        .description("Size of the dbv file and its write-ahead log").register(registry);
    Gauge.builder("chartstream.update.latency", this, m -> m.production.get().lastUpdateLatencySeconds()).baseUnit("seconds")
        .description("Seconds from new data on Kafka to the dbv holding all of it, for the last update").register(registry);
    counter("chartstream.dead.letters", "Records on the dead-letter topics", s -> s.deadLetters().size());
    for (String stage : List.of("topology", "sink")) {
      Gauge.builder("chartstream.lag.records", this, m -> LagProbe.total(m.production.get().lags(), stage))
          .description("Records the stage has not processed yet, summed over its partitions (committed positions)")
          .tag("stage", stage).register(registry);
    }
    return this;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    registerNewPartitions();
    if (connect != null) {
      connect.registerNew(registry);
    }
    return registry.scrape();
  }

  /** One lag gauge per stage and partition, added as partitions appear (internal topics come late). */
  private synchronized void registerNewPartitions() {
    for (PartitionLag lag : production.get().lags()) {
      String key = lag.stage() + "/" + lag.topic() + "/" + lag.partition();
      if (partitionGauges.add(key)) {
        Gauge.builder("chartstream.consumer.lag", this, m -> partitionLag(m.production.get(), key))
            .baseUnit("records").description("Records the stage has not processed on one partition")
            .tags("stage", lag.stage(), "topic", lag.topic(), "partition", String.valueOf(lag.partition()))
            .register(registry);
      }
    }
  }

  private static double partitionLag(ProductionSnapshot snapshot, String key) {
    for (PartitionLag lag : snapshot.lags()) {
      if (key.equals(lag.stage() + "/" + lag.topic() + "/" + lag.partition())) {
        return lag.lag();
      }
    }
    return Double.NaN;
  }

  private void gauge(String name, String description, ToDoubleFunction<ProductionSnapshot> value) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.production.get())).description(description).register(registry);
  }

  private void counter(String name, String description, ToDoubleFunction<ProductionSnapshot> value) {
    FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.production.get())).description(description).register(registry);
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable binder : binders) {
      binder.close();
    }
    refresh.shutdownNow();
    registry.close();
  }

  /**
   * Micrometer's Kafka binders look for new client metrics once a minute; the per-partition lag
   * and the RocksDB metrics appear only once partitions are assigned and stores open, after the
   * binding, so this scheduler runs those checks every few seconds instead.
   */
  private static final class SoonerRefresh extends ScheduledThreadPoolExecutor {
    private static final long PERIOD_MILLIS = 5_000;

    SoonerRefresh() {
      super(1, r -> Thread.ofPlatform().daemon().name("chartstream-metrics-refresh").unstarted(r));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
      long millis = Math.min(unit.toMillis(period), PERIOD_MILLIS);
      return super.scheduleAtFixedRate(command, Math.min(unit.toMillis(initialDelay), PERIOD_MILLIS), millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
      long millis = Math.min(unit.toMillis(delay), PERIOD_MILLIS);
      return super.scheduleWithFixedDelay(command, Math.min(unit.toMillis(initialDelay), PERIOD_MILLIS), millis, TimeUnit.MILLISECONDS);
    }
  }
}
