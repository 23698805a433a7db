package io.chartstream.s52;

import java.util.List;

/**
 * One drawing command of a PresLib vector definition (S-52 PresLib 4.0, Part I: the HP-GL subset
 * of the {@code SVCT}, {@code LVCT} and {@code PVCT} fields). Coordinates are in the definition's
 * own units (0.01 mm, columns right, rows down). Parsed by {@link VectorProgram}.
 */
public sealed interface VectorOp {
  /** {@code SPc}: the pen takes the colour the definition's colour reference {@code c} names. */
  record Pen(char colour) implements VectorOp {}

  /** {@code SWn}: pen width in screen pixels of 0.32 mm. */
  record Width(int pixels) implements VectorOp {}

  /** {@code STn}: transparency of what follows, in quarters: 0 opaque … 3 three quarters transparent. */
  record Transparency(int quarters) implements VectorOp {}

  /** {@code PUx,y[,x,y…]}: lift the pen and move it through the points; it ends at the last. */
  record PenUp(List<Point> points) implements VectorOp {}

  /** {@code PD[x,y…]}: draw through the points; without points, a dot where the pen is. */
  record PenDown(List<Point> points) implements VectorOp {}

  /** {@code CIr}: a circle of radius {@code r} around the pen. */
  record Circle(int radius) implements VectorOp {}

  /**
   * {@code AAx,y,a}: an arc around (x, y) from the pen through {@code a} degrees, positive from
   * column towards row (clockwise on the screen); the pen ends at the arc's end.
   */
  record Arc(Point centre, double degrees) implements VectorOp {}

  /** {@code PMn}: polygon mode, 0 begin at the pen, 1 close this ring and begin another, 2 close and end. */
  record PolygonMode(int mode) implements VectorOp {}

  /** {@code FP}: fill the last polygon with the pen's colour and transparency. */
  record FillPolygon() implements VectorOp {}

  /** {@code EP}: outline the last polygon with the pen. */
  record EdgePolygon() implements VectorOp {}

  /**
   * {@code SCNAME,o}: draw symbol {@code NAME} with its pivot at the pen (line styles); {@code o}
   * 2 turns it with the line, 0 and 1 keep it upright.
   */
  record SymbolCall(String symbol, int orientation) implements VectorOp {}

  /** A position in the definition's units. */
  record Point(int column, int row) {}
}
