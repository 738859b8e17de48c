#!/usr/bin/env bash
# Builds chartkey's libFuzzer targets with clang (ASan + UBSan) and runs each of them.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS [TARGET...]
#
# BUILD_DIR  a clang build of the whole tree with -DCHARTKEY_FUZZ=ON, configured here when
#            it has no CMakeCache.txt yet (only the fuzz targets are built)
# SECONDS    how long each target fuzzes (the suite: 20; packaging/dev.sh fuzz: 600)
# TARGET     tokenresponse, loopback, ... (default: all, as listed in tests/fuzz/CMakeLists.txt)
#
# Each target first runs every input of tests/fuzz/regressions/<target>/ once (crashes found
# before, kept as regression tests), then fuzzes from the seeds in tests/fuzz/corpus/<target>/
# (read only: new inputs go to a temporary directory). A crash, hang (10 s), or more than
# 2 GiB of memory (CHARTKEY_FUZZ_RSS_MB) is a failure; its input is kept in
# BUILD_DIR/artifacts/. Exit status: 0 when every target passed, 1 otherwise.
set -euo pipefail

usage() { sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$1 seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ ]] || usage
mkdir -p "$build"
build=$(cd "$build" && pwd)

say() { printf 'run-fuzzers: %s\n' "$*"; }

for tool in clang clang++ cmake ninja; do
  command -v "$tool" >/dev/null || { say "needs $tool (packaging/dev.sh deps installs clang, libclang-rt-14-dev, cmake, ninja-build)"; exit 1; }
done

# --- build --------------------------------------------------------------------------------
if [ ! -f "$build/CMakeCache.txt" ]; then
  say "configuring a clang build in $build"
  if ! CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF -DCHARTKEY_FUZZ=ON \
      -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -Wno-gnu-zero-variadic-macro-arguments" \
      > "$build/configure.log" 2>&1; then
    tail -n 30 "$build/configure.log"; say "configuring failed (log: $build/configure.log)"
    rm -f "$build/CMakeCache.txt"; exit 1
  fi
fi
say "building the fuzz targets"
if ! cmake --build "$build" --target fuzzers > "$build/build.log" 2>&1; then
  grep -aE 'error|Error' "$build/build.log" | head -n 30 || tail -n 30 "$build/build.log"
  say "building failed (log: $build/build.log)"; exit 1
fi

if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < "$build/fuzz-targets.txt"; fi

# --- run ----------------------------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=$build/artifacts
mkdir -p "$artifacts" "$work/home" "$work/config" "$work/data" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"

# A target never touches the user's files or keychain: private HOME and XDG directories,
# no D-Bus session. Leak detection is off: Qt and glib keep allocations until exit that
# LSan reports (none of them chartkey's).
run_env=(env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY
  HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
  XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/runtime"
  ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=0:handle_abort=1"
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1")
# CHARTKEY_FUZZ_RSS_MB raises the memory limit for long runs: tokenset and tokenresponse grow
# by about 0.7 MiB/s, as log::registerSecret keeps every token they parse for the process's life.
fuzz_flags=(-timeout=10 -rss_limit_mb="${CHARTKEY_FUZZ_RSS_MB:-2048}")

passed=0 failed=0
failures=()

# report TARGET EXE LOG: the failing input and how to reproduce it
report() {
  local target=$1 exe=$2 log=$3 input
  input=$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -n 1 | sed 's/Test unit written to //' || true)
  grep -aE '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant broken|qFatal|.*runtime error:|ALARM|==[0-9]+== ERROR: libFuzzer)' "$log" | head -n 5 | sed 's/^/    /'
  if [ -n "$input" ]; then
    say "  input: $input"
    say "  reproduce: $(dirname "$exe")/$(basename "$exe") $input"
    say "  minimise into a regression test: $exe -minimize_crash=1 -runs=100000 -exact_artifact_path=tests/fuzz/regressions/$target/<what-it-is> $input"
  fi
  say "  log: $log"
}

for t in "${targets[@]}"; do
  exe=$build/tests/fuzz/fuzz_$t
  if [ ! -x "$exe" ]; then
    say "FAIL $t: no such target ($exe)"; failed=$((failed + 1)); failures+=("$t"); continue
  fi
  ok=1 regressions=0
  # Regression inputs, each once.
  if [ -d "$here/regressions/$t" ]; then
    for input in "$here/regressions/$t"/*; do
      [ -f "$input" ] || continue
      regressions=$((regressions + 1))
      log=$artifacts/$t-regression-$(basename "$input").log
      if ! (cd "$work" && "${run_env[@]}" "$exe" "${fuzz_flags[@]}" "$input") > "$log" 2>&1; then
        say "FAIL $t: regression input $input crashes again"
        grep -aE '^(==[0-9]+==ERROR|SUMMARY|fuzz invariant broken|qFatal|.*runtime error:)' "$log" | head -n 5 | sed 's/^/    /'
        say "  reproduce: $exe $input"
        say "  log: $log"
        ok=0
      else
        rm -f "$log"
      fi
    done
  fi
  # Fuzzing from the seeds.
  seeds=$here/corpus/$t
  found=$work/corpus-$t
  mkdir -p "$found"
  log=$artifacts/$t.log
  if ! (cd "$work" && "${run_env[@]}" "$exe" "${fuzz_flags[@]}" -max_total_time="$seconds" \
        -print_final_stats=1 -artifact_prefix="$artifacts/$t-" "$found" "$seeds") > "$log" 2>&1; then
    say "FAIL $t: fuzzing found a failure"
    report "$t" "$exe" "$log"
    ok=0
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  status=$(grep -aE '^#[0-9]+' "$log" | tail -n 1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$status")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$status")
  corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<< "$status")
  rss=$(sed -nE 's/.* rss: ([0-9]+Mb).*/\1/p' <<< "$status")
  nseeds=$(find "$seeds" -type f | wc -l)
  summary="${execs:-?} execs (${rate:-?}/s), cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?} from $nseeds seeds, rss ${rss:-?}, $regressions regression input(s)"
  if [ $ok = 1 ]; then
    say "ok   $t: $summary"
    passed=$((passed + 1))
    rm -f "$log"
  else
    say "FAIL $t: $summary"
    failed=$((failed + 1)); failures+=("$t")
  fi
done

say "$passed passed, $failed failed${failures:+ (${failures[*]})}"
[ $failed = 0 ]
