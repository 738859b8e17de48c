# shellcheck shell=bash
# Clean Debian roots for the tests, one per release, made once with debootstrap and cached.
# Sourced (not run) by tests/packaging/test-deb.sh and tests/trixie/stage.sh.
#
#   debian_release_name RELEASE      "Debian 12" for bookworm, "Debian 13" for trixie
#   debian_root_ensure CACHE RELEASE makes CACHE/RELEASE if it is missing, and refreshes its
#                                    apt lists once a day; the caller holds CACHE/lock
#
# Why debootstrap --variant=minbase: such a root holds less than any workstation, so what
# is installed into a copy of it has to come from declared dependencies alone.
#
# Why the roots are never installed into: every user of one copies it (cp -a, about 3 s) and
# works in the copy, so each run starts from the same clean state without paying for
# debootstrap (80-100 s on the CI machine) again. Delete CACHE/RELEASE.complete (or the whole
# cache) to make a root from nothing.
#
# CHARTKEY_DEBIAN_MIRROR and CHARTKEY_DEBIAN_SECURITY_MIRROR choose the mirrors.

debian_mirror=${CHARTKEY_DEBIAN_MIRROR:-http://deb.debian.org/debian}
debian_security_mirror=${CHARTKEY_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

debian_release_name() {
  case "$1" in
    bookworm) echo "Debian 12" ;;
    trixie) echo "Debian 13" ;;
    *) return 1 ;;
  esac
}

# Prints what it does on stderr; returns non-zero (with the log's tail) when debootstrap fails.
debian_root_ensure() {
  local cache=$1 release=$2
  local clean=$cache/$release name
  name=$(debian_release_name "$release") || { echo "debian-root: unknown release $release" >&2; return 1; }
  if [ ! -f "$clean.complete" ]; then
    echo "debian-root: making a clean $name root with debootstrap (once; 1.5-2 minutes)" >&2
    rm -rf "$clean" "$clean.new"
    if ! debootstrap --variant=minbase "$release" "$clean.new" "$debian_mirror" \
        >"$cache/$release.debootstrap.log" 2>&1; then
      tail -n 20 "$cache/$release.debootstrap.log" >&2
      echo "debian-root: debootstrap $release failed (log: $cache/$release.debootstrap.log)" >&2
      return 1
    fi
    cat >"$clean.new/etc/apt/sources.list" <<EOF
deb $debian_mirror $release main
deb $debian_mirror $release-updates main
deb $debian_security_mirror $release-security main
EOF
    rm -f "$clean.new"/var/cache/apt/archives/*.deb
    # Throwaway copies: no fsync per file, and no daemons started by maintainer scripts.
    echo force-unsafe-io >"$clean.new/etc/dpkg/dpkg.cfg.d/unsafe-io"
    printf '#!/bin/sh\nexit 101\n' >"$clean.new/usr/sbin/policy-rc.d"
    chmod 755 "$clean.new/usr/sbin/policy-rc.d"
    mv "$clean.new" "$clean"
    touch "$clean.complete"
    rm -f "$cache/$release.lists.stamp"
  fi
  if [ -z "$(find "$cache/$release.lists.stamp" -mmin -1440 2>/dev/null)" ]; then
    echo "debian-root: refreshing the $name root's apt lists (once a day)" >&2
    cp /etc/resolv.conf "$clean/etc/resolv.conf"
    mount -t proc proc "$clean/proc"
    if chroot "$clean" /usr/bin/env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin apt-get update -qq >&2; then
      touch "$cache/$release.lists.stamp"
    else
      echo "debian-root: apt-get update failed: going on with the lists from $(date -r "$clean/var/lib/apt/lists" +%F)" >&2
    fi
    umount "$clean/proc"
  fi
}
