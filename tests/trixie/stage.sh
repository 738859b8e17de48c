#!/usr/bin/env bash
# The Debian 13 stage of `packaging/dev.sh test`: chartkey as Debian 13 (trixie) builds it,
# with Qt 6.8 and QtKeychain 0.15 instead of Debian 12's Qt 6.4 and QtKeychain 0.13.
#
#   tests/trixie/stage.sh        (as root; exits 77 with SKIP when not root)
#
# In a Debian 13 root made with debootstrap, with the source tree mounted read-only at /src:
#   1. build chartkey and its unit tests with the `ci` preset (warnings are errors);
#   2. run the unit tests (ctest -L unit);
#   3. sign in for real (tests/trixie/signin.sh): login -> token -> status -> logout against
#      the sandbox EHR, through Qt 6.8's QOAuthHttpServerReplyHandler, with a gnome-keyring
#      of the root's own in a private D-Bus session and the plain-HTTP consent client as the
#      browser. The sandbox (node, oidc-provider) runs here on the host; a chroot shares the
#      host's network, so the root's chartkey reaches it over loopback;
#   4. make the .deb there (cpack), then install it into a clean Debian 13 root, run it and
#      purge it (tests/packaging/test-deb.sh --release trixie).
# Any failure fails the stage; each step prints its time.
#
# What is kept, and why (everything under /var/cache/chartkey-trixie, CHARTKEY_TRIXIE_CACHE;
# delete it to start from nothing):
#   root/   the build root: a copy of the clean Debian 13 root (tests/packaging/debian-root.sh,
#           in /var/cache/chartkey-test-root/trixie) with what building needs
#           (`packaging/dev.sh deps build`, run inside it) and what the sign-in needs. It is
#           kept between runs rather than copied per run: its ~350 packages (280 MB to
#           download, 1.2 GB installed) take minutes to install, and nothing the stage checks
#           depends on the build root being pristine (the package is checked in a fresh copy
#           of the clean root). What could leak from one run into the next is kept out: /build
#           is emptied before every build, /tmp is a fresh tmpfs, the source is not copied in.
#           Its packages are upgraded once a day, as the clean roots' apt lists are refreshed.
#   root/var/cache/ccache   ccache's cache for the builds in the root: a run after the first
#           compiles almost nothing (the build is the slow step: about 30 minutes from nothing
#           on the shared 2-core CI machine).
# Mounts (/src, /proc, /tmp) live in a private mount namespace: they are unmounted at the end
# and vanish with the namespace even if the stage is killed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
cache=${CHARTKEY_TRIXIE_CACHE:-/var/cache/chartkey-trixie}
test_root_cache=${CHARTKEY_TEST_ROOT_CACHE:-/var/cache/chartkey-test-root}
root=$cache/root

say() { printf '\033[1mtrixie:\033[0m %s\n' "$*" >&2; }
die() { say "FAIL: $*"; exit 1; }

if [ "$(id -u)" != 0 ]; then
  say "SKIP: the Debian 13 stage needs root (debootstrap, chroot, mount)"
  exit 77
fi
for tool in debootstrap unshare chroot flock node mount umount; do
  command -v "$tool" >/dev/null || die "$tool is missing (packaging/dev.sh deps)"
done
[ -d "$source_dir/tests/sandbox/node_modules" ] || die "the sandbox's npm modules are missing (packaging/dev.sh deps)"

if [ "${CHARTKEY_TRIXIE_IN_NAMESPACE:-}" != 1 ]; then
  exec unshare --mount --propagation private env CHARTKEY_TRIXIE_IN_NAMESPACE=1 "$0" "$@"
fi

# shellcheck source=tests/packaging/debian-root.sh
. "$source_dir/tests/packaging/debian-root.sh"

mkdir -p "$cache" "$test_root_cache"
# One stage at a time on this machine: the build root is shared by every worktree.
exec 9>"$cache/lock"
flock 9

stage_start=$SECONDS
step_start=$SECONDS
timings=()
took() {
  local seconds=$((SECONDS - step_start))
  say "$1: $seconds s"
  timings+=("$1 $seconds s")
  step_start=$SECONDS
}

sandbox_pid=''
cleanup() {
  [ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null || true
  for m in "$root/tmp" "$root/dev/pts" "$root/proc" "$root/src"; do
    if mountpoint -q "$m" 2>/dev/null; then umount "$m" || umount -l "$m" || true; fi
  done
}
trap cleanup EXIT

in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    HOME=/tmp/home LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    CCACHE_DIR=/var/cache/ccache CCACHE_BASEDIR=/src "$@"
}

