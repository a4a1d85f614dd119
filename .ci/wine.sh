#!/usr/bin/env bash
# Prepares Wine to run Dossier's Windows build and tests: installs wine64 and
# the MinGW compiler when missing, makes a Wine prefix under bin/, and puts
# in it the stand-in bcryptprimitives.dll (.ci/bcryptprimitives.c) that
# Wine 8 lacks. Prints the Wine command to use.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for p in wine64 gcc-mingw-w64-x86-64; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
export WINEPREFIX="$PWD/bin/wine-prefix" WINEDEBUG=-all
mkdir -p bin
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  "$wine" wineboot -i >/dev/null 2>&1 || true
fi
dll="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
if [ ! -f "$dll" ]; then
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll" .ci/bcryptprimitives.c -ladvapi32
fi
# One wine server for the whole run, started here with no terminal of its
# own: a server a test binary starts (the default one exits 3 s after its
# last client, so each package after a pause started anew) inherits that
# binary's output, and go test then waits a minute for it and fails the
# package ("Test I/O incomplete"). make windows-test stops it at the end.
server=$(command -v wineserver || echo /usr/lib/wine/wineserver64)
# The prefix's own programs (services, devices) start with the first
# Windows program and live as long as the server: started here too, with no
# output to hold.
if "$server" -p </dev/null >/dev/null 2>&1; then
  "$wine" cmd /c exit </dev/null >/dev/null 2>&1 || true
fi
echo "$wine"
