#!/usr/bin/env bash
# Regenerates the committed icons from resources/chartkey.svg, after the SVG changes:
#   resources/icons/hicolor/<N>x<N>/apps/chartkey.png   (Linux, hicolor theme)
#   resources/icons/chartkey.ico                         (Windows installer and shortcut)
# The macOS .icns is made from the PNGs at build time on macOS (packaging/macos).
# Needs qt6-base-dev, g++ and libqt6svg6 (the SVG icon engine), all in dev.sh's list.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2046 # pkg-config prints several words on purpose
g++ -std=c++17 -fPIC -O1 -o "$work/render-icons" "$root/packaging/icons/render-icons.cpp" \
  $(pkg-config --cflags --libs Qt6Gui)
QT_QPA_PLATFORM=offscreen "$work/render-icons" "$root/resources/chartkey.svg" "$root/resources/icons"
find "$root/resources/icons" -type f | sort
