package io.chartstream.dbv.render;

import io.chartstream.s52.ColourTokens;
import io.chartstream.s52.SymbolDefinition;
import io.chartstream.s52.SymbolKind;
import io.chartstream.s52.SymbolLibrary;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The symbols, line styles and patterns a renderer draws with, compiled on first use and kept:
 * the converted PresLib library ({@link SymbolLibrary#builtIn()}, from {@code config/s52} on the
 * class path) and its colour tokens per palette, which resolve the colours of definitions whose
 * tokens no feature style names.
 *
 * <p>Thread-safe ({@code @ThreadSafe}): one instance serves every render.
 */
public final class SymbolShapes {
  private static final class BuiltIn {
    static final SymbolShapes SHAPES = new SymbolShapes(SymbolLibrary.builtIn(), ColourTokens.builtIn());
  }

  private final SymbolLibrary library;
  private final ColourTokens colours;
  private final Map<SymbolKind, Map<String, SymbolDrawing>> compiled = new EnumMap<>(SymbolKind.class);

  public SymbolShapes(SymbolLibrary library, ColourTokens colours) {
    this.library = library;
    this.colours = colours;
    for (SymbolKind kind : SymbolKind.values()) {
      compiled.put(kind, new ConcurrentHashMap<>());
    }
  }

  /** chartstream's built-in library, read and compiled once per JVM. */
  public static SymbolShapes builtIn() {
    return BuiltIn.SHAPES;
  }

  public SymbolLibrary library() {
    return library;
  }

  /** The library's colour tokens: the last resort for a token no style of the tiles names. */
  public ColourTokens colours() {
    return colours;
  }

  Optional<SymbolDrawing> symbol(String name) {
    return find(SymbolKind.SYMBOL, name);
  }

  Optional<SymbolDrawing> lineStyle(String name) {
    return find(SymbolKind.LINE, name);
  }

  Optional<SymbolDrawing> pattern(String name) {
    return find(SymbolKind.PATTERN, name);
  }

  /**
   * The definition of {@code kind} named {@code name}; else the PresLib's sign for missing
   * symbology, {@code QUESMRK1} of that kind, so a name the library lacks shows as a magenta
   * question mark rather than nothing; empty only when the library has neither.
   */
  Optional<SymbolDrawing> find(SymbolKind kind, String name) {
    Optional<SymbolDefinition> definition = library.find(kind, name).or(() -> library.find(kind, "QUESMRK1"));
    return definition.map(d -> compiled.get(kind).computeIfAbsent(d.name(), n -> VectorCompiler.compile(d)));
  }
}
