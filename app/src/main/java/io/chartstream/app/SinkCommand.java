package io.chartstream.app;

import io.chartstream.dbv.sink.DbvSink;
import io.chartstream.dbv.sink.DbvSinkConfig;
import io.chartstream.app.ops.OpsMetrics;
import io.chartstream.app.web.OpsServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartstream sink}: the dbv sink alone against a cluster: finished tiles from
 * {@code rcl.tiles} into the dbv, exactly once (offsets kept in the dbv itself).
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Write finished tiles from rcl.tiles into a dbv, exactly once, against a Kafka cluster.")
final class SinkCommand implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", required = true, description = "The Kafka cluster.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", required = true, description = "A Confluent-compatible schema registry.")
  String schemaRegistryUrl;

  @Option(names = "--dbv", defaultValue = "chart.dbv", description = "The chart database to write (default: ${DEFAULT-VALUE}).")
  Path dbv;

  @Mixin
  TopologySettings settings = new TopologySettings();

  @Mixin
  HttpSettings http = new HttpSettings();

  @Override
  public Integer call() throws Exception {
    ShutdownSignal signal = ShutdownSignal.install();
    DbvSink sink = new DbvSink(DbvSinkConfig.of(bootstrapServers, schemaRegistryUrl, dbv.toAbsolutePath(), settings.dbvMetadata()));
    Thread thread = Thread.ofPlatform().name("dbv-sink").start(sink);
    try (OpsMetrics metrics = new OpsMetrics().bind(sink.consumerForMetrics());
         OpsServer server = OpsServer.metrics(http.endpoint().address(), http.endpoint().anyPortIfTaken(), metrics)) {
      System.out.println("chartstream sink: metrics at " + server.url() + "metrics");
      while (!signal.isRequested() && thread.isAlive()) {
        Thread.sleep(500);
      }
    } finally {
      sink.close();
      thread.join(30_000);
      signal.closed();
    }
    return 0;
  }
}
