#!/usr/bin/env bash
# chartkey's developer entry point.
#
#   packaging/dev.sh run    build, start the sandbox EHR, and open chartkey on a "Sandbox"
#                           profile (without a display: sign in, list patients and run a
#                           note action through the command line)
#   packaging/dev.sh test   build and run the whole test suite, then the Debian 13 stage
#                           (tests/trixie: chartkey built, unit-tested, signed in and packaged
#                           in a Debian 13 root, against Qt 6.8); CHARTKEY_SKIP_ASAN=1 and
#                           CHARTKEY_SKIP_TRIXIE=1 leave out the sanitizer run and that stage
#   packaging/dev.sh bench  build and run the benchmarks (tests/bench: start-up, tokens,
#                           sign-in, scale, note actions, api --paginate, schedule, client
#                           assertions), each against a
#                           same-run reference
#   packaging/dev.sh deps [build]
#                           install what is missing (Debian packages, npm modules); with
#                           `build`, only what building and packaging need
#   packaging/dev.sh build  configure and build only
#   packaging/dev.sh package
#                           Release build (preset release) and its packages in
#                           build/packages: chartkey_<version>_amd64.deb for the Debian release
#                           it runs on (12 or 13: the libraries it depends on are named per
#                           release) and the source tarball chartkey-<version>.tar.gz
#   packaging/dev.sh fuzz [SECONDS] [TARGET...]
#                           build the libFuzzer targets with clang (build/fuzz) and run each
#                           for SECONDS (default 600); the suite runs them for 20 s each
#
# On a fresh Debian 12 or 13 machine, run as root: missing Debian packages are installed with
# apt-get, the sandbox's npm modules with npm ci. Both steps are skipped when done already.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# What building and packaging need. Some packages are loaded at run time with dlopen
# (qt6-qpa-plugins, libsecret-1-0, the SVG icon engine) and must be listed explicitly; cpack's
# dpkg-shlibdeps needs dpkg-dev and file.
build_packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-networkauth-dev qtkeychain-qt6-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libgl1-mesa-dev
  # JOSE (app/core/auth/jose.h): latchset jose over OpenSSL; openssl(1) cross-checks its tests
  libjose-dev libssl-dev openssl
  qt6-qpa-plugins libqt6svg6 libsecret-1-0
  dpkg-dev file
)
# Debian 13 moved Qt's SVG plugins (the icon engine) out of libqt6svg6; otherwise the names
# are the same on Debian 12 and 13.
# shellcheck disable=SC1091 # the machine's own
[ "$(. /etc/os-release && echo "${VERSION_CODENAME:-}")" = bookworm ] || build_packages+=(qt6-svg-plugins)
# What running and testing need besides.
test_packages=(
  xdg-utils xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools chromium curl
  clang libclang-rt-dev
  # the packaging test (tests/packaging) and the Debian 13 stage (tests/trixie)
  desktop-file-utils appstream debootstrap hicolor-icon-theme
)

say() { printf '\033[1mdev.sh:\033[0m %s\n' "$*" >&2; }

# deps [build]: installs what is missing; `build` only what building and packaging need.
deps() {
  local what=${1:-all} missing=() wanted=("${build_packages[@]}")
  [ "$what" = build ] || wanted+=("${test_packages[@]}")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "$what" != build ] && { ! command -v node >/dev/null || ! command -v npm >/dev/null; }; then
    missing+=(nodejs npm)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
      say "run as root (or install them yourself): apt-get install ${missing[*]}"
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  [ "$what" != build ] || return 0
  local lock=tests/sandbox/package-lock.json stamp=tests/sandbox/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    say "installing the sandbox's npm modules (npm ci)"
    (cd tests/sandbox && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build() {
  local preset=$1
  say "building (preset $preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

run_test() {
  deps
  build ci
  say "running the test suite"
  ctest --preset ci --output-on-failure -j2 "$@"
  # The same suite once more, built with AddressSanitizer and UBSan (leak checking off:
  # Qt and GLib keep allocations until exit). Set CHARTKEY_SKIP_ASAN=1 to skip locally.
  if [ -z "${CHARTKEY_SKIP_ASAN:-}" ]; then
    build asan
    say "running the test suite under AddressSanitizer and UBSan"
    ctest --preset asan --output-on-failure -j2 -LE 'fuzz|packaging' -E sandbox_selftest "$@"
  fi
  run_trixie_stage
}

# The Debian 13 stage (tests/trixie/stage.sh): chartkey built against Qt 6.8 and QtKeychain
# 0.15 in a Debian 13 root, its unit tests, a real sign-in and its .deb. After the main
# suite, so that a failure there is reported first. CHARTKEY_SKIP_TRIXIE=1 skips it locally;
# it says so, and why, and so does a machine where it cannot run (not root).
run_trixie_stage() {
  if [ -n "${CHARTKEY_SKIP_TRIXIE:-}" ]; then
    say "SKIP: the Debian 13 stage (CHARTKEY_SKIP_TRIXIE is set)"
    return 0
  fi
  say "the Debian 13 stage (tests/trixie/stage.sh)"
  local start=$SECONDS status=0
  tests/trixie/stage.sh || status=$?
  case $status in
    0) say "the Debian 13 stage passed in $((SECONDS - start)) s" ;;
    77) say "SKIP: the Debian 13 stage could not run here (see above)" ;;
    *) say "FAIL: the Debian 13 stage, after $((SECONDS - start)) s"; return 1 ;;
  esac
}

