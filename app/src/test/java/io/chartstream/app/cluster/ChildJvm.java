package io.chartstream.app.cluster;

import io.chartstream.app.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A chartstream command in its own JVM, started as an operator starts one (the test's class
 * path, {@code java … io.chartstream.app.Main COMMAND …}), its output in a log file. It can be
 * killed with SIGKILL, as a machine failure kills it: no shutdown hook, no commit, no close.
 */
final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code Main args…} with a heap of {@code heapMb} MB; its stdout and stderr go to {@code log}. */
  static ChildJvm start(String name, Path log, int heapMb, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx" + heapMb + "m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildJvm(name, process, log);
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** SIGKILL, and waits until the process is gone; returns its exit status (137 for a SIGKILL). */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    return process.exitValue();
  }

  /** The log's lines with ERROR or an exception in them, the first few, for a failure message. */
  List<String> errors() {
    try {
      return Files.readAllLines(log).stream().filter(l -> l.contains("ERROR") || l.contains("Exception")).limit(8).toList();
    } catch (IOException e) {
      return List.of("(no log: " + e.getMessage() + ")");
    }
  }

  /** SIGTERM, then SIGKILL if it is still running after 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", log " + log + ")";
  }
}
