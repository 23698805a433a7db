package io.chartstream.dbv.render;

import io.chartstream.s52.SymbolDefinition;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One PresLib definition (symbol, line style or pattern) compiled into Java2D shapes in its own
 * units ({@link VectorCompiler}), ready to draw any number of times through a placement: the
 * transform from the definition's units to the canvas, pivot, rotation and scale included.
 *
 * <p>Each element takes the colour its pen letter names in the definition's colour references,
 * resolved by the caller per palette; an element whose colour does not resolve is skipped.
 * Transparency is the PresLib's quarters ({@code ST}): alpha 1 − q/4. Line widths are screen
 * pixels of 0.32 mm in the definition's units, so they scale with the symbol.
 *
 * <p>Immutable ({@code @Immutable}); compiled once per library ({@link SymbolShapes}).
 */
final class SymbolDrawing {
  /** One thing to draw: a filled shape, a stroked shape, or a call of another symbol. */
  sealed interface Element permits Fill, Line, Call {}

  /** A filled polygon or circle. */
  record Fill(char colour, int transparency, Shape shape) implements Element {}

  /** A stroked path, {@code width} in definition units. */
  record Line(char colour, float width, int transparency, Shape shape) implements Element {}

  /** {@code SC}: another symbol with its pivot at (column, row); orientation 2 turns with the placement. */
  record Call(String symbol, double column, double row, int orientation) implements Element {}

  private final SymbolDefinition definition;
  private final List<Element> elements;

  SymbolDrawing(SymbolDefinition definition, List<Element> elements) {
    this.definition = definition;
    this.elements = List.copyOf(elements);
  }

  SymbolDefinition definition() {
    return definition;
  }

  List<Element> elements() {
    return elements;
  }

  /** The colour reference of the first pen, the line style's "own" colour (for a plain remainder). */
  Optional<String> firstColourToken() {
    for (Element element : elements) {
      char letter = switch (element) {
        case Fill f -> f.colour();
        case Line l -> l.colour();
        case Call c -> 0;
      };
      if (letter != 0 && definition.colours().containsKey(letter)) {
        return Optional.of(definition.colours().get(letter));
      }
    }
    return definition.colours().values().stream().findFirst();
  }

  /** The first line width, definition units (a line style's plain remainder uses it). */
  float firstLineWidth() {
    return elements.stream().filter(Line.class::isInstance).map(e -> ((Line) e).width()).findFirst()
        .orElse((float) VectorCompiler.UNITS_PER_PIXEL);
  }

  /** The placement that puts the pivot at (x, y) on the canvas, turned {@code degrees} clockwise, {@code scale} pixels per unit. */
  AffineTransform placement(double x, double y, double degrees, double scale) {
    AffineTransform at = AffineTransform.getTranslateInstance(x, y);
    if (degrees != 0) {
      at.rotate(Math.toRadians(degrees));
    }
    at.scale(scale, scale);
    at.translate(-definition.pivotColumn(), -definition.pivotRow());
    return at;
  }

  /**
   * Draws every element through {@code placement}; {@code colours} resolves a colour token in
   * the render's palette; {@code shapes} gives the symbols that calls name.
   */
  void draw(Graphics2D g, AffineTransform placement, Function<String, Optional<Color>> colours, SymbolShapes shapes) {
    draw(g, placement, colours, shapes, 0);
  }

  private void draw(Graphics2D g, AffineTransform placement, Function<String, Optional<Color>> colours, SymbolShapes shapes,
                    int depth) {
    AffineTransform before = g.getTransform();
    Composite composite = g.getComposite();
    Paint paint = g.getPaint();
    Stroke stroke = g.getStroke();
    try {
      for (Element element : elements) {
        switch (element) {
          case Fill fill -> colour(fill.colour(), colours).ifPresent(c -> {
            paint(g, before, placement, c, fill.transparency());
            g.fill(fill.shape());
          });
          case Line line -> colour(line.colour(), colours).ifPresent(c -> {
            paint(g, before, placement, c, line.transparency());
            g.setStroke(new BasicStroke(line.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line.shape());
          });
          case Call call -> {
            // A symbol calling itself, directly or not, would never end; the PresLib's calls are one deep.
            if (depth < 4) {
              shapes.symbol(call.symbol()).ifPresent(called -> {
                AffineTransform at = new AffineTransform(placement);
                at.translate(call.column(), call.row());
                if (call.orientation() != 2) {
                  at.rotate(-Math.atan2(placement.getShearY(), placement.getScaleX()));
                }
                at.translate(-called.definition().pivotColumn(), -called.definition().pivotRow());
                g.setTransform(before);
                called.draw(g, at, colours, shapes, depth + 1);
              });
            }
          }
        }
      }
    } finally {
      g.setTransform(before);
      g.setComposite(composite);
      g.setPaint(paint);
      g.setStroke(stroke);
    }
  }

  private static void paint(Graphics2D g, AffineTransform canvas, AffineTransform placement, Color colour, int transparency) {
    g.setTransform(canvas);
    g.transform(placement);
    g.setComposite(transparency <= 0 ? AlphaComposite.SrcOver
        : AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.clamp(1 - 0.25 * transparency, 0, 1)));
    g.setColor(colour);
  }

  private Optional<Color> colour(char letter, Function<String, Optional<Color>> colours) {
    String token = definition.colours().get(letter);
    return token == null ? Optional.empty() : colours.apply(token);
  }
}
