package io.chartstream.ingest.gdal;

/** What the rest of chartstream may ask of GDAL itself, beyond datasets. */
public final class Gdal {
  private Gdal() {}

  /** GDAL's release, e.g. "GDAL 3.6.2, released 2023/01/02"; loads and binds the library. */
  public static String version() {
    return GdalLibrary.version();
  }
}
