package io.chartstream.ingest.gdal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Bytes in use by glibc's malloc, from {@code struct mallinfo2 mallinfo2(void)}: {@code uordblks}
 * (allocated in arenas) plus {@code hblkhd} (allocated by mmap). GDAL allocates with malloc, and
 * so does the JDK for arenas, so a leak of either shows here and not in the Java heap.
 */
final class NativeMemory {
  private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
      ValueLayout.JAVA_LONG.withName("arena"), ValueLayout.JAVA_LONG.withName("ordblks"),
      ValueLayout.JAVA_LONG.withName("smblks"), ValueLayout.JAVA_LONG.withName("hblks"),
      ValueLayout.JAVA_LONG.withName("hblkhd"), ValueLayout.JAVA_LONG.withName("usmblks"),
      ValueLayout.JAVA_LONG.withName("fsmblks"), ValueLayout.JAVA_LONG.withName("uordblks"),
      ValueLayout.JAVA_LONG.withName("fordblks"), ValueLayout.JAVA_LONG.withName("keepcost"));
  private static final MethodHandle MALLINFO2_HANDLE = Linker.nativeLinker().downcallHandle(
      Linker.nativeLinker().defaultLookup().find("mallinfo2").orElseThrow(), FunctionDescriptor.of(MALLINFO2));

  private NativeMemory() {}

  /** Bytes malloc has handed out and not yet had back, in the calling thread's arena view. */
  static long inUse() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment info = (MemorySegment) MALLINFO2_HANDLE.invokeExact((java.lang.foreign.SegmentAllocator) arena);
      long hblkhd = info.get(ValueLayout.JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("hblkhd")));
      long uordblks = info.get(ValueLayout.JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("uordblks")));
      return hblkhd + uordblks;
    } catch (Throwable t) {
      throw new AssertionError("mallinfo2 failed", t);
    }
  }
}
