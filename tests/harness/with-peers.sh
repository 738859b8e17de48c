#!/usr/bin/env bash
# Runs a command with chartkey's real peers around it, isolated from the user's own:
#   - private HOME and XDG directories (settings, runtime dir for the profile locks);
#   - a private D-Bus session with gnome-keyring unlocked (a real Secret Service),
#     or none at all with --no-keyring;
#   - a fresh sandbox EHR (tests/sandbox/server.mjs), whose ready line is exported as
#     CHARTKEY_SANDBOX (JSON); also SANDBOX_DIR, SANDBOX_BROWSER (Chromium, scripted),
#     SANDBOX_CONSENT (the same sign-in over plain HTTP, much faster) and PEERS_DIR;
#   - with --xvfb, a private X server (Xvfb) as DISPLAY, for tests of real windows;
#   - with --locked-keyring, the keyring's login collection is locked before COMMAND runs
#     (PEERS_KEYRING_PASSWORD unlocks it: `gnome-keyring-daemon --unlock` reads it on stdin).
#     Without --xvfb an unlock prompt cannot be shown and fails at once; with --xvfb it is
#     shown on the private X server, where nobody answers it (a keychain that never answers).
#
# Usage: with-peers.sh [--no-keyring | --locked-keyring] [--no-sandbox] [--xvfb]
#                      [--sandbox-arg ARG]... -- COMMAND [ARG]...
set -euo pipefail
[ -z "${PEERS_TRACE:-}" ] || set -x

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
sandbox_dir=$(cd "$here/../sandbox" && pwd)

keyring=1
locked=0
sandbox=1
xvfb=0
sandbox_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-keyring) keyring=0; shift ;;
    --locked-keyring) locked=1; shift ;;
    --no-sandbox) sandbox=0; shift ;;
    --xvfb) xvfb=1; shift ;;
    --sandbox-arg) sandbox_args+=("$2"); shift 2 ;;
    --inner) inner=1; shift ;;
    --) shift; break ;;
    *) echo "with-peers.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "with-peers.sh: no command given" >&2; exit 2; }

if [ -z "${inner:-}" ]; then
  peers=$(mktemp -d "${TMPDIR:-/tmp}/chartkey-peers.XXXXXX")
  mkdir -p "$peers/home" "$peers/config" "$peers/data" "$peers/cache" "$peers/run"
  chmod 700 "$peers/run"
  export PEERS_DIR="$peers" HOME="$peers/home" XDG_CONFIG_HOME="$peers/config" \
         XDG_DATA_HOME="$peers/data" XDG_CACHE_HOME="$peers/cache" XDG_RUNTIME_DIR="$peers/run"
  unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  args=()
  [ $keyring = 1 ] || args+=(--no-keyring)
  [ $locked = 0 ] || args+=(--locked-keyring)
  [ $sandbox = 1 ] || args+=(--no-sandbox)
  [ $xvfb = 0 ] || args+=(--xvfb)
  for a in "${sandbox_args[@]+"${sandbox_args[@]}"}"; do args+=(--sandbox-arg "$a"); done
  status=0
  if [ $keyring = 1 ]; then
    dbus-run-session -- "$0" --inner "${args[@]+"${args[@]}"}" -- "$@" || status=$?
  else
    # No session bus at all: the Secret Service cannot be reached (nor auto-started).
    DBUS_SESSION_BUS_ADDRESS="unix:path=$peers/run/no-bus" "$0" --inner "${args[@]+"${args[@]}"}" -- "$@" || status=$?
  fi
  rm -rf "$peers"
  exit $status
fi

pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

if [ $xvfb = 1 ]; then
  # -displayfd picks a free display number and tells it once the server is ready.
  exec {display_fd}<> <(:)
  Xvfb -displayfd "$display_fd" -screen 0 1280x800x24 -nolisten tcp > "$PEERS_DIR/xvfb.log" 2>&1 &
  pids+=($!)
  read -r -t 20 -u "$display_fd" display_number || { echo "Xvfb did not start" >&2; cat "$PEERS_DIR/xvfb.log" >&2; exit 1; }
  export DISPLAY=":$display_number"
fi

if [ $keyring = 1 ]; then
  # A real, unlocked keyring: nothing waits on an invisible unlock prompt.
  eval "$(printf 'chartkey-test-keyring' | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  [ -z "${GNOME_KEYRING_PID:-}" ] || pids+=("$GNOME_KEYRING_PID")
  # Wait until the Secret Service answers on the bus.
  for _ in $(seq 1 50); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
         org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
      break
    fi
    sleep 0.1
  done
  if [ $locked = 1 ]; then
    export PEERS_KEYRING_PASSWORD=chartkey-test-keyring
    # Unlock prompts go where the bus starts the prompter: onto Xvfb with --xvfb, else nowhere.
    [ -z "${DISPLAY:-}" ] || dbus-update-activation-environment DISPLAY
    dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
      org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login > /dev/null
    dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
      org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked \
      | grep -q 'boolean true' || { echo "with-peers.sh: could not lock the keyring" >&2; exit 1; }
  fi
fi

if [ $sandbox = 1 ]; then
  ready="$PEERS_DIR/sandbox.json"
  SANDBOX_DEBUG=1 node "$sandbox_dir/server.mjs" "${sandbox_args[@]+"${sandbox_args[@]}"}" > "$ready" 2> "$PEERS_DIR/sandbox.log" &
  pids+=($!)
  for _ in $(seq 1 1200); do
    [ -s "$ready" ] && break
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "sandbox failed to start:" >&2; cat "$PEERS_DIR/sandbox.log" >&2; exit 1; }
    sleep 0.05
  done
  [ -s "$ready" ] || { echo "sandbox did not start within 60 s; its log:" >&2; cat "$PEERS_DIR/sandbox.log" >&2; exit 1; }
  CHARTKEY_SANDBOX=$(head -n 1 "$ready")
  export CHARTKEY_SANDBOX
fi
export SANDBOX_DIR="$sandbox_dir" SANDBOX_BROWSER="$sandbox_dir/browser" SANDBOX_CONSENT="$sandbox_dir/consent"

status=0
"$@" || status=$?
exit $status
