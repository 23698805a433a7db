package io.chartstream.dbv.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One S-52 symbology instruction: its two-letter name and its arguments, quotes removed, e.g.
 * {@code TX(OBJNAM,1,2,2,'15110',0,0,CHBLK,26)} is {@code TX} with nine arguments, the fifth
 * {@code 15110}. Which arguments were quoted is kept: {@code TX('cable',…)} writes the text
 * "cable", {@code TX(OBJNAM,…)} the value of attribute OBJNAM. Built by {@link InstructionParser}.
 *
 * @param name   the instruction, upper case: {@code AC}, {@code LS}, {@code SY}, …
 * @param args   its arguments in order, trimmed, without surrounding quotes
 * @param quoted for each argument, whether it was in single quotes
 */
public record Instruction(String name, List<String> args, List<Boolean> quoted) {
  public Instruction {
    args = List.copyOf(args);
    List<Boolean> flags = new ArrayList<>(quoted == null ? List.of() : quoted);
    while (flags.size() < args.size()) {
      flags.add(false);
    }
    quoted = List.copyOf(flags.subList(0, args.size()));
  }

  /** An instruction none of whose arguments were quoted. */
  public Instruction(String name, List<String> args) {
    this(name, args, List.of());
  }

  /** The argument at {@code index}, if there is one and it is not blank. */
  public Optional<String> arg(int index) {
    return index < args.size() && !args.get(index).isBlank() ? Optional.of(args.get(index)) : Optional.empty();
  }

  /** Whether the argument at {@code index} was a quoted text. */
  public boolean quoted(int index) {
    return index < quoted.size() && quoted.get(index);
  }

  /** The argument at {@code index} as a number, or {@code fallback} when absent or not a number. */
  public double number(int index, double fallback) {
    return arg(index).map(text -> {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return fallback;
      }
    }).orElse(fallback);
  }
}
