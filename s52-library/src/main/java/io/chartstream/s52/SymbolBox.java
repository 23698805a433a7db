package io.chartstream.s52;

/**
 * The bounding box of a vector definition in its own coordinates (S-52 PresLib units of 0.01 mm
 * on the screen, columns growing right, rows growing down): the {@code BXC}, {@code BXR},
 * {@code HL} and {@code VL} subfields of {@code SYMD}, {@code LIND} and {@code PATD}.
 *
 * @param column left edge
 * @param row    top edge
 * @param width  horizontal extent
 * @param height vertical extent
 */
public record SymbolBox(int column, int row, int width, int height) {
  public SymbolBox {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("a bounding box has no negative extent: " + width + "x" + height);
    }
  }
}
