package io.chartstream.benchmarks;

import io.chartstream.dbv.DbvMetadata;
import io.chartstream.dbv.DbvReader;
import io.chartstream.dbv.DbvWriter;
import io.chartstream.dbv.SourcePartition;
import io.chartstream.schema.avro.RclTile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sink's write path alone: real tiles read from a produced dbv are written into a fresh one
 * through {@link DbvWriter} (Avro encoding, zlib, the upsert and the offsets row, one SQLite
 * transaction per batch, {@code synchronous=NORMAL}), as the sink does per poll, without Kafka.
 * Each batch size is the number of tiles per transaction; the sink's batch is what one poll
 * returns (up to 2,000 records). Prints tiles/s and MB/s of dbv written, best and median of the
 * repetitions. Usage: {@code DbvWriteThroughput SOURCE.dbv [REPETITIONS] [BATCH_SIZE…]}.
 */
public final class DbvWriteThroughput {
  private DbvWriteThroughput() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int[] batchSizes = args.length > 2
        ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {1, 10, 100, 2000};
    List<RclTile> tiles = new ArrayList<>();
    try (DbvReader reader = DbvReader.open(source)) {
      reader.tiles(tiles::add);
    }
    System.out.printf(Locale.ROOT, "source: %s, %d tiles, %.1f MB%n", source, tiles.size(), Files.size(source) / 1e6);
    Path dir = Files.createTempDirectory("dbv-write-bench");
    try {
      // One untimed pass warms the JIT on the encoder and the JDBC path.
      write(tiles, dir.resolve("warm-up.dbv"), 100);
      for (int batch : batchSizes) {
        double[] seconds = new double[repetitions];
        long bytes = 0;
        for (int r = 0; r < repetitions; r++) {
          Path file = dir.resolve("b" + batch + "-" + r + ".dbv");
          seconds[r] = write(tiles, file, batch);
          bytes = Files.size(file);
        }
        Arrays.sort(seconds);
        double best = seconds[0];
        double median = seconds[repetitions / 2];
        System.out.printf(Locale.ROOT, "batch %5d tiles/transaction: best %7.3f s (%7.0f tiles/s, %6.1f MB/s), median %7.3f s (%7.0f tiles/s, %6.1f MB/s), file %.1f MB%n",
            batch, best, tiles.size() / best, bytes / 1e6 / best, median, tiles.size() / median, bytes / 1e6 / median, bytes / 1e6);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Seconds to write every tile into a new dbv, {@code batch} per transaction. */
  private static double write(List<RclTile> tiles, Path file, int batch) {
    SourcePartition partition = new SourcePartition("rcl.tiles", 0);
    long start = System.nanoTime();
    try (DbvWriter writer = DbvWriter.open(file, DbvMetadata.worldMercator(Map.of(), Map.of()))) {
      for (int i = 0; i < tiles.size(); i += batch) {
        int end = Math.min(i + batch, tiles.size());
        writer.upsertTiles(tiles.subList(i, end), Map.of(partition, (long) end));
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
