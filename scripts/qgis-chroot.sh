#!/usr/bin/env bash
# Runs the test suite (or a command) in a Debian chroot with another QGIS: `make test-lts` (trixie, QGIS 3.40 LTR)
# and `make test-latest` (forky, QGIS 3.44).
#   scripts/qgis-chroot.sh SUITE [pytest arguments]     e.g. scripts/qgis-chroot.sh trixie tests/core -x
#   scripts/qgis-chroot.sh SUITE --shell [command...]    a shell (or a command) in the chroot, set up as for the tests
#   scripts/qgis-chroot.sh SUITE --setup                 build/update the chroot only
#   scripts/qgis-chroot.sh SUITE --remove                remove the chroot (refused while anything is mounted in it)
# The chroot is built with debootstrap from Debian's mirror and kept OUTSIDE the clone:
# $LUNAR_CHROOT_DIR, default $LUNAR_CHROOT_CACHE/chroot-SUITE (LUNAR_CHROOT_CACHE default /var/cache/lunar-lab).
# It is reused when present; a stamp (hash of the package list, requirements*.txt and this script's set-up part)
# says when packages and pip pins must be installed again. Needs root (uses sudo otherwise).
# Inside: Debian's QGIS/GDAL/NumPy/SciPy, Debian's CPU torch (python3-torch, moved out of the system Python into
# /usr/lib/python3/lunar-torch so that /usr/bin/python3 has no torch, as on the host) and a --system-site-packages
# venv /opt/lunar-venv (pip: requirements.txt without torch, requirements-docs.txt; requirements-reference.txt
# --no-deps if present) mounted over the repository's .venv, so .venv/bin/python, bin/lunar-process and the tests
# use it unchanged; the craterstats oracle venv is /opt/craterstats (requirements-craterstats.txt, --no-deps) and
# LUNAR_CRATERSTATS_PYTHON points at it.
# The repository and ../shared are bind-mounted at their own absolute paths; build/ and /tmp are fresh per run;
# the built files of `make setup` (resources_rc.py, help/, i18n/*.qm) are used from the checkout.
# All mounts are made in a private mount namespace (unshare) and unmounted on exit by a trap: none reach the host.
set -euo pipefail

