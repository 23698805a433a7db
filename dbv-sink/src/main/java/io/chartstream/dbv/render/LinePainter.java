package io.chartstream.dbv.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;

/**
 * Strokes line pieces and area boundaries: {@code LS(PSTYLE,WIDTH,COLOUR)} with its pattern,
 * width and colour ({@link LineStyle}); {@code LC(NAME)}, a PresLib complex line style, by
 * {@link ComplexLinePainter}. Points have no line. The caller clips to the piece's tile, which
 * also hides the cut edges an area piece has along the tile buffer.
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
    Optional<Geometry> geometry = piece.geometry(context.wkb()).filter(g -> !g.isEmpty());
    Optional<Shape> path = path(piece, context);
    if (path.isEmpty() || geometry.isEmpty()) {
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
        ComplexLinePainter.paint(piece, instruction, geometry.get(), context);
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
