package io.chartstream.ingest.s57;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What identifies one version of an input file without reading it: its path relative to the
 * input root, size and modification time. A changed stamp means a new file version to ingest.
 */
public record FileStamp(String path, long size, long modifiedMillis) {
  public static FileStamp of(Path root, Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new FileStamp(relative(root, file), attributes.size(), attributes.lastModifiedTime().toMillis());
  }

  /** {@code file} relative to {@code root}, with '/' separators on every platform. */
  public static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  @Override
  public String toString() {
    return path + ":" + size + ":" + modifiedMillis;
  }
}
