package io.chartstream.dbv.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the PresLib instruction syntax {@code NAME(arg,arg,…)}: arguments are split at commas
 * outside single quotes, so {@code TE('%s, %s','OBJNAM,INFORM',…)} keeps its format and its
 * attribute list whole; quotes are removed. A text that is not an instruction (no parentheses,
 * an unterminated quote) gives nothing rather than an exception: renderers skip what they cannot
 * read.
 *
 * <p>Stateless ({@code @Immutable}).
 */
public final class InstructionParser {
  private InstructionParser() {}

  /** The instruction in {@code text}, or empty when it is not one. */
  public static Optional<Instruction> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    int open = trimmed.indexOf('(');
    if (open <= 0 || !trimmed.endsWith(")")) {
      return Optional.empty();
    }
    String name = trimmed.substring(0, open).strip().toUpperCase(java.util.Locale.ROOT);
    List<Boolean> quoted = new ArrayList<>();
    return split(trimmed.substring(open + 1, trimmed.length() - 1), quoted).map(args -> new Instruction(name, args, quoted));
  }

  /** Every instruction of a list that parses, in order. */
  public static List<Instruction> parseAll(List<String> texts) {
    List<Instruction> list = new ArrayList<>(texts.size());
    for (String text : texts) {
      parse(text).ifPresent(list::add);
    }
    return list;
  }

  /** The arguments of {@code body}; {@code quotedFlags} gets, per argument, whether it held a quote. */
  private static Optional<List<String>> split(String body, List<Boolean> quotedFlags) {
    List<String> args = new ArrayList<>();
    if (body.isBlank()) {
      return Optional.of(args);
    }
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean hadQuote = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        hadQuote = true;
      } else if (c == ',' && !quoted) {
        args.add(current.toString().strip());
        quotedFlags.add(hadQuote);
        current.setLength(0);
        hadQuote = false;
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      return Optional.empty();
    }
    args.add(current.toString().strip());
    quotedFlags.add(hadQuote);
    return Optional.of(args);
  }
}
