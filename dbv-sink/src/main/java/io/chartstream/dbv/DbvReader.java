package io.chartstream.dbv;

import io.chartstream.schema.avro.RclTile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * Reads a dbv, read-only, as {@code docs/dbv-format.md} describes it; safe beside a running
 * writer thanks to WAL (each call sees the last committed batch). A file of another format
 * version is refused when opened, with the fix. Tiles come as {@link RclTile} records; their
 * pieces one by one from {@code io.chartstream.schema.tile.TileFeatures}. Not thread-safe.
 */
public final class DbvReader implements AutoCloseable {
  private final Connection connection;
  private final TileBlobCodec codec = new TileBlobCodec();

  private DbvReader(Connection connection) {
    this.connection = connection;
  }

  /** Opens an existing dbv read-only. */
  public static DbvReader open(Path file) {
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      config.setBusyTimeout(10_000);
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
      try (Statement st = connection.createStatement()) {
        DbvFormat.check(file.toString(), DbvWriter.formatVersion(connection, st));
      } catch (DbvException | SQLException e) {
        connection.close();
        throw e;
      }
      return new DbvReader(connection);
    } catch (SQLException e) {
      throw new DbvException("cannot open dbv " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every metadata row, key → value. */
  public Map<String, String> metadata() {
    Map<String, String> out = new LinkedHashMap<>();
    query("SELECT key, value FROM metadata ORDER BY key", rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }

  /** The tile stored at an RCL, decoded, or empty. */
  public Optional<RclTile> tile(int level, int row, int col) {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT blob FROM tiles WHERE level = ? AND row = ? AND col = ?")) {
      ps.setInt(1, level);
      ps.setInt(2, row);
      ps.setInt(3, col);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(codec.decode(rs.getBytes(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DbvException("cannot read tile " + level + "/" + row + "/" + col + ": " + e.getMessage(), e);
    }
  }

  /** The sequence of the tile stored at an RCL, or empty: which version of it is there, without reading its blob. */
  public Optional<Long> sequence(int level, int row, int col) {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT sequence FROM tiles WHERE level = ? AND row = ? AND col = ?")) {
      ps.setInt(1, level);
      ps.setInt(2, row);
      ps.setInt(3, col);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DbvException("cannot read tile " + level + "/" + row + "/" + col + ": " + e.getMessage(), e);
    }
  }

  /** Decodes every tile in RCL order and hands it to {@code action}, one at a time. */
  public void tiles(Consumer<RclTile> action) {
    query("SELECT blob FROM tiles ORDER BY rcl", rs -> action.accept(codec.decode(rs.getBytes(1))));
  }

  /** Every tile row without its blob, in RCL order. */
  public List<TileSummary> tileSummaries() {
    List<TileSummary> out = new ArrayList<>();
    query("SELECT rcl, level, row, col, sequence, content_hash, feature_count, charts FROM tiles ORDER BY rcl",
        rs -> out.add(new TileSummary(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5),
            rs.getString(6), rs.getInt(7), rs.getString(8))));
    return out;
  }

  /** Every chart version, ordered by chart id and revision. */
  public List<DbvChart> charts() {
    List<DbvChart> out = new ArrayList<>();
    query("SELECT chart_id, revision, edition, update_number, update_application_date, issue_date,"
        + " compilation_scale, usage_band, source, file, coverage, features_in, features_with_geometry"
        + " FROM charts ORDER BY chart_id, revision",
        rs -> out.add(new DbvChart(rs.getString(1), rs.getString(2), integer(rs, 3), integer(rs, 4),
            rs.getString(5), rs.getString(6), integer(rs, 7), integer(rs, 8), rs.getString(9),
            rs.getString(10), rs.getBytes(11), integer(rs, 12), integer(rs, 13))));
    return out;
  }

  /** Number of tiles per level. */
  public SortedMap<Integer, Long> tileCountsByLevel() {
    SortedMap<Integer, Long> out = new TreeMap<>();
    query("SELECT level, count(*) FROM tiles GROUP BY level", rs -> out.put(rs.getInt(1), rs.getLong(2)));
    return out;
  }

  /** The sink's position: per partition, the next offset to read. */
  public Map<SourcePartition, Long> storedOffsets() {
    Map<SourcePartition, Long> out = new LinkedHashMap<>();
    query("SELECT topic, partition, next_offset FROM sink_offsets ORDER BY topic, partition",
        rs -> out.put(new SourcePartition(rs.getString(1), rs.getInt(2)), rs.getLong(3)));
    return out;
  }

  private static Integer integer(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private interface RowHandler {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowHandler handler) {
    // One statement, one read transaction: a concurrent writer's batch is seen whole or not at all.
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        handler.accept(rs);
      }
    } catch (SQLException e) {
      throw new DbvException("cannot read dbv: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new DbvException("cannot close dbv: " + e.getMessage(), e);
    }
  }
}
