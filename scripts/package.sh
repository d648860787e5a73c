#!/usr/bin/env bash
# Build the installable plugin zip: $DIST (default dist/)/lunar_lab-VERSION.zip with one top folder lunar_lab/
# holding the plugin code, metadata, icons, compiled resources, compiled translations (.qm) and models/ (*.pt,
# *.json); no tests, scripts, caches, .venv, build or demo output. Prints the zip's path on its last line.
# Install: QGIS > Plugins > Manage and Install Plugins > Install from ZIP.
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
INCLUDE=(__init__.py metadata.txt lunar_plugin processing_provider icons resources.qrc resources_rc.py)
for f in README.md LICENSE LICENSE.txt LICENCE COPYING CHANGELOG.md; do [ -e "$f" ] && INCLUDE+=("$f"); done
tar -cf - --exclude=__pycache__ --exclude='*.pyc' --exclude='*.pyo' --exclude='*.partial.*' --exclude='.*' \
    "${INCLUDE[@]}" | tar -C "$STAGE/$NAME" -xf -

# Models: weights and their cards only.
mkdir -p "$STAGE/$NAME/models"
for f in models/*.pt models/*.json; do [ -e "$f" ] && cp "$f" "$STAGE/$NAME/models/"; done

# Resources: compiled fresh from resources.qrc when pyrcc5 is there (the committed resources_rc.py otherwise).
if command -v pyrcc5 >/dev/null 2>&1; then
  pyrcc5 -o "$STAGE/$NAME/resources_rc.py" resources.qrc
fi

# Translations: compiled .qm only.
mkdir -p "$STAGE/$NAME/i18n"
for ts in i18n/*.ts; do
  [ -e "$ts" ] || continue
  base=$(basename "${ts%.ts}")
  lrelease -silent "$ts" -qm "$STAGE/$NAME/i18n/$base.qm"
done

ZIP="$DIST/$NAME-$VERSION.zip"
rm -f "$ZIP"
(cd "$STAGE" && zip -q -r -X "$ZIP.tmp" "$NAME")
mv "$ZIP.tmp" "$ZIP"
echo "$ZIP"
