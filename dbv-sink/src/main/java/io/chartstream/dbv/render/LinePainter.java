package io.chartstream.dbv.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;

/**
 * Strokes line pieces and area boundaries: {@code LS(PSTYLE,WIDTH,COLOUR)} with its pattern,
 * width and colour ({@link LineStyle}); {@code LC(NAME)}, a complex line whose symbol is not in
 * the tile, as a thin solid line in a neutral grey. Points have no line. The caller clips to the
 * piece's tile, which also hides the cut edges an area piece has along the tile buffer.
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class LinePainter {
  private LinePainter() {}

  /** Draws the piece's {@code LS} and {@code LC}. */
  static void paint(Piece piece, PaintContext context) {
    if (piece.named("LS").isEmpty() && piece.named("LC").isEmpty()) {
      return;
    }
    Optional<Shape> path = path(piece, context);
    if (path.isEmpty()) {
      return;
    }
    Graphics2D g = context.g();
    context.antialias(true);
    for (Instruction instruction : piece.instructions()) {
      if (instruction.name().equals("LS")) {
        Optional<LineStyle> style = LineStyle.of(instruction);
        Optional<Color> colour = style.flatMap(s -> context.colours().colour(piece.feature(), s.colourToken()));
        if (colour.isPresent()) {
          g.setStroke(style.get().stroke());
          g.setColor(colour.get());
          g.draw(path.get());
        }
      } else if (instruction.name().equals("LC")) {
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(context.colours().firstOf(piece.feature(), Color.GRAY, "CHGRD"));
        g.draw(path.get());
      }
    }
  }

  /** The line, or the area's rings, in pixels. */
  private static Optional<Shape> path(Piece piece, PaintContext context) {
    Optional<Geometry> geometry = piece.geometry(context.wkb());
    if (geometry.isEmpty() || geometry.get().isEmpty()) {
      return Optional.empty();
    }
    Geometry g = geometry.get();
    if (g instanceof Polygonal) {
      return Optional.of(context.shapes().toShape(g.getBoundary()));
    }
    if (g instanceof Lineal) {
      return Optional.of(context.shapes().toShape(g));
    }
    return Optional.empty();
  }
}
