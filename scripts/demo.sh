#!/usr/bin/env bash
# The demo chain, headless through bin/lunar-process, on the embedded synthetic scene:
# scene -> DOM/DEM fusion -> crater detection (+ evaluation against the ground truth) -> crater ages -> CSFD,
# and reflectance -> band-ratio and CNN oxides -> Mg# -> equal-area statistics; then a styled .qgz and a PNG map.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${DEMO_OUTPUT:-demo_output}"
mkdir -p "$OUT"
LP=bin/lunar-process
LAST="$OUT/.last.json"
run() { echo "== $1"; "$LP" --json run "$@" > "$LAST" || { cat "$LAST"; exit 1; }; }
result() { python3 -c "import json,sys; r=json.load(open('$LAST'))['results']; print($1)"; }

run lunar:syntheticscene -- WIDTH=1024 HEIGHT=1024 CENTRE_LON=-20 CENTRE_LAT=10 PIXEL_M=100 SEED=42 \
  OUTPUT_DEM="$OUT/dem.tif" OUTPUT_DOM="$OUT/dom.tif" OUTPUT_REFLECTANCE="$OUT/reflectance.tif" \
  OUTPUT_CRATERS="$OUT/craters_truth.gpkg" OUTPUT_UNITS="$OUT/units.gpkg"
run lunar:fusedomdem -- DEM="$OUT/dem.tif" DOM="$OUT/dom.tif" OUTPUT="$OUT/fused.tif"

# Craters: detect on the fused raster's elevation band, score against the ground truth (>= 8 px = 0.8 km).
run lunar:detectcraters -- INPUT="$OUT/fused.tif" MIN_DIAMETER_KM=0.5 OUTPUT="$OUT/craters_detected.gpkg"
run lunar:evaluatecraters -- DETECTIONS="$OUT/craters_detected.gpkg" CATALOG="$OUT/craters_truth.gpkg" \
  MIN_DIAMETER_KM=0.8 OUTPUT="$OUT/craters_evaluation.gpkg" OUTPUT_BINS="$OUT/craters_evaluation_bins.csv"
result "f'   craters >= 8 px: recall {r[\"RECALL\"]:.3f}, precision {r[\"PRECISION\"]:.3f}, F1 {r[\"F1\"]:.3f}'"
# The age model covers D >= 20 km (LOLA-scale craters): the scene's smaller craters keep a System flagged
# in_model_range = false, are drawn as "no System", and the CSFD counts them in 'all craters' only.
run lunar:classifycraterages -- CRATERS="$OUT/craters_detected.gpkg" DEM="$OUT/dem.tif" DOM="$OUT/dom.tif" \
  OUTPUT="$OUT/craters_aged.gpkg"
run lunar:csfd -- CRATERS="$OUT/craters_aged.gpkg" AREA="$OUT/units.gpkg" MIN_DIAMETER_KM=1 MAX_DIAMETER_KM=20 \
  SPLIT_BY_SYSTEM=true OUTPUT_TABLE="$OUT/csfd_table.csv" OUTPUT_PLOT="$OUT/csfd.png" \
  OUTPUT_HTML="$OUT/csfd.html" OUTPUT_DIAM="$OUT/craters_detected.diam"
result "f'   model age of the detected craters: {r[\"MODEL_AGE_GA\"]:.2f} ± {r[\"MODEL_AGE_ERR_GA\"]:.2f} Ga ({r[\"SYSTEM\"]}), {int(r[\"N_CRATERS\"])} craters'"

# Metre-scale craters on a real LRO NAC tile (0.5 m/px; a tile the NAC model's training held out), when the shared
# data is there: the shipped NAC image model, evaluation against the tile's labels (>= 8 px = 4 m), CSFD of the tile.
NAC="${LUNAR_SHARED_DATA:-../shared/data}/nac_train/M1229577647_mosaic_train_small"
if [ -f "$NAC.tif" ]; then
  gdal_translate -q -of VRT "$(realpath "$NAC.tif")" "$OUT/nac_tile.vrt"
  gdaltindex -t_srs "+proj=longlat +R=1737400 +no_defs" -f GPKG "$OUT/nac_footprint.gpkg" "$OUT/nac_tile.vrt" > /dev/null
  run lunar:detectcraters -- INPUT="$OUT/nac_tile.vrt" SHIPPED_MODEL=1 MIN_DIAMETER_KM=0.003 MAX_DIAMETER_KM=1 \
    OUTPUT="$OUT/nac_craters_detected.gpkg"
  run lunar:evaluatecraters -- DETECTIONS="$OUT/nac_craters_detected.gpkg" CATALOG="${NAC}_craters.csv" \
    DIAMETER_FIELD=Diam_km MIN_DIAMETER_KM=0.004 MAX_DIAMETER_KM=10 OUTPUT="$OUT/nac_craters_evaluation.gpkg"
  result "f'   NAC tile, craters >= 8 px: recall {r[\"RECALL\"]:.3f}, precision {r[\"PRECISION\"]:.3f}, F1 {r[\"F1\"]:.3f}'"
  run lunar:csfd -- CRATERS="$OUT/nac_craters_detected.gpkg" AREA="$OUT/nac_footprint.gpkg" MIN_DIAMETER_KM=0.01 \
    MAX_DIAMETER_KM=0.05 OUTPUT_TABLE="$OUT/nac_csfd_table.csv" OUTPUT_PLOT="$OUT/nac_csfd.png" OUTPUT_HTML="$OUT/nac_csfd.html"
  result "f'   NAC tile CSFD: {int(r[\"N_CRATERS\"])} craters, model age {r[\"MODEL_AGE_GA\"]:.2f} Ga'"
