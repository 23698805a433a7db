package io.chartstream.ingest.s57;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A private folder holding links to exactly the files of one chain, for GDAL to open: GDAL applies
 * every update it finds beside a base cell ({@code NAME.001}, {@code NAME.002}, … until one is
 * missing, and on a missing one also {@code ../N/NAME.00N}, the layout of some update CDs), so
 * opened in place it would apply an update the chain refused ({@link UpdateChain}) or one in a
 * neighbouring folder. Opened here, it sees the base and the chosen updates only. The folder is
 * {@code chartstream-cell-*}{@code /cell/} under the temporary directory, so the CD layout's
 * {@code ../N/} lies inside the private folder too; {@link #close()} deletes it.
 */
final class StagedCell implements AutoCloseable {
  private final Path root;
  private final Path base;

  private StagedCell(Path root, Path base) {
    this.root = root;
    this.base = base;
  }

  /** Links {@code files}' base and updates into a new private folder. */
  static StagedCell of(CellFiles files) {
    Path root = null;
    try {
      root = Files.createTempDirectory("chartstream-cell-");
      Path dir = Files.createDirectory(root.resolve("cell"));
      String name = files.base().getFileName().toString();
      String stem = name.substring(0, name.lastIndexOf('.'));
      Path base = Files.createSymbolicLink(dir.resolve(name), files.base().toAbsolutePath());
      List<Path> updates = files.updates();
      for (int i = 0; i < updates.size(); i++) {
        Files.createSymbolicLink(dir.resolve(String.format(Locale.ROOT, "%s.%03d", stem, i + 1)), updates.get(i).toAbsolutePath());
      }
      return new StagedCell(root, base);
    } catch (IOException e) {
      if (root != null) {
        delete(root);
      }
      throw new UncheckedIOException("cannot prepare a private folder for GDAL to read " + files.base() + ": " + e, e);
    }
  }

  /** The base cell's link, for GDAL to open. */
  Path base() {
    return base;
  }

  /** {@code message} with this folder's paths replaced by the original folder's, for error messages. */
  String unstaged(String message, Path originalFolder) {
    return message.replace(base.getParent().toString(), originalFolder.toString());
  }

  @Override
  public void close() {
    delete(root);
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover link folder in the temporary directory costs nothing; never fail a read for it.
    }
  }
}
