package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The images the container tests run: those {@code docker/images/build.sh} builds on this machine
 * without a registry, named in {@code docker/images/local.env} (the file docker-compose.yml reads
 * them from). A test that needs a Docker engine or one of these images fails on CI
 * ({@code CI=true}), where {@code ./chartstream test} starts the engine and builds the images, and
 * is skipped elsewhere with the command that fixes it.
 */
public final class LocalImages {
  private LocalImages() {}

  /** {@code docker/images/local.env}: the local images, by the variables of docker-compose.yml. */
  public static Path envFile() {
    return ConfigDir.find().resolveSibling("docker/images/local.env");
  }

  /** The local Kafka image, standing in for {@code apache/kafka} (the same entry point and variables). */
  public static DockerImageName kafka() {
    return DockerImageName.parse(require("KAFKA_IMAGE")).asCompatibleSubstituteFor("apache/kafka");
  }

  /** The image named by {@code variable} in local.env, once a Docker engine answers and holds it. */
  public static String require(String variable) {
    String image = names().getProperty(variable);
    if (image == null) {
      throw new AssertionError(envFile() + " names no " + variable);
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      missing("no Docker engine answers: ./chartstream images starts one (docker/engine.sh)");
    }
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
    } catch (NotFoundException e) {
      missing("the local image " + image + " is missing: ./chartstream images builds it (docker/images/build.sh)");
    }
    return image;
  }

  /** Every image local.env names, as docker-compose.yml's variables. */
  public static Properties names() {
    Properties names = new Properties();
    try (Reader in = Files.newBufferedReader(envFile())) {
      names.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static void missing(String message) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }
}
