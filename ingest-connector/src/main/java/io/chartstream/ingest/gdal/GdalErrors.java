package io.chartstream.ingest.gdal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * GDAL's error handler, replaced by an upcall that only queues each message on the calling
 * thread: nothing is logged or thrown inside a native frame (an exception there would crash
 * the JVM). Callers {@link #drain()} after each GDAL call that may fail and attach the messages
 * to the file at hand.
 */
final class GdalErrors {
  /** CPLErr levels. */
  static final int CE_WARNING = 2;
  static final int CE_FAILURE = 3;
  static final int CE_FATAL = 4;

  /** One message GDAL reported: its CPLErr level, error number and text. */
  record Message(int level, int number, String text) {
    boolean isFailure() {
      return level >= CE_FAILURE;
    }
  }

  private static final ThreadLocal<List<Message>> QUEUE = ThreadLocal.withInitial(ArrayList::new);

  private GdalErrors() {}

  /** Installs the queueing handler process-wide; the upcall stub lives as long as the JVM. */
  static void install() throws Throwable {
    var handler = MethodHandles.lookup().findStatic(GdalErrors.class, "onError",
        MethodType.methodType(void.class, int.class, int.class, MemorySegment.class));
    // void (*CPLErrorHandler)(CPLErr eErrClass, CPLErrorNum err_no, const char *msg)
    MemorySegment stub = GdalLibrary.linker().upcallStub(handler,
        FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, ADDRESS), Arena.global());
    // The previous handler (GDAL's stderr printer) is dropped on purpose.
    MemorySegment previous = (MemorySegment) GdalLibrary.CPL_SET_ERROR_HANDLER.invokeExact(stub);
  }

  /** Called by GDAL; must never throw. */
  @SuppressWarnings("unused")
  private static void onError(int level, int number, MemorySegment text) {
    try {
      QUEUE.get().add(new Message(level, number, CStrings.read(text)));
    } catch (Throwable ignored) {
      // Nothing may escape into native code; a lost message is better than a crashed JVM.
    }
  }

  /** The messages queued on this thread since the last drain, oldest first. */
  static List<Message> drain() {
    List<Message> queue = QUEUE.get();
    if (queue.isEmpty()) {
      return List.of();
    }
    List<Message> messages = List.copyOf(queue);
    queue.clear();
    return messages;
  }
}
