package io.chartstream.ingest.s57.simulate;

import io.chartstream.ingest.s57.CatalogEntry;
import io.chartstream.ingest.s57.CatalogWriter;
import io.chartstream.ingest.s57.CellName;
import io.chartstream.ingest.s57.S57FormatException;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * One exchange set of a simulated delivery, laid out as NOAA's are: {@code CATALOG.031} at the
 * top, and a directory per cell holding its base cell, its updates and the text and picture files
 * its attributes name, each listed in the catalogue with its CRC-32 (and, for the cell files, the
 * box of the moved cell).
 *
 * <p>Each file is written under a hidden name ({@code .NAME.part}, which the ingest's scan passes
 * over) and moved into place when whole, and the catalogue last, when the set is closed: an ingest
 * watching the output never reads half a file, and a set whose catalogue is there is complete.
 */
final class ExchangeSetWriter implements Closeable {
  /** What a set holds: as in NOAA's exchange sets, one volume. */
  static final String VOLUME = "V01X01";

  private final Path dir;
  private final Path catalogPart;
  private final CatalogWriter catalog;
  private long bytes;
  private long files;

  ExchangeSetWriter(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.catalogPart = dir.resolve("." + CatalogWriter.FILE_NAME + ".part");
    this.catalog = new CatalogWriter(new BufferedOutputStream(Files.newOutputStream(catalogPart)), VOLUME);
  }

  /**
   * Writes {@code copy}: its source's chain moved and renamed, and the source's text files.
   *
   * @return the moved cell's box in degrees, {south, west, north, east}
   */
  double[] add(DeliveryPlan.PlannedCopy copy, TemplateCache cache) throws IOException {
    SourceCell source = copy.source();
    Path cellDir = Files.createDirectories(dir.resolve(copy.chartId()));
    SourceCell.UnitBox box = source.box().moved(copy.dy(), copy.dx());
    double comf = source.comf();
    Double south = box.minY() / comf;
    Double west = box.minX() / comf;
    Double north = box.maxY() / comf;
    Double east = box.maxX() / comf;
    for (Path file : source.chain()) {
      String name = String.format(Locale.ROOT, "%s.%03d", copy.chartId(), updateNumber(file));
      byte[] moved;
      try {
        moved = CellMover.moved(cache.get(file), copy.dy(), copy.dx(), name);
      } catch (S57FormatException e) {
        throw new IOException("source " + file + " cannot be read any more: " + e.getMessage(), e);
      }
      long crc = write(cellDir.resolve(name), moved);
      String title = file.equals(source.base()) ? "Simulated from " + source.chartId() : "";
      catalog.add(new CatalogEntry(copy.chartId() + "\\" + name, title, VOLUME, "BIN", south, west, north, east,
          CatalogWriter.crcText(crc), ""));
    }
    for (Path text : source.texts()) {
      String name = text.getFileName().toString();
      long crc = write(cellDir.resolve(name), Files.readAllBytes(text));
      catalog.add(new CatalogEntry(copy.chartId() + "\\" + name, "", VOLUME, implementation(name), null, null, null,
          null, CatalogWriter.crcText(crc), ""));
    }
    return new double[] {south, west, north, east};
  }

  long bytes() {
    return bytes;
  }

  long files() {
    return files;
  }

  /** Closes the catalogue and moves it into place: the set is complete. */
  @Override
  public void close() throws IOException {
    catalog.close();
    Files.move(catalogPart, dir.resolve(CatalogWriter.FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    bytes += Files.size(dir.resolve(CatalogWriter.FILE_NAME));
    files++;
  }

  private long write(Path target, byte[] content) throws IOException {
    Path part = target.resolveSibling("." + target.getFileName() + ".part");
    try (OutputStream out = Files.newOutputStream(part)) {
      out.write(content);
    }
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    bytes += content.length;
    files++;
    CRC32 crc = new CRC32();
    crc.update(content);
    return crc.getValue();
  }

  private static int updateNumber(Path file) {
    return CellName.parse(file.getFileName().toString()).map(CellName::updateNumber)
        .orElseThrow(() -> new IllegalArgumentException(file + " is not named as an S-57 file"));
  }

  /** IMPL of a file the cell refers to: {@code TXT} for text, {@code TIF} for a picture, else {@code BIN}. */
  private static String implementation(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.endsWith(".TXT")) {
      return "TXT";
    }
    return upper.endsWith(".TIF") || upper.endsWith(".TIFF") ? "TIF" : "BIN";
  }
}
