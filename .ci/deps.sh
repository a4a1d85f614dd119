#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Dossier needs, when they are missing.
#   .ci/deps.sh            build and run: a C compiler and the OpenGL/X11 headers Fyne uses
#   .ci/deps.sh --test     also what the tests use: Xvfb, xdotool, ImageMagick,
#                          GTK for the drag-and-drop helper, python3-openpyxl and
#                          python3-msoffcrypto-tool (independent readers of workbooks),
#                          LibreOffice Calc (prints an exported workbook to PDF),
#                          nats-server (a real team hub for the end-to-end sync test),
#                          strace (kills a command at a chosen system call, for make faults),
#                          gdal-bin (ogrinfo reads the map exports), python3-networkx
#                          (computes the network measures the exports carry, to compare)
set -euo pipefail
pkgs=(gcc libgl1-mesa-dev xorg-dev libxkbcommon-dev)
if [ "${1:-}" = "--test" ]; then
  pkgs+=(xvfb xauth xdotool imagemagick python3-gi gir1.2-gtk-3.0 python3-openpyxl python3-msoffcrypto-tool libreoffice-calc-nogui nats-server strace desktop-file-utils zip xz-utils gdal-bin python3-networkx)
fi

if ! command -v go >/dev/null 2>&1; then
  echo "Dossier needs Go 1.26 or later: install it from your package manager or go.dev/dl, then run this again." >&2
  exit 1
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install a C compiler and the OpenGL, X11 and xkbcommon development headers yourself (${pkgs[*]} on Debian)." >&2
  exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Please install as root: apt-get install ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
