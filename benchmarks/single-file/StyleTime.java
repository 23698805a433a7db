import io.chartstream.ingest.s57.CellFiles;
import io.chartstream.ingest.s57.ChartReader;
import io.chartstream.ingest.s57.InputScanner;
import io.chartstream.schema.avro.S57Feature;
import io.chartstream.topology.s52.BuiltInPresentation;
import io.chartstream.topology.s52.ConditionalProcedures;
import io.chartstream.topology.s52.MarinerSettings;
import io.chartstream.topology.s52.Presentation;
import io.chartstream.topology.s52.S52Styler;
import io.chartstream.topology.s52.TableChoice;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Thread CPU time of styling every feature of US5WA22M (updates applied) with the built-in tables
 * of each folder given, this checkout's styler and real procedures: 200 warm-up passes, 400
 * measured (docs/BENCHMARKS.md, "S-52 tables converted"). Run from the repository root:
 * {@code java --enable-native-access=ALL-UNNAMED -cp "benchmarks/target/lib/*" benchmarks/single-file/StyleTime.java DIR…}.
 */
public class StyleTime {
  public static void main(String[] args) throws Exception {
    CellFiles cell = new InputScanner(Path.of("../shared/s57"), 0).scan().cells().stream()
        .filter(c -> c.chartId().equals("US5WA22M")).findFirst().orElseThrow();
    List<S57Feature> features = ChartReader.read(cell).features();
    for (String dir : args) {
      Presentation p = BuiltInPresentation.load(Path.of(dir));
      S52Styler styler = new S52Styler(p, MarinerSettings.defaults(), TableChoice.defaults(), ConditionalProcedures.of(p));
      for (int i = 0; i < 200; i++) for (S57Feature f : features) styler.style(f);
      long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      int n = 400;
      for (int i = 0; i < n; i++) for (S57Feature f : features) styler.style(f);
      long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
      System.out.printf("%s: %d entries, %.2f ms thread CPU per chart (%d features), %.2f M features/s of CPU%n", dir,
          p.lookupTables().values().stream().mapToInt(t -> t.entries().size()).sum(), cpu / 1e6 / n, features.size(),
          features.size() * (double) n / (cpu / 1e9) / 1e6);
    }
  }
}
