package io.chartstream.app;

import io.chartstream.app.embedded.TopologyLag;
import io.chartstream.app.ops.OpsMetrics;
import io.chartstream.app.progress.DbvPosition;
import io.chartstream.app.web.OpsServer;
import io.chartstream.dbv.sink.DbvSink;
import io.chartstream.dbv.sink.DbvSinkConfig;
import io.chartstream.schema.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chartstream sink}: the dbv sink alone against a cluster: finished tiles from
 * {@code rcl.tiles} into the dbv, exactly once (offsets kept in the dbv itself), and with
 * {@code --publish} a snapshot on S3 whenever it has caught up with new tiles.
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
  PublishOptions publish = new PublishOptions();

  @Mixin
  TopologySettings settings = new TopologySettings();

  @Mixin
  S3Options s3 = new S3Options();

  @Mixin
  HttpSettings http = new HttpSettings();

  @Override
  public Integer call() throws Exception {
    Path absoluteDbv = dbv.toAbsolutePath();
    DbvPublication publication;
    try {
      publication = publish.publication(absoluteDbv, s3);
    } catch (IllegalArgumentException e) {
      System.err.println("chartstream sink: --publish: " + e.getMessage());
      return 2;
    }
    ShutdownSignal signal = ShutdownSignal.install();
    DbvSink sink = new DbvSink(DbvSinkConfig.of(bootstrapServers, schemaRegistryUrl, absoluteDbv, settings.dbvMetadata()));
    SinkThread thread = new SinkThread(sink);
    Optional<String> died = Optional.empty();
    try (Admin admin = publication == null ? null : Admin.create(Map.of("bootstrap.servers", bootstrapServers));
         OpsMetrics metrics = new OpsMetrics().bind(sink.consumerForMetrics());
         OpsServer server = OpsServer.metrics(http.endpoint().address(), http.endpoint().anyPortIfTaken(), metrics)) {
      System.out.println("chartstream sink: metrics at " + server.url() + "metrics");
      while (!signal.isRequested() && died.isEmpty()) {
        Thread.sleep(500);
        died = thread.failure();
        if (publication != null && died.isEmpty()) {
          publication.onProgress(caughtUp(admin, absoluteDbv));
        }
      }
    } finally {
      signal.closing("the dbv sink");
      thread.close(signal.remaining());
      signal.closed();
    }
    if (died.isPresent()) {
      // Non-zero, so a supervisor (a container's restart policy, systemd) starts it again: the
      // sink resumes from the positions stored in the dbv. A broker not reachable yet at start
      // (metadata timeout) ends it this way too.
      System.err.println("chartstream sink: the dbv sink stopped: " + died.get());
      return RunCommand.STAGE_DIED;
    }
    return 0;
  }

  /** Whether the dbv holds every tile and catalogue record on the cluster now. */
  private static boolean caughtUp(Admin admin, Path dbvFile) throws InterruptedException {
    Map<TopicPartition, Long> ends = new HashMap<>(TopologyLag.endOffsets(admin, Topics.RCL_TILES));
    ends.putAll(TopologyLag.endOffsets(admin, Topics.CHARTS_CATALOG));
    DbvPosition stored = DbvPosition.readOffsets(dbvFile);
    return stored != DbvPosition.EMPTY && stored.reached(ends);
  }
}
