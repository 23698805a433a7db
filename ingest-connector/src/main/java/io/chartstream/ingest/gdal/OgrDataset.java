package io.chartstream.ingest.gdal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A vector dataset opened read-only through {@code GDALOpenEx}; close it with
 * try-with-resources. A {@link Cleaner} closes a dataset that was dropped unclosed (its action
 * holds only the native handle, never this wrapper), so a bug leaks no file handle for long.
 *
 * <p>Not thread-safe: GDAL datasets are used from one thread at a time.
 */
public final class OgrDataset implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final Path path;
  private final List<OgrLayer> layers;
  private final List<String> openWarnings;
  private final Cleaner.Cleanable cleanable;

  private OgrDataset(Path path, NativeHandle handle, List<OgrLayer> layers, List<String> openWarnings) {
    this.path = path;
    this.layers = layers;
    this.openWarnings = openWarnings;
    this.cleanable = CLEANER.register(this, handle);
  }

  /**
   * Opens {@code path} with {@code driver} (e.g. "S57") and {@code openOptions} ("KEY=VALUE").
   *
   * @throws GdalException {@code open_failed} with GDAL's reason when the file cannot be opened
   */
  public static OgrDataset open(Path path, String driver, List<String> openOptions) {
    GdalLibrary.ensureLoaded();
    GdalErrors.drain();
    MemorySegment dataset;
    try (Arena arena = Arena.ofConfined()) {
      dataset = (MemorySegment) GdalLibrary.GDAL_OPEN_EX.invokeExact(
          arena.allocateFrom(path.toString()),
          GdalLibrary.GDAL_OF_VECTOR | GdalLibrary.GDAL_OF_READONLY | GdalLibrary.GDAL_OF_VERBOSE_ERROR,
          CStrings.allocateList(arena, List.of(driver)),
          CStrings.allocateList(arena, openOptions),
          MemorySegment.NULL);
    } catch (Throwable t) {
      throw GdalException.wrap("GDALOpenEx " + path, t);
    }
    List<GdalErrors.Message> messages = GdalErrors.drain();
    if (dataset.equals(MemorySegment.NULL)) {
      throw new GdalException("open_failed", "GDAL cannot open " + path + " as " + driver + ": " + GdalException.describe(messages));
    }
    NativeHandle handle = new NativeHandle(dataset);
    try {
      int count = (int) GdalLibrary.GDAL_DATASET_GET_LAYER_COUNT.invokeExact(dataset);
      List<OgrLayer> layers = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        layers.add(new OgrLayer((MemorySegment) GdalLibrary.GDAL_DATASET_GET_LAYER.invokeExact(dataset, i)));
      }
      List<String> warnings = messages.stream().map(GdalErrors.Message::text).toList();
      return new OgrDataset(path, handle, List.copyOf(layers), warnings);
    } catch (Throwable t) {
      handle.run();
      throw GdalException.wrap("listing layers of " + path, t);
    }
  }

  public Path path() {
    return path;
  }

  public List<OgrLayer> layers() {
    return layers;
  }

  /** Warnings GDAL gave while opening (for S-57: problems applying updates, for example). */
  public List<String> openWarnings() {
    return openWarnings;
  }

  @Override
  public void close() {
    cleanable.clean();
  }

  /** The dataset pointer, closed exactly once, by {@link #close} or by the cleaner. */
  private static final class NativeHandle implements Runnable {
    private final MemorySegment dataset;
    private final AtomicBoolean closed = new AtomicBoolean();

    NativeHandle(MemorySegment dataset) {
      this.dataset = dataset;
    }

    @Override
    public void run() {
      if (closed.compareAndSet(false, true)) {
        try {
          GdalLibrary.GDAL_CLOSE.invokeExact(dataset);
        } catch (Throwable t) {
          throw GdalException.wrap("GDALClose", t);
        }
        GdalErrors.drain();
      }
    }
  }
}