fi

# Chemistry: band-ratio equations and the shipped Clementine CNN, Mg#, equal-area statistics per unit.
run lunar:oxideequations -- INPUT="$OUT/reflectance.tif" BAND_415=1 BAND_750=2 BAND_950=4 PRESET=0 \
  OUTPUT_FEO="$OUT/feo_equation.tif" OUTPUT_TIO2="$OUT/tio2_equation.tif" OUTPUT_OMAT="$OUT/omat.tif"
run lunar:oxidecnn -- INPUT="$OUT/reflectance.tif" BANDS=1,2,3,4,5 OUTPUT_FEO="$OUT/feo_cnn.tif" \
  OUTPUT_TIO2="$OUT/tio2_cnn.tif" OUTPUT_AL2O3="$OUT/al2o3_cnn.tif" OUTPUT_MGO="$OUT/mgo_cnn.tif" \
  OUTPUT_CAO="$OUT/cao_cnn.tif" OUTPUT_DOMAIN="$OUT/cnn_domain.tif" OUTPUT_UNCERTAINTY="$OUT/cnn_sigma.tif"
run lunar:mgnumber -- FEO="$OUT/feo_cnn.tif" MGO="$OUT/mgo_cnn.tif" OUTPUT="$OUT/mg_number.tif"
run lunar:equalareasampling -- RASTERS="$OUT/feo_equation.tif" RASTERS="$OUT/tio2_equation.tif" \
  RASTERS="$OUT/omat.tif" RASTERS="$OUT/feo_cnn.tif" RASTERS="$OUT/tio2_cnn.tif" RASTERS="$OUT/al2o3_cnn.tif" \
  RASTERS="$OUT/mgo_cnn.tif" RASTERS="$OUT/cao_cnn.tif" RASTERS="$OUT/mg_number.tif" RASTERS="$OUT/cnn_domain.tif" \
  LAT_STEP=0.05 AREA_KM2=2.25 ZONES="$OUT/units.gpkg" ZONE_FIELD=kind OUTPUT="$OUT/equal_area_samples.gpkg" \
  OUTPUT_STATS="$OUT/equal_area_stats.csv"
# Every oxide layer per unit, then over all cells and over the cells inside the CNN's spectral domain (cnn_domain = 1).
.venv/bin/python - "$OUT/equal_area_samples.gpkg" "$OUT/cnn_domain.tif" "$OUT/equal_area_stats.csv" <<'PY'
import csv
import sys
import numpy as np
from osgeo import gdal, ogr
names = ["feo_equation", "tio2_equation", "feo_cnn", "tio2_cnn", "al2o3_cnn", "mgo_cnn", "cao_cnn", "mg_number"]
for r in csv.DictReader(open(sys.argv[3])):
    if r["variable"] in names and r["zone"] != "all" and r["count"] not in ("", "0"):
        print(f"   {r['variable']:<13} {r['zone']:<9} mean {float(r['mean']):6.2f}  median {float(r['p50']):6.2f}"
              f"  n={r['count']}")
samples = ogr.Open(sys.argv[1])  # kept: a layer dies with its data source
layer = samples.GetLayer(0)
rows = np.array([[f.GetField(n) if f.GetField(n) is not None else np.nan for n in names + ["cnn_domain"]]
                 for f in layer], float)
inside = rows[:, -1] == 1
print(f"   CNN spectral domain: {100 * float(gdal.Open(sys.argv[2]).GetMetadataItem('LUNAR_DOMAIN_FRACTION_OUTSIDE')):.1f}%"
      f" of the pixels outside; {int(inside.sum())} of {len(rows)} equal-area cells inside")
for j, name in enumerate(names):
    ok = np.isfinite(rows[:, j])
    masked = ok & inside
    inner = (f"mean {np.mean(rows[masked, j]):6.2f} median {np.median(rows[masked, j]):6.2f} n={int(masked.sum())}"
             if masked.any() else "no cell")
    print(f"   {name:<13} all cells: mean {np.mean(rows[ok, j]):6.2f} median {np.median(rows[ok, j]):6.2f} "
          f"n={int(ok.sum())} | inside the domain: {inner}")
PY
rm -f "$LAST"
echo "== project and map"
QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_demo_project.py "$OUT"
echo "Demo outputs in $OUT/: open $OUT/lunar_lab_demo.qgz in QGIS; map preview $OUT/demo_map.png"
