#!/bin/sh
# Install Kaizen Studio from this built folder, so it shows in the applications menu and
# double-clicking a .kaizen file opens it.
#
#   ./install.sh                      for you alone, under ~/.local
#   sudo ./install.sh --prefix /usr/local     for everyone on this computer
#   ./install.sh --uninstall [--prefix DIR]   remove it again (your libraries stay)
#
# The app goes to PREFIX/lib/kaizen-studio, the command to PREFIX/bin/kaizen-studio, and
# the desktop entry, AppStream metainfo, file type and icons under PREFIX/share.
set -eu

APP_ID=io.github.kaizen_studio.KaizenStudio
PREFIX="${HOME}/.local"
ACTION=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX="$2"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        --uninstall) ACTION=uninstall; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (try --help)." >&2; exit 2 ;;
    esac
done

HERE="$(cd "$(dirname "$0")" && pwd)"
LIBDIR="$PREFIX/lib/kaizen-studio"
SHARE="$PREFIX/share"

refresh_caches() {
    # Each tool is optional: without it the desktop finds the files a little later.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$SHARE/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" 2>/dev/null || true
    fi
}

uninstall() {
    rm -rf "$LIBDIR"
    rm -f "$PREFIX/bin/kaizen-studio"
    rm -f "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
    rm -f "$SHARE/mime/packages/$APP_ID.xml"
    rm -f "$SHARE"/icons/hicolor/*/apps/"$APP_ID".png "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    refresh_caches
    echo "Removed Kaizen Studio from $PREFIX. Your libraries (*.kaizen) were not touched."
}

install() {
    if [ ! -x "$HERE/kaizen-studio" ] || [ ! -d "$HERE/share" ]; then
        echo "install.sh: run the copy inside the built app folder (packaging/dist/kaizen-studio)." >&2
        exit 1
    fi
    rm -rf "$LIBDIR"
    mkdir -p "$LIBDIR" "$PREFIX/bin" "$SHARE"
    cp -R "$HERE/." "$LIBDIR/"
    ln -sf "$LIBDIR/kaizen-studio" "$PREFIX/bin/kaizen-studio"
    cp -R "$HERE/share/." "$SHARE/"
    # The menu entry names the installed command by its full path, so it works even when
    # PREFIX/bin is not on PATH.
    desktop="$SHARE/applications/$APP_ID.desktop"
    sed -e "s|^TryExec=.*|TryExec=$PREFIX/bin/kaizen-studio|" \
        -e "s|^Exec=kaizen-studio|Exec=\"$PREFIX/bin/kaizen-studio\"|" \
        "$desktop" > "$desktop.new"
    mv "$desktop.new" "$desktop"
    refresh_caches
    echo "Installed Kaizen Studio in $LIBDIR; start it from the menu or with $PREFIX/bin/kaizen-studio."
}

"$ACTION"
