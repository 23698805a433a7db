package io.chartstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {
  @TempDir Path dir;

  @Test
  void theRepositorysClusterConfigSpreadsOverThreeBrokersWithStandbys() throws Exception {
    ClusterSettings settings = ClusterSettings.load(ConfigDir.find().resolve("cluster.properties"));
    assertEquals(new ClusterSettings(6, (short) 3, 1, 1, Map.of("session.timeout.ms", "10000", "heartbeat.interval.ms", "2000")), settings);
  }

  @Test
  void commandLineValuesWinAndMissingKeysKeepTheDefaults() throws Exception {
    Path file = Files.writeString(dir.resolve("c.properties"), "partitions=12\n");
    ClusterSettings settings = ClusterSettings.load(file).withExplicit(null, (short) 1, null, 4);
    assertEquals(new ClusterSettings(12, (short) 1, 0, 4, Map.of()), settings);
  }

  @Test
  void aBadValueNamesTheFileAndTheKey() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.properties"), "num.standby.replicas=one\n");
    var e = assertThrows(IllegalArgumentException.class, () -> ClusterSettings.load(file));
    assertTrue(e.getMessage().contains("bad.properties") && e.getMessage().contains("num.standby.replicas"), e.getMessage());
  }
}
