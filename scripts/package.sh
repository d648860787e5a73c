#!/usr/bin/env bash
# Build the installable plugin zip: $DIST (default dist/)/lunar_lab-VERSION.zip with one top folder lunar_lab/
# holding the plugin code, metadata, LICENSE, icons, resources compiled now (resources_rc.py is not committed), help
# pages built now (help/<alg>.html), compiled translations (.qm) and models/ (*.pt, *.onnx, *.json); no tests, scripts,
# caches, .venv, build or demo output. Prints the zip's path on its last line.
# Install: QGIS > Plugins > Manage and Install Plugins > Install from ZIP.
# Release (plugins.qgis.org): fields the repository requires but the project has not decided yet (README, "Release
# checklist") come from LUNAR_EMAIL, LUNAR_TRACKER, LUNAR_REPOSITORY, LUNAR_HOMEPAGE; with RELEASE=1 the zip is
# checked against the repository's rules (scripts/check_plugin_zip.py) and refused when it fails them.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
DIST="${DIST:-$ROOT/dist}"
NAME=lunar_lab
VERSION=$(sed -n 's/^version=//p' "$ROOT/metadata.txt" | head -n 1)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$DIST" "$STAGE/$NAME"
cd "$ROOT"

# Plugin files (whatever is in the working tree, tracked or not), without caches and partial outputs.
INCLUDE=(__init__.py metadata.txt lunar_plugin processing_provider icons resources.qrc)
for f in README.md LICENSE LICENSE.txt LICENCE COPYING CHANGELOG.md; do [ -e "$f" ] && INCLUDE+=("$f"); done
tar -cf - --exclude=__pycache__ --exclude='*.pyc' --exclude='*.pyo' --exclude='*.partial.*' --exclude='.*' \
    "${INCLUDE[@]}" | tar -C "$STAGE/$NAME" -xf -

# Models: weights and their cards only.
mkdir -p "$STAGE/$NAME/models"
for f in models/*.pt models/*.onnx models/*.json; do [ -e "$f" ] && cp "$f" "$STAGE/$NAME/models/"; done

# Release fields not kept in metadata.txt (see the README's release checklist).
for key in email tracker repository homepage; do
  var="LUNAR_${key^^}"
  if [ -n "${!var:-}" ]; then
    sed -i "/^$key=/d" "$STAGE/$NAME/metadata.txt"
    sed -i "/^\[general\]/a $key=${!var}" "$STAGE/$NAME/metadata.txt"
  fi
done

# Translations: compiled .qm only.
mkdir -p "$STAGE/$NAME/i18n"
for ts in i18n/*.ts; do
  [ -e "$ts" ] || continue
  base=$(basename "${ts%.ts}")
  lrelease -silent "$ts" -qm "$STAGE/$NAME/i18n/$base.qm"
done

# Resources and help pages (English and each translation), built now.
scripts/build_resources.sh "$STAGE/$NAME/resources_rc.py"
PY="$ROOT/.venv/bin/python"; [ -x "$PY" ] || PY=python3
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$PY" scripts/build_help.py --out "$STAGE/$NAME/help" --qm-dir "$STAGE/$NAME/i18n" >/dev/null

ZIP="$DIST/$NAME-$VERSION.zip"
rm -f "$ZIP"
(cd "$STAGE" && zip -q -r -X "$ZIP.tmp" "$NAME")
if [ "${RELEASE:-0}" = 1 ]; then
  "$PY" scripts/check_plugin_zip.py "$ZIP.tmp" >&2 || { rm -f "$ZIP.tmp"; exit 1; }
fi
mv "$ZIP.tmp" "$ZIP"
echo "$ZIP"
