package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology that has records to read and cannot move is named and ends the run, as a dead stage
 * does, instead of {@code run} waiting on it for ever. The stall is a real one: a transaction left
 * open on {@code s57.features} (a hung producer) holds every read_committed reader below it, while
 * the partition's end, and so the lag, lies past it.
 */
class StalledTopologyTest {
  @TempDir Path dir;

  @Test
  void aTopologyHeldBelowAnOpenTransactionIsNamedAndTheRunEnds() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path work = dir.resolve("work");
    try (RunProcess run = RunProcess.start(input, dir.resolve("out.dbv"), work, dir.resolve("run.log"), "--stall-after", "20s")) {
      String bootstrap = run.address(work).bootstrapServers();
      var hung = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", bootstrap, "transactional.id", "hung-producer",
          "transaction.timeout.ms", "600000"), new ByteArraySerializer(), new ByteArraySerializer());
      try {
        hung.initTransactions();
        hung.beginTransaction();
        hung.send(new ProducerRecord<>(Topics.S57_FEATURES, 0, null, "never committed".getBytes(StandardCharsets.UTF_8))).get();
        long sent = System.nanoTime();
        assertEquals(RunCommand.STAGE_DIED, run.awaitExit(Duration.ofMinutes(3)), run.stderr());
        long seconds = (System.nanoTime() - sent) / 1_000_000_000L;
        String said = run.stderr().lines().filter(l -> l.startsWith("chartstream run: the topology stopped")).findFirst().orElse("");
        assertTrue(said.contains("no progress for") && said.contains("records to read") && said.contains("Kafka Streams RUNNING"),
            "names the stalled stage and why: " + run.stderr());
        assertTrue(seconds >= 20, "not before the limit: " + seconds + " s");
      } finally {
        hung.close(Duration.ZERO); // the broker went with the run: a plain close would wait for it for ever
      }
    }
  }
}
