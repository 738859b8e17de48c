#!/usr/bin/env bash
# A full sign-in on Debian 13 (Qt 6.8, QtKeychain 0.15), run inside the stage's root under
# dbus-run-session by tests/trixie/stage.sh:
#
#   signin.sh CHARTKEY SANDBOX_READY_JSON
#
# login (the consent client as the browser, Qt 6.8's QOAuthHttpServerReplyHandler on the
# loopback, PKCE, the code exchange) -> the tokens in the root's own gnome-keyring -> token
# (reused, and accepted by the sandbox's FHIR API) -> status -> patients -> logout (revoked
# at the EHR, gone from the keyring). Like tests/harness/with-peers.sh, but inside the root:
# private HOME and XDG directories, an unlocked keyring in this D-Bus session. Prints no
# token, code or secret.
set -euo pipefail

bin=$1 ready=$2
say() { printf 'trixie sign-in: %s\n' "$*" >&2; }
failures=0
fail() { say "FAIL: $*"; failures=$((failures + 1)); }
ok() { say "ok: $*"; }

work=$(mktemp -d /tmp/signin.XXXXXX)
mkdir -p "$work/home" "$work/config" "$work/data" "$work/cache" "$work/run"
chmod 700 "$work/run"
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
       XDG_CACHE_HOME=$work/cache XDG_RUNTIME_DIR=$work/run QT_QPA_PLATFORM=offscreen

keyring_pid=''
trap '[ -z "$keyring_pid" ] || kill "$keyring_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
eval "$(printf 'chartkey-trixie-keyring' | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
keyring_pid=${GNOME_KEYRING_PID:-}
for _ in $(seq 1 50); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
       org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
    break
  fi
  sleep 0.1
done

value() { node -e 'const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(process.argv[2].split(".").reduce((a, k) => a[k], o))' "$ready" "$1"; }
# HTTP status of GET URL with the bearer token in $TOKEN (kept off the command line).
status_with_token() {
  node -e 'fetch(process.argv[1], {headers: {Authorization: "Bearer " + process.env.TOKEN}}).then(r => console.log(r.status), e => { console.log("error " + e.message); })' "$1"
}
# Whether the keyring holds a chartkey item for KEY. secret-tool prints the attributes on
# stderr and the secret on stdout: both are captured, only the attribute lines are looked
# at, nothing is echoed.
keyring_has() {
  local items
  items=$(secret-tool search --all server chartkey 2>&1 || true)
  grep -qx "attribute.user = $1" <<<"$items"
}
run() {
  local status=0
  out=$("$bin" "$@" --profile Sandbox 2>&1) || status=$?
  return $status
}

fhir=$(value fhirBase)
"$bin" profile add Sandbox --instance "$(value instance)" --fhir-base "$fhir" \
  --client-id "$(value clients.public.client_id)" >/dev/null

# --- login ---------------------------------------------------------------------------------
if run login --browser /src/tests/sandbox/consent --wait 60 && grep -q 'Signed in to Sandbox' <<<"$out"; then
  ok "login: $(grep 'Sign-in took' <<<"$out" || echo 'signed in')"
else
  fail "login: $out"
fi
# The authorization request Qt 6.8 built, with chartkey's parameters (qtcompat): one PKCE
# challenge (chartkey's S256; Qt 6.8's own is switched off) and the redirect URI on 127.0.0.1
# (Qt 6.8 would write localhost, which EHRs refuse for any port). Checked, not printed.
url=$(grep -o 'http://[^ ]*/auth/authorize/?[^ ]*' <<<"$out" | head -n 1 || true)
if node -e '
  const q = new URL(process.argv[1]).searchParams;
  const ok = q.getAll("code_challenge").length === 1 && q.get("code_challenge_method") === "S256"
    && /^http:\/\/127\.0\.0\.1:[0-9]+\/callback$/.test(q.get("redirect_uri"));
  process.exit(ok ? 0 : 1);' "$url" 2>/dev/null; then
  ok "the authorization request: one S256 challenge, redirect_uri http://127.0.0.1:<port>/callback"
else
  fail "the authorization request lacks one S256 challenge or a 127.0.0.1 redirect_uri"
fi
if keyring_has tokens:Sandbox; then ok "the tokens are in the root's gnome-keyring (tokens:Sandbox)"; else
  fail "secret-tool finds no tokens:Sandbox in the keyring"
fi

# --- token, status, an API call ------------------------------------------------------------
status=0
TOKEN=$("$bin" token --profile Sandbox 2>"$work/token.err") || status=$?
export TOKEN
if [ "$status" = 0 ] && [ -n "$TOKEN" ]; then
  answer=$(status_with_token "$fhir/Patient?_count=1")
  if [ "$answer" = 200 ]; then ok "token: the FHIR API accepts it (HTTP 200)"; else
    fail "token: the FHIR API answered $answer"
  fi
else
  fail "token exited with $status: $(cat "$work/token.err")"
fi
if run status --json && node -e 'const s = JSON.parse(process.argv[1]); process.exit(s.signedIn === true && s.hasRefreshToken === true ? 0 : 1)' "$out"; then
  ok "status: signed in, with a refresh token"
else
  fail "status: $out"
fi
[ -z "$TOKEN" ] || ! grep -qF "$TOKEN" <<<"$out" || fail "status printed the access token"
if run patients --name Briddle --limit 1 && grep -q Briddle <<<"$out"; then
  ok "patients: chartkey's own API call with the stored token"
else
  fail "patients: $out"
fi

# --- logout ----------------------------------------------------------------------------------
if run logout; then ok "logout"; else fail "logout: $out"; fi
if keyring_has tokens:Sandbox; then fail "tokens:Sandbox is still in the keyring after logout"; else
  ok "logout removed tokens:Sandbox from the keyring"
fi
if [ -n "$TOKEN" ]; then
  answer=$(status_with_token "$fhir/Patient?_count=1")
  if [ "$answer" = 401 ]; then ok "the old access token is revoked (HTTP 401)"; else
    fail "the old access token got HTTP $answer after logout"
  fi
fi
status=0
"$bin" token --profile Sandbox >/dev/null 2>&1 || status=$?
if [ "$status" = 3 ]; then ok "token after logout: exit 3 (sign-in needed)"; else
  fail "token after logout exited with $status, not 3"
fi

if [ "$failures" -gt 0 ]; then
  say "$failures check(s) failed"
  exit 1
fi
say "login -> token -> status -> logout round-tripped"
