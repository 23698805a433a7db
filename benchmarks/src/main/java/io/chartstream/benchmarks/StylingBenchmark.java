package io.chartstream.benchmarks;

import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.avro.S52Style;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.s52.BuiltInPresentation;
import io.chartstream.topology.s52.ConditionalProcedures;
import io.chartstream.topology.s52.ConditionalProcedure;
import io.chartstream.topology.s52.MarinerSettings;
import io.chartstream.topology.s52.PresLibReader;
import io.chartstream.topology.s52.Presentation;
import io.chartstream.topology.s52.S52Styler;
import io.chartstream.topology.s52.TableChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * S-52 styling ({@link S52Styler#style}) of every feature of US5WA22M (updates applied), with the
 * built-in tables ({@code config/s52}) and with the IHO PresLib ({@code .dai}), symbolized
 * boundaries and paper-chart points, default mariner settings. Procedures: the registry
 * {@code ConditionalProcedures.of(presentation)} ({@code procedures=registry}); or
 * ({@code procedures=none}) one that answers every name with a procedure drawing nothing, which
 * measures lookup and colours alone. Divide the chart's features (printed at setup) by the time
 * per operation for features/s.
 *
 * <p>Run from the repository root: paths default to {@code config/s52} and {@code ../shared};
 * override with {@code -Dchartstream.config=…}, {@code -Dchartstream.s57=…},
 * {@code -Dchartstream.s52=…}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class StylingBenchmark {
  @Param({"builtIn", "presLib"})
  public String tables;

  @Param({"registry", "none"})
  public String procedures;

  private List<S57Feature> features;
  private S52Styler styler;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path s57 = Path.of(System.getProperty("chartstream.s57", "../shared/s57"));
    Path s52 = Path.of(System.getProperty("chartstream.s52", "../shared/s52"));
    Path config = Path.of(System.getProperty("chartstream.config", "config/s52"));
    CellFiles cell = new InputScanner(s57, 0).scan().cells().stream()
        .filter(c -> c.chartId().equals("US5WA22M")).findFirst().orElseThrow();
    features = ChartReader.read(cell).features();
    Presentation presentation = tables.equals("presLib")
        ? PresLibReader.read(s52.resolve("PresLib_e4.0.0.dai"))
        : BuiltInPresentation.load(config);
    Function<String, Optional<ConditionalProcedure>> registry = procedures.equals("registry")
        ? ConditionalProcedures.of(presentation) : StylingBenchmark::drawingNothing;
    styler = new S52Styler(presentation, MarinerSettings.defaults(), TableChoice.defaults(), registry);
    System.out.printf("%n%s: %d features, tables %s, procedures %s%n", cell.chartId(), features.size(), tables, procedures);
  }

  @Benchmark
  public long styleEveryFeature() {
    long instructions = 0;
    for (S57Feature feature : features) {
      S52Style style = styler.style(feature);
      instructions += style.getInstructions().size() + style.getColours().size();
    }
    return instructions;
  }

  /** A procedure of the given name that draws nothing. */
  private static Optional<ConditionalProcedure> drawingNothing(String name) {
    return Optional.of(new ConditionalProcedure() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> instructions(S57Feature feature, MarinerSettings settings) {
        return List.of();
      }
    });
  }
}
