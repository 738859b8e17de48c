#!/usr/bin/env bash
# The steps of the Debian 13 stage that run inside its root (tests/trixie/stage.sh runs them
# with chroot; the source tree is at /src, read-only, the build in /build).
#
#   in-root.sh build     configure with the `ci` preset (warnings are errors) and build
#                        chartkey, its packaged files and the unit tests
#   in-root.sh unit      run the unit tests (ctest -L unit)
#   in-root.sh package   cpack -G DEB into /build/packages
set -euo pipefail

build=/build/ci
say() { printf '\033[1mtrixie:\033[0m %s\n' "$*" >&2; }

case "${1:-}" in
  build)
    # The stage is about these versions: say which were built against, and stop if Debian
    # 13 ever moves on (the stage's name and the README would then be wrong).
    # shellcheck disable=SC2016 # ${Version} is dpkg-query's
    qt=$(dpkg-query -W -f='${Version}' qt6-base-dev) networkauth=$(dpkg-query -W -f='${Version}' qt6-networkauth-dev) \
      keychain=$(dpkg-query -W -f='${Version}' qtkeychain-qt6-dev) gcc=$(gcc -dumpfullversion)
    say "building against Qt $qt, Qt Network Authorization $networkauth, QtKeychain $keychain (GCC $gcc)"
    [[ "$qt" == 6.8.* && "$networkauth" == 6.8.* ]] || { say "FAIL: expected Qt 6.8, found $qt"; exit 1; }
    [[ "$keychain" == 0.15.* ]] || { say "FAIL: expected QtKeychain 0.15, found $keychain"; exit 1; }
    ccache --zero-stats >/dev/null
    cd /src
    # Only what the stage uses is built, not the integration, e2e, GUI and benchmark tests
    # (they need Chromium and X, which the stage does not run): chartkey, the files the
    # package installs and the unit tests. CMAKE_SKIP_INSTALL_ALL_DEPENDENCY keeps cpack from
    # building everything else first.
    cmake --preset ci -B "$build" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
      -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON >/build/configure.log \
      || { cat /build/configure.log >&2; exit 1; }
    targets=(chartkey chartkey_packaging_docs)
    for test in /src/tests/unit/tst_*.cpp; do
      name=${test##*/}
      targets+=("unit_${name%.cpp}")
    done
    cmake --build "$build" --target "${targets[@]}"
    say "ccache: $(ccache --print-stats | awk -F'\t' '$1 ~ /^(direct_cache_hit|preprocessed_cache_hit|cache_miss)$/ {printf "%s %s  ", $1, $2}')"
    ;;
  unit)
    ctest --test-dir "$build" -L unit --output-on-failure --no-tests=error -j2
    ;;
  package)
    cd "$build"
    cpack -G DEB -B /build/packages >/build/cpack.log || { cat /build/cpack.log >&2; exit 1; }
    ls -l /build/packages/*.deb >&2
    ;;
  *)
    echo "usage: in-root.sh build|unit|package" >&2
    exit 2
    ;;
esac
