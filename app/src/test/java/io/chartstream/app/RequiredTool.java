package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a test drives (Chromium, Burrow): skipped on a developer machine without it, but a
 * failure on CI ({@code CI=true}), where {@code ./chartstream test} installs it and skipping
 * would quietly test nothing.
 */
public final class RequiredTool {
  private RequiredTool() {}

  public static Path require(String executable, String debianPackage) {
    Path path = Path.of(executable);
    if (Files.isExecutable(path)) {
      return path;
    }
    String message = executable + " is missing: apt-get install " + debianPackage + " (./chartstream test installs it)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return fail(message);
    }
    Assumptions.abort(message);
    return path;
  }
}
