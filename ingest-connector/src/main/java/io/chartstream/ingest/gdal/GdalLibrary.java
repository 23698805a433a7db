package io.chartstream.ingest.gdal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Every OGR/GDAL C function chartstream calls, bound once through {@code java.lang.foreign} to the
 * system's {@code libgdal} (Debian {@code libgdal32}, GDAL 3.6; later sonames are tried too).
 *
 * <p>Each handle is documented with its C prototype. Handles are package-private: the rest of
 * the code sees {@link OgrDataset}, {@link OgrLayer} and {@link OgrFeature}, never a pointer.
 * GDAL's default error handler prints to stderr; it is replaced at load time by
 * {@link GdalErrors}, which queues messages per thread so callers can attach them to the file
 * they were reading.
 */
final class GdalLibrary {
  /** Sonames tried in order; override with {@code -Dchartstream.gdal.library=/path/libgdal.so}. */
  private static final List<String> SONAMES =
      List.of("libgdal.so.32", "libgdal.so.33", "libgdal.so.34", "libgdal.so.35", "libgdal.so.36", "libgdal.so");

  static final int GDAL_OF_READONLY = 0x00;
  static final int GDAL_OF_VECTOR = 0x04;
  static final int GDAL_OF_VERBOSE_ERROR = 0x40;
  static final int WKB_NDR = 1;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup GDAL = load();

