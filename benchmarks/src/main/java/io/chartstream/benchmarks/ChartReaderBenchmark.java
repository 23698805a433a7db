package io.chartstream.benchmarks;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartReadException;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The read half of ingest: one chart version (base cell with its updates applied) through GDAL's
 * S-57 driver over FFM into {@code S57Feature} records. Divide the features of the cell by the
 * time per operation for features/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ChartReaderBenchmark {
  /** A chart of the shared data: US5WA22M has four updates, US1GC09M nine. */
  @Param({"US5WA22M", "US1GC09M", "US5MA12M"})
  public String chart;

  private CellFiles cell;

  @Setup(Level.Trial)
  public void findCell() {
    Path s57 = Path.of(System.getProperty("chartstream.s57", "../shared/s57"));
    List<CellFiles> cells = new InputScanner(s57, 0).scan().cells();
    cell = cells.stream().filter(c -> c.chartId().equals(chart)).findFirst()
        .orElseThrow(() -> new IllegalStateException(chart + " not found under " + s57.toAbsolutePath()));
  }

  @Benchmark
  public int read() throws ChartReadException {
    return ChartReader.read(cell).features().size();
  }
}
