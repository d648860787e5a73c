#!/usr/bin/env bash
# Compile resources.qrc (the icons) to a Python module, OUT (default resources_rc.py), at build time: the
# generated file is not committed (the plugin repository's rule) and imports qgis.PyQt instead of PyQt5, so it also
# loads where QGIS wraps Qt6's PyQt (PyQt6 has no rcc of its own; there the plugin reads icons/ directly).
# Needs pyrcc5 (Debian: pyqt5-dev-tools, installed by scripts/install-system.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="${1:-$ROOT/resources_rc.py}"
command -v pyrcc5 >/dev/null 2>&1 || { echo "pyrcc5 not found (Debian: apt-get install pyqt5-dev-tools)" >&2; exit 1; }
cd "$ROOT"
pyrcc5 -o "$OUT.partial" resources.qrc
sed -i 's/^from PyQt5 import QtCore$/from qgis.PyQt import QtCore/' "$OUT.partial"
grep -q '^from qgis.PyQt import QtCore$' "$OUT.partial" || { echo "unexpected pyrcc5 output in $OUT.partial" >&2; exit 1; }
mv "$OUT.partial" "$OUT"
