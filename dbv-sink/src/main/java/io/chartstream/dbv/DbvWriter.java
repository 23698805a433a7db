package io.chartstream.dbv;

import io.chartstream.schema.avro.ChartContribution;
import io.chartstream.schema.avro.RclTile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a dbv: creates the tables on open, then applies {@link DbvBatch}es, each in one SQLite
 * transaction (WAL journal). The Kafka offsets the batch reaches are stored in the same
 * transaction, so a batch is in the file with its offsets or not at all.
 *
 * <p>{@code synchronous=NORMAL}: the WAL is synced at checkpoints, not at every commit. A process
 * crash loses nothing; a power loss or OS crash may undo the last batches, and their offsets go
 * with them, so the sink reads those tiles from Kafka again on restart (the topics, not the dbv,
 * are what production resumes from). A sync per commit cost an update about 60 ms of its latency.
 * A tile replaces the stored row only when its sequence is higher, so replaying a topic from any
 * earlier offset leaves the file as it was. Tiles go in multi-row statements of at most
 * {@value DbvFormat#MAX_PARAMETERS} parameters, as planetiler's Mbtiles does. Not thread-safe.
 */
public final class DbvWriter implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(DbvWriter.class);
  private static final int TILE_COLUMNS = 9;
  private static final int TILE_ROWS_PER_STATEMENT = DbvFormat.MAX_PARAMETERS / TILE_COLUMNS;

  private final Connection connection;
  private final TileBlobCodec codec = new TileBlobCodec();

  private DbvWriter(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens {@code file}, creating it with {@code metadata} when new. An existing file keeps its
   * metadata, except that rows it lacks are added.
   */
  public static DbvWriter open(Path file, DbvMetadata metadata) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = connection.createStatement()) {
        DbvFormat.check(file.toString(), formatVersion(connection, st)); // before anything changes the file
      } catch (DbvException e) {
        connection.close();
        throw e;
      }
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA busy_timeout=10000");
      }
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        for (String ddl : DbvFormat.DDL) {
          st.execute(ddl);
        }
      }
      try (PreparedStatement ps = connection.prepareStatement(
          "INSERT OR IGNORE INTO metadata(key, value) VALUES (?, ?)")) {
        for (Map.Entry<String, String> e : metadata.toEntries().entrySet()) {
          ps.setString(1, e.getKey());
          ps.setString(2, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      connection.commit();
      LOGGER.info("Opened dbv {}", file);
      return new DbvWriter(connection);
    } catch (SQLException e) {
      throw new DbvException("cannot open dbv " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's format_version, or null when it has none yet (a new file). */
  static String formatVersion(Connection connection, Statement st) throws SQLException {
    try (var tables = st.executeQuery("SELECT 1 FROM sqlite_master WHERE type='table' AND name='metadata'")) {
      if (!tables.next()) {
        return null;
      }
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM metadata WHERE key = ?")) {
      ps.setString(1, DbvFormat.KEY_FORMAT_VERSION);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Upserts tiles and stores offsets in one transaction. */
  public void upsertTiles(List<RclTile> tiles, Map<SourcePartition, Long> nextOffsets) {
    write(DbvBatch.ofTiles(tiles, nextOffsets));
  }

  /** Applies a batch in one transaction: everything in it is committed, or nothing. */
  public void write(DbvBatch batch) {
    try {
      removeCharts(batch.removedCharts());
      for (DbvChart chart : batch.charts()) {
        upsertChart(chart);
      }
      List<EncodedTile> tiles = newestPerRcl(batch.tiles());
      for (int from = 0; from < tiles.size(); from += TILE_ROWS_PER_STATEMENT) {
        upsertTileRows(tiles.subList(from, Math.min(tiles.size(), from + TILE_ROWS_PER_STATEMENT)));
      }
      storeOffsets(batch.nextOffsets());
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(e);
      throw e instanceof DbvException d ? d : new DbvException("cannot write batch: " + e.getMessage(), e);
    }
  }

  /** Within a batch only the highest sequence of an RCL matters; dropping the rest saves compressing. */
  private static List<EncodedTile> newestPerRcl(Collection<EncodedTile> tiles) {
    Map<Long, EncodedTile> newest = new LinkedHashMap<>();
    for (EncodedTile tile : tiles) {
      newest.merge(tile.rcl(), tile, (a, b) -> b.sequence() > a.sequence() ? b : a);
    }
    return new ArrayList<>(newest.values());
  }

  private void upsertTileRows(List<EncodedTile> tiles) throws SQLException {
    String values = String.join(",", java.util.Collections.nCopies(tiles.size(), "(?,?,?,?,?,?,?,?,?)"));
    String sql = "INSERT INTO tiles(level,row,col,rcl,sequence,charts,feature_count,content_hash,blob) VALUES "
        + values
        + " ON CONFLICT(rcl) DO UPDATE SET level=excluded.level, row=excluded.row, col=excluded.col,"
        + " sequence=excluded.sequence, charts=excluded.charts, feature_count=excluded.feature_count,"
        + " content_hash=excluded.content_hash, blob=excluded.blob"
        + " WHERE excluded.sequence > tiles.sequence";
    // Compressing is most of a batch's time (about 60 MB/s of tile per core at zlib level 1), and
    // an update's few large tiles would otherwise be compressed one after another on one core.
    List<byte[]> blobs = tiles.parallelStream().map(codec::compress).toList();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int p = 1;
      for (int i = 0; i < tiles.size(); i++) {
        EncodedTile tile = tiles.get(i);
        ps.setInt(p++, tile.level());
        ps.setInt(p++, tile.row());
        ps.setInt(p++, tile.col());
        ps.setLong(p++, tile.rcl());
        ps.setLong(p++, tile.sequence());
        ps.setString(p++, chartsJson(tile.charts()));
        ps.setInt(p++, tile.featureCount());
        ps.setString(p++, tile.contentHash());
        ps.setBytes(p++, blobs.get(i));
      }
      ps.executeUpdate();
    }
  }

  /** The tiles.charts column: a JSON list of {chart_id, revision, piece_count} objects. */
  static String chartsJson(List<ChartContribution> charts) {
    return charts.stream()
        .map(c -> "{\"chart_id\":" + Json.string(c.getChartId()) + ",\"revision\":" + Json.string(c.getRevision())
            + ",\"piece_count\":" + c.getPieceCount() + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private void removeCharts(Collection<String> chartIds) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM charts WHERE chart_id = ?")) {
      for (String id : chartIds) {
        ps.setString(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void upsertChart(DbvChart chart) throws SQLException {
    if (chart.revision().isEmpty()) {
      // A CATALOG.031 entry seen again after the cell was read adds nothing to the versions.
      if (hasVersions(chart.chartId())) {
        return;
      }
    } else {
      // Once a version has been read, the exchange-set placeholder says nothing more.
      try (PreparedStatement ps = connection.prepareStatement(
          "DELETE FROM charts WHERE chart_id = ? AND revision = ''")) {
        ps.setString(1, chart.chartId());
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT OR REPLACE INTO charts(chart_id,revision,edition,update_number,update_application_date,"
            + "issue_date,compilation_scale,usage_band,source,file,coverage,features_in,features_with_geometry)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, chart.chartId());
      ps.setString(2, chart.revision());
      setInt(ps, 3, chart.edition());
      setInt(ps, 4, chart.updateNumber());
      ps.setString(5, chart.updateApplicationDate());
      ps.setString(6, chart.issueDate());
      setInt(ps, 7, chart.compilationScale());
      setInt(ps, 8, chart.usageBand());
      ps.setString(9, chart.source());
      ps.setString(10, chart.file());
      ps.setBytes(11, chart.coverage());
      setInt(ps, 12, chart.featuresIn());
      setInt(ps, 13, chart.featuresWithGeometry());
      ps.executeUpdate();
    }
  }

  private boolean hasVersions(String chartId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT 1 FROM charts WHERE chart_id = ? AND revision <> '' LIMIT 1")) {
      ps.setString(1, chartId);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  private void storeOffsets(Map<SourcePartition, Long> offsets) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT OR REPLACE INTO sink_offsets(topic, partition, next_offset) VALUES (?,?,?)")) {
      for (Map.Entry<SourcePartition, Long> e : offsets.entrySet()) {
        ps.setString(1, e.getKey().topic());
        ps.setInt(2, e.getKey().partition());
        ps.setLong(3, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void rollbackQuietly(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
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
