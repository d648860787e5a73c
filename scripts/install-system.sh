#!/usr/bin/env bash
# Installs the Debian 12 packages Lunar Lab needs, only those missing (idempotent, fast when done).
set -euo pipefail
PACKAGES=(qgis python3-qgis qgis-providers gdal-bin python3-gdal python3-venv python3-pip python3-numpy
          python3-scipy python3-matplotlib xvfb xauth pyqt5-dev-tools qttools5-dev-tools zip
          fonts-wqy-microhei)  # Chinese text (zh_CN) in dialogs, screenshots and plots
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
