package io.chartstream.benchmarks;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.schema.serde.AvroWireFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The encode half of ingest: every feature of US5WA22M (with updates) to Confluent wire-format
 * Avro, as the connector hands them to Connect. The schema id is fixed: registry lookups are
 * cached after the first record and not part of the steady state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class FeatureEncodingBenchmark {
  private List<S57Feature> features;
  private final SpecificDatumWriter<Object> writer = new SpecificDatumWriter<>(TopicSchemas.CHART_EVENT);

  @Setup(Level.Trial)
  public void readChart() throws Exception {
    Path s57 = Path.of(System.getProperty("chartstream.s57", "../shared/s57"));
    CellFiles cell = new InputScanner(s57, 0).scan().cells().stream()
        .filter(c -> c.chartId().equals("US5WA22M")).findFirst().orElseThrow();
    features = ChartReader.read(cell).features();
  }

  @Benchmark
  public long encodeChart() {
    long bytes = 0;
    for (S57Feature feature : features) {
      bytes += AvroWireFormat.encode(3, writer, feature).length;
    }
    return bytes;
  }
}
