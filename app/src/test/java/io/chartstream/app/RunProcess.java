package io.chartstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code chartstream run --json-progress} as its own JVM, as an operator starts it, so that it can
 * be stopped by a signal: its progress objects are collected as they come, with when they came.
 */
public final class RunProcess implements AutoCloseable {
  /** One progress object and the {@link System#nanoTime()} it was read at. */
  public record Report(long nanos, JsonNode json) {}

  private final Process process;
  private final Path log;
  private final List<Report> reports = new CopyOnWriteArrayList<>();
  private final List<String> output = new CopyOnWriteArrayList<>();

  private RunProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread.ofPlatform().daemon().name("run-progress").start(this::readProgress);
  }

  /** Starts {@code run} on {@code input}; {@code extra} options follow (e.g. {@code --once}). */
  public static RunProcess start(Path input, Path dbv, Path workDir, Path log, String... extra) throws IOException {
    return startWithConfig(ConfigDir.find(), input, dbv, workDir, log, extra);
  }

  /** As {@link #start}, with the level table, mariner settings and S-52 tables of {@code configDir}. */
  public static RunProcess startWithConfig(Path configDir, Path input, Path dbv, Path workDir, Path log, String... extra)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", "--input", input.toString(), "--dbv", dbv.toString(), "--work-dir", workDir.toString(),
        "--json-progress", "--http-port", "0", "--config-dir", configDir.toString()));
    command.addAll(List.of(extra));
    return new RunProcess(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
  }

  private void readProgress() {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        output.add(line);
        if (line.startsWith("{")) { // the test class path's log configuration writes to stdout too
          reports.add(new Report(System.nanoTime(), json.readTree(line)));
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** The first report read at or after {@code sinceNanos} that matches, waiting up to {@code timeout}. */
  public Report await(Predicate<JsonNode> condition, long sinceNanos, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Report report : reports) {
        if (report.nanos() >= sinceNanos && condition.test(report.json())) {
          return report;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError("run exited with " + process.exitValue() + "; last progress " + last() + "; " + errors());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no such progress within " + timeout + "; last " + last() + "; " + errors());
  }

  /** Waits until the run reports it has settled (everything read, processed and stored) after {@code sinceNanos}. */
  public Report awaitSettled(int charts, long sinceNanos, Duration timeout) throws InterruptedException {
    return await(p -> p.get("settled").asBoolean() && p.get("chartsIngested").asInt() == charts, sinceNanos, timeout);
  }

  /**
   * Where the run started on {@code workDir} can be reached, once it reports progress (it has
   * written its address before), waiting up to 3 minutes.
   */
  public io.chartstream.app.ops.RunAddress address(Path workDir) throws InterruptedException, IOException {
    await(p -> Files.isRegularFile(workDir.resolve(io.chartstream.app.ops.RunAddress.FILE)), 0, Duration.ofMinutes(3));
    return io.chartstream.app.ops.RunAddress.read(workDir).orElseThrow();
  }

  /** Every line the run wrote to stdout so far, progress objects included. */
  public List<String> output() {
    return List.copyOf(output);
  }

  /** The run's stderr so far. */
  public String stderr() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode last() {
    return reports.isEmpty() ? null : reports.getLast().json();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public void sigterm() {
    process.destroy();
  }

  public void sigkill() {
    process.destroyForcibly();
  }

  /** The exit status, or an assertion error if the process is still running after {@code timeout}. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("run still running after " + timeout + "; " + errors());
    }
    return process.exitValue();
  }

  /** The first error lines of the run's log, for assertion messages. */
  public String errors() {
    try {
      return "run's errors: " + Files.readString(log).lines().filter(l -> l.contains("ERROR") || l.contains("Exception")).limit(5).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
