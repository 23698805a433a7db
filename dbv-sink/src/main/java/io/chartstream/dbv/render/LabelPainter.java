package io.chartstream.dbv.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays out {@code TX} and {@code TE} texts at the feature's display point, for
 * {@link LabelPlacer} to place without overlap:
 * {@code TX(STRING,HJUST,VJUST,SPACE,'CHARS',XOFFS,YOFFS,COLOUR,GROUP)} and
 * {@code TE('FORMAT','ATTRIBUTES',HJUST,VJUST,SPACE,'CHARS',XOFFS,YOFFS,COLOUR,GROUP)}.
 * STRING is an attribute's acronym, or a text in quotes written as it is; HJUST 1 centre, 2
 * right, 3 left; VJUST 1 bottom, 2 centre, 3 top (of the text, at the pivot); CHARS is style,
 * weight, width and body size in points (weight 6 and up bold); offsets are in body sizes, y
 * positive down. Only the display point's piece is labelled, so a feature split over tiles is
 * labelled once.
 *
 * <p>Stateless ({@code @Immutable}).
 */
final class LabelPainter {
  /** Pixels per typographic point at 0.32 mm per pixel (1 pt = 0.3528 mm). */
  static final double PX_PER_POINT = 0.3528 / LineStyle.MM_PER_PIXEL;

  private LabelPainter() {}

  /** The piece's texts laid out; {@code order} numbers them in the order met. */
  static List<TextLabel> labels(Piece piece, PaintContext context, int order) {
    if (piece.feature().getDisplayPoint() == null) {
      return List.of();
    }
    Optional<Point2D> anchor = piece.anchor(context.viewport(), context.wkb());
    if (anchor.isEmpty()) {
      return List.of();
    }
    List<TextLabel> labels = new ArrayList<>();
    for (Instruction instruction : piece.instructions()) {
      int first = switch (instruction.name()) {
        case "TX" -> 1;
        case "TE" -> 2;
        default -> -1;
      };
      if (first < 0) {
        continue;
      }
      Optional<String> text = instruction.name().equals("TE")
          ? AttributeText.format(piece.feature().getAttributes(), instruction.arg(0).orElse(null), instruction.arg(1).orElse(null))
          : instruction.quoted(0) ? instruction.arg(0).map(String::strip).filter(s -> !s.isEmpty())
          : AttributeText.text(piece.feature().getAttributes(), instruction.arg(0).orElse(null));
      if (text.isPresent()) {
        labels.add(layout(text.get(), instruction, first, anchor.get(), piece, context, order + labels.size()));
      }
    }
    return labels;
  }

  private static TextLabel layout(String text, Instruction instruction, int first, Point2D anchor, Piece piece,
                                  PaintContext context, int order) {
    String chars = instruction.arg(first + 3).orElse("15110");
    int points = chars.length() >= 5 ? parse(chars.substring(3), 10) : 10;
    int weight = chars.length() >= 2 ? parse(chars.substring(1, 2), 5) : 5;
    float sizePx = (float) Math.clamp(points * PX_PER_POINT, 7, 30);
    Graphics2D g = context.g();
    context.antialias(true);
    Font font = new Font(Font.SANS_SERIF, weight >= 6 ? Font.BOLD : Font.PLAIN, 1).deriveFont(sizePx);
    Color ink = context.colours().colour(piece.feature(), instruction.arg(first + 6).orElse(null))
        .orElseGet(() -> context.colours().firstOf(piece.feature(), Color.BLACK, "CHBLK"));
    FontMetrics metrics = g.getFontMetrics(font);
    int width = metrics.stringWidth(text);
    double x = anchor.getX() + instruction.number(first + 4, 0) * sizePx;
    double y = anchor.getY() + instruction.number(first + 5, 0) * sizePx;
    x -= switch ((int) instruction.number(first, 1)) {
      case 2 -> width;
      case 3 -> 0;
      default -> width / 2.0;
    };
    y += switch ((int) instruction.number(first + 1, 1)) {
      case 3 -> metrics.getAscent();
      case 2 -> (metrics.getAscent() - metrics.getDescent()) / 2.0;
      default -> 0;
    };
    Rectangle2D bounds = new Rectangle2D.Double(x, y - metrics.getAscent(), width, metrics.getAscent() + metrics.getDescent());
    return new TextLabel(text, font, ink, (float) x, (float) y, bounds, piece.priority(), order);
  }

  private static int parse(String digits, int fallback) {
    try {
      return Integer.parseInt(digits.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
