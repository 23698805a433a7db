#!/usr/bin/env bash
# Ingest throughput, end to end, against GDAL's ogr2ogr on the same cells in the same run.
#   chartstream: ./chartstream ingest --once on every shared cell into a fresh embedded broker
#   baseline:    ogr2ogr -f GPKG on every base cell (same S-57 open options, updates applied)
# Prints wall time, CPU seconds, features/s and MB/s for both. Usage: benchmarks/ingest-vs-ogr2ogr.sh [S57_DIR]
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$here/chartstream" --version >/dev/null   # builds if needed, outside the timings

mapfile -t cells < <(find "$s57" -name '*.000' | sort)
bytes=$(find "$s57" -regex '.*\.[0-9][0-9][0-9]' -print0 | xargs -0 stat -c %s | awk '{s+=$1} END {print s}')

# Baseline: ogr2ogr to GeoPackage, every feature read and written, one process per cell.
/usr/bin/time -f "%e %U %S %M" -o "$tmp/ogr.time" bash -c '
  out=$1; shift; n=0
  for cell in "$@"; do n=$((n+1)); ogr2ogr -q -f GPKG "$out/$n.gpkg" "$cell" '"${options[*]}"' 2>/dev/null || true; done
' _ "$tmp" "${cells[@]}"
ogr_features=$(count_gpkg_features "$tmp"/*.gpkg)

# chartstream: JVM, embedded broker, registry and Connect worker start included.
/usr/bin/time -f "%e %U %S %M" -o "$tmp/cs.time" "$here/chartstream" ingest --input "$s57" --work-dir "$tmp/work" --once \
  >"$tmp/cs.out" 2>"$tmp/cs.err"
window=$(grep -E '^ingest: [0-9]+ charts' "$tmp/cs.out" | tail -1)
cs_features=$(sed -E 's/^ingest: [0-9]+ charts, ([0-9]+) features.*/\1/' <<<"$window")

report() { # name wall user sys maxrss features
  awk -v n="$1" -v w="$2" -v u="$3" -v s="$4" -v m="$5" -v f="$6" -v b="$bytes" 'BEGIN {
    cpu = u + s
    printf "%-28s wall %6.2f s  cpu %6.2f s  peak RSS %5.0f MB  %7d features  %8.0f features/s  %7.0f features/CPU-s  %5.2f MB/s\n",
      n, w, cpu, m / 1024, f, f / w, f / cpu, b / 1e6 / w }'
}
echo "input: ${#cells[@]} base cells and their updates, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1e6}') MB of S-57 in $s57"
read -r w u s m < "$tmp/ogr.time"; report "ogr2ogr -f GPKG (baseline)" "$w" "$u" "$s" "$m" "$ogr_features"
read -r w u s m < "$tmp/cs.time"; report "chartstream ingest --once" "$w" "$u" "$s" "$m" "$cs_features"
echo "chartstream, from connector start to the last ChartEnd committed: ${window#ingest: }"
