package io.chartstream.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code config/} folder, found upwards from a module's working directory. */
public final class ConfigDir {
  private ConfigDir() {}

  public static Path find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("config/levels.properties"))) {
        return dir.resolve("config");
      }
    }
    throw new AssertionError("no config/ above " + Path.of("").toAbsolutePath());
  }
}
