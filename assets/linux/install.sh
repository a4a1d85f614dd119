#!/bin/sh
# Installs Dossier for you alone (no administrator rights needed): the
# program in ~/.local/bin, its icon and its menu entry (which also opens
# .txt, .html, .docx and .eml files with it). ./install.sh --uninstall
# removes them again; your databases stay where they are.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin="$HOME/.local/bin"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
icon="$data/icons/hicolor/256x256/apps/dossier.png"
entry="$data/applications/dossier.desktop"

if [ "${1:-}" = "--uninstall" ]; then
	rm -f "$bin/dossier" "$icon" "$entry"
	echo "Dossier is uninstalled; your databases (in $data/dossier) are still there."
	exit 0
fi
mkdir -p "$bin" "$(dirname "$icon")" "$(dirname "$entry")"
install -m 755 "$here/dossier" "$bin/dossier"
install -m 644 "$here/dossier.png" "$icon"
sed "s|^Exec=dossier|Exec=$bin/dossier|" "$here/dossier.desktop" > "$entry"
chmod 644 "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
echo "Dossier is installed: find it in your applications menu, or run $bin/dossier"
case ":$PATH:" in *":$bin:"*) ;; *) echo "(add $bin to your PATH to run 'dossier' from a terminal)";; esac
