# Sourced by the end-to-end benchmark scripts: the repo root, the S-57 input (first argument or
# ../shared/s57), a temporary dir removed on exit, and the S-57 open options GDAL gets in every
# baseline, the same ones the ingest connector uses, so ogr2ogr reads exactly what we read.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
s57=$(cd "${1:-$here/../shared/s57}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
options=(-oo UPDATES=APPLY -oo SPLIT_MULTIPOINT=ON -oo ADD_SOUNDG_DEPTH=ON -oo RECODE_BY_DSSI=ON -oo LNAM_REFS=ON)

# Features ogr2ogr wrote: the sum of ogrinfo's "Feature Count" over every layer of the given
# GeoPackages, the baselines' feature count.
count_gpkg_features() {
  local total=0 n
  for gpkg in "$@"; do
    n=$(ogrinfo -ro -so -al "$gpkg" 2>/dev/null | awk '/^Feature Count:/ {s+=$3} END {print s+0}')
    total=$((total + n))
  done
  echo "$total"
}
