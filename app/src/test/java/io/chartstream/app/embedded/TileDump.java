package io.chartstream.app.embedded;

import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.Topics;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.SchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.chartstream.topology.streams.ChartTopology;
import org.apache.kafka.clients.admin.Admin;

/**
 * Reads {@code rcl.tiles} once the topology has read all its inputs and the topic has stopped
 * growing: every emission, in offset order per partition. (A chart version's tiles come only
 * once it ends, so a quiet topic alone may mean a big chart is still being clipped.)
 */
final class TileDump {
  /** One emission of a tile, with the time the topology wrote it. */
  record Emission(RclTile tile, long timestamp) {}

  private TileDump() {}

  static List<Emission> whenSettled(String bootstrap, SchemaRegistryClient registry, Duration quiet, Duration timeout)
      throws InterruptedException {
    List<String> inputs = List.of(Topics.S57_FEATURES, Topics.CHARTS_CATALOG,
        EmbeddedTopology.APPLICATION_ID + "-" + ChartTopology.RCL_EVENTS + "-repartition");
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = -1;
    long stableSince = System.nanoTime();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      while (System.nanoTime() < deadline) {
        long now = TopicDump.endOffsetSum(bootstrap, Topics.RCL_TILES);
        if (now != last || TopologyLag.of(admin, EmbeddedTopology.APPLICATION_ID, inputs) != 0) {
          last = now;
          stableSince = System.nanoTime();
        } else if (now > 0 && System.nanoTime() - stableSince > quiet.toNanos()) {
          break;
        }
        Thread.sleep(500);
      }
    }
    AvroWireDeserializer<RclTile> tiles = new AvroWireDeserializer<>(registry, TopicSchemas.RCL_TILE);
    List<Emission> emissions = new ArrayList<>();
    for (var record : TopicDump.read(bootstrap, Topics.RCL_TILES)) {
      emissions.add(new Emission(tiles.deserialize(Topics.RCL_TILES, record.value()), record.timestamp()));
    }
    return emissions;
  }
}
