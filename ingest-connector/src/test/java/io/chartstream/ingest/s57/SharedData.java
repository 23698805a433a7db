package io.chartstream.ingest.s57;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real chart data that tests read in place (never copied into the project): the
 * {@code shared/} folder beside the checkout, with {@code s57/} (NOAA ENC cells and exchange
 * sets) and {@code s52/} (the IHO presentation library and its ECDIS Chart 1 exchange set).
 *
 * <p>Where it is: the environment variable {@code CHARTSTREAM_SHARED} (surefire sets it), else
 * the first folder named {@code shared} holding {@code s57/} in the working directory or one
 * of its ancestors. When the data is missing a test is skipped on a developer machine but fails
 * on CI ({@code CI=true}), where skipping would quietly test nothing.
 */
public final class SharedData {
  private static final String ENV = "CHARTSTREAM_SHARED";

  private SharedData() {}

  /** {@code shared/s57}: NOAA ENC cells and exchange sets. */
  public static Path s57() {
    return folder("s57");
  }

  /** {@code shared/s52}: the S-52 presentation library and the ECDIS Chart 1 exchange set. */
  public static Path s52() {
    return folder("s52");
  }

  private static Path folder(String name) {
    Path shared = shared();
    Path folder = shared.resolve(name);
    if (!Files.isDirectory(folder)) {
      return missing(folder + " (from " + describe(shared) + ")");
    }
    return folder;
  }

  private static Path shared() {
    String configured = System.getenv(ENV);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isDirectory(candidate.resolve("s57"))) {
        return candidate;
      }
    }
    return missing("a folder shared/s57 in " + start + " or any parent, and " + ENV + " is not set");
  }

  private static String describe(Path shared) {
    String configured = System.getenv(ENV);
    return configured != null && !configured.isBlank()
        ? ENV + "=" + configured
        : "a search upwards from the working dir";
  }

  private static <T> T missing(String what) {
    String message = "Shared test data not found: " + what;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return fail(message);
    }
    return Assumptions.abort(message);
  }
}
