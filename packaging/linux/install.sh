#!/bin/sh
# Install Consent Desk for the current user (no root needed) into ~/.local:
#   the program in ~/.local/opt/consent-desk, the command ~/.local/bin/consent-desk,
#   the menu entry, the icons and the AppStream metadata in ~/.local/share.
# Usage: ./install.sh            install (or update) from this folder
#        ./install.sh --uninstall   remove what install.sh put there (your data is kept)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
app_dir="$prefix/opt/consent-desk"
bin_dir="$prefix/bin"
share="${XDG_DATA_HOME:-$prefix/share}"
app_id=org.consentdesk.ConsentDesk

uninstall() {
  rm -rf "$app_dir"
  rm -f "$bin_dir/consent-desk" "$share/applications/$app_id.desktop" \
        "$share/metainfo/$app_id.metainfo.xml" "$share/icons/hicolor/scalable/apps/$app_id.svg"
  for png in "$share"/icons/hicolor/*/apps/$app_id.png; do [ -e "$png" ] && rm -f "$png"; done
  echo "Consent Desk removed. Your data (~/.local/share/consent-desk) was kept."
}

if [ "${1:-}" = "--uninstall" ]; then uninstall; exit 0; fi
if [ ! -x "$here/consent-desk/consent-desk" ]; then
  echo "install.sh: run it from the unpacked consent-desk archive (consent-desk/ not found)" >&2
  exit 2
fi

mkdir -p "$app_dir.new" "$bin_dir" "$share/applications" "$share/metainfo"
cp -R "$here/consent-desk/." "$app_dir.new/"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
ln -sf "$app_dir/consent-desk" "$bin_dir/consent-desk"

sed "s|@EXEC@|$app_dir/consent-desk|g" "$here/share/$app_id.desktop" \
  > "$share/applications/$app_id.desktop"
cp "$here/share/$app_id.metainfo.xml" "$share/metainfo/"
for dir in "$here"/share/icons/hicolor/*/apps; do
  size="$(basename "$(dirname "$dir")")"
  mkdir -p "$share/icons/hicolor/$size/apps"
  cp "$dir"/* "$share/icons/hicolor/$size/apps/"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true

echo "Consent Desk is installed: open it from your applications menu, or run $bin_dir/consent-desk"
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "(add $bin_dir to your PATH to use the consent-desk command)";; esac
