package io.chartstream.ingest.connect;

import io.chartstream.embedded.EmbeddedKafkaBroker;
import io.chartstream.ingest.s57.SharedData;
import io.chartstream.schema.registry.EmbeddedSchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a test (its name keeps it out of the suite): how long from copying
 * US1BS01M.000 into a watched input to the task's first record of it, ten times with the copy at a
 * random moment of the scan period. Run: {@code mvn -o -q -B -pl ingest-connector -am verify
 * -Dtest=WatchLatencyMeasurement -Dsurefire.failIfNoSpecifiedTests=false -Dm.scan=250 -Dm.settle=250}
 * (docs/BENCHMARKS.md). The time includes GDAL's read of the cell (50-80 ms).
 */
class WatchLatencyMeasurement {
  @TempDir
  Path dir;

  @Test
  void measure() throws Exception {
    Path source = SharedData.s57().resolve("US1BS01M/US1BS01M.000");
    String scan = System.getProperty("m.scan", "250");
    String settle = System.getProperty("m.settle", "500");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
         EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      List<Long> firstRecord = new ArrayList<>();
      Random random = new Random(42);
      for (int i = 0; i < 11; i++) {
        Path input = Files.createDirectories(dir.resolve("in" + i));
        S57SourceTask task = WatchedInputTaskTest.start(registry.url(), input, scan, settle);
        task.poll();
        Thread.sleep(random.nextInt(250));
        long t0 = System.nanoTime();
        Files.copy(source, input.resolve("US1BS01M.000"));
        while (true) {
          List<SourceRecord> batch = task.poll();
          if (batch != null && !batch.isEmpty()) {
            break;
          }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        task.stop();
        if (i > 0) { // the first includes schema registration
          firstRecord.add(ms);
        }
      }
      Collections.sort(firstRecord);
      System.out.println("MEASURE scan=" + scan + " settle=" + settle + " ms copy->first record: " + firstRecord
          + " median " + firstRecord.get(firstRecord.size() / 2));
    }
  }
}
