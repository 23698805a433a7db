package io.chartstream.app;

import io.chartstream.topology.s52.PresLibConverter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chartstream s52-convert PRESLIB.dai [--out config/s52]}: converts the IHO S-52
 * Presentation Library's digital file into chartstream's built-in tables ({@link PresLibConverter}:
 * colours, every lookup entry, every symbol, line style and pattern). Deterministic: converting
 * the same file again writes the same bytes.
 */
@Command(name = "s52-convert", mixinStandardHelpOptions = true,
    description = "Convert an IHO S-52 PresLib digital file (.dai) into the built-in tables of config/s52.")
final class S52ConvertCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The PresLib digital file, e.g. ../shared/s52/PresLib_e4.0.0.dai.")
  Path dai;

  @Option(names = "--out", defaultValue = "config/s52", description = "Folder to write colours.csv, lookups.psv and symbols.psv to (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    try {
      System.out.println(PresLibConverter.convert(dai, out));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("chartstream s52-convert: " + e.getMessage());
      return 1;
    }
  }
}
