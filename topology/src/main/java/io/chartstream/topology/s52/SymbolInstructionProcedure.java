package io.chartstream.topology.s52;

import io.chartstream.s52.SymbolKind;
import io.chartstream.s52.SymbolLibrary;
import io.chartstream.schema.avro.S57Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * S-52 CSP <b>SYMINS02</b> (PresLib 4.0, CSP §13.2.18) for new objects (NEWOBJ): the symbology
 * instructions the feature's own {@code SYMINS} attribute gives, those of them that are valid for
 * it, in the attribute's order; when none is, the default for its geometry: {@code SY(NEWOBJ01)}
 * for a point, {@code LC(NEWOBJ01)} for a line, {@code SY(NEWOBJ01);LS(DASH,2,CHMGD)} for an
 * area.
 *
 * <p>An instruction of SYMINS is dropped, as the CSP says, when it is not a symbology instruction
 * ({@code AC}, {@code AP}, {@code LS}, {@code LC}, {@code SY}, {@code TX} or {@code TE} with its
 * arguments in parentheses), names a colour token the palettes lack or a symbol, line style or
 * pattern the library lacks (not checked when the presentation has no library), has the wrong
 * number or kind of arguments, or does not fit the feature's geometry: fills and patterns only
 * for areas, lines for lines and areas; symbols and texts fit everything (drawn at the display
 * point). ECDIS Chart 1 has such a value: {@code AC(DNGHL,3);LS(SOLD,3,DNGHL)","8",…}, whose
 * second instruction is broken and dropped.
 *
 * <p>Immutable ({@code @Immutable}); built for one presentation, whose names it checks against.
 *
 * @see ConditionalProcedures#of
 */
public final class SymbolInstructionProcedure implements ConditionalProcedure {
  private static final Pattern COMMAND = Pattern.compile("[A-Z]{2}\\(.*\\)", Pattern.DOTALL);
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d*)?");
  private static final Pattern ACRONYM = Pattern.compile("[A-Za-z$_]{6}");
  private static final Pattern CHARS = Pattern.compile("'\\d{5}'");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'");
  private static final Set<String> LINE_PATTERNS = Set.of("SOLD", "DASH", "DOTT");
  private static final int LINE = 2;
  private static final int AREA = 3;

  private final Set<String> colourTokens;
  private final SymbolLibrary symbols;

  /** Checks names against {@code presentation}'s colour tokens and symbol library. */
  public SymbolInstructionProcedure(Presentation presentation) {
    this.colourTokens = Set.copyOf(presentation.colourTokens());
    this.symbols = presentation.symbols();
  }

  @Override
  public String name() {
    return "SYMINS";
  }

  @Override
  public List<String> instructions(S57Feature feature, MarinerSettings settings) {
    int primitive = feature.getPrimitive();
    List<String> selected = new ArrayList<>();
    Optional<String> symins = ProcedureAttributes.text(feature, "SYMINS");
    if (symins.isPresent()) {
      for (String instruction : SymbologyInstructions.split(symins.get())) {
        if (valid(instruction, primitive)) {
          selected.add(instruction);
        }
      }
    }
    if (!selected.isEmpty()) {
      return selected;
    }
    return switch (primitive) {
      case LINE -> List.of("LC(NEWOBJ01)");
      case AREA -> List.of("SY(NEWOBJ01)", "LS(DASH,2,CHMGD)");
      default -> List.of("SY(NEWOBJ01)");
    };
  }

  /** Whether {@code instruction} may be drawn for a feature of {@code primitive}. */
  boolean valid(String instruction, int primitive) {
    if (!COMMAND.matcher(instruction).matches() || instruction.indexOf('(') != 2) {
      return false;
    }
    boolean area = primitive == AREA;
    boolean lineOrArea = area || primitive == LINE;
    List<String> args = SymbologyInstructions.arguments(instruction);
    return switch (SymbologyInstructions.command(instruction)) {
      case "AC" -> area && (args.size() == 1 || args.size() == 2) && colour(args.getFirst())
          && (args.size() == 1 || quarters(args.get(1)));
      case "AP" -> area && (args.size() == 1 || args.size() == 2) && defined(SymbolKind.PATTERN, args.getFirst())
          && (args.size() == 1 || rotation(args.get(1)));
      case "LS" -> lineOrArea && args.size() == 3 && LINE_PATTERNS.contains(args.get(0))
          && INTEGER.matcher(args.get(1)).matches() && Integer.parseInt(args.get(1)) > 0 && colour(args.get(2));
      case "LC" -> lineOrArea && args.size() == 1 && defined(SymbolKind.LINE, args.getFirst());
      case "SY" -> (args.size() == 1 || args.size() == 2) && defined(SymbolKind.SYMBOL, args.getFirst())
          && (args.size() == 1 || rotation(args.get(1)));
      case "TX" -> args.size() == 9 && text(args.getFirst()) && textParameters(args.subList(1, 9));
      case "TE" -> args.size() == 10 && QUOTED.matcher(args.get(0)).matches() && QUOTED.matcher(args.get(1)).matches()
          && textParameters(args.subList(2, 10));
      default -> false;
    };
  }

  /** HJUST, VJUST, SPACE, 'CHARS', XOFFS, YOFFS, COLOUR, DISPLAY GROUP. */
  private boolean textParameters(List<String> p) {
    return INTEGER.matcher(p.get(0)).matches() && INTEGER.matcher(p.get(1)).matches()
        && INTEGER.matcher(p.get(2)).matches() && CHARS.matcher(p.get(3)).matches()
        && NUMBER.matcher(p.get(4)).matches() && NUMBER.matcher(p.get(5)).matches()
        && colour(p.get(6)) && INTEGER.matcher(p.get(7)).matches();
  }

  /** A TX string: an attribute acronym or a quoted text. */
  private static boolean text(String arg) {
    return ACRONYM.matcher(arg).matches() || QUOTED.matcher(arg).matches();
  }

  private boolean colour(String token) {
    return colourTokens.contains(token);
  }

  private boolean defined(SymbolKind kind, String name) {
    return !name.isEmpty() && (symbols.isEmpty() || symbols.find(kind, name).isPresent());
  }

  private static boolean quarters(String arg) {
    return INTEGER.matcher(arg).matches() && Integer.parseInt(arg) >= 0 && Integer.parseInt(arg) <= 4;
  }

  /** A rotation: degrees, or the acronym of the attribute that holds them. */
  private static boolean rotation(String arg) {
    return NUMBER.matcher(arg).matches() || ACRONYM.matcher(arg).matches();
  }
}