sandbox_value() {
  node -e 'const o = JSON.parse(process.argv[1]); const v = process.argv[2].split(".").reduce((a, k) => a[k], o); console.log(v)' "$1" "$2"
}

run_app() {
  deps
  build dev
  local bin=build/dev/app/chartkey
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "no display (DISPLAY/WAYLAND_DISPLAY unset): showing the same job on the command line,"
    say "with a private keyring and the scripted browser standing in for you"
    exec tests/harness/with-peers.sh -- packaging/demo-cli.sh "$root/$bin"
  fi
  # Globals: the EXIT trap runs after this function has returned.
  sandbox_ready=$(mktemp) sandbox_log=$(mktemp)
  node tests/sandbox/server.mjs > "$sandbox_ready" 2> "$sandbox_log" &
  sandbox_pid=$!
  trap 'kill "$sandbox_pid" 2>/dev/null; rm -f "$sandbox_ready" "$sandbox_log"' EXIT
  trap 'exit 130' INT TERM HUP
  local ready=$sandbox_ready
  for _ in $(seq 1 600); do [ -s "$ready" ] && break; sleep 0.05; done
  local json; json=$(head -n 1 "$ready")
  "$bin" profile add Sandbox --replace \
    --instance "$(sandbox_value "$json" instance)" \
    --fhir-base "$(sandbox_value "$json" fhirBase)" \
    --client-id "$(sandbox_value "$json" clients.public.client_id)" >/dev/null
  say "sandbox EHR at $(sandbox_value "$json" instance); sign in as $(sandbox_value "$json" user.login) / $(sandbox_value "$json" user.password)"
  "$bin" --profile Sandbox || true
}

run_bench() {
  deps
  build dev
  local bench=build/dev/tests/bench failed=()
  # Each benchmark in its own harness (keyring, XDG dirs, sandbox with the arguments it needs);
  # a failed one is reported at the end and does not stop the others.
  in_peers() {
    local name=$1; shift
    tests/harness/with-peers.sh "$@" 2> >(grep -v -e 'dbus-daemon' -e 'propagateSizeHints' >&2) \
      || failed+=("$name")
  }
  say "start-up and memory: chartkey against a bare Qt Widgets window (Xvfb, 10,000 patients)"
  in_peers bench_startup --xvfb --sandbox-arg --patients --sandbox-arg 10000 -- "$bench/bench_startup"
  say "token economy: 1,000 API calls, 4 processes x 16 callers, expiries and restarts"
  in_peers bench_tokens -- "$bench/bench_tokens"
  say "sign-in: browser, code exchange, keychain; the refresh grant against curl"
  in_peers bench_signin -- "$bench/bench_signin"
  say "scale: 10,000 and 100,000 patients paged in, against the bare download and a plain model"
  in_peers bench_scale --sandbox-arg --patients --sandbox-arg 100000 -- "$bench/bench_scale"
  say "note actions: 200 notes locked and signed, against the same POSTs with plain Qt"
  in_peers bench_notes --sandbox-arg --patients --sandbox-arg 3000 -- "$bench/bench_notes"
  say "api --paginate: 100,000 patients as one Bundle and as NDJSON, against QNAM and curl"
  in_peers bench_api --sandbox-arg --patients --sandbox-arg 100000 -- "$bench/bench_api"
  say "a day's schedule: FhirClient::schedule against the same GETs with plain Qt"
  in_peers bench_schedule -- "$bench/bench_schedule"
  say "private_key_jwt: signing a client assertion per token request, against HMAC and client_secret_post"
  "$bench/bench_assertion" || failed+=(bench_assertion)
  if [ ${#failed[@]} -gt 0 ]; then
    say "failed: ${failed[*]}"
    return 1
  fi
}

run_package() {
  deps build
  build release
  local out=build/packages release
  # shellcheck disable=SC1091 # the machine's own
  release=$(. /etc/os-release && echo "${PRETTY_NAME:-this system}")
  say "packaging for $release: cpack -G DEB and the source tarball into $out"
  cpack --config build/release/CPackConfig.cmake -G DEB -B "$out"
  cpack --config build/release/CPackSourceConfig.cmake -B "$out"
  rm -rf "$out/_CPack_Packages"
  ls -l "$out"/*.deb "$out"/*.tar.gz >&2
}

run_fuzz() {
  deps
  local seconds=${1:-600}
  say "fuzzing: each target for $seconds s (clang, ASan + UBSan, build/fuzz; tests/fuzz/README.md)"
  tests/fuzz/run-fuzzers.sh build/fuzz "$seconds" "${@:2}"
}

case "${1:-}" in
  run) shift; run_app "$@" ;;
  bench) shift; run_bench "$@" ;;
  test) shift; run_test "$@" ;;
  deps) shift; deps "$@" ;;
  build) deps; build dev ;;
  package) run_package ;;
  fuzz) shift; run_fuzz "$@" ;;
  *) sed -n '2,/^set -e/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
