package io.chartstream.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * docker-compose.yml started for a test as a user starts it, with Debian's {@code docker-compose}
 * and the local images ({@code --env-file docker/images/local.env}), under a project name of its
 * own, on a network of its own that is {@code internal}: its containers reach each other and
 * nothing else, publish no ports, and this host reaches them at their addresses on that network.
 * {@link #close()} removes the containers, the network and the volumes.
 */
final class ComposeProject implements AutoCloseable {
  private final Path compose;
  private final Path root;
  private final String name;
  private final List<String> files;
  private final Map<String, String> environment;

  private ComposeProject(Path compose, Path root, String name, List<String> files, Map<String, String> environment) {
    this.compose = compose;
    this.root = root;
    this.name = name;
    this.files = files;
    this.environment = environment;
  }

  /**
   * {@code docker-compose up -d} of {@code root}/docker-compose.yml with the local images,
   * {@code variables} set (CHARTSTREAM_INPUT…), and the default network made internal by an
   * override written into {@code work}.
   */
  static ComposeProject up(Path compose, Path root, Path envFile, Path work, Map<String, String> variables) throws IOException {
    Path internal = Files.writeString(work.resolve("internal-network.yml"),
        "# The test's network: containers reach each other and nothing else.\nnetworks:\n  default:\n    internal: true\n");
    String name = "cstest" + Long.toHexString(System.nanoTime() & 0xffffffL);
    List<String> files = List.of("--env-file", envFile.toString(), "-p", name,
        "-f", root.resolve("docker-compose.yml").toString(), "-f", internal.toString());
    ComposeProject project = new ComposeProject(compose, root, name, files, new HashMap<>(variables));
    try {
      project.compose(Duration.ofMinutes(5), "up", "-d");
    } catch (AssertionError e) {
      project.close();
      throw e;
    }
    return project;
  }

  String name() {
    return name;
  }

  /** The ids of the containers of {@code service}, running or not, in replica order. */
  List<String> containers(String service) {
    List<String> ids = new ArrayList<>();
    for (String line : compose(Duration.ofSeconds(60), "ps", "-q", service).split("\n")) {
      if (!line.isBlank()) {
        ids.add(line.strip());
      }
    }
    return ids;
  }

  /** The single container of {@code service}. */
  String container(String service) {
    List<String> ids = containers(service);
    if (ids.size() != 1) {
      throw new AssertionError(service + " has " + ids.size() + " containers");
    }
    return ids.getFirst();
  }

  /** The container's address on the project's network, which this host reaches directly. */
  String address(String container) {
    return docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container).strip();
  }

  /** The container's name and state, e.g. {@code cstest1_topology_1 running}. */
  String state(String container) {
    return docker("inspect", "-f", "{{.Name}} {{.State.Status}}", container).strip().replaceFirst("^/", "");
  }

  boolean isRunning(String container) {
    return state(container).endsWith(" running");
  }

  /** {@code docker kill}: SIGKILL, as a machine failure stops it. */
  void kill(String container) {
    docker("kill", container);
  }

  void start(String container) {
    docker("start", container);
  }

  /** The names of the networks the project's containers are attached to, each with its {@code internal} flag. */
  Map<String, Boolean> networks() {
    Map<String, Boolean> networks = new HashMap<>();
    String ids = compose(Duration.ofSeconds(60), "ps", "-q");
    for (String id : ids.split("\n")) {
      if (id.isBlank()) {
        continue;
      }
      for (String network : docker("inspect", "-f", "{{range $name, $n := .NetworkSettings.Networks}}{{$name}} {{end}}", id.strip()).strip().split(" ")) {
        if (!network.isBlank() && !networks.containsKey(network)) {
          networks.put(network, Boolean.parseBoolean(docker("network", "inspect", "-f", "{{.Internal}}", network).strip()));
        }
      }
    }
    return networks;
  }

  /** Every service's last log lines into {@code file}, for a failure's diagnosis. */
  void saveLogs(Path file) {
    try {
      Files.writeString(file, compose(Duration.ofMinutes(2), "logs", "--no-color", "--tail", "300"));
    } catch (IOException | AssertionError e) {
      System.err.println("could not save the deployment's logs: " + e.getMessage());
    }
  }

  /** {@code docker-compose down -v}: containers, network and volumes gone. */
  @Override
  public void close() {
    compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans", "--timeout", "5");
  }

  private String compose(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of(compose.toString()));
    command.addAll(files);
    command.addAll(Arrays.asList(args));
    return run(command, timeout);
  }

  private String docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(Arrays.asList(args));
    return run(command, Duration.ofSeconds(60));
  }

  private String run(List<String> command, Duration timeout) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
  }
}
