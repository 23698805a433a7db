package io.chartstream.dbv.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartstream.dbv.EncodedTile;
import io.chartstream.dbv.TestTiles;
import io.chartstream.dbv.TileBlobCodec;
import io.chartstream.schema.TopicSchemas;
import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.registry.InMemorySchemaRegistryClient;
import io.chartstream.schema.serde.AvroWireDeserializer;
import io.chartstream.schema.serde.AvroWireFormat;
import io.chartstream.schema.serde.AvroWireSerializer;
import io.chartstream.schema.tile.TileFeatures;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

/** The sink's two ways from an rcl.tiles record to a row: the Avro bytes kept, or decoded and encoded again. */
class TileRecordsTest {
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final TileRecords records = new TileRecords(registry, new AvroWireDeserializer<RclTile>(registry, TopicSchemas.RCL_TILE));

  @Test
  void aTileInTheCurrentSchemaKeepsItsBytesAndItsColumnsAreReadFromTheirHead() {
    RclTile tile = TestTiles.tile(12, 7, 9, 4, 25);
    byte[] value = new AvroWireSerializer<Object>(registry, TopicSchemas.RCL_TILE, false).serialize("rcl.tiles", tile);
    EncodedTile encoded = records.read("rcl.tiles", value);
    assertArrayEquals(Arrays.copyOfRange(value, AvroWireFormat.HEADER_SIZE, value.length), encoded.avro(), "bytes as they came");
    assertColumnsOf(tile, encoded);
    assertEquals(tile, new TileBlobCodec().decode(new TileBlobCodec().compress(encoded)), "the blob decodes to the tile");
  }

  @Test
  void aTileWrittenWithAnotherSchemaIsDecodedIntoTheCurrentOne() {
    RclTile tile = TestTiles.tile(12, 7, 9, 4, 5);
    // An older producer's schema: a field since removed, after the features.
    Schema older = new Schema.Parser().parse(RclTile.SCHEMA$.toString().replaceFirst(
        "\\]\\}\\s*$", ",{\"name\":\"producer\",\"type\":\"string\",\"default\":\"\"}]}"));
    GenericData.Record record = new GenericData.Record(older);
    for (Schema.Field field : RclTile.SCHEMA$.getFields()) {
      record.put(field.name(), tile.get(field.pos()));
    }
    record.put("producer", "chartstream 0.0");
    byte[] value = new AvroWireSerializer<Object>(registry, older, false).serialize("rcl.tiles", record);
    EncodedTile encoded = records.read("rcl.tiles", value);
    assertColumnsOf(tile, encoded);
    assertEquals(tile, new TileBlobCodec().decode(new TileBlobCodec().compress(encoded)), "re-encoded in the current schema");
  }

  @Test
  void aTileWhoseHeadCannotBeReadIsReadTheLongWay() {
    RclTile tile = TestTiles.tile(12, 7, 9, 4, 5);
    byte[] avro = EncodedTile.of(tile).avro();
    assertTrue(EncodedTile.read(Arrays.copyOf(avro, 20), 0).isEmpty(), "cut within its head");
    assertEquals(5, EncodedTile.read(avro, 0).orElseThrow().featureCount(), "the charts' piece counts");
  }

  private static void assertColumnsOf(RclTile tile, EncodedTile encoded) {
    assertEquals(tile.getRcl(), encoded.rcl());
    assertEquals(tile.getLevel(), encoded.level());
    assertEquals(tile.getRow(), encoded.row());
    assertEquals(tile.getCol(), encoded.col());
    assertEquals(tile.getSequence(), encoded.sequence());
    assertEquals(tile.getContentHash(), encoded.contentHash());
    assertEquals(tile.getCharts(), encoded.charts());
    assertEquals(TileFeatures.count(tile), encoded.featureCount());
  }
}
