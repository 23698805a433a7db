#!/usr/bin/env bash
# The whole production against GDAL's ogr2ogr on the same cells, in the same run (issue #6):
#   chartstream: run --once (JVM, embedded broker, registry, Connect, topology with every stage and
#                the dbv sink; start-up included) on every shared cell into a fresh work dir and dbv
#   baseline:    ogr2ogr -f GPKG -t_srs EPSG:3395 -gt unlimited on every base cell (same S-57 open
#                options, updates applied), one process per cell
# Prints wall time, CPU seconds (user + sys), peak RSS and source features per CPU-second.
# Usage: benchmarks/production-vs-ogr2ogr.sh [S57_DIR]. CHARTSTREAM_CP=classpath runs that build's
# io.chartstream.app.Main instead of ./chartstream (to compare two versions in one session);
# DBV_OUT=file keeps the dbv.
set -euo pipefail
source "$(dirname "$0")/common.sh"
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -n "${CHARTSTREAM_CP:-}" ]; then
  chartstream=("$java_home/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CHARTSTREAM_CP" io.chartstream.app.Main)
else
  chartstream=("$here/chartstream")
  "$here/chartstream" --version >/dev/null   # builds if needed, outside the timings
  "$here/chartstream" warm-start >/dev/null 2>&1 || true   # the start-up cache, trained outside the timings
fi

mapfile -t cells < <(find "$s57" -name '*.000' | sort)

/usr/bin/time -f "%e %U %S %M" -o "$tmp/ogr.time" bash -c '
  out=$1; shift; n=0
  for cell in "$@"; do n=$((n+1)); ogr2ogr -q -f GPKG -t_srs EPSG:3395 -gt unlimited "$out/$n.gpkg" "$cell" '"${options[*]}"' 2>/dev/null || true; done
' _ "$tmp" "${cells[@]}"
ogr_features=$(count_gpkg_features "$tmp"/*.gpkg)

(cd "$here" && /usr/bin/time -f "%e %U %S %M" -o "$tmp/cs.time" "${chartstream[@]}" run --input "$s57" --dbv "$tmp/chart.dbv" \
  --work-dir "$tmp/work" --once --quiet >"$tmp/cs.out" 2>"$tmp/cs.err") || { tail -20 "$tmp/cs.err"; exit 1; }
# The same source features: ogr2ogr's count less each cell's DSID record (chartstream carries it in ChartStart).
cs_features=$((ogr_features - ${#cells[@]}))

report() { # name wall user sys rss_kb features
  awk -v n="$1" -v w="$2" -v u="$3" -v s="$4" -v m="$5" -v f="$6" 'BEGIN {
    cpu = u + s; printf "%-48s %7.2f s wall %7.2f CPU-s (%.2f user + %.2f sys) %6.0f MB peak RSS", n, w, cpu, u, s, m / 1024
    if (f > 0) printf "  %d features: %.0f per CPU-s, %.0f per s", f, f / cpu, f / w
    printf "\n" }'
}
echo "input: ${#cells[@]} base cells and their updates in $s57; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r w u s m < "$tmp/ogr.time"; report "ogr2ogr -f GPKG -t_srs EPSG:3395 -gt unlimited" "$w" "$u" "$s" "$m" "$ogr_features"
read -r w u s m < "$tmp/cs.time"; report "chartstream run --once" "$w" "$u" "$s" "$m" "$cs_features"
echo "dbv: $(du -k "$tmp/chart.dbv" | cut -f1) KB"
if [ -n "${DBV_OUT:-}" ]; then cp "$tmp/chart.dbv" "$DBV_OUT"; fi   # to compare two versions' output
