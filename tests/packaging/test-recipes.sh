#!/usr/bin/env bash
# packaging_recipes: the source tarball, and the Windows (WiX MSI) and macOS (DragNDrop DMG)
# recipes configured on Linux. Configuring is all that can be checked here: building an MSI
# needs Windows and WiX, a DMG needs macOS, and the Qt deployment step (windeployqt,
# macdeployqt) only exists there.
#
#   test-recipes.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail

build=$1 source=$2 version=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
say() { printf 'packaging_recipes: %s\n' "$*"; }
fail() { say "FAIL: $*"; failures=$((failures + 1)); }
ok() { say "ok: $*"; }
has() { grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks: $2"; }

# --- The source tarball ---------------------------------------------------------------------
if cpack --config "$build/CPackSourceConfig.cmake" -B "$work/source" >"$work/source.log" 2>&1; then
  tarball=$work/source/chartkey-$version.tar.gz
  if [ -f "$tarball" ]; then
    tar -tzf "$tarball" >"$work/source.list"
    for f in CMakeLists.txt CMakePresets.json LICENSE CHANGELOG.md README.md app/main.cpp \
             packaging/CMakeLists.txt packaging/dev.sh resources/chartkey.svg \
             resources/icons/hicolor/48x48/apps/chartkey.png tests/CMakeLists.txt; do
      grep -qx "chartkey-$version/$f" "$work/source.list" || fail "the tarball lacks $f"
    done
    stray=$(grep -E "^chartkey-$version/(build|\.git|\.cache)/|/node_modules/" "$work/source.list" | head -n 3 || true)
    [ -z "$stray" ] || fail "the tarball holds what it should not: $stray"
    ok "source tarball chartkey-$version.tar.gz ($(wc -l <"$work/source.list") entries)"
  else
    fail "no chartkey-$version.tar.gz: $(ls "$work/source")"
  fi
else
  cat "$work/source.log"
  fail "cpack --config CPackSourceConfig.cmake"
fi

# --- The recipes, configured with their generator selected -----------------------------------
configure() {
  local format=$1 dir=$work/$1
  if cmake -S "$source" -B "$dir" -G Ninja -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release \
       -DCHARTKEY_PACKAGE_FORMAT="$format" >"$dir.log" 2>&1; then
    if grep -qiE '^CMake (Warning|Error)' "$dir.log"; then
      fail "$format: cmake warned: $(grep -iA3 '^CMake (Warning|Error)' "$dir.log" | head -n 8)"
    fi
    has "$dir/CPackConfig.cmake" "set(CPACK_GENERATOR \"$format\")"
    has "$dir/CPackConfig.cmake" "set(CPACK_PACKAGE_VERSION \"$version\")"
    return 0
  fi
  cat "$dir.log"
  fail "$format: cmake could not configure"
  return 1
}

if configure WIX; then
  cfg=$work/WIX/CPackConfig.cmake
  has "$cfg" 'set(CPACK_WIX_UPGRADE_GUID "63E24ECF-D757-4467-98FC-1B62CE7E830E")'
  has "$cfg" 'set(CPACK_WIX_INSTALL_SCOPE "perMachine")'
  has "$cfg" 'set(CPACK_PACKAGE_EXECUTABLES "chartkey;chartkey")'
  icon=$(sed -n 's/^set(CPACK_WIX_PRODUCT_ICON "\(.*\)")$/\1/p' "$cfg")
  [ -f "$icon" ] || fail "WIX: the product icon \"$icon\" is missing"
  license=$(sed -n 's/^set(CPACK_RESOURCE_FILE_LICENSE "\(.*\)")$/\1/p' "$cfg")
  [[ -f "$license" && "$license" == *.txt ]] || fail "WIX: the license \"$license\" is not a .txt file"
  ok "WiX (MSI) recipe configures: fixed upgrade code, per-machine, Start-menu shortcut"
fi

if configure DragNDrop; then
  cfg=$work/DragNDrop/CPackConfig.cmake
  has "$cfg" 'set(CPACK_DMG_VOLUME_NAME "chartkey")'
  plist=$work/DragNDrop/packaging/Info.plist
  if [ -f "$plist" ]; then
    has "$plist" "<string>io.github.chartkey.chartkey</string>"
    has "$plist" "<string>$version</string>"
    if grep -q '@' "$plist"; then fail "Info.plist has an unreplaced @VARIABLE@"; fi
  else
    fail "DragNDrop: no Info.plist made"
  fi
  ok "DragNDrop (DMG) recipe configures: Info.plist for io.github.chartkey.chartkey $version"
fi

if [ "$failures" -gt 0 ]; then
  say "$failures check(s) failed"
  exit 1
fi
say "all checks passed"
