package io.chartstream.dbv.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.quadtree.Quadtree;

/**
 * Text declutter: labels are placed by display priority, highest first (ties in the order they
 * were met), each only where its box, grown by {@value #GAP} pixel, overlaps no label placed
 * before it in this render; the others are left out. So two labels never overlap, and where
 * they would, the more important feature keeps its text, as an ECDIS does.
 *
 * <p>Not thread-safe ({@code @NotThreadSafe}): one per render.
 */
final class LabelPlacer {
  /** Space kept between two labels, pixels. */
  static final double GAP = 1;
  private static final Comparator<TextLabel> ORDER = Comparator.comparingInt(TextLabel::priority).reversed()
      .thenComparingInt(TextLabel::order);

  /** The boxes placed so far in this render (a quadtree takes insertions between queries). */
  private final Quadtree placed = new Quadtree();

  /**
   * Places and draws what fits of {@code labels}, highest priority first, each against every
   * label placed before it in this render (earlier batches included); returns the labels drawn.
   */
  List<TextLabel> place(List<TextLabel> labels, Graphics2D g) {
    List<TextLabel> drawn = new ArrayList<>();
    List<TextLabel> sorted = new ArrayList<>(labels);
    sorted.sort(ORDER);
    for (TextLabel label : sorted) {
      Rectangle2D box = grown(label.bounds());
      Envelope envelope = envelope(box);
      if (overlaps(box, placed.query(envelope))) {
        continue;
      }
      placed.insert(envelope, box);
      g.setFont(label.font());
      g.setColor(label.colour());
      g.drawString(label.text(), label.x(), label.y());
      drawn.add(label);
    }
    return drawn;
  }

  private static boolean overlaps(Rectangle2D box, List<?> others) {
    for (Object other : others) {
      if (box.intersects((Rectangle2D) other)) {
        return true;
      }
    }
    return false;
  }

  private static Rectangle2D grown(Rectangle2D box) {
    return new Rectangle2D.Double(box.getX() - GAP / 2, box.getY() - GAP / 2, box.getWidth() + GAP, box.getHeight() + GAP);
  }

  private static Envelope envelope(Rectangle2D box) {
    return new Envelope(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY());
  }
}
