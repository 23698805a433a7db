package io.chartstream.dbv;

import io.chartstream.schema.avro.RclTile;
import io.chartstream.schema.tile.TileGrid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dbv says about itself in its {@code metadata} table: the CRS, the RCL grid, the level
 * table, the S-52 palettes and mariner's settings the tiles were styled with. The format version,
 * tile codec and tile schema are added by {@link #toEntries()}, never chosen by the caller.
 *
 * @param crs target CRS, e.g. {@code EPSG:3395}
 * @param gridHalfEdge half the edge of the square grid extent in CRS units (metres), centred on 0,0
 * @param levelTable level table settings (band.N / scale.N → level), as in levels.properties
 * @param palettes palette names in the order of the colours in each style
 * @param marinerSettings mariner's settings used by conditional symbology
 */
public record DbvMetadata(
    String crs,
    double gridHalfEdge,
    Map<String, String> levelTable,
    List<String> palettes,
    Map<String, String> marinerSettings) {

  /** Half the edge of EPSG:3395 World Mercator's square: the equator's half length in metres. */
  public static final double WORLD_MERCATOR_HALF_EDGE = 20037508.342789244;

  public DbvMetadata {
    levelTable = Map.copyOf(levelTable);
    palettes = List.copyOf(palettes);
    marinerSettings = Map.copyOf(marinerSettings);
  }

  /** World Mercator, the built-in palettes, the given settings. */
  public static DbvMetadata worldMercator(Map<String, String> levelTable, Map<String, String> marinerSettings) {
    return new DbvMetadata("EPSG:3395", WORLD_MERCATOR_HALF_EDGE, levelTable,
        List.of("day", "dusk", "night"), marinerSettings);
  }

  /** The metadata rows: key → value text, as {@code docs/dbv-format.md} specifies them. */
  public Map<String, String> toEntries() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(DbvFormat.KEY_FORMAT_VERSION, Integer.toString(DbvFormat.FORMAT_VERSION));
    entries.put(DbvFormat.KEY_CRS, crs);
    entries.put(DbvFormat.KEY_GRID, gridJson());
    entries.put(DbvFormat.KEY_LEVELS, Json.object(new TreeMap<>(levelTable)));
    entries.put(DbvFormat.KEY_PALETTES, Json.array(palettes));
    entries.put(DbvFormat.KEY_MARINER, Json.object(new TreeMap<>(marinerSettings)));
    entries.put(DbvFormat.KEY_TILE_CODEC, DbvFormat.TILE_CODEC);
    entries.put(DbvFormat.KEY_TILE_SCHEMA, RclTile.getClassSchema().toString());
    return entries;
  }

  private String gridJson() {
    String h = Double.toString(gridHalfEdge);
    return "{\"min_x\":-" + h + ",\"min_y\":-" + h + ",\"max_x\":" + h + ",\"max_y\":" + h
        + ",\"tiles_per_side\":\"2^level\",\"row_origin\":\"north\",\"col_origin\":\"west\",\"grid_bits\":"
        + TileGrid.BITS + "}";
  }
}
