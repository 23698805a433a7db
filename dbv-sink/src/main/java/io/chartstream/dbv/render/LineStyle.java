package io.chartstream.dbv.render;

import java.awt.BasicStroke;
import java.awt.Stroke;
import java.util.Locale;
import java.util.Optional;

/**
 * The pen of an {@code LS(PSTYLE,WIDTH,COLOUR)} (also the first three arguments of our
 * {@code LG}/{@code AR}): pattern, width in pixels, colour token. Dash lengths are the PresLib's
 * (dash 3.6 mm, gap 1.8 mm; dot 0.6 mm, gap 1.2 mm) at {@link #MM_PER_PIXEL}.
 *
 * @param pattern     solid, dashed or dotted
 * @param widthPx     line width in pixels, at least 1
 * @param colourToken the S-52 colour token, e.g. {@code CSTLN}
 */
public record LineStyle(Pattern pattern, float widthPx, String colourToken) {
  /** S-52's nominal screen pixel (PresLib: 0.32 mm), used to turn display millimetres into pixels. */
  public static final double MM_PER_PIXEL = 0.32;

  /** The PresLib's three line patterns. */
  public enum Pattern { SOLD, DASH, DOTT }

  public LineStyle {
    widthPx = Math.max(1f, widthPx);
  }

  /** The style of an {@code LS}, {@code LG} or {@code AR} instruction; empty when its pattern is unknown. */
  public static Optional<LineStyle> of(Instruction instruction) {
    Optional<String> name = instruction.arg(0);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Pattern pattern;
    try {
      pattern = Pattern.valueOf(name.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new LineStyle(pattern, (float) instruction.number(1, 1), instruction.arg(2).orElse(null)));
  }

  /** A Java2D stroke for this pen. */
  public Stroke stroke() {
    return switch (pattern) {
      case SOLD -> new BasicStroke(widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
      case DASH -> new BasicStroke(widthPx, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
          new float[] {px(3.6), px(1.8)}, 0f);
      case DOTT -> new BasicStroke(widthPx, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
          new float[] {Math.max(widthPx, px(0.6)), px(1.2)}, 0f);
    };
  }

  /** Display millimetres in pixels. */
  static float px(double mm) {
    return (float) (mm / MM_PER_PIXEL);
  }
}
