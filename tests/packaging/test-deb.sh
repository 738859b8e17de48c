#!/usr/bin/env bash
# packaging_deb: a .deb of chartkey, installed into a clean root of the Debian release it was
# built for, run there, and removed without leaving a file behind.
#
#   test-deb.sh BUILD_DIR VERSION APP_ID
#       the .deb made from BUILD_DIR with cpack, for the release this machine runs (ctest's
#       packaging_deb: Debian 12 on the CI machine)
#   test-deb.sh --deb FILE --release RELEASE VERSION APP_ID
#       a .deb made elsewhere for RELEASE (bookworm or trixie): the Debian 13 stage of
#       packaging/dev.sh test makes one inside its trixie root and checks it with this
#
# Why a debootstrap root: a root made with `debootstrap --variant=minbase RELEASE` holds
# less than any workstation, so apt must bring every library chartkey needs from the
# package's Depends alone. Installing on the build machine instead would hide a missing
# dependency (it has all of Qt already) and would change the machine. A package goes into a
# root of its own release: library package names differ between releases (Debian 13's
# 64-bit time_t transition renamed libqt6core6 to libqt6core6t64, libssl3 to libssl3t64).
#
# Why it is cached: measured on the CI machine (2 cores), debootstrap takes 80-100 s and
# the dependencies are 73 MB on Debian 12 (about 75 s to download). Both are paid once: the
# clean roots (never installed into; tests/packaging/debian-root.sh) and the downloaded .debs
# are kept under /var/cache/chartkey-test-root (CHARTKEY_TEST_ROOT_CACHE), made again when
# missing; the apt lists in them are refreshed once a day. Every run copies the clean root
# (3 s), installs the package and its dependencies from the cached .debs (25-60 s), checks,
# purges, and deletes the copy: about 1.5 minutes. Delete the cache directory to start from
# nothing.
#
# Needs root (chroot, mount), debootstrap, desktop-file-validate, appstreamcli, dpkg-deb and
# the Debian mirror (CHARTKEY_DEBIAN_MIRROR, default http://deb.debian.org/debian).
# Exits 77 (skipped) when not run as root.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/packaging/debian-root.sh
. "$here/debian-root.sh"

all_args=("$@")   # for the re-run in a private mount namespace below
given_deb='' release=''
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) given_deb=$(realpath "$2"); shift 2 ;;
    --release) release=$2; shift 2 ;;
    *) break ;;
  esac
