package io.chartstream.app.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.chartstream.app.ConfigDir;
import io.chartstream.app.RequiredTool;
import io.chartstream.app.embedded.EmbeddedTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config/burrow.toml} is a configuration Burrow accepts for chartstream's consumer group:
 * read with a TOML parser (Jackson's), and by Burrow itself (Debian's package), which configures
 * every module before it needs its ZooKeeper, the one thing this test does not provide.
 */
class BurrowConfigTest {
  private static final Path CONFIG = ConfigDir.find().resolve("burrow.toml");

  @Test
  void theTomlNamesTheTopologyGroupOnOneCluster() throws Exception {
    JsonNode toml = new TomlMapper().readTree(CONFIG.toFile());
    JsonNode consumer = toml.at("/consumer/chartstream");
    String cluster = consumer.get("cluster").asText();
    assertTrue(toml.at("/cluster/" + cluster).isObject(), "consumer chartstream reads cluster " + cluster + ", which is defined");
    assertEquals("kafka", toml.at("/cluster/" + cluster + "/class-name").asText());
    assertEquals("kafka", consumer.get("class-name").asText());
    assertTrue(toml.at("/client-profile/" + consumer.get("client-profile").asText()).isObject());
    assertEquals(toml.at("/cluster/" + cluster + "/servers"), consumer.get("servers"));
    Pattern groups = Pattern.compile(consumer.get("group-whitelist").asText());
    assertTrue(groups.matcher(EmbeddedTopology.APPLICATION_ID).find(), "the topology's group is watched");
    assertFalse(groups.matcher("chartstream-ingest-watcher-0f3e").find(), "throwaway watcher groups are not");
    assertTrue(toml.at("/httpserver/default/address").asText().startsWith("127.0.0.1:"), "Burrow's API stays on this machine");
  }

  @Test
  void burrowAcceptsIt(@TempDir Path dir) throws Exception {
    Path burrow = RequiredTool.require("/usr/bin/Burrow", "burrow");
    Files.copy(CONFIG, dir.resolve("burrow.toml"));
    Process process = new ProcessBuilder(burrow.toString(), "--config-dir", dir.toString())
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertFalse(console.contains("Failed reading configuration"), console);
    String log = Files.readString(dir.resolve("burrow-chartstream.out"));
    // Every module configured from the file, then it stops at its coordinator's ZooKeeper.
    for (String module : new String[] {"\"coordinator\":\"cluster\",\"class\":\"kafka\",\"name\":\"chartstream\"",
        "\"coordinator\":\"consumer\",\"class\":\"kafka\",\"name\":\"chartstream\"",
        "\"coordinator\":\"storage\",\"class\":\"inmemory\",\"name\":\"default\""}) {
      assertTrue(log.lines().anyMatch(l -> l.contains("\"msg\":\"configuring\"") && l.contains(module)), module + " in " + log);
    }
    assertTrue(log.contains("\"msg\":\"starting\",\"type\":\"coordinator\",\"name\":\"zookeeper\""), log);
  }
}
