package io.chartstream.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where a running {@code chartstream run} can be reached, kept in its work dir as
 * {@code run.json} while it runs, so {@code chartstream status --work-dir DIR} finds the embedded
 * broker (on a port chosen at start) and the operator page. Only addresses: no credentials.
 *
 * @param pid the run's process, to tell a crashed run's stale file from a live run
 */
public record RunAddress(String bootstrapServers, String schemaRegistryUrl, String connectUrl, String httpUrl,
                         String input, String dbv, long pid) {
  public static final String FILE = "run.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the file atomically (a reader never sees half of it). */
  public void write(Path workDir) throws IOException {
    Path tmp = workDir.resolve(FILE + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
    Files.move(tmp, workDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The run recorded in {@code workDir}, if any (alive or not: see {@link #isAlive()}). */
  public static Optional<RunAddress> read(Path workDir) throws IOException {
    Path file = workDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), RunAddress.class));
  }

  public static void delete(Path workDir) throws IOException {
    Files.deleteIfExists(workDir.resolve(FILE));
  }

  /** Whether the recording process still runs (a killed run leaves its file behind). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
