#!/usr/bin/env bash
# The demo chain, headless through bin/lunar-process, on the embedded synthetic scene:
# scene -> DOM/DEM fusion -> band-ratio oxides -> equal-area statistics -> CSFD -> styled .qgz + PNG map.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${DEMO_OUTPUT:-demo_output}"
mkdir -p "$OUT"
LP=bin/lunar-process
run() { echo "== $1"; "$LP" --json run "$@" > "$OUT/.last.json" || { cat "$OUT/.last.json"; exit 1; }; }

run lunar:syntheticscene -- WIDTH=1024 HEIGHT=1024 CENTRE_LON=-20 CENTRE_LAT=10 PIXEL_M=100 SEED=42 \
  OUTPUT_DEM="$OUT/dem.tif" OUTPUT_DOM="$OUT/dom.tif" OUTPUT_REFLECTANCE="$OUT/reflectance.tif" \
  OUTPUT_CRATERS="$OUT/craters_truth.gpkg" OUTPUT_UNITS="$OUT/units.gpkg"
run lunar:fusedomdem -- DEM="$OUT/dem.tif" DOM="$OUT/dom.tif" OUTPUT="$OUT/fused.tif"
run lunar:oxideequations -- INPUT="$OUT/reflectance.tif" BAND_415=1 BAND_750=2 BAND_950=4 PRESET=0 \
  OUTPUT_FEO="$OUT/feo_equation.tif" OUTPUT_TIO2="$OUT/tio2_equation.tif" OUTPUT_OMAT="$OUT/omat.tif"
run lunar:equalareasampling -- RASTERS="$OUT/feo_equation.tif" RASTERS="$OUT/tio2_equation.tif" \
  RASTERS="$OUT/omat.tif" LAT_STEP=0.05 AREA_KM2=2.25 ZONES="$OUT/units.gpkg" ZONE_FIELD=kind \
  OUTPUT="$OUT/equal_area_samples.gpkg" OUTPUT_STATS="$OUT/equal_area_stats.csv"
run lunar:csfd -- CRATERS="$OUT/craters_truth.gpkg" AREA="$OUT/units.gpkg" MIN_DIAMETER_KM=1 MAX_DIAMETER_KM=20 \
  OUTPUT_TABLE="$OUT/csfd_table.csv" OUTPUT_PLOT="$OUT/csfd.png" OUTPUT_DIAM="$OUT/craters_truth.diam"
python3 - "$OUT/.last.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"   model age of the ground-truth craters: {r['MODEL_AGE_GA']:.2f} ± {r['MODEL_AGE_ERR_GA']:.2f} Ga "
      f"({r['SYSTEM']}), {int(r['N_CRATERS'])} craters")
PY
rm -f "$OUT/.last.json"
echo "== project and map"
QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_demo_project.py "$OUT"
echo "Demo outputs in $OUT/: open $OUT/lunar_lab_demo.qgz in QGIS; map preview $OUT/demo_map.png"
