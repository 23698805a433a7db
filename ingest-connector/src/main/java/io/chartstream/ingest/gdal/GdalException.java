package io.chartstream.ingest.gdal;

import java.util.List;

/** GDAL failed, or could not be called; the message names the call, the file and GDAL's own words. */
public final class GdalException extends RuntimeException {
  private final String code;

  GdalException(String code, String message) {
    super(message);
    this.code = code;
  }

  GdalException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** A stable snake_case reason to count, e.g. {@code open_failed}. */
  public String code() {
    return code;
  }

  static GdalException wrap(String call, Throwable t) {
    if (t instanceof GdalException g) {
      return g;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new GdalException("native_call_failed", call + " failed: " + t, t);
  }

  static String describe(List<GdalErrors.Message> messages) {
    if (messages.isEmpty()) {
      return "no reason given by GDAL";
    }
    StringBuilder text = new StringBuilder();
    for (GdalErrors.Message m : messages) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(m.text());
    }
    return text.toString();
  }
}
