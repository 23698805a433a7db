package io.chartstream.ingest.s57;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds broken inputs from the shared cells at test time, so no chart bytes are ever committed:
 * copies, cut copies, bytes flipped, and text rewritten in place (same length, so every ISO 8211
 * length and position stays true).
 */
public final class BrokenCells {
  private BrokenCells() {}

  /** Copies {@code from} to {@code to}, creating folders. */
  public static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    return Files.copy(from, to);
  }

  /** Writes {@code bytes} to {@code to}, creating folders. */
  public static Path write(Path to, byte[] bytes) throws IOException {
    Files.createDirectories(to.getParent());
    return Files.write(to, bytes);
  }

  /** The first {@code length} bytes of {@code from}, written to {@code to}. */
  public static Path cut(Path from, Path to, int length) throws IOException {
    return write(to, Arrays.copyOf(Files.readAllBytes(from), length));
  }

  /**
   * {@code from} with the one occurrence of {@code text} replaced by {@code replacement} of the
   * same length, written to {@code to}.
   *
   * @throws IllegalArgumentException when the lengths differ or {@code text} is not there exactly once
   */
  public static Path rewrite(Path from, Path to, String text, String replacement) throws IOException {
    return write(to, rewrite(Files.readAllBytes(from), text, replacement));
  }

  /** {@code bytes} with the one occurrence of {@code text} replaced by {@code replacement} of the same length. */
  public static byte[] rewrite(byte[] bytes, String text, String replacement) {
    if (text.length() != replacement.length()) {
      throw new IllegalArgumentException("'" + text + "' and '" + replacement + "' differ in length");
    }
    byte[] find = text.getBytes(ISO_8859_1);
    int at = indexOf(bytes, find, 0);
    if (at < 0 || indexOf(bytes, find, at + 1) >= 0) {
      throw new IllegalArgumentException("'" + text + "' is not in the file exactly once");
    }
    byte[] out = bytes.clone();
    System.arraycopy(replacement.getBytes(ISO_8859_1), 0, out, at, find.length);
    return out;
  }

  private static int indexOf(byte[] bytes, byte[] find, int from) {
    outer:
    for (int i = from; i <= bytes.length - find.length; i++) {
      for (int j = 0; j < find.length; j++) {
        if (bytes[i + j] != find[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
