package io.chartstream.topology.s52;

import io.chartstream.s52.SymbolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads S-52 symbology instructions (S-52 PresLib 4.0, Part I, symbology instructions): a
 * semicolon-separated list of commands such as {@code AC(DEPVS)}, {@code LS(DASH,2,CHGRD)},
 * {@code SY(BOYLAT13)}, {@code TE('by %s','OBJNAM',2,1,2,'15110',-1,-1,CHBLK,21)},
 * {@code CS(DEPARE03)}. Text in single quotes may hold separators; they do not split.
 *
 * <p>The colour token of each command, where it has one:
 * {@code AC(token[,transparency])}, {@code LS(pattern,width,token)},
 * {@code TX(string,hjust,vjust,space,chars,xoffs,yoffs,token,group)},
 * {@code TE(format,attributes,hjust,vjust,space,chars,xoffs,yoffs,token,group)}. Symbols,
 * complex lines and patterns ({@code SY}, {@code LC}, {@code AP}) carry their colours in their
 * definitions, not in the instruction.
 */
public final class SymbologyInstructions {
  private static final Pattern COMMAND = Pattern.compile("[A-Z]{2}\\(.*\\)", Pattern.DOTALL);

  private SymbologyInstructions() {}

  /** {@code text} split at semicolons outside quotes, each command trimmed, empty ones dropped. */
  public static List<String> split(String text) {
    List<String> commands = new ArrayList<>();
    for (String part : splitOutsideQuotes(text, ';')) {
      String command = part.trim();
      if (!command.isEmpty()) {
        commands.add(command);
      }
    }
    return commands;
  }

  /**
   * Checks that {@code command} has the form {@code XX(...)}.
   *
   * @throws IllegalArgumentException when it does not
   */
  public static String requireCommand(String command) {
    if (!COMMAND.matcher(command).matches()) {
      throw new IllegalArgumentException("'" + command + "' is not a symbology instruction XX(...)");
    }
    return command;
  }

  /** The two-letter command, e.g. {@code SY}. */
  public static String command(String instruction) {
    return instruction.length() >= 2 ? instruction.substring(0, 2) : instruction;
  }

  /** The arguments between the parentheses, split at commas outside quotes, trimmed. */
  public static List<String> arguments(String instruction) {
    int open = instruction.indexOf('(');
    int close = instruction.lastIndexOf(')');
    if (open < 0 || close < open) {
      return List.of();
    }
    return splitOutsideQuotes(instruction.substring(open + 1, close), ',').stream().map(String::trim).toList();
  }

  /** The colour token the instruction names, if its command has one (see the class comment). */
  public static Optional<String> colourToken(String instruction) {
    int position = switch (command(instruction)) {
      case "AC" -> 0;
      case "LS" -> 2;
      case "TX" -> 7;
      case "TE" -> 8;
      default -> -1;
    };
    if (position < 0) {
      return Optional.empty();
    }
    List<String> arguments = arguments(instruction);
    return position < arguments.size() && !arguments.get(position).isEmpty()
        ? Optional.of(arguments.get(position))
        : Optional.empty();
  }

  /**
   * The definition an {@code SY}, {@code LC} or {@code AP} instruction draws, e.g.
   * {@code SY(BOYLAT13,ORIENT)} → symbol {@code BOYLAT13}; empty for other instructions.
   */
  public static Optional<SymbolReference> symbolReference(String instruction) {
    SymbolKind kind = SymbolKind.ofInstruction(command(instruction));
    if (kind == null) {
      return Optional.empty();
    }
    List<String> arguments = arguments(instruction);
    return arguments.isEmpty() || arguments.getFirst().isEmpty() ? Optional.empty()
        : Optional.of(new SymbolReference(kind, arguments.getFirst()));
  }

  /** A symbol, line style or pattern an instruction names. */
  public record SymbolReference(SymbolKind kind, String name) {
    @Override
    public String toString() {
      return kind.instruction() + " " + name;
    }
  }

  /** The procedure a {@code CS(NAME)} instruction calls, as cited, e.g. {@code DEPARE03}. */
  public static Optional<String> procedure(String instruction) {
    if (!command(instruction).equals("CS")) {
      return Optional.empty();
    }
    List<String> arguments = arguments(instruction);
    return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments.getFirst());
  }

  /** A procedure's name without its two-digit version: {@code DEPARE03} → {@code DEPARE}. */
  public static String withoutVersion(String procedure) {
    int end = procedure.length();
    while (end > 0 && Character.isDigit(procedure.charAt(end - 1))) {
      end--;
    }
    return end == 0 ? procedure : procedure.substring(0, end);
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
