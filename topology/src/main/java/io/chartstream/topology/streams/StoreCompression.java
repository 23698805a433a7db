package io.chartstream.topology.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * RocksDB settings of the topology's stores ({@code rocksdb.config.setter}): blocks compressed
 * with zstd. Kafka Streams leaves them uncompressed, and the stores hold each feature's pieces
 * (with its style and attributes, repeated from feature to feature) and each chart's sections.
 * On the shared cells: 48 MB of store files uncompressed, 30 MB with LZ4, see docs/BENCHMARKS.md
 * for zstd.
 */
public final class StoreCompression implements RocksDBConfigSetter {
  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    options.setCompressionType(CompressionType.ZSTD_COMPRESSION);
  }

  @Override
  public void close(String storeName, Options options) {
    // nothing allocated here
  }
}
