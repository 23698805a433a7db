package io.chartstream.dbv.s3;

import io.chartstream.dbv.DbvException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Takes a consistent copy of a dbv that a {@code DbvWriter} may be writing at the same time, with
 * SQLite's {@code VACUUM INTO} on a separate read-only connection.
 *
 * <p>Copying the live file would not do: a WAL-mode dbv keeps its latest batches in the
 * {@code -wal} file, and a byte copy taken during a checkpoint mixes two states. {@code VACUUM
 * INTO} reads one read transaction, so the copy holds exactly the batches committed when it began
 * (tiles and offsets of the same batch together); under WAL it never blocks the writer. The copy is
 * then switched to the rollback journal so it is one self-contained file, readable without
 * {@code -wal}/{@code -shm} companions, even from read-only media.
 */
public final class DbvSnapshotter {
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private DbvSnapshotter() {}

  /**
   * Writes a snapshot of {@code dbv} to {@code target}, which must not exist or be empty.
   *
   * @throws DbvException if the dbv cannot be read or the snapshot not written
   */
  public static void snapshot(Path dbv, Path target) {
    if (!Files.isRegularFile(dbv)) {
      throw new DbvException("cannot snapshot " + dbv + ": no such file", null);
    }
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    readOnly.setBusyTimeout(BUSY_TIMEOUT_MS);
    try (Connection source = DriverManager.getConnection(jdbcUrl(dbv), readOnly.toProperties());
        // The INTO clause takes an expression, so the path is bound, never spliced into SQL.
        PreparedStatement vacuum = source.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, target.toAbsolutePath().toString());
      vacuum.execute();
    } catch (SQLException e) {
      throw new DbvException("cannot snapshot " + dbv + " into " + target + ": " + e.getMessage(), e);
    }
    try (Connection copy = DriverManager.getConnection(jdbcUrl(target));
        Statement st = copy.createStatement()) {
      st.execute("PRAGMA journal_mode=DELETE");
    } catch (SQLException e) {
      throw new DbvException("cannot finish snapshot " + target + ": " + e.getMessage(), e);
    }
  }

  private static String jdbcUrl(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }
}
