package io.chartstream.dbv;

import java.util.List;

/**
 * The dbv file layout: table definitions and the constants a reader needs. The prose
 * specification is {@code docs/dbv-format.md}; a change here is a change of that document and of
 * {@link #FORMAT_VERSION}.
 */
public final class DbvFormat {
  /**
   * Version of the layout, stored under metadata key {@code format_version}. 2: tiles hold their
   * pieces in sections, on the integer tile grid ({@code TileSection}); 1 held WKB pieces.
   */
  public static final int FORMAT_VERSION = 2;

  /** SQLite's default limit of host parameters per statement, the bound for multi-row statements. */
  public static final int MAX_PARAMETERS = 999;

  /** Metadata keys. */
  public static final String KEY_FORMAT_VERSION = "format_version";
  public static final String KEY_CRS = "crs";
  public static final String KEY_GRID = "rcl_grid";
  public static final String KEY_LEVELS = "level_table";
  public static final String KEY_PALETTES = "palettes";
  public static final String KEY_MARINER = "mariner_settings";
  public static final String KEY_TILE_SCHEMA = "tile_schema";
  public static final String KEY_TILE_CODEC = "tile_codec";

  /**
   * Refuses a file written in another format version, naming the fix.
   *
   * @param version the file's {@code format_version}, or null when it has none (a new file)
   * @throws DbvException when it is not {@link #FORMAT_VERSION}
   */
  static void check(String file, String version) {
    if (version == null || version.equals(Integer.toString(FORMAT_VERSION))) {
      return;
    }
    throw new DbvException(file + " is a dbv of format version " + version + "; this chartstream reads and writes format "
        + FORMAT_VERSION + " (pieces on the integer tile grid, docs/dbv-format.md) and does not convert it. Produce it again: "
        + "move it away and run './chartstream run' on the input again, or './chartstream replay --work-dir DIR --dbv FILE' "
        + "on the work dir that made it");
  }

  /** Value of {@link #KEY_TILE_CODEC}: zlib stream (RFC 1950) around a raw deflate stream (RFC 1951). */
  public static final String TILE_CODEC = "zlib";

  /** Statements that create an empty dbv; each is idempotent. */
  public static final List<String> DDL = List.of(
      "CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
      """
      CREATE TABLE IF NOT EXISTS charts (
        chart_id TEXT NOT NULL,
        revision TEXT NOT NULL,
        edition INTEGER,
        update_number INTEGER,
        update_application_date TEXT,
        issue_date TEXT,
        compilation_scale INTEGER,
        usage_band INTEGER,
        source TEXT NOT NULL,
        file TEXT NOT NULL,
        coverage BLOB,
        features_in INTEGER,
        features_with_geometry INTEGER,
        PRIMARY KEY (chart_id, revision))""",
      """
      CREATE TABLE IF NOT EXISTS tiles (
        level INTEGER NOT NULL,
        row INTEGER NOT NULL,
        col INTEGER NOT NULL,
        rcl INTEGER PRIMARY KEY,
        sequence INTEGER NOT NULL,
        charts TEXT NOT NULL,
        feature_count INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        blob BLOB NOT NULL)""",
      "CREATE UNIQUE INDEX IF NOT EXISTS tiles_level_row_col ON tiles (level, row, col)",
      """
      CREATE TABLE IF NOT EXISTS sink_offsets (
        topic TEXT NOT NULL,
        partition INTEGER NOT NULL,
        next_offset INTEGER NOT NULL,
        PRIMARY KEY (topic, partition))""");

  private DbvFormat() {}
}
