#!/usr/bin/env bash
# dbv size against its S-57 input and against GDAL's GeoPackage of the same cells, and the sink's
# write throughput on the tiles of that dbv, in one run on one machine.
#   dbv:      ./chartstream run --once on every shared cell (tiles with triangles, display points, S-52 styles)
#   baseline: ogr2ogr -f GPKG of every base cell into one GeoPackage (same S-57 open options, updates applied)
#   write:    DbvWriteThroughput rewrites the dbv's tiles through DbvWriter, several tiles per transaction
#   baseline: sqlite3 copies the same rows (blobs already encoded) into a new file in one statement
# Usage: benchmarks/dbv-size.sh [S57_DIR]
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$here/chartstream" --version >/dev/null   # builds if needed
"$here/chartstream" warm-start >/dev/null 2>&1 || true   # the start-up cache, trained outside the timings

mapfile -t cells < <(find "$s57" -name '*.000' | sort)
s57_bytes=$(find "$s57" -regex '.*\.[0-9][0-9][0-9]' -print0 | xargs -0 stat -c %s | awk '{s+=$1} END {print s}')

for cell in "${cells[@]}"; do
  ogr2ogr -q -f GPKG -append "$tmp/all.gpkg" "$cell" "${options[@]}" 2>/dev/null || echo "ogr2ogr failed on $cell" >&2
done
gpkg_bytes=$(stat -c %s "$tmp/all.gpkg")
gpkg_features=$(count_gpkg_features "$tmp/all.gpkg")

"$here/chartstream" run --input "$s57" --dbv "$tmp/chart.dbv" --work-dir "$tmp/work" --once --quiet
dbv_bytes=$(stat -c %s "$tmp/chart.dbv")
tiles=$(sqlite3 "$tmp/chart.dbv" 'select count(*) from tiles')
blob_bytes=$(sqlite3 "$tmp/chart.dbv" 'select sum(length(blob)) from tiles')

awk -v s="$s57_bytes" -v g="$gpkg_bytes" -v d="$dbv_bytes" -v b="$blob_bytes" -v n="${#cells[@]}" -v t="$tiles" -v f="$gpkg_features" 'BEGIN {
  printf "S-57 input (%d base cells + updates)  %8.2f MB\n", n, s / 1e6
  printf "ogr2ogr -f GPKG (%d features)        %8.2f MB  %5.2f x the S-57\n", f, g / 1e6, g / s
  printf "dbv (%d tiles, blobs %.2f MB)         %8.2f MB  %5.2f x the S-57, %5.2f x the GPKG\n", t, b / 1e6, d / 1e6, d / s, d / g
}'

"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$here/benchmarks/target/classes:$here/benchmarks/target/lib/*" \
  io.chartstream.benchmarks.DbvWriteThroughput "$tmp/chart.dbv" 5 1 10 100 2000

start=$(date +%s.%N)
sqlite3 "$tmp/copy.db" "PRAGMA synchronous=FULL; ATTACH '$tmp/chart.dbv' AS s; CREATE TABLE tiles AS SELECT * FROM s.tiles;"
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" -v t="$tiles" -v d="$(stat -c %s "$tmp/copy.db")" 'BEGIN {
  printf "sqlite3 copy of the encoded rows (baseline): %.3f s (%.0f tiles/s, %.1f MB/s), file %.1f MB\n", b - a, t / (b - a), d / 1e6 / (b - a), d / 1e6 }'
