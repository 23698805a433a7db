package io.chartstream.s52;

/**
 * The three kinds of vector definitions in an S-52 presentation library (S-52 PresLib 4.0, Part
 * I, symbols, complex line styles and patterns), each named by the symbology instruction that
 * draws it: the PresLib may give a symbol, a line style and a pattern the same name
 * ({@code QUESMRK1} is all three), so a definition is found by kind and name.
 */
public enum SymbolKind {
  /** A point symbol ({@code SYMB} record), drawn by {@code SY(NAME[,ROT])}. */
  SYMBOL("SY"),
  /** A complex line style ({@code LNST} record), drawn by {@code LC(NAME)}. */
  LINE("LC"),
  /** An area pattern ({@code PATT} record), drawn by {@code AP(NAME)}. */
  PATTERN("AP");

  private final String instruction;

  SymbolKind(String instruction) {
    this.instruction = instruction;
  }

  /** The instruction that draws this kind: {@code SY}, {@code LC} or {@code AP}. */
  public String instruction() {
    return instruction;
  }

  /** The kind an instruction draws, or null for any other instruction. */
  public static SymbolKind ofInstruction(String instruction) {
    for (SymbolKind kind : values()) {
      if (kind.instruction.equals(instruction)) {
        return kind;
      }
    }
    return null;
  }
}
