package io.chartstream.ingest.gdal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.ingest.s57.ChartReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OgrDatasetTest {
  @TempDir Path temp;

  @Test
  void gdalVersionIsReported() {
    assertTrue(Gdal.version().startsWith("GDAL "), Gdal.version());
  }

  @Test
  void randomBytesFailToOpenWithGdalsReason() throws Exception {
    Path bogus = temp.resolve("XX5BOGUS.000");
    byte[] bytes = new byte[4096];
    new Random(7).nextBytes(bytes);
    Files.write(bogus, bytes);
    GdalException e = assertThrows(GdalException.class, () -> OgrDataset.open(bogus, "S57", ChartReader.OPEN_OPTIONS).close());
    assertEquals("open_failed", e.code());
    assertTrue(e.getMessage().contains(bogus.toString()), e.getMessage());
  }

  /**
   * Reads every shared cell 50 times in one JVM: native memory in use after the last pass is
   * within a small margin of what it was after the warm-up passes. Runs on one dedicated
   * thread, so glibc's per-thread arena that {@code mallinfo2} reports is the one GDAL uses.
   */
  @Test
  @Tag("slow")
  void fiftyPassesOverAllCellsKeepNativeMemoryFlat() throws Exception {
    List<Path> cells = allCells();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      long[] marks = thread.submit((Callable<long[]>) () -> {
        // Every cell open and read at once: tens of MB in GDAL, far above what the JVM's own
        // threads may free meanwhile (one cell alone once measured less than before it opened).
        long baseline = NativeMemory.inUse();
        long peakWhileOpen;
        List<OgrDataset> open = new java.util.ArrayList<>();
        try {
          for (Path cell : cells) {
            OgrDataset dataset = OgrDataset.open(cell, "S57", ChartReader.OPEN_OPTIONS);
            open.add(dataset);
            dataset.layers().forEach(layer -> layer.read(f -> { }));
          }
          peakWhileOpen = NativeMemory.inUse();
        } finally {
          open.forEach(OgrDataset::close);
        }
        long afterWarmUp = 0;
        for (int pass = 1; pass <= 50; pass++) {
          for (Path cell : cells) {
            try (OgrDataset dataset = OgrDataset.open(cell, "S57", ChartReader.OPEN_OPTIONS)) {
              dataset.layers().forEach(layer -> layer.read(f -> { }));
            }
          }
          if (pass == 5) {
            afterWarmUp = NativeMemory.inUse();
          }
        }
        return new long[] {baseline, peakWhileOpen, afterWarmUp, NativeMemory.inUse()};
      }).get(10, TimeUnit.MINUTES);
      long baseline = marks[0];
      long whileOpen = marks[1];
      long afterWarmUp = marks[2];
      long afterLast = marks[3];
      // The measure must see GDAL at all, or a flat line would prove nothing.
      assertTrue(whileOpen - baseline > 5_000_000, "mallinfo2 does not see GDAL's allocations: " + baseline + " -> " + whileOpen);
      long growth = afterLast - afterWarmUp;
      System.out.printf("native memory in use: baseline %,d, every cell open %,d, after 5 passes %,d, after 50 passes %,d (growth %,d bytes)%n",
          baseline, whileOpen, afterWarmUp, afterLast, growth);
      assertTrue(growth < 1_000_000, "native memory grew by " + growth + " bytes over 45 passes of " + cells.size() + " cells");
    } finally {
      thread.shutdownNow();
    }
  }

  private static List<Path> allCells() throws Exception {
    List<Path> cells = new ArrayList<>();
    for (Path root : List.of(io.chartstream.ingest.s57.SharedData.s57(), io.chartstream.ingest.s57.SharedData.s52())) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.getFileName().toString().endsWith(".000")).sorted().forEach(cells::add);
      }
    }
    assertTrue(cells.size() >= 20, "shared cells: " + cells.size());
    return cells;
  }
}
