package io.chartstream.s52;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One vector definition of an S-52 presentation library: a symbol, a complex line style or an
 * area pattern (the PresLib's {@code SYMB}, {@code LNST} and {@code PATT} records with their
 * {@code SYMD}/{@code LIND}/{@code PATD}, {@code …XPO}, {@code …CRF} and {@code …VCT} fields).
 *
 * <p>Coordinates are the definition's own units, 0.01 mm on the screen, columns growing right
 * and rows growing down. A symbol is drawn with its pivot on the feature's position; a line
 * style's pattern runs from its box's left edge along the line, its pivot row on the line; a
 * pattern repeats its box with {@link #fill()} spacing.
 *
 * @param kind        symbol, line style or pattern
 * @param name        eight characters, e.g. {@code BOYLAT13}
 * @param pivotColumn pivot point column
 * @param pivotRow    pivot point row
 * @param box         bounding box
 * @param colours     colour reference letter → colour token (e.g. {@code A → CHGRN}), in the
 *                    source's order; the pens of the vectors name these letters
 * @param fill        how a pattern repeats; null for symbols and line styles
 * @param vectors     the drawing commands as the PresLib writes them, see {@link VectorProgram}
 * @param description what it shows, in the PresLib's words
 */
public record SymbolDefinition(SymbolKind kind, String name, int pivotColumn, int pivotRow, SymbolBox box,
                               Map<Character, String> colours, PatternFill fill, String vectors,
                               String description) {
  private static final Pattern NAME = Pattern.compile("[A-Z0-9_]{1,8}");
  private static final Pattern TOKEN = Pattern.compile("[A-Z0-9]{5}");

  public SymbolDefinition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(box, "box");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("symbol name '" + name + "' is not up to eight capitals and digits");
    }
    if ((kind == SymbolKind.PATTERN) != (fill != null)) {
      throw new IllegalArgumentException(name + ": a pattern, and only a pattern, has fill rules");
    }
    colours = Collections.unmodifiableMap(new LinkedHashMap<>(colours));
    colours.forEach((letter, token) -> {
      if (token == null || !TOKEN.matcher(token).matches()) {
        throw new IllegalArgumentException(name + ": colour reference " + letter + " names '" + token
            + "', not a five-character colour token");
      }
    });
    vectors = Objects.requireNonNull(vectors, "vectors");
    description = description == null ? "" : description;
    // The file format separates fields with | and definitions with line ends.
    if (vectors.indexOf('|') >= 0 || vectors.indexOf('\n') >= 0 || description.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(name + ": vectors hold no | or line end, descriptions no line end");
    }
  }

  /** The drawing commands parsed ({@link VectorProgram#parse}); each call parses anew. */
  public List<VectorOp> program() {
    return VectorProgram.parse(vectors);
  }
}