  /** void GDALAllRegister(void) */
  static final MethodHandle GDAL_ALL_REGISTER = bind("GDALAllRegister", FunctionDescriptor.ofVoid());
  /** const char *GDALVersionInfo(const char *pszRequest) */
  static final MethodHandle GDAL_VERSION_INFO = bind("GDALVersionInfo", FunctionDescriptor.of(ADDRESS, ADDRESS));
  /** GDALDatasetH GDALOpenEx(const char *path, unsigned int flags, const char *const *drivers, const char *const *options, const char *const *siblings) */
  static final MethodHandle GDAL_OPEN_EX = bind("GDALOpenEx", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
  /** void GDALClose(GDALDatasetH) (returns CPLErr from GDAL 3.7 on; ignored) */
  static final MethodHandle GDAL_CLOSE = bind("GDALClose", FunctionDescriptor.ofVoid(ADDRESS));
  /** int GDALDatasetGetLayerCount(GDALDatasetH) */
  static final MethodHandle GDAL_DATASET_GET_LAYER_COUNT = bind("GDALDatasetGetLayerCount", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  /** OGRLayerH GDALDatasetGetLayer(GDALDatasetH, int) */
  static final MethodHandle GDAL_DATASET_GET_LAYER = bind("GDALDatasetGetLayer", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));

  /** const char *OGR_L_GetName(OGRLayerH) */
  static final MethodHandle OGR_L_GET_NAME = bind("OGR_L_GetName", FunctionDescriptor.of(ADDRESS, ADDRESS));
  /** void OGR_L_ResetReading(OGRLayerH) */
  static final MethodHandle OGR_L_RESET_READING = bind("OGR_L_ResetReading", FunctionDescriptor.ofVoid(ADDRESS));
  /** OGRFeatureH OGR_L_GetNextFeature(OGRLayerH) */
  static final MethodHandle OGR_L_GET_NEXT_FEATURE = bind("OGR_L_GetNextFeature", FunctionDescriptor.of(ADDRESS, ADDRESS));
  /** OGRFeatureDefnH OGR_L_GetLayerDefn(OGRLayerH) */
  static final MethodHandle OGR_L_GET_LAYER_DEFN = bind("OGR_L_GetLayerDefn", FunctionDescriptor.of(ADDRESS, ADDRESS));
  /** int OGR_FD_GetFieldCount(OGRFeatureDefnH) */
  static final MethodHandle OGR_FD_GET_FIELD_COUNT = bind("OGR_FD_GetFieldCount", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  /** OGRFieldDefnH OGR_FD_GetFieldDefn(OGRFeatureDefnH, int) */
  static final MethodHandle OGR_FD_GET_FIELD_DEFN = bind("OGR_FD_GetFieldDefn", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
  /** const char *OGR_Fld_GetNameRef(OGRFieldDefnH) */
  static final MethodHandle OGR_FLD_GET_NAME_REF = bind("OGR_Fld_GetNameRef", FunctionDescriptor.of(ADDRESS, ADDRESS));
  /** OGRFieldType OGR_Fld_GetType(OGRFieldDefnH) */
  static final MethodHandle OGR_FLD_GET_TYPE = bind("OGR_Fld_GetType", FunctionDescriptor.of(JAVA_INT, ADDRESS));

  /** GIntBig OGR_F_GetFID(OGRFeatureH) */
  static final MethodHandle OGR_F_GET_FID = bind("OGR_F_GetFID", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
  /** int OGR_F_IsFieldSetAndNotNull(OGRFeatureH, int) */
  static final MethodHandle OGR_F_IS_FIELD_SET_AND_NOT_NULL = bind("OGR_F_IsFieldSetAndNotNull", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
  /** GIntBig OGR_F_GetFieldAsInteger64(OGRFeatureH, int) */
  static final MethodHandle OGR_F_GET_FIELD_AS_INTEGER64 = bind("OGR_F_GetFieldAsInteger64", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
  /** double OGR_F_GetFieldAsDouble(OGRFeatureH, int) */
  static final MethodHandle OGR_F_GET_FIELD_AS_DOUBLE = bind("OGR_F_GetFieldAsDouble", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_INT));
  /** const char *OGR_F_GetFieldAsString(OGRFeatureH, int) */
  static final MethodHandle OGR_F_GET_FIELD_AS_STRING = bind("OGR_F_GetFieldAsString", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
  /** const int *OGR_F_GetFieldAsIntegerList(OGRFeatureH, int, int *pnCount) */
  static final MethodHandle OGR_F_GET_FIELD_AS_INTEGER_LIST = bind("OGR_F_GetFieldAsIntegerList", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
  /** const GIntBig *OGR_F_GetFieldAsInteger64List(OGRFeatureH, int, int *pnCount) */
  static final MethodHandle OGR_F_GET_FIELD_AS_INTEGER64_LIST = bind("OGR_F_GetFieldAsInteger64List", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
  /** const double *OGR_F_GetFieldAsDoubleList(OGRFeatureH, int, int *pnCount) */
  static final MethodHandle OGR_F_GET_FIELD_AS_DOUBLE_LIST = bind("OGR_F_GetFieldAsDoubleList", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
  /** char **OGR_F_GetFieldAsStringList(OGRFeatureH, int) (owned by the feature) */
  static final MethodHandle OGR_F_GET_FIELD_AS_STRING_LIST = bind("OGR_F_GetFieldAsStringList", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
  /** OGRGeometryH OGR_F_GetGeometryRef(OGRFeatureH) (owned by the feature) */
  static final MethodHandle OGR_F_GET_GEOMETRY_REF = bind("OGR_F_GetGeometryRef", FunctionDescriptor.of(ADDRESS, ADDRESS));
  /** void OGR_F_Destroy(OGRFeatureH) */
  static final MethodHandle OGR_F_DESTROY = bind("OGR_F_Destroy", FunctionDescriptor.ofVoid(ADDRESS));

  /** int OGR_G_WkbSize(OGRGeometryH) */
  static final MethodHandle OGR_G_WKB_SIZE = bind("OGR_G_WkbSize", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  /** OGRErr OGR_G_ExportToIsoWkb(OGRGeometryH, OGRwkbByteOrder, unsigned char *) */
  static final MethodHandle OGR_G_EXPORT_TO_ISO_WKB = bind("OGR_G_ExportToIsoWkb", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));

  /** CPLErrorHandler CPLSetErrorHandler(CPLErrorHandler) */
  static final MethodHandle CPL_SET_ERROR_HANDLER = bind("CPLSetErrorHandler", FunctionDescriptor.of(ADDRESS, ADDRESS));
  /** void CPLErrorReset(void) */
  static final MethodHandle CPL_ERROR_RESET = bind("CPLErrorReset", FunctionDescriptor.ofVoid());

  static {
    try {
      GDAL_ALL_REGISTER.invokeExact();
      GdalErrors.install();
    } catch (Throwable t) {
      throw new ExceptionInInitializerError(t);
    }
  }

  private GdalLibrary() {}

  /** Forces binding, so a missing library or flag fails at start-up rather than mid-delivery. */
  static void ensureLoaded() {}

  /** GDAL's release name, e.g. "GDAL 3.6.2, released 2023/01/02". */
  static String version() {
    try {
      return CStrings.read((MemorySegment) GDAL_VERSION_INFO.invokeExact(CStrings.constant("--version")));
    } catch (Throwable t) {
      throw GdalException.wrap("GDALVersionInfo", t);
    }
  }

  static Linker linker() {
    return LINKER;
  }

  private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
    MemorySegment symbol = GDAL.find(name)
        .orElseThrow(() -> new UnsatisfiedLinkError("libgdal has no symbol " + name + " (GDAL >= 3.6 is needed)"));
    return LINKER.downcallHandle(symbol, descriptor);
  }

  private static SymbolLookup load() {
    String override = System.getProperty("chartstream.gdal.library");
    List<String> candidates = override != null ? List.of(override) : SONAMES;
    List<String> failures = new ArrayList<>();
    for (String name : candidates) {
      try {
        return SymbolLookup.libraryLookup(name, Arena.global());
      } catch (IllegalCallerException e) {
        throw new IllegalCallerException(
            "Native access to GDAL is not enabled: run java with --enable-native-access=ALL-UNNAMED", e);
      } catch (IllegalArgumentException e) {
        failures.add(name);
      }
    }
    throw new UnsatisfiedLinkError("GDAL's C library was not found (tried " + failures
        + "): install it with 'apt-get install -y libgdal32', or point -Dchartstream.gdal.library at libgdal.so");
  }
}
