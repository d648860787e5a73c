#!/usr/bin/env bash
# End-to-end check of Lunar Lab > Install PyTorch… (or, with PACKAGE=onnxruntime, Install ONNX Runtime…) on a plain
# Debian QGIS (not part of `make test`: it installs about 0.9 GB, or 68 MB, and needs the PyTorch index, PyPI or a
# local wheel mirror in pip's configuration).
#   [PACKAGE=onnxruntime] scripts/check_torch_install.sh [WORKDIR]   (default: a new temporary folder; removed
#   unless KEEP=1)
# 1. a fresh QGIS profile, Debian's python3 (no torch, no onnxruntime, no .venv): the plugin's Installer runs its pip
#    command into <profile>/python/lunar_lab_deps (onnxruntime with --no-deps: Debian's NumPy 1.24 stays);
# 2. qgis_process with that profile (plugin enabled from this checkout) runs lunar:oxidecnn, whose network runs in
#    either.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
WORK="${1:-$(mktemp -d)}"
[ "${KEEP:-0}" = 1 ] || [ -n "${1:-}" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK" "$ROOT/build/plugins"
[ -e "$ROOT/build/plugins/lunar_lab" ] || ln -sfn "$ROOT" "$ROOT/build/plugins/lunar_lab"
export PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen QGIS_CUSTOM_CONFIG_PATH="$WORK/config"
export QGIS_PLUGINPATH="$ROOT/build/plugins" XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
unset PYTHONPATH VIRTUAL_ENV
export PACKAGE="${PACKAGE:-torch}"
/usr/bin/python3 -c "import importlib.util as u, sys; sys.exit(u.find_spec('torch') or u.find_spec('onnxruntime'))" \
  || { echo "Debian's python3 already has torch or onnxruntime: nothing to check" >&2; exit 1; }
/usr/bin/python3 - "$ROOT" <<'PY'
import os, sys, time
sys.path.insert(0, sys.argv[1] + "/build/plugins")
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from qgis.PyQt.QtCore import QEventLoop
from lunar_lab.lunar_plugin import deps
from lunar_lab.lunar_plugin.install_torch import PACKAGES, Installer
installer, loop, result = Installer(deps.deps_dir(), *PACKAGES[os.environ["PACKAGE"]][:3]), QEventLoop(), []
installer.finished.connect(lambda ok, message: (result.append((ok, message)), loop.quit()))
started = time.time()
installer.start()
loop.exec()
print(f"installer: {result[0][1]} ({time.time() - started:.0f} s)")
sys.exit(0 if result[0][0] else 1)
PY
"$ROOT/.venv/bin/python" - "$ROOT" "$WORK/refl.tif" <<'PY'
import sys
import numpy as np
sys.path.insert(0, sys.argv[1] + "/build/plugins")
from lunar_lab.tests.rasters import write_raster
write_raster(sys.argv[2], np.stack([np.full((8, 10), v, np.float32) for v in (0.08, 0.12, 0.13, 0.135, 0.14)]))
PY
qgis_process.bin plugins enable lunar_lab >/dev/null 2>&1
qgis_process.bin run lunar:oxidecnn -- INPUT="$WORK/refl.tif" OUTPUT_FEO="$WORK/feo.tif" >"$WORK/run.log" 2>&1 \
  || { tail -20 "$WORK/run.log"; exit 1; }
echo "lunar:oxidecnn ran with the installed $PACKAGE ($(grep -o 'Network engine: [a-z]*' "$WORK/run.log")):" \
  "$(gdalinfo -stats "$WORK/feo.tif" | grep STATISTICS_MEAN)"
[ -e "$WORK/config/profiles/default/python/lunar_lab_deps/numpy" ] && { echo "NumPy was installed too" >&2; exit 1; }
du -sh "$WORK/config/profiles/default/python/lunar_lab_deps"
