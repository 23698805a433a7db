package io.chartstream.dbv.render;

import io.chartstream.s52.SymbolDefinition;
import io.chartstream.s52.VectorOp;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a definition's vector commands ({@link VectorOp}, the PresLib's HP-GL subset) into the
 * shapes of a {@link SymbolDrawing}, as a pen plotter would draw them:
 * <ul>
 *   <li>{@code SP}, {@code SW}, {@code ST} set the pen's colour letter, width (pixels of 0.32
 *       mm, here {@value #UNITS_PER_PIXEL} units each) and transparency for what follows;</li>
 *   <li>{@code PU} moves, {@code PD} draws a polyline from the pen through its points, or a dot
 *       of the pen's width when it has none; {@code CI} draws a circle around the pen;
 *       {@code AA} an arc around a centre from the pen;</li>
 *   <li>between {@code PM0} and {@code PM2} the same commands outline a polygon instead of
 *       drawing ({@code PM1} closes a ring and starts the next, {@code PU} too); {@code FP}
 *       fills the last polygon (even-odd, so inner rings are holes), {@code EP} strokes it;</li>
 *   <li>{@code SC} places another symbol at the pen.</li>
 * </ul>
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class VectorCompiler {
  /** Definition units (0.01 mm) per S-52 screen pixel (0.32 mm). */
  static final double UNITS_PER_PIXEL = LineStyle.MM_PER_PIXEL * 100;
  /** Arcs are drawn as chords of at most this many degrees. */
  private static final double ARC_STEP = 5;

  private VectorCompiler() {}

  static SymbolDrawing compile(SymbolDefinition definition) {
    List<SymbolDrawing.Element> elements = new ArrayList<>();
    char pen = definition.colours().keySet().stream().findFirst().orElse('A');
    float width = (float) UNITS_PER_PIXEL;
    int transparency = 0;
    double x = definition.pivotColumn();
    double y = definition.pivotRow();
    Path2D.Double polygon = null;
    Path2D.Double lastPolygon = null;
    for (VectorOp op : definition.program()) {
      switch (op) {
        case VectorOp.Pen p -> pen = p.colour();
        case VectorOp.Width w -> width = (float) (Math.max(1, w.pixels()) * UNITS_PER_PIXEL);
        case VectorOp.Transparency t -> transparency = t.quarters();
        case VectorOp.PenUp up -> {
          VectorOp.Point last = up.points().getLast();
          x = last.column();
          y = last.row();
          if (polygon != null) {
            polygon.moveTo(x, y);
          }
        }
        case VectorOp.PenDown down -> {
          if (down.points().isEmpty()) {
            if (polygon == null) {
              double r = width / 2;
              elements.add(new SymbolDrawing.Fill(pen, transparency, new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r)));
            }
            continue;
          }
          Path2D.Double path = polygon != null ? polygon : new Path2D.Double();
          if (polygon == null) {
            path.moveTo(x, y);
          }
          for (VectorOp.Point point : down.points()) {
            path.lineTo(point.column(), point.row());
          }
          VectorOp.Point last = down.points().getLast();
          x = last.column();
          y = last.row();
          if (polygon == null) {
            elements.add(new SymbolDrawing.Line(pen, width, transparency, path));
          }
        }
        case VectorOp.Circle circle -> {
          Ellipse2D.Double shape = new Ellipse2D.Double(x - circle.radius(), y - circle.radius(), 2.0 * circle.radius(),
              2.0 * circle.radius());
          if (polygon != null) {
            polygon.append(shape, false);
          } else {
            elements.add(new SymbolDrawing.Line(pen, width, transparency, shape));
          }
        }
        case VectorOp.Arc arc -> {
          Path2D.Double path = polygon != null ? polygon : new Path2D.Double();
          if (polygon == null) {
            path.moveTo(x, y);
          }
          double cx = arc.centre().column();
          double cy = arc.centre().row();
          double radius = Math.hypot(x - cx, y - cy);
          double start = Math.atan2(y - cy, x - cx);
          int steps = Math.max(1, (int) Math.ceil(Math.abs(arc.degrees()) / ARC_STEP));
          for (int i = 1; i <= steps; i++) {
            double angle = start + Math.toRadians(arc.degrees()) * i / steps;
            path.lineTo(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
          }
          x = path.getCurrentPoint().getX();
          y = path.getCurrentPoint().getY();
          if (polygon == null) {
            elements.add(new SymbolDrawing.Line(pen, width, transparency, path));
          }
        }
        case VectorOp.PolygonMode mode -> {
          switch (mode.mode()) {
            case 0 -> {
              polygon = new Path2D.Double(Path2D.WIND_EVEN_ODD);
              polygon.moveTo(x, y);
            }
            case 1 -> {
              if (polygon != null) {
                polygon.closePath();
                polygon.moveTo(x, y);
              }
            }
            default -> {
              if (polygon != null) {
                polygon.closePath();
                lastPolygon = polygon;
                polygon = null;
              }
            }
          }
        }
        case VectorOp.FillPolygon fill -> {
          Path2D.Double shape = polygon != null ? polygon : lastPolygon;
          if (shape != null) {
            elements.add(new SymbolDrawing.Fill(pen, transparency, (Path2D.Double) shape.clone()));
          }
        }
        case VectorOp.EdgePolygon edge -> {
          Path2D.Double shape = polygon != null ? polygon : lastPolygon;
          if (shape != null) {
            elements.add(new SymbolDrawing.Line(pen, width, transparency, (Path2D.Double) shape.clone()));
          }
        }
        case VectorOp.SymbolCall call -> elements.add(new SymbolDrawing.Call(call.symbol(), x, y, call.orientation()));
      }
    }
    return new SymbolDrawing(definition, elements);
  }
}
