#!/usr/bin/env bash
# craterstats 3.6.x, the CSFD test oracle, in its own venv (craterstats 3.6 needs Python >= 3.12; the plugin's
# .venv follows Debian's python3). Idempotent: a stamp in the venv records the hash of
# requirements-craterstats.txt and the interpreter, so a second run returns at once.
#
#   scripts/install-craterstats.sh                # -> .venv-craterstats (what the tests use by default)
#   LUNAR_CRATERSTATS_VENV=/path scripts/install-craterstats.sh
#
# Base interpreter, first that runs and is >= 3.12: $LUNAR_CRATERSTATS_BASE_PYTHON, python3.13 / python3.12 /
# python3 on PATH, then pyenv's 3.13.x / 3.12.x (~/.pyenv/versions).
# Tests point at the venv's python with LUNAR_CRATERSTATS_PYTHON (default .venv-craterstats/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
REQ=requirements-craterstats.txt
VENV=${LUNAR_CRATERSTATS_VENV:-.venv-craterstats}
STAMP=$VENV/.craterstats-installed

ok_python() {   # runs, is >= 3.12 and can make a venv with pip
    "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1
}

find_python() {
    local c
    for c in "${LUNAR_CRATERSTATS_BASE_PYTHON:-}" python3.13 python3.12 python3 \
             $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[3-9]*/bin/python 2>/dev/null | sort -rV) \
             $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python 2>/dev/null | sort -rV); do
        [ -n "$c" ] || continue
        if ok_python "$c"; then
            "$c" -c 'import sys; print(sys.executable)'
            return 0
        fi
    done
    return 1
}

want=$(sha256sum "$REQ" | cut -d' ' -f1)
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want $("$VENV/bin/python" -V 2>&1)" ] \
   && "$VENV/bin/python" -c 'import importlib.util as u, sys; sys.exit(u.find_spec("craterstats") is None)'; then
    exit 0
fi

if [ -n "${LUNAR_CRATERSTATS_BASE_PYTHON:-}" ] && ! ok_python "$LUNAR_CRATERSTATS_BASE_PYTHON"; then
    echo "install-craterstats: LUNAR_CRATERSTATS_BASE_PYTHON=$LUNAR_CRATERSTATS_BASE_PYTHON is not a working" \
         "Python >= 3.12 with venv/ensurepip" >&2
    exit 1
fi
if ! ok_python "$VENV/bin/python"; then
    base=$(find_python) || {
        echo "install-craterstats: no Python >= 3.12 found (set LUNAR_CRATERSTATS_BASE_PYTHON, or install one:" \
             "pyenv install 3.12 / apt-get install python3.12-venv)" >&2
        exit 1
    }
    echo "install-craterstats: creating $VENV with $base"
    rm -rf "$VENV"
    "$base" -m venv "$VENV"
fi
echo "install-craterstats: installing $REQ into $VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$REQ"
"$VENV/bin/python" -m pip check --disable-pip-version-check
"$VENV/bin/python" -c 'import craterstats; print("install-craterstats: craterstats", craterstats.__version__)'
echo "$want $("$VENV/bin/python" -V 2>&1)" > "$STAMP"