done
if [ -n "$given_deb" ]; then
  if [ $# -ne 2 ] || [ -z "$release" ]; then
    echo "usage: test-deb.sh --deb FILE --release RELEASE VERSION APP_ID" >&2
    exit 2
  fi
  build='' version=$1 app_id=$2
else
  [ $# -eq 3 ] || { echo "usage: test-deb.sh BUILD_DIR VERSION APP_ID" >&2; exit 2; }
  build=$1 version=$2 app_id=$3
  # shellcheck disable=SC1091 # the machine's own
  [ -n "$release" ] || release=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
fi
cache=${CHARTKEY_TEST_ROOT_CACHE:-/var/cache/chartkey-test-root}

say() { printf 'packaging_deb: %s\n' "$*"; }

if [ "$(id -u)" != 0 ]; then
  say "SKIP: needs root (debootstrap, chroot)"
  exit 77
fi
if ! release_name=$(debian_release_name "$release"); then
  say "FAIL: no clean root for release \"$release\" (bookworm and trixie are known)"
  exit 1
fi
for tool in debootstrap desktop-file-validate appstreamcli dpkg-deb cpack unshare chroot flock; do
  command -v "$tool" >/dev/null || { say "FAIL: $tool is missing (packaging/dev.sh deps)"; exit 1; }
done

# Mounts (/proc in the root) live in a private mount namespace and vanish with it, even
# when the test is killed.
if [ "${CHARTKEY_TEST_IN_NAMESPACE:-}" != 1 ]; then
  exec unshare --mount --propagation private env CHARTKEY_TEST_IN_NAMESPACE=1 "$0" "${all_args[@]}"
fi

say "the package for $release_name ($release)"
mkdir -p "$cache/runs"
# One run at a time on this machine: the cache is shared by every build directory.
exec 9>"$cache/lock"
flock 9
rm -rf "${cache:?}"/runs/*   # left by a killed run; nothing else runs now
run=$(mktemp -d "$cache/runs/run.XXXXXX")
root=$run/root
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$run"
}
trap cleanup EXIT

failures=0
fail() { say "FAIL: $*"; failures=$((failures + 1)); }
ok() { say "ok: $*"; }

in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/runtime LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

# --- The clean root, made once ----------------------------------------------------------
clean=$cache/$release
archives=$cache/$release.archives
mkdir -p "$archives"
debian_root_ensure "$cache" "$release" || { say "FAIL: no clean $release_name root"; exit 1; }

# --- The package: made from this build, or given ----------------------------------------
arch=$(dpkg --print-architecture)
deb_name=chartkey_${version}_${arch}.deb
if [ -n "$given_deb" ]; then
  mkdir -p "$run/pkg"
  cp "$given_deb" "$run/pkg/$deb_name"
  say "given: $given_deb"
else
  say "cpack -G DEB from $build"
  if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$run/pkg" >"$run/cpack.log" 2>&1; then
    cat "$run/cpack.log"
    say "FAIL: cpack"
    exit 1
  fi
fi
deb=$run/pkg/$deb_name
if [ -f "$deb" ]; then ok "$deb_name"; else
  fail "no $deb_name; cpack made: $(cd "$run/pkg" && ls ./*.deb 2>/dev/null)"
  exit 1
fi

field() { dpkg-deb --field "$deb" "$1"; }
depends=$(field Depends) recommends=$(field Recommends)
say "Depends: $depends"
say "Recommends: $recommends"
[ "$(field Version)" = "$version" ] || fail "Version is $(field Version), not $version"
# The run-time pieces named by hand (packaging/linux/deb.cmake), then what dpkg-shlibdeps must
# have found in the binary, under each release's own package names: a package built on the
# wrong release, or without the scan, fails here. Debian 13 renamed libqt6core6 (64-bit
# time_t) and moved the SVG icon engine out of libqt6svg6 into qt6-svg-plugins.
case "$release" in
  bookworm) by_hand=(libqt6svg6) qtcore=libqt6core6 libssl=libssl3 ;;
  trixie) by_hand=(qt6-svg-plugins) qtcore=libqt6core6t64 libssl=libssl3t64 ;;
esac
dpkg-deb -x "$deb" "$run/deb"
needed=$(readelf -d "$run/deb/usr/bin/chartkey" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
scanned=("$qtcore" libqt6gui6 libqt6widgets6 libqt6network6 libqt6networkauth6 libqt6keychain1
         libqt6dbus6)
# JOSE and OpenSSL only when the binary links them (the linker drops a library none of the
# code in the executable uses).
grep -qx 'libjose.so.0' <<<"$needed" && scanned+=(libjose0)
grep -qx 'libcrypto.so.3' <<<"$needed" && scanned+=("$libssl")
say "the binary needs: $(tr '\n' ' ' <<<"$needed")"
for dep in qt6-qpa-plugins "${by_hand[@]}" libsecret-1-0 "${scanned[@]}"; do
  if [[ ", $depends," == *", $dep "* || ", $depends," == *", $dep,"* ]]; then :; else
    fail "Depends lacks $dep"
  fi
done
for rec in gnome-keyring xdg-utils; do
  [[ "$recommends" == *"$rec"* ]] || fail "Recommends lacks $rec"
done

# Exactly these files, owned by root.
expected=(
  usr/bin/chartkey
  "usr/share/applications/$app_id.desktop"
  "usr/share/metainfo/$app_id.metainfo.xml"
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
)
for size in 16 24 32 48 64 128 256 512; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
expected+=(usr/share/man/man1/chartkey.1.gz usr/share/doc/chartkey/changelog.gz
           usr/share/doc/chartkey/copyright)
actual=$(cd "$run/deb" && find . -type f -o -type l | sed 's|^\./||' | sort)
wanted=$(printf '%s\n' "${expected[@]}" | sort)
if [ "$actual" = "$wanted" ]; then ok "the package holds the ${#expected[@]} expected files"; else
  fail "the package's files differ from the expected list:"
  diff <(echo "$wanted") <(echo "$actual") || true
fi
if dpkg-deb --contents "$deb" | awk '{print $2}' | grep -qv '^root/root$'; then
  fail "files not owned by root/root"
fi

# --- The desktop finds it, and the metadata validates --------------------------------------
desktop=$run/deb/usr/share/applications/$app_id.desktop
metainfo=$run/deb/usr/share/metainfo/$app_id.metainfo.xml
if out=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out" ]; then
  ok "desktop-file-validate"
else fail "desktop-file-validate: $out"; fi
if out=$(appstreamcli validate --no-net --strict "$metainfo" 2>&1); then
  ok "appstreamcli validate --strict"
else fail "appstreamcli validate: $out"; fi
if out=$(appstreamcli validate-tree --no-net --strict "$run/deb" 2>&1); then
  ok "appstreamcli validate-tree --strict (metainfo, desktop file and icons together)"
else fail "appstreamcli validate-tree: $out"; fi
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ "$icon" = "$app_id" ] || fail "the desktop file's Icon is \"$icon\", not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
  || fail "the metainfo does not launch $app_id.desktop"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo's release is not $version"
zcat "$run/deb/usr/share/man/man1/chartkey.1.gz" | grep -q "^\.TH CHARTKEY 1 .*\"chartkey $version\"" \
  || fail "the man page does not say chartkey $version"
# Icon directories must be ones the hicolor theme lists, or theme lookups skip them.
if [ -f /usr/share/icons/hicolor/index.theme ]; then
  dirs=$(sed -n 's/^Directories=//p' /usr/share/icons/hicolor/index.theme | tr ',' '\n')
  for d in $(cd "$run/deb/usr/share/icons/hicolor" && find . -mindepth 2 -maxdepth 2 -type d | sed 's|^\./||'); do
    grep -qx "$d" <<<"$dirs" || fail "icons in $d, which hicolor's index.theme does not list"
  done
fi

# --- Install into a copy of the clean root --------------------------------------------------
cp -a "$clean" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp -l "$archives"/*.deb "$root/var/cache/apt/archives/" 2>/dev/null \
  || cp "$archives"/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
cp "$deb" "$root/tmp/$deb_name"
mkdir -m 700 "$root/tmp/home" "$root/tmp/runtime"
mount -t proc proc "$root/proc"
say "apt-get install ./$deb_name into a clean $release_name root"
start=$(date +%s)
if ! in_root apt-get install -y -q --no-install-recommends "/tmp/$deb_name" >"$run/install.log" 2>&1; then
  tail -n 30 "$run/install.log"
  say "FAIL: apt-get install"
  exit 1
fi
say "installed with $(grep -c '^Setting up' "$run/install.log") packages in $(($(date +%s) - start)) s (to download of all: $(sed -n 's/^Need to get \(.*\) of archives\./\1/p' "$run/install.log"))"
for f in "$root"/var/cache/apt/archives/*.deb; do
  b=${f##*/}
  [ -e "$archives/$b" ] || ln "$f" "$archives/$b" 2>/dev/null || cp "$f" "$archives/$b"
done

# shellcheck disable=SC2016 # ${Status} is dpkg-query's
if in_root dpkg-query -W -f='${Status}' chartkey | grep -q 'install ok installed'; then
  ok "dpkg: chartkey installed"
else fail "dpkg does not list chartkey as installed"; fi
recommended=$(sed 's/([^)]*)//g; s/[,|]/ /g' <<<"$recommends")
for name in $recommended; do
  in_root apt-cache show --no-all-versions "$name" >/dev/null 2>&1 || fail "Recommends $name, which $release_name does not have"
done

# --- Run it from the installed files -------------------------------------------------------
[ "$(in_root sh -c 'command -v chartkey')" = /usr/bin/chartkey ] || fail "chartkey is not /usr/bin/chartkey on PATH"
if out=$(in_root chartkey --version 2>&1) && [ "$out" = "chartkey $version" ]; then
  ok "chartkey --version: $out"
else fail "chartkey --version: $out"; fi
if out=$(in_root chartkey profile list 2>&1); then
  ok "chartkey profile list: $out"
else fail "chartkey profile list: $out"; fi
# The plugins named first (a glob that matches nothing must not pass as "nothing missing").
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so iconengines/libqsvgicon.so; do
  in_root sh -c "ls /usr/lib/*/qt6/plugins/$plugin" >/dev/null 2>&1 || fail "no Qt plugin $plugin"
done
missing=$(in_root sh -c 'ldd /usr/bin/chartkey /usr/lib/*/qt6/plugins/platforms/*.so /usr/lib/*/qt6/plugins/iconengines/*.so 2>&1' \
  | grep -e 'not found' -e 'No such file' -e 'not a dynamic' || true)
if [ -z "$missing" ]; then
  ok "ldd: every library of chartkey and of its Qt plugins is there"
else fail "ldd: $missing"; fi
if in_root sh -c 'ls /usr/lib/*/libsecret-1.so.0' >/dev/null 2>&1; then
  ok "libsecret-1.so.0 is there (QtKeychain loads it at run time)"
else fail "no libsecret-1.so.0"; fi
# The desktop app: stays up (timeout ends it), with the SVG icon engine loaded.
status=0
out=$(in_root env QT_QPA_PLATFORM=offscreen QT_DEBUG_PLUGINS=1 timeout 5 chartkey 2>&1) || status=$?
if [ "$status" = 124 ] && grep -q 'iconengines/libqsvgicon.so" loaded library' <<<"$out"; then
  ok "the desktop app runs (offscreen) with the SVG icon engine"
else
  fail "the desktop app (offscreen) exited with $status: $(grep -v '^qt.core' <<<"$out" | tail -n 5)"
fi
# The xcb platform plugin loads with all its libraries (there is no X server to reach).
status=0
out=$(in_root env QT_QPA_PLATFORM=xcb DISPLAY=:99 timeout 5 chartkey 2>&1) || status=$?
if grep -q 'could not connect to display' <<<"$out"; then
  ok "the xcb platform plugin loads"
else fail "the xcb platform plugin: $(tail -n 3 <<<"$out")"; fi

# --- Remove it, and nothing is left ---------------------------------------------------------
in_root dpkg-query -L chartkey >"$run/files"
if ! in_root apt-get purge -y -q chartkey >"$run/purge.log" 2>&1; then
  tail -n 20 "$run/purge.log"
  fail "apt-get purge chartkey"
fi
rm -rf "$root/tmp/$deb_name" "$root/tmp/home" "$root/tmp/runtime"
left=()
while read -r path; do
  if [ -f "$run/deb$path" ] || [ -L "$run/deb$path" ]; then
    [ -e "$root$path" ] && left+=("$path")
  fi
done <"$run/files"
[ -e "$root/usr/share/doc/chartkey" ] && left+=(/usr/share/doc/chartkey)
while read -r path; do left+=("${path#"$root"}"); done < <(
  find "$root" -xdev \( -path "$root/proc" -o -path "$root/var/cache/apt" -o -path "$root/var/log" \) -prune \
    -o -iname '*chartkey*' -print)
if [ ${#left[@]} -eq 0 ]; then ok "apt-get purge left no chartkey file behind"; else
  fail "left behind after purge: ${left[*]}"
fi
# shellcheck disable=SC2016 # ${Status} is dpkg-query's
if in_root dpkg-query -W -f='${Status}' chartkey 2>/dev/null | grep -q installed; then
  fail "dpkg still knows chartkey after purge"
fi

if [ "$failures" -gt 0 ]; then
  say "$failures check(s) failed"
  exit 1
fi
say "all checks passed"
