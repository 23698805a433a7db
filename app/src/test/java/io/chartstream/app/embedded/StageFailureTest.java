package io.chartstream.app.embedded;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.app.ops.StageSupervisor;
import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.ingest.s57.BrokenCells;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import io.chartstream.topology.FeatureStages;
import io.chartstream.topology.streams.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run}'s supervisor asks each stage, on real stages that really die: a connector task
 * that cannot reach its registry FAILS, a stream thread hit by an Error (no handler catches those)
 * takes the topology to ERROR; each is then named with its reason instead of looking idle.
 */
class StageFailureTest {
  @TempDir Path dir;

  @Test
  void aFailedConnectorTaskAndADeadTopologyAreNamedWithTheirReasons() throws Exception {
    Path input = dir.resolve("input");
    BrokenCells.copy(SharedData.s57().resolve("US1BS01M/US1BS01M.000"), input.resolve("US1BS01M.000"));
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
         EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      // Ingest whose registry is not there: its task fails on the first record it encodes.
      try (EmbeddedIngest ingest = EmbeddedIngest.start(broker.bootstrapServers(), "http://127.0.0.1:9", input,
          dir.resolve("ingest-a"), 4, 1, EmbeddedIngest.PROMPT_WATCH)) {
        StageSupervisor stages = new StageSupervisor().watch("ingest", ingest::failure);
        String failure = await(stages::firstFailure);
        assertTrue(failure.startsWith("the ingest stopped: connector task 0 failed:"), failure);
      }

      // A topology whose one stage throws an Error on the first feature; ingest fine.
      TopologyConfig dying = TopologyConfig.defaults().withStages(new FeatureStages(List.of(() -> (source, projected, pieces) -> {
        throw new AssertionError("a stage met a bug");
      })));
      try (EmbeddedIngest ingest = EmbeddedIngest.start(broker.bootstrapServers(), registry.url(), input,
          dir.resolve("ingest-b"), 4, 1, EmbeddedIngest.PROMPT_WATCH);
           EmbeddedTopology topology = EmbeddedTopology.start(broker.bootstrapServers(), registry.url(), dir.resolve("topology"),
               dying, 1, (short) 1)) {
        StageSupervisor stages = new StageSupervisor().watch("ingest", ingest::failure).watch("topology", topology::failure);
        String failure = await(stages::firstFailure);
        assertTrue(failure.matches("the topology stopped: Kafka Streams is (PENDING_)?ERROR: .*a stage met a bug.*"), failure);
      }
    }
  }

  private static String await(Supplier<Optional<String>> failure) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> f = failure.get();
      if (f.isPresent()) {
        return f.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no stage reported a failure within 2 minutes");
  }
}
