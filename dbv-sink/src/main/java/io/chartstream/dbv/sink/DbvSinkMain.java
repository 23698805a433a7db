package io.chartstream.dbv.sink;

import io.chartstream.dbv.DbvMetadata;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Runs a {@link DbvSink} until the JVM is stopped:
 * {@code DbvSinkMain BOOTSTRAP REGISTRY_URL DBV [TILES_TOPIC CATALOG_TOPIC]}. The level table
 * and mariner's settings recorded in a new dbv come from {@code config/levels.properties} and
 * {@code config/mariner.properties} when they exist in the working directory.
 */
public final class DbvSinkMain {
  private DbvSinkMain() {}

  public static void main(String[] args) {
    if (args.length != 3 && args.length != 5) {
      System.err.println("usage: DbvSinkMain BOOTSTRAP REGISTRY_URL DBV [TILES_TOPIC CATALOG_TOPIC]");
      System.exit(2);
    }
    DbvMetadata metadata = DbvMetadata.worldMercator(
        properties(Path.of("config/levels.properties")), properties(Path.of("config/mariner.properties")));
    DbvSinkConfig config = DbvSinkConfig.of(args[0], args[1], Path.of(args[2]), metadata);
    if (args.length == 5) {
      config = config.withTopics(args[3], args[4]);
    }
    DbvSink sink = new DbvSink(config);
    Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "dbv-sink-shutdown"));
    sink.run();
  }

  /** A properties file as a sorted map; empty when the file is missing. */
  static Map<String, String> properties(Path file) {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    props.stringPropertyNames().forEach(name -> out.put(name, props.getProperty(name).strip()));
    return out;
  }
}
