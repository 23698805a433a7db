package io.chartstream.dbv;

/** A dbv could not be opened, read or written; the message names what and why. */
public final class DbvException extends RuntimeException {
  public DbvException(String message) {
    super(message);
  }

  public DbvException(String message, Throwable cause) {
    super(message, cause);
  }
}
