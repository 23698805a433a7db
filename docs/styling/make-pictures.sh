#!/usr/bin/env bash
# Draws the pictures of docs/styling.md the way a user would: `chartstream run --once` turns the
# cells into a dbv (built-in S-52 tables of config/s52), `chartstream render` draws RCLs of it in
# the day and night palettes. Run from the repository root: docs/styling/make-pictures.sh
# Needs ../shared (the NOAA cells and the ECDIS Chart 1 exchange set). Scratch under work/pictures.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/styling
work=work/pictures
rm -rf "$work" && mkdir -p "$work"

# name | input | RCLs (LEVEL/ROW/COL) to draw
sets=(
  "ecdis-chart-1|../shared/s52/ECDIS_Chart_1|12/1875/1990 13/3751/3980"
  "us5wa22m|../shared/s57/US5WA22M|13/2878/1310"
  "us5ma12m|../shared/s57/US5MA12M|13/3037/2482"
)
for set in "${sets[@]}"; do
  IFS='|' read -r name input rcls <<<"$set"
  ./chartstream run --input "$input" --dbv "$work/$name.dbv" --work-dir "$work/$name" --once --quiet --http-port 0 >/dev/null
  for rcl in $rcls; do
    for palette in day night; do
      ./chartstream render "$work/$name.dbv" --rcl "$rcl" --palette "$palette" --size 1024 \
        -o "$out/$name-${rcl//\//-}-$palette.png"
    done
  done
done
