package io.chartstream.s52;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The symbols, complex line styles and area patterns of an S-52 presentation library, by kind
 * and name: what {@code SY}, {@code LC} and {@code AP} instructions draw.
 *
 * <p>Checked when built, so a renderer never meets a definition it cannot draw: every
 * definition's vectors parse ({@link VectorProgram}), every pen names one of its colour
 * references, every symbol call ({@code SC}) names a symbol of the library, and no name appears
 * twice within a kind. Violations are an {@link IllegalArgumentException} naming the definition.
 *
 * <p>Immutable ({@code @Immutable}).
 */
public final class SymbolLibrary {
  /** Where {@link #builtIn()} reads the converted library on the class path. */
  public static final String RESOURCE = "/io/chartstream/s52/" + SymbolFile.NAME;

  private final String source;
  private final List<SymbolDefinition> definitions;
  private final Map<SymbolKind, Map<String, SymbolDefinition>> byKind;

  /**
   * @param source      where the definitions were read, for messages
   * @param definitions in the source's order
   */
  public SymbolLibrary(String source, List<SymbolDefinition> definitions) {
    this.source = source;
    this.definitions = List.copyOf(definitions);
    Map<SymbolKind, Map<String, SymbolDefinition>> grouped = new EnumMap<>(SymbolKind.class);
    for (SymbolKind kind : SymbolKind.values()) {
      grouped.put(kind, new LinkedHashMap<>());
    }
    for (SymbolDefinition definition : this.definitions) {
      if (grouped.get(definition.kind()).put(definition.name(), definition) != null) {
        throw new IllegalArgumentException(source + ": " + definition.kind() + " " + definition.name() + " defined twice");
      }
    }
    grouped.replaceAll((kind, map) -> Collections.unmodifiableMap(map));
    this.byKind = Collections.unmodifiableMap(grouped);
    for (SymbolDefinition definition : this.definitions) {
      check(definition);
    }
  }

  /** A library with no definitions. */
  public static SymbolLibrary empty() {
    return new SymbolLibrary("empty", List.of());
  }

  /** The library chartstream ships ({@code config/s52/symbols.psv}, converted from the PresLib). */
  public static SymbolLibrary builtIn() {
    return BuiltIn.LIBRARY;
  }

  public String source() {
    return source;
  }

  /** Every definition, in the source's order. */
  public List<SymbolDefinition> definitions() {
    return definitions;
  }

  /** The definitions of one kind, by name, in the source's order. */
  public Map<String, SymbolDefinition> definitions(SymbolKind kind) {
    return byKind.get(kind);
  }

  public Optional<SymbolDefinition> find(SymbolKind kind, String name) {
    return Optional.ofNullable(byKind.get(kind).get(name));
  }

  public Optional<SymbolDefinition> symbol(String name) {
    return find(SymbolKind.SYMBOL, name);
  }

  public Optional<SymbolDefinition> lineStyle(String name) {
    return find(SymbolKind.LINE, name);
  }

  public Optional<SymbolDefinition> pattern(String name) {
    return find(SymbolKind.PATTERN, name);
  }

  /** Whether the library has no definition. */
  public boolean isEmpty() {
    return definitions.isEmpty();
  }

  /** Every colour token some definition refers to. */
  public Collection<String> colourTokens() {
    List<String> tokens = new ArrayList<>();
    for (SymbolDefinition definition : definitions) {
      for (String token : definition.colours().values()) {
        if (!tokens.contains(token)) {
          tokens.add(token);
        }
      }
    }
    return tokens;
  }

  private void check(SymbolDefinition definition) {
    String what = source + ": " + definition.kind() + " " + definition.name();
    List<VectorOp> program;
    try {
      program = definition.program();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
    for (VectorOp op : program) {
      if (op instanceof VectorOp.Pen pen && !definition.colours().containsKey(pen.colour())) {
        throw new IllegalArgumentException(what + ": pen " + pen.colour() + " is not among its colour references "
            + definition.colours().keySet());
      }
      if (op instanceof VectorOp.SymbolCall call && !byKind.get(SymbolKind.SYMBOL).containsKey(call.symbol())) {
        throw new IllegalArgumentException(what + ": calls symbol " + call.symbol() + ", which the library lacks");
      }
    }
  }

  /** Read once, on first use. */
  private static final class BuiltIn {
    static final SymbolLibrary LIBRARY = load();

    private static SymbolLibrary load() {
      try (InputStream in = SymbolLibrary.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the class path lacks " + RESOURCE + " (built from config/s52)");
        }
        return SymbolFile.read(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
