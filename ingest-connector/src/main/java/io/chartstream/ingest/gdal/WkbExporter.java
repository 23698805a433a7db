package io.chartstream.ingest.gdal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Exports OGR geometries as ISO WKB (little endian; Z kept, so soundings carry their depth)
 * through one native buffer that grows as needed and lives in the caller's arena, so reading a
 * layer allocates native memory a few times, not once per feature.
 */
final class WkbExporter {
  private final Arena arena;
  private MemorySegment buffer;

  WkbExporter(Arena arena) {
    this.arena = arena;
    this.buffer = arena.allocate(4096);
  }

  /** The WKB of {@code geometry} (an {@code OGRGeometryH}), or null for a NULL geometry. */
  byte[] export(MemorySegment geometry) throws Throwable {
    if (geometry.equals(MemorySegment.NULL)) {
      return null;
    }
    int size = (int) GdalLibrary.OGR_G_WKB_SIZE.invokeExact(geometry);
    if (size > buffer.byteSize()) {
      // Grow geometrically: the arena frees all buffers together when the layer is read.
      buffer = arena.allocate(Math.max(size, buffer.byteSize() * 2));
    }
    int err = (int) GdalLibrary.OGR_G_EXPORT_TO_ISO_WKB.invokeExact(geometry, GdalLibrary.WKB_NDR, buffer);
    if (err != 0) {
      throw new GdalException("wkb_export_failed", "OGR_G_ExportToIsoWkb returned OGRErr " + err
          + ": " + GdalException.describe(GdalErrors.drain()));
    }
    return buffer.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE);
  }
}
