package io.chartstream.ingest.s57.simulate;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real cell a simulated delivery copies: its base file, its update chain, the text and picture
 * files its attributes refer to, and what placing its copies needs.
 *
 * @param chartId   e.g. {@code US5WA22M}
 * @param band      the usage band 1 (overview) to 6 (berthing), kept by every copy
 * @param base      the {@code .000} file
 * @param updates   {@code .001…} in order
 * @param texts     files beside the base that PICREP, TXTDSC or NTXTDS name, found there
 * @param comf      DSPM's coordinate multiplication factor: units per degree
 * @param box       the extent of every position in the base and its updates, in COMF units
 * @param bytes     of the base and its updates
 */
public record SourceCell(String chartId, int band, Path base, List<Path> updates, List<Path> texts, long comf,
                         UnitBox box, long bytes) {
  public SourceCell {
    updates = List.copyOf(updates);
    texts = List.copyOf(texts);
  }

  /** The base cell followed by its updates. */
  public List<Path> chain() {
    return Stream.concat(Stream.of(base), updates.stream()).toList();
  }

  public double widthDegrees() {
    return (double) (box.maxX() - box.minX()) / comf;
  }

  public double heightDegrees() {
    return (double) (box.maxY() - box.minY()) / comf;
  }

  /**
   * A box in a cell's COMF units: y is latitude, x longitude, as S-57 names them.
   */
  public record UnitBox(long minY, long minX, long maxY, long maxX) {
    public UnitBox union(UnitBox other) {
      return other == null ? this : new UnitBox(Math.min(minY, other.minY), Math.min(minX, other.minX),
          Math.max(maxY, other.maxY), Math.max(maxX, other.maxX));
    }

    public UnitBox moved(long dy, long dx) {
      return new UnitBox(minY + dy, minX + dx, maxY + dy, maxX + dx);
    }
  }
}