main() {  # (a function, read whole before it runs: editing the file during a run cannot derail it)
SUITE="${1:?usage: $0 trixie|forky [pytest args | --shell [cmd...] | --setup | --remove]}"
shift
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
MIRROR="${LUNAR_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CACHE="${LUNAR_CHROOT_CACHE:-/var/cache/lunar-lab}"
DIR="${LUNAR_CHROOT_DIR:-$CACHE/chroot-$SUITE}"

# Debian packages in the chroot (as scripts/install-system.sh on the host, plus what the tests call and the
# compiled pieces of dask/distributed, so pip needs no compiler).
PACKAGES=(qgis python3-qgis qgis-providers gdal-bin python3-gdal python3-venv python3-pip python3-numpy
          python3-scipy python3-matplotlib xvfb xauth pyqt5-dev-tools qttools5-dev-tools zip unzip make git
          ca-certificates procps python3-torch python3-psutil python3-yaml python3-msgpack python3-tornado)

if [ "$(id -u)" -ne 0 ]; then
  exec sudo --preserve-env "$0" "$SUITE" "$@"
fi
# Everything below runs in a private mount namespace: whatever happens, no mount outlives this process on the host.
if [ "${LUNAR_CHROOT_NS:-}" != "$$" ]; then
  exec unshare --mount --propagation private -- env LUNAR_CHROOT_NS=$$ bash ${LUNAR_CHROOT_TRACE:+-x} "$0" "$SUITE" "$@"
fi

mkdir -p "$(dirname "$DIR")"
exec 9>"$DIR.lock"
flock -n 9 || { echo "waiting for another user of $DIR"; flock 9; }

MOUNTED=()
cleanup() {
  local status=$? i pid
  trap - EXIT INT TERM HUP
  # processes left in the chroot (Xvfb, dask workers) would keep files open: end them, by id
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$DIR" ] && kill -9 "$pid" 2>/dev/null || true
  done
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount -R "${MOUNTED[$i]}" 2>/dev/null || umount -R -l "${MOUNTED[$i]}" 2>/dev/null || true
  done
  # the run's folder only once nothing is mounted in the chroot any more (a bind mount is the same file system)
  if [ -n "${RUN_DIR:-}" ]; then
    if [ -z "$(mounts_under "$DIR")" ]; then rm -rf --one-file-system "$RUN_DIR"
    else echo "left $RUN_DIR: still mounted in $DIR: $(mounts_under "$DIR" | tr '\n' ' ')" >&2; fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

mounts_under() { findmnt -rn -o TARGET | awk -v d="$1" 'index($0, d "/") == 1 || $0 == d'; }
bind() {  # bind SOURCE TARGET-inside-chroot
  mkdir -p "$DIR$2"
  mount --rbind "$1" "$DIR$2"
  MOUNTED+=("$DIR$2")
}

if [ "${1:-}" = "--remove" ]; then
  if [ -n "$(mounts_under "$DIR")" ]; then
    echo "refusing to remove $DIR: something is mounted under it:" >&2; mounts_under "$DIR" >&2; exit 1
  fi
  echo "removing $DIR"; rm -rf --one-file-system "$DIR"; exit 0
fi

# ---- 1. debootstrap (once) -----------------------------------------------------------------------------------
if [ ! -e "$DIR/.lunar-debootstrap" ]; then
  if [ -e "$DIR" ]; then
    if [ -n "$(mounts_under "$DIR")" ]; then
      echo "refusing to remove $DIR: something is mounted under it:" >&2; mounts_under "$DIR" >&2; exit 1
    fi
    echo "removing the unfinished chroot $DIR"
    rm -rf --one-file-system "$DIR"
  fi
  command -v debootstrap >/dev/null || { apt-get update -q && apt-get install -y -q debootstrap; }
  SCRIPT=""
  [ -e "/usr/share/debootstrap/scripts/$SUITE" ] || SCRIPT=/usr/share/debootstrap/scripts/sid
  echo "debootstrap $SUITE into $DIR"
  debootstrap --variant=minbase "$SUITE" "$DIR" "$MIRROR" $SCRIPT
  touch "$DIR/.lunar-debootstrap"
fi

# ---- 2. mounts and files from the host -----------------------------------------------------------------------
mount -t proc proc "$DIR/proc"; MOUNTED+=("$DIR/proc")
bind /sys /sys
bind /dev /dev
mkdir -p "$DIR/dev/shm"
mountpoint -q "$DIR/dev/shm" || { mount -t tmpfs -o mode=1777 shm "$DIR/dev/shm"; MOUNTED+=("$DIR/dev/shm"); }
cp -L /etc/resolv.conf "$DIR/etc/resolv.conf"
cp -L /etc/ssl/certs/ca-certificates.crt "$DIR/etc/lunar-host-ca.crt"
printf '[global]\ncert = /etc/lunar-host-ca.crt\ndisable-pip-version-check = true\n' > "$DIR/etc/pip.conf"
printf '#!/bin/sh\nexit 101\n' > "$DIR/usr/sbin/policy-rc.d"; chmod +x "$DIR/usr/sbin/policy-rc.d"
# testing's (forky's) Release file has a Valid-Until that a mirror's snapshot outlives (signatures are still checked)
echo 'Acquire::Check-Valid-Until "false";' > "$DIR/etc/apt/apt.conf.d/99lunar-valid-until"

in_chroot() {
  chroot "$DIR" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PIP_CERT=/etc/lunar-host-ca.crt "$@"
}

# ---- 3. packages and pip pins (when the stamp changed) -------------------------------------------------------
REQS=()
for f in requirements.txt requirements-reference.txt requirements-craterstats.txt requirements-docs.txt; do
  [ -e "$ROOT/$f" ] && REQS+=("$f: $(cat "$ROOT/$f")") || true
done
STAMP_NOW=$( { echo "${PACKAGES[*]}"; sed -n '/^# ---- 3\./,/^# ---- 4\./p' "$0"; printf '%s\n' "${REQS[@]}"; } \
            | sha256sum | cut -c1-16)
if [ "$(cat "$DIR/.lunar-stamp" 2>/dev/null)" != "$STAMP_NOW" ]; then
  echo "installing packages in $DIR (stamp $STAMP_NOW)"
  rm -f "$DIR/.lunar-stamp"
  in_chroot apt-get update -q
  in_chroot apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
  in_chroot apt-get clean
  # torch only in the venv (as on the host, where Debian's Python has none; test_torch_missing needs that)
  # (beside dist-packages, at the same depth: its relative links to /usr/lib/x86_64-linux-gnu keep working)
  in_chroot /bin/bash -euc '
    D=/usr/lib/python3/dist-packages T=/usr/lib/python3/lunar-torch
    [ -d $D/torch ] || [ -d $T/torch ] || apt-get install -y -q --reinstall python3-torch
    if [ -d $D/torch ]; then
      rm -rf $T; mkdir -p $T
      for p in $D/torch $D/torch-* $D/torchgen $D/functorch; do [ ! -e "$p" ] || mv "$p" $T/; done
    fi
    /usr/bin/python3 -m venv --system-site-packages /opt/lunar-venv
    SITE=$(/opt/lunar-venv/bin/python -c "import sysconfig; print(sysconfig.get_paths()[\"purelib\"])")
    echo $T > "$SITE/lunar-torch.pth"'
  mkdir -p "$DIR/tmp/lunar-reqs"
  grep -v -E '^torch([=<>~ ]|$)' "$ROOT/requirements.txt" > "$DIR/tmp/lunar-reqs/requirements.txt"
  in_chroot /opt/lunar-venv/bin/python -m pip install -q -r /tmp/lunar-reqs/requirements.txt
  if [ -e "$ROOT/requirements-docs.txt" ]; then  # MkDocs for tests/e2e/test_docs.py, as make setup puts it in .venv
    cp "$ROOT/requirements-docs.txt" "$DIR/tmp/lunar-reqs/"
    in_chroot /opt/lunar-venv/bin/python -m pip install -q -r /tmp/lunar-reqs/requirements-docs.txt
  fi
  if [ -e "$ROOT/requirements-reference.txt" ]; then
    cp "$ROOT/requirements-reference.txt" "$DIR/tmp/lunar-reqs/"
    in_chroot /opt/lunar-venv/bin/python -m pip install -q --no-deps -r /tmp/lunar-reqs/requirements-reference.txt
  fi
  if [ -e "$ROOT/requirements-craterstats.txt" ]; then
    cp "$ROOT/requirements-craterstats.txt" "$DIR/tmp/lunar-reqs/"
    in_chroot /usr/bin/python3 -m venv /opt/craterstats
    # as scripts/install-craterstats.sh: every dependency is pinned in the file
    in_chroot /opt/craterstats/bin/python -m pip install -q --no-deps -r /tmp/lunar-reqs/requirements-craterstats.txt
    in_chroot /opt/craterstats/bin/python -m pip check
  fi
  rm -rf "$DIR/tmp/lunar-reqs" "$DIR/root/.cache/pip"
  echo "$STAMP_NOW" > "$DIR/.lunar-stamp"
fi
# ---- 4. run --------------------------------------------------------------------------------------------------
[ "${1:-}" = "--setup" ] && exit 0

# a fresh /tmp per run (pytest's and QGIS's temporary files go with it), made before the mounts that may lie under it
RUN_DIR="$(mktemp -d "$DIR/var/tmp/lunar-run.XXXXXX")"
mkdir -m 1777 "$RUN_DIR/tmp" && chmod 1777 "$RUN_DIR/tmp"
mount --bind "$RUN_DIR/tmp" "$DIR/tmp"; MOUNTED+=("$DIR/tmp")
bind "$ROOT" "$ROOT"
SHARED="$(readlink -f "$ROOT/../shared" 2>/dev/null || true)"
[ -n "$SHARED" ] && [ -d "$SHARED" ] && bind "$SHARED" "$SHARED"
DATA="${LUNAR_SHARED_DATA:-$ROOT/../shared/data}"
[ -d "$DATA" ] && DATA="$(readlink -f "$DATA")" && [ ! -d "$DIR$DATA" ] && bind "$DATA" "$DATA"
# the chroot's venv stands in for the host's .venv (other Python), build/ is private to this run
mkdir -p "$ROOT/.venv" "$ROOT/build"
mount --bind "$DIR/opt/lunar-venv" "$DIR$ROOT/.venv"; MOUNTED+=("$DIR$ROOT/.venv")
mkdir "$RUN_DIR/build"
mount --bind "$RUN_DIR/build" "$DIR$ROOT/build"; MOUNTED+=("$DIR$ROOT/build")

ENV=(QT_QPA_PLATFORM=offscreen LUNAR_SHARED_DATA="$DATA" XDG_RUNTIME_DIR=/tmp/runtime-root)
[ -x "$DIR/opt/craterstats/bin/python" ] && ENV+=(LUNAR_CRATERSTATS_PYTHON=/opt/craterstats/bin/python)
while IFS='=' read -r name value; do  # the caller's LUNAR_*/PYTEST_* settings go in too
  case "$name" in
    LUNAR_CHROOT_*|LUNAR_SHARED_DATA|LUNAR_CRATERSTATS_PYTHON) ;;
    LUNAR_*|PYTEST_*) ENV+=("$name=$value") ;;
  esac
done < <(env)

if [ "${1:-}" = "--shell" ]; then
  shift
  [ $# -gt 0 ] || set -- /bin/bash
  in_chroot "${ENV[@]}" /bin/bash -c 'cd "$0" && exec "$@"' "$ROOT" "$@"
else
  echo "== QGIS $(in_chroot /usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)' 2>/dev/null)" \
       "in Debian $SUITE ($DIR)"
  in_chroot "${ENV[@]}" /bin/bash -c 'cd "$0" && exec .venv/bin/python -m pytest -q -ra "$@"' "$ROOT" "$@"
fi
}
main "$@"
exit $?
