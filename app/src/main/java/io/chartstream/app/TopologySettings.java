package io.chartstream.app;

import io.chartstream.topology.rcl.LevelTable;
import io.chartstream.topology.s52.BuiltInPresentation;
import io.chartstream.topology.s52.MarinerSettings;
import io.chartstream.topology.s52.PresLibReader;
import io.chartstream.topology.s52.Presentation;
import io.chartstream.topology.s52.TableChoice;
import io.chartstream.topology.S57ChartProfile;
import io.chartstream.topology.streams.TopologyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import io.chartstream.dbv.DbvMetadata;
import picocli.CommandLine.Option;

/**
 * The topology's settings as command-line options (a picocli mixin), read from the config dir:
 * {@code levels.properties}, {@code mariner.properties}, {@code s52/} — or an official PresLib
 * {@code .dai} given with {@code --preslib}.
 */
public final class TopologySettings {
  @Option(names = "--config-dir", defaultValue = "config", description = "Level table, mariner settings and S-52 tables (default: ${DEFAULT-VALUE}).")
  Path configDir;

  @Option(names = "--preslib", description = "An official IHO PresLib digital file (.dai) to style with instead of the built-in tables.")
  Path presLib;

  /** The dbv's metadata for these settings: the level table and mariner settings as written in the config dir. */
  public DbvMetadata dbvMetadata() throws IOException {
    return DbvMetadata.worldMercator(properties(configDir.resolve("levels.properties")), properties(configDir.resolve("mariner.properties")));
  }

  private static Map<String, String> properties(Path file) throws IOException {
    Map<String, String> values = new TreeMap<>();
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (var in = Files.newBufferedReader(file)) {
        p.load(in);
      }
      p.forEach((k, v) -> values.put(k.toString(), v.toString()));
    }
    return values;
  }

  /** The topology config these options describe. */
  public TopologyConfig toConfig() throws IOException {
    return toConfig(configDir, presLib);
  }

  /** The topology config of a config dir, styled with {@code presLib} when given. */
  public static TopologyConfig toConfig(Path configDir, Path presLib) throws IOException {
    Path levels = configDir.resolve("levels.properties");
    Path mariner = configDir.resolve("mariner.properties");
    TopologyConfig base = TopologyConfig.defaults()
        .withLevels(Files.isRegularFile(levels) ? LevelTable.load(levels) : LevelTable.defaults());
    MarinerSettings settings = Files.isRegularFile(mariner) ? MarinerSettings.load(mariner) : MarinerSettings.defaults();
    Presentation presentation = presLib != null ? PresLibReader.read(presLib) : BuiltInPresentation.load(configDir.resolve("s52"));
    return base.withStages(S57ChartProfile.presentation(base.grid(), presentation, settings, TableChoice.defaults()));
  }
}
