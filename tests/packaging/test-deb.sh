#!/usr/bin/env bash
# packaging_deb: the .deb made from this build, installed into a clean Debian 12 root, run
# there, and removed without leaving a file behind.
#
#   test-deb.sh BUILD_DIR VERSION APP_ID
#
# Why a debootstrap root: a root made with `debootstrap --variant=minbase bookworm` holds
# less than any workstation, so apt must bring every library chartkey needs from the
# package's Depends alone. Installing on the build machine instead would hide a missing
# dependency (it has all of Qt already) and would change the machine.
#
# Why it is cached: measured on the CI machine (2 cores), debootstrap takes about 80 s and
# the dependencies are 73 MB (about 75 s to download). Both are paid once: the root (never
# installed into) and the downloaded .debs are kept under /var/cache/chartkey-test-root
# (CHARTKEY_TEST_ROOT_CACHE), made again when missing; the apt lists in it are refreshed
# once a day. Every run copies the clean root (3 s), installs the package and its
# dependencies from the cached .debs (25-60 s), checks, purges, and deletes the copy:
# about 1.5 minutes. Delete the cache directory to start from nothing.
#
# Needs root (chroot, mount), debootstrap, desktop-file-validate, appstreamcli, dpkg-deb and
# the Debian mirror (CHARTKEY_DEBIAN_MIRROR, default http://deb.debian.org/debian).
# Exits 77 (skipped) when not run as root.
set -euo pipefail

build=$1 version=$2 app_id=$3
cache=${CHARTKEY_TEST_ROOT_CACHE:-/var/cache/chartkey-test-root}
mirror=${CHARTKEY_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${CHARTKEY_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

say() { printf 'packaging_deb: %s\n' "$*"; }

if [ "$(id -u)" != 0 ]; then
  say "SKIP: needs root (debootstrap, chroot)"
  exit 77
fi
for tool in debootstrap desktop-file-validate appstreamcli dpkg-deb cpack unshare chroot flock; do
  command -v "$tool" >/dev/null || { say "FAIL: $tool is missing (packaging/dev.sh deps)"; exit 1; }
done

# Mounts (/proc in the root) live in a private mount namespace and vanish with it, even
# when the test is killed.
if [ "${CHARTKEY_TEST_IN_NAMESPACE:-}" != 1 ]; then
  exec unshare --mount --propagation private env CHARTKEY_TEST_IN_NAMESPACE=1 "$0" "$@"
fi

mkdir -p "$cache/archives" "$cache/runs"
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
clean=$cache/bookworm
if [ ! -f "$clean.complete" ]; then
  say "making a clean Debian 12 root with debootstrap (once; about 1.5 minutes)"
  rm -rf "$clean" "$clean.new"
  if ! debootstrap --variant=minbase bookworm "$clean.new" "$mirror" >"$cache/debootstrap.log" 2>&1; then
    tail -n 20 "$cache/debootstrap.log"
    say "FAIL: debootstrap (log: $cache/debootstrap.log)"
    exit 1
  fi
  cat >"$clean.new/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
EOF
  rm -f "$clean.new"/var/cache/apt/archives/*.deb
  # Throwaway copies: no fsync per file, and no daemons started by maintainer scripts.
  echo force-unsafe-io >"$clean.new/etc/dpkg/dpkg.cfg.d/unsafe-io"
  printf '#!/bin/sh\nexit 101\n' >"$clean.new/usr/sbin/policy-rc.d"
  chmod 755 "$clean.new/usr/sbin/policy-rc.d"
  mv "$clean.new" "$clean"
  touch "$clean.complete"
  rm -f "$cache/lists.stamp"
fi
if [ -z "$(find "$cache/lists.stamp" -mmin -1440 2>/dev/null)" ]; then
  say "refreshing the root's apt lists (once a day)"
  cp /etc/resolv.conf "$clean/etc/resolv.conf"
  mount -t proc proc "$clean/proc"
  if chroot "$clean" /usr/bin/env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin apt-get update -qq; then
    touch "$cache/lists.stamp"
  else
    say "apt-get update failed: going on with the lists from $(date -r "$clean/var/lib/apt/lists" +%F)"
  fi
  umount "$clean/proc"
fi

# --- The package, made from this build ----------------------------------------------------
say "cpack -G DEB from $build"
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$run/pkg" >"$run/cpack.log" 2>&1; then
  cat "$run/cpack.log"
  say "FAIL: cpack"
  exit 1
fi
arch=$(dpkg --print-architecture)
deb_name=chartkey_${version}_${arch}.deb
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
for dep in qt6-qpa-plugins libqt6svg6 libsecret-1-0 \
           libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6networkauth6 libqt6keychain1; do
  if [[ ", $depends," == *", $dep "* || ", $depends," == *", $dep,"* ]]; then :; else
    fail "Depends lacks $dep"
  fi
done
for rec in gnome-keyring xdg-utils; do
  [[ "$recommends" == *"$rec"* ]] || fail "Recommends lacks $rec"
done

# Exactly these files, owned by root.
dpkg-deb -x "$deb" "$run/deb"
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
cp -l "$cache"/archives/*.deb "$root/var/cache/apt/archives/" 2>/dev/null \
  || cp "$cache"/archives/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
cp "$deb" "$root/tmp/$deb_name"
mkdir -m 700 "$root/tmp/home" "$root/tmp/runtime"
mount -t proc proc "$root/proc"
say "apt-get install ./$deb_name into the clean root"
start=$(date +%s)
if ! in_root apt-get install -y -q --no-install-recommends "/tmp/$deb_name" >"$run/install.log" 2>&1; then
  tail -n 30 "$run/install.log"
  say "FAIL: apt-get install"
  exit 1
fi
say "installed with $(grep -c '^Setting up' "$run/install.log") packages in $(($(date +%s) - start)) s (to download of all: $(sed -n 's/^Need to get \(.*\) of archives\./\1/p' "$run/install.log"))"
for f in "$root"/var/cache/apt/archives/*.deb; do
  b=${f##*/}
  [ -e "$cache/archives/$b" ] || ln "$f" "$cache/archives/$b" 2>/dev/null || cp "$f" "$cache/archives/$b"
done

# shellcheck disable=SC2016 # ${Status} is dpkg-query's
if in_root dpkg-query -W -f='${Status}' chartkey | grep -q 'install ok installed'; then
  ok "dpkg: chartkey installed"
else fail "dpkg does not list chartkey as installed"; fi
recommended=$(sed 's/([^)]*)//g; s/[,|]/ /g' <<<"$recommends")
for name in $recommended; do
  in_root apt-cache show --no-all-versions "$name" >/dev/null 2>&1 || fail "Recommends $name, which Debian 12 does not have"
done

# --- Run it from the installed files -------------------------------------------------------
[ "$(in_root sh -c 'command -v chartkey')" = /usr/bin/chartkey ] || fail "chartkey is not /usr/bin/chartkey on PATH"
if out=$(in_root chartkey --version 2>&1) && [ "$out" = "chartkey $version" ]; then
  ok "chartkey --version: $out"
else fail "chartkey --version: $out"; fi
if out=$(in_root chartkey profile list 2>&1); then
  ok "chartkey profile list: $out"
else fail "chartkey profile list: $out"; fi
missing=$(in_root sh -c 'ldd /usr/bin/chartkey /usr/lib/*/qt6/plugins/platforms/*.so /usr/lib/*/qt6/plugins/iconengines/*.so' | grep 'not found' || true)
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
