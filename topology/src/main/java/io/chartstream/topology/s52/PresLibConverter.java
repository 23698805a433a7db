package io.chartstream.topology.s52;

import io.chartstream.s52.ColourTokens;
import io.chartstream.s52.SymbolFile;
import io.chartstream.s52.SymbolKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts the S-52 Presentation Library's digital file ({@code .dai}) into chartstream's built-in
 * presentation ({@code config/s52}): {@value BuiltInPresentation#COLOURS} (every colour token of
 * the day, dusk and night tables, CIE converted to sRGB by {@link ColourConversion}),
 * {@value BuiltInPresentation#LOOKUPS} (every lookup entry of every table, in the library's order
 * within each table) and {@value BuiltInPresentation#SYMBOLS} (every symbol, complex line style
 * and pattern with its vectors, pivot, bounding box and colour references).
 *
 * <p>Deterministic: the output depends on the {@code .dai}'s content only (no dates, no paths,
 * fixed order), so converting again gives byte-equal files and a change shows as a diff.
 * Everything goes through {@link PresLibReader}, so what the converter writes is exactly what a
 * styler given the {@code .dai} itself would use.
 *
 * <p>Run: {@code ./chartstream s52-convert ../shared/s52/PresLib_e4.0.0.dai --out config/s52}, or
 * {@link #main} with the same two arguments.
 */
public final class PresLibConverter {
  private PresLibConverter() {}

  /**
   * What one conversion wrote, and the library's instructions that name a definition it lacks
   * ({@link Presentation#danglingReferences()}: converted as they are, drawn as the unknown-symbol
   * sign).
   */
  public record Result(Path directory, int colourTokens, int lookupEntries, int symbols, int lineStyles, int patterns,
                       List<String> danglingReferences) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
          "%s: %d colour tokens, %d lookup entries, %d symbols, %d line styles, %d patterns",
          directory, colourTokens, lookupEntries, symbols, lineStyles, patterns));
      for (String dangling : danglingReferences) {
        text.append("\nwarning: the library names a definition it lacks: ").append(dangling);
      }
      return text.toString();
    }
  }

  /** {@code PresLibConverter DAI OUT_DIR}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PresLibConverter PRESLIB.dai OUT_DIR");
      System.exit(2);
    }
    System.out.println(convert(Path.of(args[0]), Path.of(args[1])));
  }

  /**
   * Converts {@code dai} into the three files in {@code directory} (created if missing; the files
   * are replaced).
   *
   * @throws IOException              when reading or writing fails
   * @throws IllegalArgumentException when the {@code .dai} is malformed (file and line named)
   */
  public static Result convert(Path dai, Path directory) throws IOException {
    Presentation presentation = PresLibReader.read(dai);
    String identification = PresLibReader.identification(dai);
    Files.createDirectories(directory);
    ColourTokens colours = presentation.tokenColours();
    List<LookupEntry> entries = new ArrayList<>();
    presentation.lookupTables().values().forEach(table -> entries.addAll(table.entries()));

    write(directory.resolve(BuiltInPresentation.COLOURS), colours.write(header(dai, identification,
        "S-52 colour tokens: token, then its sRGB colour #rrggbb in the day, dusk and night palettes.",
        "CIE x, y, L of the library's DAY, DUSK and NIGHT tables converted by ColourConversion: L relative",
        "to the library's brightest colour (day white), the tables' white (x 0.28, y 0.31) adapted to D65",
        "(Bradford), so S-52 white is sRGB white and dusk and night stay darker than day.")));
    write(directory.resolve(BuiltInPresentation.LOOKUPS), BuiltInPresentation.writeLookups(header(dai, identification,
        "S-52 lookup entries, every one of the library's, one per line, in the library's order within",
        "each table; eight fields separated by \"|\":",
        "  table | class | conditions | instructions | priority | radar | category | group",
        "conditions: attribute conditions (ATTC), all must hold, separated by blanks, \"-\" for none;",
        "instructions: the INST field (\";\"-separated, CS(NAME) calls a conditional symbology procedure),",
        "\"-\" for none; radar O over radar, S under it; category DISC (blank is OTHER); group LUCM (blank is 0).",
        "How an entry is chosen: LookupTable; the format: BuiltInPresentation."), entries));
    write(directory.resolve(BuiltInPresentation.SYMBOLS), SymbolFile.write(header(dai, identification,
        "S-52 symbols (SY), complex line styles (LC) and area patterns (AP), one per line:",
        "  kind | name | pivot column,row | box column,row,width,height | colours | fill | vectors | description",
        "units 0.01 mm, rows growing down; colours: the pens' letters and their tokens; fill (patterns):",
        "LIN|STG CON|SCL minimum maximum distance; vectors: the library's HP-GL subset, verbatim.",
        "The format: io.chartstream.s52.SymbolFile; drawn by the renderer (io.chartstream.dbv.render)."),
        presentation.symbols()));
    return new Result(directory, colours.colours().size(), entries.size(),
        presentation.symbols().definitions(SymbolKind.SYMBOL).size(),
        presentation.symbols().definitions(SymbolKind.LINE).size(),
        presentation.symbols().definitions(SymbolKind.PATTERN).size(), presentation.danglingReferences());
  }

  private static List<String> header(Path dai, String identification, String... about) {
    List<String> lines = new ArrayList<>();
    lines.add("Generated by chartstream's PresLibConverter (io.chartstream.topology.s52) from "
        + dai.getFileName() + ". Do not edit: convert again (docs/styling.md).");
    if (!identification.isEmpty()) {
      lines.add("Library: " + identification + ".");
    }
    lines.add("From the IHO S-52 Presentation Library (the digital PresLib), as published by the IHO for ECDIS");
    lines.add("implementers; the IHO holds the copyright.");
    lines.add("");
    lines.addAll(List.of(about));
    lines.add("");
    return lines;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
