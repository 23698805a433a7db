package io.chartstream.ingest.gdal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One layer of an open {@link OgrDataset}; valid while the dataset is open, and only on the
 * thread that opened it.
 *
 * <p>{@link #read} copies each feature into an {@link OgrFeature} and destroys the native feature
 * before handing the copy on, so a slow consumer never holds GDAL memory.
 */
public final class OgrLayer {
  private final MemorySegment handle;
  private final String name;
  private final String[] fieldNames;
  private final OgrFieldType[] fieldTypes;

  OgrLayer(MemorySegment handle) throws Throwable {
    this.handle = handle;
    this.name = CStrings.read((MemorySegment) GdalLibrary.OGR_L_GET_NAME.invokeExact(handle));
    MemorySegment defn = (MemorySegment) GdalLibrary.OGR_L_GET_LAYER_DEFN.invokeExact(handle);
    int count = (int) GdalLibrary.OGR_FD_GET_FIELD_COUNT.invokeExact(defn);
    fieldNames = new String[count];
    fieldTypes = new OgrFieldType[count];
    for (int i = 0; i < count; i++) {
      MemorySegment field = (MemorySegment) GdalLibrary.OGR_FD_GET_FIELD_DEFN.invokeExact(defn, i);
      fieldNames[i] = CStrings.read((MemorySegment) GdalLibrary.OGR_FLD_GET_NAME_REF.invokeExact(field));
      fieldTypes[i] = OgrFieldType.of((int) GdalLibrary.OGR_FLD_GET_TYPE.invokeExact(field));
    }
  }

  public String name() {
    return name;
  }

  /** Field names in layer-definition order. */
  public String[] fieldNames() {
    return fieldNames.clone();
  }

  /** Reads every feature from the start of the layer into {@code sink}. */
  public void read(Consumer<OgrFeature> sink) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment count = arena.allocate(ValueLayout.JAVA_INT);
      WkbExporter wkb = new WkbExporter(arena);
      GdalLibrary.OGR_L_RESET_READING.invokeExact(handle);
      while (true) {
        MemorySegment feature = (MemorySegment) GdalLibrary.OGR_L_GET_NEXT_FEATURE.invokeExact(handle);
        if (feature.equals(MemorySegment.NULL)) {
          break;
        }
        OgrFeature copy;
        try {
          copy = copy(feature, count, wkb);
        } finally {
          GdalLibrary.OGR_F_DESTROY.invokeExact(feature);
        }
        sink.accept(copy);
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw GdalException.wrap("reading layer " + name, t);
    }
    var failures = GdalErrors.drain().stream().filter(GdalErrors.Message::isFailure).toList();
    if (!failures.isEmpty()) {
      throw new GdalException("read_failed", "GDAL failed reading layer " + name + ": " + GdalException.describe(failures));
    }
  }

  private OgrFeature copy(MemorySegment feature, MemorySegment count, WkbExporter wkb) throws Throwable {
    long fid = (long) GdalLibrary.OGR_F_GET_FID.invokeExact(feature);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < fieldNames.length; i++) {
      if ((int) GdalLibrary.OGR_F_IS_FIELD_SET_AND_NOT_NULL.invokeExact(feature, i) != 0) {
        fields.put(fieldNames[i], value(feature, i, count));
      }
    }
    MemorySegment geometry = (MemorySegment) GdalLibrary.OGR_F_GET_GEOMETRY_REF.invokeExact(feature);
    return new OgrFeature(name, fid, fields, wkb.export(geometry));
  }

  private Object value(MemorySegment feature, int i, MemorySegment count) throws Throwable {
    return switch (fieldTypes[i]) {
      case INTEGER, INTEGER64 -> (long) GdalLibrary.OGR_F_GET_FIELD_AS_INTEGER64.invokeExact(feature, i);
      case REAL -> (double) GdalLibrary.OGR_F_GET_FIELD_AS_DOUBLE.invokeExact(feature, i);
      case INTEGER_LIST -> {
        MemorySegment values = (MemorySegment) GdalLibrary.OGR_F_GET_FIELD_AS_INTEGER_LIST.invokeExact(feature, i, count);
        int n = count.get(ValueLayout.JAVA_INT, 0);
        int[] ints = values.reinterpret(4L * n).toArray(ValueLayout.JAVA_INT);
        yield Arrays.stream(ints).asLongStream().toArray();
      }
      case INTEGER64_LIST -> {
        MemorySegment values = (MemorySegment) GdalLibrary.OGR_F_GET_FIELD_AS_INTEGER64_LIST.invokeExact(feature, i, count);
        yield values.reinterpret(8L * count.get(ValueLayout.JAVA_INT, 0)).toArray(ValueLayout.JAVA_LONG);
      }
      case REAL_LIST -> {
        MemorySegment values = (MemorySegment) GdalLibrary.OGR_F_GET_FIELD_AS_DOUBLE_LIST.invokeExact(feature, i, count);
        yield values.reinterpret(8L * count.get(ValueLayout.JAVA_INT, 0)).toArray(ValueLayout.JAVA_DOUBLE);
      }
      case STRING_LIST, WIDE_STRING_LIST ->
          CStrings.readList((MemorySegment) GdalLibrary.OGR_F_GET_FIELD_AS_STRING_LIST.invokeExact(feature, i));
      default -> CStrings.read((MemorySegment) GdalLibrary.OGR_F_GET_FIELD_AS_STRING.invokeExact(feature, i));
    };
  }
}