# --- The build root ----------------------------------------------------------------------
if [ ! -f "$root.complete" ]; then
  say "making the build root from the clean Debian 13 root (once)"
  (
    # The clean root is shared with the packaging test; its lock keeps it still while copied.
    exec 8>"$test_root_cache/lock"
    flock 8
    debian_root_ensure "$test_root_cache" trixie
    rm -rf "$root" "$root.new"
    cp -a "$test_root_cache/trixie" "$root.new"
  ) || die "no clean Debian 13 root"
  mv "$root.new" "$root"
  mkdir -p "$root/src" "$root/build" "$root/var/cache/ccache"
  rm -f "$cache/upgrade.stamp"
  touch "$root.complete"
fi
mkdir -p "$root/src" "$root/build"
mount --bind "$source_dir" "$root/src"
mount -o remount,bind,ro "$root/src"
mount -t proc proc "$root/proc"
# A pty namespace of its own for apt and dpkg (else "Can not write log (Is /dev/pts mounted?)").
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777,size=4g tmpfs "$root/tmp"
mkdir -m 700 "$root/tmp/home"
cp /etc/resolv.conf "$root/etc/resolv.conf"

if [ -z "$(find "$cache/upgrade.stamp" -mmin -1440 2>/dev/null)" ]; then
  say "upgrading the build root's packages (once a day)"
  if in_root sh -c 'apt-get update -qq && apt-get dist-upgrade -y -qq >/dev/null'; then
    touch "$cache/upgrade.stamp"
  else
    say "apt-get upgrade failed: going on with the packages from $(date -r "$root/var/lib/dpkg/status" +%F)"
  fi
fi
# What building and packaging need, by the list packaging/dev.sh keeps for both releases;
# then what the unit tests and the sign-in need (a keyring, a session bus, secret-tool,
# node for the consent client) and ccache. Both install only what is missing.
in_root /src/packaging/dev.sh deps build || die "packaging/dev.sh deps build in the Debian 13 root"
extras=(dbus gnome-keyring libsecret-tools nodejs ccache)
missing=()
for p in "${extras[@]}"; do
  # shellcheck disable=SC2016 # ${Status} is dpkg-query's
  in_root dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing in the build root: ${missing[*]}"
  in_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} in the Debian 13 root"
fi
in_root ccache --max-size=3G >/dev/null
took "build root"

# --- Build, unit tests -------------------------------------------------------------------
rm -rf "${root:?}/build/"*
in_root bash /src/tests/trixie/in-root.sh build || die "the build against Qt 6.8 (warnings are errors)"
took "build"
in_root bash /src/tests/trixie/in-root.sh unit || die "unit tests on Debian 13"
took "unit tests"

# --- A sign-in through the sandbox, with the root's own keyring ---------------------------
say "starting the sandbox EHR (on the host; the root reaches it over loopback)"
node "$source_dir/tests/sandbox/server.mjs" >"$root/tmp/sandbox.json" 2>"$root/tmp/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 1 1200); do
  [ -s "$root/tmp/sandbox.json" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$root/tmp/sandbox.log" >&2; die "the sandbox did not start"; }
  sleep 0.05
done
[ -s "$root/tmp/sandbox.json" ] || die "the sandbox did not start within 60 s"
in_root dbus-run-session -- bash /src/tests/trixie/signin.sh /build/ci/app/chartkey /tmp/sandbox.json \
  || die "the sign-in round trip on Debian 13"
kill "$sandbox_pid" 2>/dev/null || true
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=''
took "sign-in"

# --- The Debian 13 package: made in the root, installed into a clean one -----------------
in_root bash /src/tests/trixie/in-root.sh package || die "cpack in the Debian 13 root"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$root/build/ci/CMakeCache.txt")
app_id=$(sed -n 's/^CHARTKEY_APP_ID:[A-Z]*=//p' "$root/build/ci/CMakeCache.txt")
deb=$root/build/packages/chartkey_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || die "cpack made no $(basename "$deb")"
out=$(mktemp -d)
cp "$deb" "$out/"
"$source_dir/tests/packaging/test-deb.sh" --deb "$out/$(basename "$deb")" --release trixie \
  "$version" "$app_id" || { rm -rf "$out"; die "the Debian 13 package in a clean Debian 13 root"; }
rm -rf "$out"
took "package"

cleanup
trap - EXIT
say "passed in $((SECONDS - stage_start)) s (${timings[*]/%/;})"
