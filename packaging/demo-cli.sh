#!/usr/bin/env bash
# The main job of chartkey on the command line, against the sandbox EHR: run by
# `packaging/dev.sh run` when there is no display, inside tests/harness/with-peers.sh.
set -euo pipefail
bin=$1
value() { node -e 'const o = JSON.parse(process.env.CHARTKEY_SANDBOX); console.log(process.argv[1].split(".").reduce((a, k) => a[k], o))' "$1"; }
step() { printf '\n\033[1m$ chartkey %s\033[0m\n' "$*"; }

step profile add Sandbox --instance "$(value instance)" --fhir-base "$(value fhirBase)" --client-id "$(value clients.public.client_id)"
"$bin" profile add Sandbox --instance "$(value instance)" --fhir-base "$(value fhirBase)" --client-id "$(value clients.public.client_id)"
step login --browser tests/sandbox/browser
"$bin" login --browser "$SANDBOX_BROWSER"
step status
"$bin" status
step patients --name Briddle
"$bin" patients --name Briddle
patient=$("$bin" patients --name Briddle --limit 1 --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].id))')
step appointments "$patient"
"$bin" appointments "$patient"
note=$("$bin" appointments "$patient" --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).find(a=>a.noteId).noteId))')
step note lock-sign "$note"
"$bin" note lock-sign "$note"
step 'token > /dev/null   # prints the access token for scripts; not shown here'
"$bin" token > /dev/null && echo "a valid access token was printed (reused from the keychain)"
step logout
"$bin" logout
