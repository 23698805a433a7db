package io.chartstream.dbv.render;

import io.chartstream.schema.avro.Triangles;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Polygonal;

/**
 * Fills area pieces: {@code AC(COLOUR[,TRANSPARENCY])} in the token's colour (transparency 0 to
 * 3 in quarters, as in the PresLib), and {@code AP(PATTERN)} with the PresLib pattern
 * ({@link PatternPainter}), except on meta objects ({@code M_…}), whose data-quality and
 * no-data patterns an ECDIS shows only on demand and which would cover the whole chart. The shape
 * is the piece's triangles, all in one path so that antialiasing or not, no seam shows between
 * them; only a piece without triangles falls back to its polygon geometry.
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class AreaPainter {
  private AreaPainter() {}

  /** Draws the piece's {@code AC} and {@code AP}; the caller has clipped to the piece's tile. */
  static void paint(Piece piece, PaintContext context) {
    List<Instruction> fills = piece.named("AC");
    List<Instruction> patterns = piece.named("AP");
    if (fills.isEmpty() && patterns.isEmpty()) {
      return;
    }
    Optional<Shape> shape = shape(piece, context);
    if (shape.isEmpty()) {
      return;
    }
    Graphics2D g = context.g();
    for (Instruction fill : fills) {
      Optional<Color> colour = context.colours().colour(piece.feature(), fill.arg(0).orElse(null));
      if (colour.isPresent()) {
        Composite before = g.getComposite();
        float alpha = (float) Math.clamp(1 - 0.25 * fill.number(1, 0), 0, 1);
        if (alpha < 1) {
          g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        }
        context.antialias(false);
        g.setColor(colour.get());
        g.fill(shape.get());
        g.setComposite(before);
      }
    }
    // Meta objects' patterns (M_QUAL data quality, M_COVR no data) cover the whole chart and an
    // ECDIS shows them only on demand; a pattern over everything would hide the chart.
    if (!piece.feature().getObjectClass().startsWith("M_")) {
      for (Instruction pattern : patterns) {
        PatternPainter.paint(shape.get(), pattern, piece.feature(), context);
      }
    }
  }

  /** The piece in pixels: its triangles, else its polygon geometry, else nothing. */
  static Optional<Shape> shape(Piece piece, PaintContext context) {
    Triangles triangles = piece.feature().getTriangles();
    if (triangles != null && !triangles.getIndices().isEmpty()) {
      return Optional.of(triangles(triangles, piece, context.viewport()));
    }
    return piece.geometry(context.wkb()).filter(Polygonal.class::isInstance).map(context.shapes()::toShape);
  }

  private static Shape triangles(Triangles triangles, Piece piece, Viewport viewport) {
    List<Double> vertices = triangles.getVertices();
    List<Integer> indices = triangles.getIndices();
    double originX = piece.tile().getMinX();
    double originY = piece.tile().getMinY();
    int vertexCount = vertices.size() / 2;
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, indices.size() * 4 / 3 + 1);
    for (int t = 0; t + 2 < indices.size(); t += 3) {
      int a = indices.get(t);
      int b = indices.get(t + 1);
      int c = indices.get(t + 2);
      if (a < 0 || b < 0 || c < 0 || a >= vertexCount || b >= vertexCount || c >= vertexCount) {
        continue; // a bad index draws nothing rather than failing the whole tile
      }
      path.moveTo(viewport.x(originX + vertices.get(2 * a)), viewport.y(originY + vertices.get(2 * a + 1)));
      path.lineTo(viewport.x(originX + vertices.get(2 * b)), viewport.y(originY + vertices.get(2 * b + 1)));
      path.lineTo(viewport.x(originX + vertices.get(2 * c)), viewport.y(originY + vertices.get(2 * c + 1)));
      path.closePath();
    }
    return path;
  }
}
