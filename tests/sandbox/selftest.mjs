#!/usr/bin/env node
// Self-test of the chartkey sandbox: starts server.mjs, drives it with fetch, a loopback
// listener (standing in for the app's redirect) and the scripted browser.
//   node tests/sandbox/selftest.mjs
// Last line: "N passed, N failed"; exit code 1 on failure. Never prints codes or tokens.

import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let passed = 0;
let failed = 0;
function check(name, cond, detail = '') {
  if (cond) { passed += 1; process.stdout.write(`ok   ${name}\n`); } else { failed += 1; process.stdout.write(`FAIL ${name}${detail ? ` -- ${detail}` : ''}\n`); }
  return cond;
}
const children = [];
function cleanup() { for (const c of children) { try { c.kill('SIGTERM'); } catch { /* ignore */ } } }
process.on('exit', cleanup);

// ------------------------------------------------------------- start the server
async function startServer(args = []) {
  const child = spawn(process.execPath, [path.join(here, 'server.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const rl = readline.createInterface({ input: child.stdout });
  const lines = [];
  const first = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 15000);
    rl.on('line', (l) => { lines.push(l); if (lines.length === 1) { clearTimeout(t); resolve(l); } });
    child.on('exit', (code) => { clearTimeout(t); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  return { child, info: JSON.parse(first), lines, stderr: () => stderr };
}

const t0 = Date.now();
const srv = await startServer();
const S = srv.info;
check('ready line has endpoints', S.issuer && S.fhirBase && S.tokenEndpoint.endsWith('/auth/token/')
  && S.authorizationEndpoint.endsWith('/auth/authorize/') && S.revocationEndpoint.endsWith('/auth/revoke_token/'));

const admin = async (p, body) => {
  const r = await fetch(`${S.admin}${p}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return r.json();
};
const form = (o) => new URLSearchParams(o).toString();
async function tokenRequest(params, headers = {}) {
  const r = await fetch(S.tokenEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form(params) });
  const text = await r.text();
  let json; try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: r.status, json, text, headers: r.headers };
}
const fhir = (p, token, init = {}) => fetch(new URL(p, `${S.fhirBase}/`), { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers || {}) } });
// Canvas (django-oauth-toolkit) page for a redirect URI that does not match.
const MISMATCH_PAGE = /<span class="error">invalid_request<\/span>[\s\S]*<span class="error_description">Mismatching redirect URI\.<\/span>/;
const note = (id, action, token) => fetch(`${S.instance}/plugin-io/api/note_sign_api/notes/${id}/${action}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

// ------------------------------------------------------------- discovery
{
  const d = await (await fetch(`${S.issuer}/.well-known/openid-configuration`)).json();
  check('openid-configuration routes', d.issuer === S.issuer && d.token_endpoint === S.tokenEndpoint
    && d.authorization_endpoint === S.authorizationEndpoint && d.revocation_endpoint === S.revocationEndpoint
    && d.end_session_endpoint === S.endSessionEndpoint);
  const sc = await (await fetch(`${S.fhirBase}/.well-known/smart-configuration`)).json();
  check('smart-configuration', sc.token_endpoint === S.tokenEndpoint && sc.code_challenge_methods_supported.join() === 'S256'
    && sc.capabilities.length > 0 && sc.scopes_supported.includes('user/Patient.read'));
  const md = await fhir('metadata');
  check('metadata unauthenticated', md.status === 200 && (await md.json()).resourceType === 'CapabilityStatement');
}

// ------------------------------------------------------------- loopback listener
const received = [];
const listener = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://127.0.0.1');
  // Chromium may ask for /favicon.ico once the page is there (a race with its exit): not a redirect.
  if (u.pathname !== '/favicon.ico') received.push({ path: u.pathname, params: Object.fromEntries(u.searchParams) });
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<html><body>You can close this window.</body></html>');
});
await new Promise((r) => { listener.listen(0, '127.0.0.1', r); });
const redirectUri = `http://127.0.0.1:${listener.address().port}/callback`;

// The scripted browser (tool "browser") or the plain-HTTP consent client (tool "consent").
function runBrowser(args, tool = 'browser') {
  return new Promise((resolve) => {
    const b = spawn(path.join(here, tool), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(b);
    let out = ''; let err = '';
    b.stdout.on('data', (d) => { out += d; });
    b.stderr.on('data', (d) => { err += d; });
    b.on('exit', (code) => resolve({ code, out, err }));
  });
}
const runConsent = (args) => runBrowser(args, 'consent');
function pkce() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}
function authUrl(extra = {}) {
  const p = new URLSearchParams({
    response_type: 'code', client_id: S.clients.public.client_id, redirect_uri: redirectUri, scope: S.scope,
    launch: 'e30=', aud: S.fhirBase, ...extra,
  });
  return `${S.authorizationEndpoint}?${p}`;
}

// ------------------------------------------------------------- authorization code + PKCE via the browser
let tokens;
let usedCode;
{
  const { verifier, challenge } = pkce();
  const state = crypto.randomBytes(8).toString('hex');
  received.length = 0;
  const b = await runBrowser(['--print-timing', authUrl({ state, code_challenge: challenge, code_challenge_method: 'S256', prompt: 'login' })]);
  let timing = {};
  try { timing = JSON.parse(b.err.trim().split('\n').pop()); } catch { /* reported below */ }
  check('browser exits 0, silent on stdout', b.code === 0 && b.out === '', `code ${b.code}: ${b.err.trim()}`);
  check('browser --print-timing', typeof timing.launchMs === 'number' && typeof timing.redirectMs === 'number', b.err.trim());
  const cb = received[0]?.params || {};
  check('listener got code, state, iss', received.length === 1 && !!cb.code && cb.state === state && cb.iss === S.issuer,
    JSON.stringify(Object.keys(cb)));
  const r = await tokenRequest({ grant_type: 'authorization_code', code: cb.code, redirect_uri: redirectUri, client_id: S.clients.public.client_id, code_verifier: verifier });
  tokens = r.json || {};
  const scopes = (tokens.scope || '').split(' ');
  check('code exchange returns access + refresh tokens', r.status === 200 && !!tokens.access_token && !!tokens.refresh_token
    && tokens.token_type === 'Bearer' && tokens.expires_in === 36000, `status ${r.status}`);
  check('token scope lists SMART scopes', ['user/Patient.read', 'user/Appointment.read', 'offline_access', 'launch'].every((s) => scopes.includes(s)), tokens.scope);
  usedCode = { code: cb.code, verifier };
  const last = await admin('/last-secrets');
  check('last-secrets: code and verifier of the last code exchange', last.code === cb.code && last.code_verifier === verifier
    && last.client_id === S.clients.public.client_id && last.client_secret === null);
}

// ------------------------------------------------------------- FHIR
{
  const r = await fhir('Patient?name=Briddle', tokens.access_token);
  const b = await r.json();
  check('Patient?name=Briddle returns 3', r.status === 200 && b.total === 3 && b.entry.length === 3
    && b.entry.every((e) => e.resource.name[0].family === 'Briddle' && e.fullUrl.endsWith(`/Patient/${e.resource.id}`)),
  `status ${r.status} total ${b.total}`);
  check('no next link on last page', !b.link.some((l) => l.relation === 'next'));
  const lower = await (await fhir('Patient?name=briDDle', tokens.access_token)).json();
  check('name search is case-insensitive', lower.total === 3);

  let next = 'Patient?_count=10';
  const ids = new Set();
  let pages = 0;
  let relativeOk = true;
  while (next && pages < 50) {
    const pr = await fhir(next, tokens.access_token);
    const pb = await pr.json();
    pb.entry.forEach((e) => ids.add(e.resource.id));
    pages += 1;
    const n = pb.link.find((l) => l.relation === 'next');
    if (n && /^https?:/.test(n.url)) relativeOk = false;
    next = n?.url;
  }
  check('paging walks all 240 patients via relative next links', ids.size === 240 && pages === 24 && relativeOk, `${ids.size} ids, ${pages} pages`);

  const briddle = b.entry[0].resource;
  const one = await fhir(`Patient/${briddle.id}`, tokens.access_token);
  check('Patient/{id}', one.status === 200 && (await one.json()).id === briddle.id);
  const missing = await fhir('Patient/doesnotexist', tokens.access_token);
  check('Patient/{unknown} 404 OperationOutcome', missing.status === 404 && (await missing.json()).resourceType === 'OperationOutcome');

  const ar = await fhir(`Appointment?patient=Patient/${briddle.id}`, tokens.access_token);
  const ab = await ar.json();
  const ext = ab.entry?.[0]?.resource?.extension?.find((e) => e.url === 'http://schemas.canvasmedical.com/fhir/extensions/note-id');
  check('Appointment search carries note-id extension', ar.status === 200 && ab.total >= 1 && ab.total <= 3 && !!ext?.valueId);
  const bare = await (await fhir(`Appointment?patient=${briddle.id}`, tokens.access_token)).json();
  check('Appointment search accepts bare patient id', bare.total === ab.total);

  // A day's schedule: today, the clinician (the fhirUser), then the patients in one batch.
  // The local offset as +HH:MM (schedule times are the server's local times).
  const offsetOf = (d) => {
    const off = -d.getTimezoneOffset();
    const abs = Math.abs(off);
    return encodeURIComponent(`${off >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`);
  };
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const practitionerId = S.user.fhirUser.split('/').pop();
  const sr = await fhir(`Appointment?date=${day}&practitioner=Practitioner/${practitionerId}&_count=100`, tokens.access_token);
  const sb = await sr.json();
  const refs = (sb.entry || []).map((e) => e.resource.participant.find((p) => p.actor.reference.startsWith('Patient/')).actor.reference.slice(8));
  const sorted = (sb.entry || []).every((e, i, a) => i === 0 || a[i - 1].resource.start <= e.resource.start);
  check('schedule: today has appointments for the clinician, sorted by start, each with a note',
    sr.status === 200 && sb.total >= 8 && sb.total <= 40 && sorted
      && sb.entry.every((e) => e.resource.extension?.[0]?.valueId?.startsWith('note-sched-')), `${sr.status} total ${sb.total}`);
  const unique = [...new Set(refs)];
  const batch = await (await fhir(`Patient?_id=${unique.join(',')}&_count=100`, tokens.access_token)).json();
  check('Patient?_id=a,b,c reads the day\'s patients in one batch', batch.total === unique.length, `${batch.total} of ${unique.length}`);
  const ranged = await (await fhir(`Appointment?date=ge${day}T00:00:00${offsetOf(today)}&date=lt${day}T23:59:59${offsetOf(today)}&practitioner=${practitionerId}&_count=100`, tokens.access_token)).json();
  check('schedule: a date range with offsets finds the same day', ranged.total === sb.total, `${ranged.total} vs ${sb.total}`);
  const pr = await (await fhir('Practitioner', tokens.access_token)).json();
  const loc = await (await fhir('Location', tokens.access_token)).json();
  check('Practitioner and Location searches list the clinic\'s practitioners and sites',
    pr.total === 4 && pr.entry.some((e) => e.resource.id === practitionerId) && loc.total === 2);
  const unbounded = await fhir(`Appointment?practitioner=${practitionerId}`, tokens.access_token);
  check('schedule search without a date is refused (400)', unbounded.status === 400);

  const noAuth = await fhir('Patient');
  check('FHIR without token 401', noAuth.status === 401 && /invalid_token/.test(noAuth.headers.get('www-authenticate') || ''));

  // ------------------------------------------------------------- notes
  const noteId = ext.valueId;
  let nr = await note(noteId, 'lock', tokens.access_token);
  const nb = await nr.json();
  check('note lock', nr.status === 200 && nb.state === 'locked' && nb.note_id === noteId && nb.action === 'lock');
  nr = await note(noteId, 'sign', tokens.access_token);
  check('note sign', nr.status === 200 && (await nr.json()).state === 'signed');
  nr = await note(noteId, 'sign', tokens.access_token);
  const nb2 = await nr.json();
  check('second sign 409', nr.status === 409 && /sign/.test(nb2.error) && /signed/.test(nb2.error), JSON.stringify(nb2));
  nr = await note('no-such-note', 'lock', tokens.access_token);
  check('unknown note 404', nr.status === 404 && (await nr.text()) === '{"error": "Note not found."}');
  nr = await note('note-standalone-1', 'checkin', tokens.access_token);
  check('standalone checkin 409', nr.status === 409);
  nr = await note(noteId, 'lock');
  check('note without token 401', nr.status === 401 && /invalid_token/.test(nr.headers.get('www-authenticate') || ''));
  const ns = await admin(`/notes/${noteId}`);
  check('admin note state', ns.state === 'signed' && ns.actions.sign === 2 && ns.actions.lock === 1);
  // An appointment cancelled by the admin API: the FHIR read says so, and it cannot be checked in.
  const was = ns.appointment_status;
  const cancelled = await admin(`/notes/${noteId}`, { appointment_status: 'cancelled' });
  const reread = await (await fhir(`Appointment?patient=${briddle.id}`, tokens.access_token)).json();
  const shown = reread.entry.find((e) => e.resource.extension?.[0]?.valueId === noteId)?.resource.status;
  nr = await note(noteId, 'checkin', tokens.access_token);
  check('admin cancels an appointment: read as cancelled, check-in 409',
    cancelled.appointment_status === 'cancelled' && shown === 'cancelled' && nr.status === 409, `${shown} ${nr.status}`);
  const refused = await admin(`/notes/${noteId}`, { appointment_status: 'gone' });
  check('admin appointment status: an unknown status is refused', typeof refused.error === 'string');
  check('admin appointment status: set back', (await admin(`/notes/${noteId}`, { appointment_status: was })).appointment_status === was);
}

// ------------------------------------------------------------- refresh rotation
{
  const old = tokens.refresh_token;
  const r = await tokenRequest({ grant_type: 'refresh_token', refresh_token: old, client_id: S.clients.public.client_id, scope: 'user/Patient.read user/Appointment.read offline_access launch' });
  check('refresh succeeds with scope', r.status === 200 && !!r.json.access_token && !!r.json.refresh_token, `status ${r.status} ${r.json?.error || ''}`);
  check('refresh token rotated', r.json?.refresh_token && r.json.refresh_token !== old);
  const sub = await tokenRequest({ grant_type: 'refresh_token', refresh_token: r.json.refresh_token, client_id: S.clients.public.client_id, scope: 'user/Patient.read' });
  check('refresh with subset scope', sub.status === 200 && sub.json.scope.split(' ').includes('user/Patient.read') && !sub.json.scope.includes('Appointment'), sub.json?.scope);
  const reuse = await tokenRequest({ grant_type: 'refresh_token', refresh_token: old, client_id: S.clients.public.client_id });
  check('reused refresh token 400 invalid_grant', reuse.status === 400 && reuse.json?.error === 'invalid_grant');
  // (reusing a code revokes its grant too, so this comes after the refresh checks)
  const again = await tokenRequest({ grant_type: 'authorization_code', code: usedCode.code, redirect_uri: redirectUri, client_id: S.clients.public.client_id, code_verifier: usedCode.verifier });
  check('code is single use', again.status === 400 && again.json?.error === 'invalid_grant');
}

// ------------------------------------------------------------- client credentials, expire-tokens, revocation
{
  const basic = Buffer.from(`${S.clients.clientCredentials.client_id}:${S.clients.clientCredentials.client_secret}`).toString('base64');
  const cc = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
  check('client credentials (no scope)', cc.status === 200 && !!cc.json.access_token, `status ${cc.status}`);
  const ccPost = await tokenRequest({ grant_type: 'client_credentials', scope: 'system/Patient.read', client_id: S.clients.clientCredentials.client_id, client_secret: S.clients.clientCredentials.client_secret });
  check('client credentials (post, scope)', ccPost.status === 200 && ccPost.json.scope === 'system/Patient.read');
  const pr = await fhir('Patient?_count=1', cc.json.access_token);
  check('client credentials token works on FHIR', pr.status === 200);

  const rv = await fetch(S.revocationEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` }, body: form({ token: ccPost.json.access_token }) });
  const after = await fhir('Patient?_count=1', ccPost.json.access_token);
  check('revoked token refused', rv.status === 200 && after.status === 401);

  await admin('/expire-tokens', {});
  const ex = await fhir('Patient?_count=1', cc.json.access_token);
  const exBody = await ex.json();
  check('expire-tokens: FHIR 401 + WWW-Authenticate', ex.status === 401 && /Bearer .*error="invalid_token"/.test(ex.headers.get('www-authenticate') || '')
    && exBody.resourceType === 'OperationOutcome' && (ex.headers.get('content-type') || '').startsWith('application/fhir+json'));
  const fresh = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
  check('new token after expire-tokens works', (await fhir('Patient?_count=1', fresh.json.access_token)).status === 200);

  await admin('/config', { accessTtl: 1 });
  const short = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
  check('config accessTtl', short.json.expires_in === 1);
  await new Promise((r) => { setTimeout(r, 2100); });
  check('short-lived token expires', (await fhir('Patient?_count=1', short.json.access_token)).status === 401);
  await admin('/config', { accessTtl: 36000 });

  // ----------------------------------------------------------- fail controls
  await admin('/fail', { target: 'token', count: 1, mode: '500' });
  const f500 = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
  check('fail token 500', f500.status === 500 && f500.json?.error === 'server_error');
  await admin('/fail', { target: 'token', count: 1, mode: 'malformed' });
  const fm = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
  check('fail token malformed', fm.status === 200 && fm.json === undefined && fm.text.startsWith('{"access_token":'));
  await admin('/fail', { target: 'token', count: 1, mode: 'html' });
  const fh = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
  check('fail token html', fh.status === 502 && /text\/html/.test(fh.headers.get('content-type')));
  const ok = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
  check('token endpoint fine after failures', ok.status === 200);

  await admin('/fail', { target: 'api', count: 1, mode: 'hang' });
  const tHang = Date.now();
  let aborted = false;
  try {
    await fhir('Patient?_count=1', ok.json.access_token, { signal: AbortSignal.timeout(1000) });
  } catch (e) { aborted = e.name === 'TimeoutError' || e.name === 'AbortError'; }
  check('fail api hang aborted by client after 1 s', aborted && Date.now() - tHang < 3000);
  const afterHang = await fhir('Patient?_count=1', ok.json.access_token);
  check('api fine after hang', afterHang.status === 200);
  await admin('/fail', { target: 'api', count: 1, mode: '503' });
  const f503 = await fhir('Patient?_count=1', ok.json.access_token);
  check('fail api 503 + Retry-After', f503.status === 503 && f503.headers.get('retry-after') === '1');
  await admin('/fail', { target: 'revocation', count: 1, mode: '500' });
  const frv = await fetch(S.revocationEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` }, body: form({ token: ok.json.access_token }) });
  check('fail revocation 500', frv.status === 500);

  const st = await admin('/stats');
  check('stats counts', st.token.client_credentials === 8 && st.token.authorization_code === 2 && st.token.refresh_token === 3
    && st.token.total === 13 && st.revocation === 2 && st.api['401'] >= 4 && st.api['503'] === 1 && st.notes, JSON.stringify(st.token));
  await admin('/reset-stats', {});
  const st2 = await admin('/stats');
  check('reset-stats', st2.token.total === 0 && st2.revocation === 0);

  // ----------------------------------------------------------- OAuth error and API status fail modes
  const oauthModes = { invalid_client: 401, invalid_grant: 400, invalid_scope: 400, temporarily_unavailable: 503 };
  for (const [mode, status] of Object.entries(oauthModes)) {
    await admin('/fail', { target: 'token', count: 1, mode });
    const r = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
    check(`fail token ${mode}`, r.status === status && r.json?.error === mode && typeof r.json?.error_description === 'string'
      && /application\/json/.test(r.headers.get('content-type')), `status ${r.status} ${r.text.slice(0, 80)}`);
    if (mode === 'invalid_client') check('fail token invalid_client has WWW-Authenticate', /^Basic/.test(r.headers.get('www-authenticate') || ''));
  }
  const apiModes = [401, 403, 404, 409, 429];
  for (const status of apiModes) {
    await admin('/fail', { target: 'api', count: 1, mode: String(status) });
    const fr = await fhir('Patient?_count=1', ok.json.access_token);
    const fb = await fr.json();
    await admin('/fail', { target: 'api', count: 1, mode: String(status) });
    const nr = await note('note-1-1', 'lock', ok.json.access_token);
    const nb = await nr.text();
    check(`fail api ${status} (FHIR OperationOutcome, notes Django JSON)`, fr.status === status && fb.resourceType === 'OperationOutcome'
      && nr.status === status && /^\{"error": "/.test(nb), `${fr.status} ${nr.status} ${nb}`);
    if (status === 429) check('fail api 429 has Retry-After: 2', fr.headers.get('retry-after') === '2' && nr.headers.get('retry-after') === '2');
    if (status === 401) check('fail api 401 has WWW-Authenticate', /invalid_token/.test(fr.headers.get('www-authenticate') || ''));
  }
  const untouched = await admin('/notes/note-1-1');
  check('injected API failures never reach the note', untouched.state === 'new' && !untouched.actions.lock, JSON.stringify(untouched));
  const st3 = await admin('/stats');
  check('injected API failures are counted by status', apiModes.every((x) => st3.api[String(x)] === 2), JSON.stringify(st3.api));
  const wrongTarget = await fetch(`${S.admin}/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ target: 'api', mode: 'invalid_grant' }) });
  const wrongMode = await fetch(`${S.admin}/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ target: 'token', mode: '429' }) });
  check('fail modes are checked per target', wrongTarget.status === 400 && wrongMode.status === 400);
  check('token endpoint fine after OAuth error modes', (await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` })).status === 200);
  await admin('/reset-stats', {});
}

// ------------------------------------------------------------- private_key_jwt (POST /__admin/key-client)
{
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const jwk = { ...publicKey.export({ format: 'jwk' }), alg: 'ES384', use: 'sig', kid: 'selftest-es384' };
  const reg = await admin('/key-client', { client_id: 'selftest-backend', jwks: { keys: [jwk] } });
  check('key-client: registered', reg.ok === true && reg.grant === 'client_credentials', JSON.stringify(reg));
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const assertion = (aud, { iat = Math.floor(Date.now() / 1000), key = privateKey } = {}) => {
    const h = b64({ alg: 'ES384', kid: jwk.kid, typ: 'JWT' });
    const p = b64({ iss: 'selftest-backend', sub: 'selftest-backend', aud, iat, exp: iat + 240, jti: crypto.randomUUID() });
    const sig = crypto.sign('sha384', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    return `${h}.${p}.${sig}`;
  };
  const withAssertion = (a) => tokenRequest({ grant_type: 'client_credentials', scope: 'system/Patient.read', client_id: 'selftest-backend',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: a });
  const good = assertion(S.tokenEndpoint);
  const ok = await withAssertion(good);
  check('key-client: an ES384 assertion gets a token', ok.status === 200 && !!ok.json?.access_token, `status ${ok.status}`);
  check('key-client: a replayed jti is refused', (await withAssertion(good)).status === 401);
  check('key-client: a wrong aud is refused', (await withAssertion(assertion('https://elsewhere.example/token'))).status === 401);
  check('key-client: an expired assertion is refused', (await withAssertion(assertion(S.tokenEndpoint, { iat: Math.floor(Date.now() / 1000) - 600 }))).status === 401);
  const stranger = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
  check('key-client: a key not in the JWKS is refused', (await withAssertion(assertion(S.tokenEndpoint, { key: stranger }))).status === 401);
  const sc = await (await fetch(`${S.fhirBase}/.well-known/smart-configuration`)).json();
  check('smart-configuration: private_key_jwt, client-confidential-asymmetric', sc.token_endpoint_auth_methods_supported.includes('private_key_jwt')
    && sc.capabilities.includes('client-confidential-asymmetric') && sc.token_endpoint_auth_signing_alg_values_supported.includes('RS384'));
  const bad = await admin('/key-client', { client_id: S.clients.public.client_id, jwks: { keys: [jwk] } });
  check('key-client: a static client id is refused', !!bad.error);
  await admin('/reset-stats', {});
}

// ------------------------------------------------------------- redirect URI checks, PKCE, deny
{
  const { challenge } = pkce();
  const other = await fetch(authUrl({ state: 'x', code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: redirectUri.replace('/callback', '/other') }), { redirect: 'manual' });
  const otherBody = await other.text();
  check('redirect_uri with another path refused', other.status === 400 && MISMATCH_PAGE.test(otherBody) && !other.headers.get('location'));
  const lh = await fetch(authUrl({ state: 'x', code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: redirectUri.replace('127.0.0.1', 'localhost') }), { redirect: 'manual' });
  check('localhost redirect_uri refused', lh.status === 400 && MISMATCH_PAGE.test(await lh.text()));
  const noPkce = await fetch(authUrl({ state: 'x' }), { redirect: 'manual' });
  const loc = new URL(noPkce.headers.get('location') || 'http://x/');
  check('public client without PKCE refused', noPkce.status === 303 && loc.searchParams.get('error') === 'invalid_request');
  const plain = await fetch(authUrl({ state: 'x', code_challenge: challenge, code_challenge_method: 'plain' }), { redirect: 'manual' });
  const loc2 = new URL(plain.headers.get('location') || 'http://x/');
  check('PKCE plain refused', plain.status === 303 && !!loc2.searchParams.get('error'));

  received.length = 0;
  const b = await runBrowser(['--deny', authUrl({ state: 'deny-state', code_challenge: challenge, code_challenge_method: 'S256' })]);
  const cb = received[0]?.params || {};
  check('--deny gives error=access_denied at listener', b.code === 0 && cb.error === 'access_denied' && cb.state === 'deny-state' && !cb.code,
    `code ${b.code} ${b.err.trim()} ${JSON.stringify(Object.keys(cb))}`);
}

// ------------------------------------------------------------- confidential client (no PKCE), basic + post auth
{
  const C = S.clients.confidential;
  received.length = 0;
  // (a sign-in that is not about the browser: the consent client, seconds faster)
  const b = await runConsent([authUrl({ client_id: C.client_id, state: 'conf', scope: 'openid user/*.* offline_access launch', prompt: 'none' })]);
  const cb = received[0]?.params || {};
  check('confidential client: consent run', b.code === 0 && !!cb.code && cb.state === 'conf', b.err.trim());
  const basic = Buffer.from(`${C.client_id}:${C.client_secret}`).toString('base64');
  const r = await tokenRequest({ grant_type: 'authorization_code', code: cb.code, redirect_uri: redirectUri }, { authorization: `Basic ${basic}` });
  const sc = (r.json?.scope || '').split(' ');
  const lastConf = await admin('/last-secrets');
  check('last-secrets: client secret from Basic auth', lastConf.code === cb.code && lastConf.client_secret === C.client_secret
    && lastConf.client_id === C.client_id && lastConf.code_verifier === null);
  check('confidential: code exchange (client_secret_basic)', r.status === 200 && !!r.json.refresh_token && !!r.json.id_token
    && ['openid', 'user/*.*', 'offline_access', 'launch'].every((x) => sc.includes(x)), `status ${r.status} ${r.json?.scope}`);
  const rr = await tokenRequest({ grant_type: 'refresh_token', refresh_token: r.json?.refresh_token, client_id: C.client_id, client_secret: C.client_secret });
  check('confidential: refresh (client_secret_post) rotates', rr.status === 200 && rr.json.refresh_token !== r.json?.refresh_token);
  const bad = await tokenRequest({ grant_type: 'refresh_token', refresh_token: rr.json?.refresh_token, client_id: C.client_id, client_secret: 'wrong' });
  check('confidential: wrong secret 401 invalid_client', bad.status === 401 && bad.json?.error === 'invalid_client');
  // two failing runs in parallel (neither reaches the listener)
  const [e, w] = await Promise.all([
    runBrowser(['--timeout-ms', '45000', authUrl({ state: 'x', code_challenge: pkce().challenge, code_challenge_method: 'S256', redirect_uri: `${redirectUri}/x` })]),
    runBrowser(['--password', 'wrong', authUrl({ state: 'x', code_challenge: pkce().challenge, code_challenge_method: 'S256' })]),
  ]);
  check('browser fails fast on an error page', e.code === 1 && /Mismatching redirect URI/.test(e.err) && e.out === '', e.err.trim());
  check('browser fails on a wrong password', w.code === 1 && /login rejected/.test(w.err));
}

// ------------------------------------------------------------- helpers for the new servers
// Signs in and consents over plain HTTP (a cookie jar, redirects followed by hand) — what the
// scripted browser does, in a few milliseconds. Returns { params } of the redirect to the
// listener, or { status, body } of a page that is neither login nor consent.
async function httpAuthorize(startUrl, { deny = false, jar = new Map() } = {}) {
  let next = startUrl; let method = 'GET'; let body;
  for (let i = 0; i < 20; i += 1) {
    const r = await fetch(next, {
      method, redirect: 'manual', body,
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    for (const c of r.headers.getSetCookie()) {
      const nv = c.split(';')[0];
      const eq = nv.indexOf('=');
      jar.set(nv.slice(0, eq).trim(), nv.slice(eq + 1));
    }
    method = 'GET'; body = undefined;
    if (r.status >= 300 && r.status < 400) {
      const loc = new URL(r.headers.get('location'), next);
      if (loc.origin === new URL(redirectUri).origin) return { params: Object.fromEntries(loc.searchParams) };
      next = loc.href;
      continue;
    }
    const html = await r.text();
    const actions = [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => new URL(m[1], next).href);
    if ((r.status === 200 || r.status === 401) && /name="login"/.test(html)) {
      if (/id="error"/.test(html)) return { status: r.status, body: html };
      method = 'POST'; body = form({ login: S.user.login, password: S.user.password }); [next] = actions;
    } else if (r.status === 200 && /id="allow"/.test(html)) {
      method = 'POST'; body = ''; next = actions.find((a) => a.endsWith(deny ? '/abort' : '/confirm'));
    } else {
      return { status: r.status, body: html };
    }
  }
  return { status: 0, body: 'too many redirects' };
}
const jwtPayload = (t) => JSON.parse(Buffer.from(String(t).split('.')[1] || '', 'base64url').toString('utf8') || 'null');
const basicAuth = (id, secret) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
async function postForm(url, params, headers = {}) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form(params) });
  const text = await r.text();
  let json; try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: r.status, json, text, headers: r.headers };
}
const config = async (body) => admin('/config', body);
// A code for the public client over HTTP (PKCE S256 unless `challenge: null`).
async function publicCode({ challenge, method = 'S256', scope = S.scope, clientId = S.clients.public.client_id, extra: more = {} } = {}) {
  const extra = { state: 's', scope, client_id: clientId, ...more };
  if (challenge) Object.assign(extra, { code_challenge: challenge, code_challenge_method: method });
  const r = await httpAuthorize(authUrl(extra));
  return r.params?.code ? r.params.code : undefined;
}

// ------------------------------------------------------------- ready line: new keys
{
  check('ready line: smartConfiguration, openidConfiguration', S.smartConfiguration === `${S.fhirBase}/.well-known/smart-configuration`
    && S.openidConfiguration === `${S.issuer}/.well-known/openid-configuration`);
  check('ready line: lms', S.lms && S.lms.client.client_id === '10000000000001' && S.lms.client.client_secret === 'chartkey-lms-secret'
    && S.lms.authorizationEndpoint === `${S.lms.base}/login/oauth2/auth` && S.lms.tokenEndpoint === `${S.lms.base}/login/oauth2/token`
    && S.lms.apiSelf === `${S.lms.base}/api/v1/users/self` && new URL(S.lms.base).port !== new URL(S.issuer).port, JSON.stringify(S.lms));
  const C = S.cognito || {};
  check('ready line: cognito', C.issuer?.endsWith('/us-east-1_chartkey') && C.discoveryUrl === `${C.issuer}/.well-known/openid-configuration`
    && new URL(C.tokenEndpoint).pathname === '/oauth2/token' && new URL(C.revocationEndpoint).pathname === '/oauth2/revoke'
    && new URL(C.authorizationEndpoint).origin !== new URL(C.issuer).origin && C.client?.client_id && C.client?.client_secret
    && C.scope === 'system/*.read system/*.write', JSON.stringify(C));
}

// ------------------------------------------------------------- Canvas authorize pre-flight (no browser)
{
  const { challenge } = pkce();
  const good = await fetch(authUrl({ state: 'pre', code_challenge: challenge, code_challenge_method: 'S256' }), { redirect: 'manual' });
  check('pre-flight GET, right redirect_uri: 302/303 to the login interaction', [302, 303].includes(good.status)
    && /\/interaction\//.test(good.headers.get('location') || ''), `${good.status} ${good.headers.get('location')}`);
  const bad = await fetch(authUrl({ state: 'pre', code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: 'http://127.0.0.1:1/elsewhere' }), { redirect: 'manual' });
  const badBody = await bad.text();
  check('pre-flight GET, wrong redirect_uri: 400 HTML "Mismatching redirect URI."', bad.status === 400
    && /text\/html/.test(bad.headers.get('content-type') || '') && MISMATCH_PAGE.test(badBody), `${bad.status} ${badBody.slice(0, 200)}`);
  const json = await fetch(authUrl({ state: 'pre', redirect_uri: 'http://127.0.0.1:1/elsewhere' }), { redirect: 'manual', headers: { accept: 'application/json' } });
  check('mismatch page is HTML even for Accept: application/json', json.status === 400 && MISMATCH_PAGE.test(await json.text()));
  const unknown = await fetch(authUrl({ state: 'pre', client_id: 'no-such-client' }), { redirect: 'manual' });
  const unknownBody = await unknown.text();
  check('unknown client_id: 400 invalid_client page', unknown.status === 400 && /<span class="error">invalid_client<\/span>/.test(unknownBody)
    && /Invalid client_id/.test(unknownBody), `${unknown.status} ${unknownBody.slice(0, 200)}`);
}

// ------------------------------------------------------------- behaviour modes
{
  const defaults = await admin('/config');
  check('config GET: defaults', defaults.accessTtl === 36000 && defaults.pkce === 'enforce' && defaults.rotateRefreshTokens === true
    && Array.isArray(defaults.dropScopes) && defaults.dropScopes.length === 0 && defaults.advertisePlain === false, JSON.stringify(defaults));
  check('config GET: defaults of the RFC-bending modes', JSON.stringify({ ...defaults, accessTtl: undefined, pkce: undefined,
    rotateRefreshTokens: undefined, dropScopes: undefined, advertisePlain: undefined }) === JSON.stringify({
    exactRedirectUris: false, redirectUris: ['http://127.0.0.1/callback'], redirectRefusal: '400-page', loginPage401: false,
    nonceRequired: false, emptyErrorBodies: false, revocationNeedsClientAuth: false, noRevocationEndpoint: false,
    refusedVerifier: 'invalid_grant-400', burnCodeOnRefusedExchange: false, refreshErrorCode: 'invalid_grant', tokenTypeCase: 'default',
    idTokenAlg: 'RS256', brokenIdToken: 'off', fhirUser: 'absolute', noCapabilities: false, audIgnored: false, openReads: false,
    acceptInvalidRefreshToken: false, acceptInvalidCode: false, acceptUnknownClient: false, introspectionMissingFields: false,
    introspectRevokedActive: false, noCacheHeaders: false, rotateJwks: false }), JSON.stringify(defaults));
  const typo = await fetch(`${S.admin}/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ exactRedirectUri: true }) });
  check('config: an unknown field 400 (a typo is not silently ignored)', typo.status === 400 && /exactRedirectUri/.test((await typo.json()).error));
  const badMode = await fetch(`${S.admin}/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pkce: 'maybe', accessTtl: 5 }) });
  const afterBad = await admin('/config');
  check('config: bad value 400, nothing applied', badMode.status === 400 && afterBad.accessTtl === 36000 && afterBad.pkce === 'enforce');

  // advertisePlain
  const methods = async () => [
    (await (await fetch(S.openidConfiguration)).json()).code_challenge_methods_supported.join(),
    (await (await fetch(S.smartConfiguration)).json()).code_challenge_methods_supported.join()];
  check('advertisePlain off: S256 only', (await methods()).every((m) => m === 'S256'));
  await config({ advertisePlain: true });
  check('advertisePlain on: discovery and SMART list S256, plain', (await methods()).every((m) => m === 'S256,plain'), (await methods()).join(' | '));
  await config({ advertisePlain: false });

  // pkce: enforce (default) refuses a wrong verifier
  const pub = S.clients.public.client_id;
  const exchange = (code, extra = {}) => tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: pub, ...extra });
  const p1 = pkce();
  const c1 = await publicCode({ challenge: p1.challenge });
  const wrong = await exchange(c1, { code_verifier: pkce().verifier });
  check('pkce enforce: wrong verifier 400 invalid_grant', !!c1 && wrong.status === 400 && wrong.json?.error === 'invalid_grant', `${wrong.status} ${wrong.json?.error || ''}`);
  const p2 = pkce();
  const c2 = await publicCode({ challenge: p2.challenge });
  const missing = await exchange(c2);
  check('pkce enforce: missing verifier 400 invalid_grant', missing.status === 400 && missing.json?.error === 'invalid_grant');

  const cfg = await config({ pkce: 'ignore' });
  check('config POST answers the new values', cfg.pkce === 'ignore' && cfg.accessTtl === 36000);
  const c3 = await publicCode({ challenge: pkce().challenge });
  const wrong3 = await exchange(c3, { code_verifier: pkce().verifier });
  check('pkce ignore: wrong verifier accepted', wrong3.status === 200 && !!wrong3.json?.access_token, `${wrong3.status} ${wrong3.json?.error || ''}`);
  check('pkce ignore: token works on FHIR', (await fhir('Patient?_count=1', wrong3.json?.access_token)).status === 200);
  const c4 = await publicCode({ challenge: pkce().challenge });
  const missing4 = await exchange(c4);
  check('pkce ignore: missing verifier accepted', missing4.status === 200, `${missing4.status} ${missing4.json?.error || ''}`);
  const c5 = await publicCode({ challenge: null });
  check('pkce ignore: public client without code_challenge gets a code', !!c5 && (await exchange(c5, { code_verifier: pkce().verifier })).status === 200);
  const c6 = await publicCode({ challenge: 'plain-challenge-plain-challenge-plain-challenge-1', method: 'plain' });
  check('pkce ignore: plain challenge not refused', !!c6 && (await exchange(c6, { code_verifier: 'anything-anything-anything-anything-anything-12' })).status === 200);
  // a code issued in enforce mode, exchanged once the mode is "ignore"
  await config({ pkce: 'enforce' });
  const c7 = await publicCode({ challenge: pkce().challenge });
  await config({ pkce: 'ignore' });
  check('pkce ignore: also for a code issued before the switch', (await exchange(c7, { code_verifier: pkce().verifier })).status === 200);
  await config({ pkce: 'enforce' });
  const c8 = await publicCode({ challenge: pkce().challenge });
  check('pkce back to enforce: wrong verifier refused again', (await exchange(c8, { code_verifier: pkce().verifier })).status === 400);

  // rotateRefreshTokens
  const p9 = pkce();
  const c9 = await publicCode({ challenge: p9.challenge });
  const t9 = (await exchange(c9, { code_verifier: p9.verifier })).json || {};
  const refresh = (rt) => tokenRequest({ grant_type: 'refresh_token', refresh_token: rt, client_id: pub });
  const r9 = await refresh(t9.refresh_token);
  check('rotateRefreshTokens on (default): new refresh token', r9.status === 200 && r9.json.refresh_token && r9.json.refresh_token !== t9.refresh_token);
  await config({ rotateRefreshTokens: false });
  const r10 = await refresh(r9.json?.refresh_token);
  const r11 = await refresh(r9.json?.refresh_token);
  const r12 = await refresh(r9.json?.refresh_token);
  check('rotateRefreshTokens off: no refresh_token in the answer, the old one reusable', r10.status === 200 && !('refresh_token' in r10.json)
    && r10.json.scope.split(' ').includes('offline_access')
    && r11.status === 200 && r12.status === 200 && r12.json.access_token !== r11.json.access_token, `${r10.status} ${Object.keys(r10.json || {})} ${r11.status} ${r12.status}`);
  check('rotateRefreshTokens off: new access tokens work', (await fhir('Patient?_count=1', r12.json?.access_token)).status === 200);
  await config({ rotateRefreshTokens: true });
  const r13 = await refresh(r9.json?.refresh_token);
  const r14 = await refresh(r9.json?.refresh_token);
  check('rotateRefreshTokens back on: rotates, reuse refused', r13.status === 200 && r13.json.refresh_token !== r9.json.refresh_token
    && r14.status === 400 && r14.json?.error === 'invalid_grant');

  // dropScopes (confidential client: it may introspect its own tokens)
  const Cf = S.clients.confidential;
  const confAuth = { authorization: basicAuth(Cf.client_id, Cf.client_secret) };
  const introspect = async (token) => (await postForm(`${S.issuer}/auth/introspect_token/`, { token }, confAuth)).json || {};
  await config({ dropScopes: ['user/Appointment.read', 'offline_access'] });
  const cd = await publicCode({ clientId: Cf.client_id, scope: S.scope });
  const td = await tokenRequest({ grant_type: 'authorization_code', code: cd, redirect_uri: redirectUri }, confAuth);
  const sd = (td.json?.scope || '').split(' ');
  check('dropScopes: token scope lacks dropped scopes, no refresh token', td.status === 200 && sd.includes('user/Patient.read')
    && sd.includes('launch') && !sd.includes('user/Appointment.read') && !sd.includes('offline_access') && !td.json.refresh_token, td.json?.scope);
  const id = await introspect(td.json?.access_token);
  check('dropScopes: the access token really lacks them (introspection)', id.active === true && id.scope.split(' ').includes('user/Patient.read')
    && !id.scope.includes('Appointment'), JSON.stringify(id.scope));
  const svc = S.clients.clientCredentials;
  const ccd = await tokenRequest({ grant_type: 'client_credentials', scope: 'system/Patient.read system/Appointment.read user/Appointment.read' }, { authorization: basicAuth(svc.client_id, svc.client_secret) });
  check('dropScopes: client_credentials narrowed', ccd.status === 200 && ccd.json.scope === 'system/Patient.read system/Appointment.read', ccd.json?.scope);
  await config({ dropScopes: [] });
  const cu = await publicCode({ clientId: Cf.client_id, scope: S.scope });
  const tu = await tokenRequest({ grant_type: 'authorization_code', code: cu, redirect_uri: redirectUri }, confAuth);
  check('dropScopes []: everything granted again', tu.status === 200 && tu.json.scope.includes('user/Appointment.read') && !!tu.json.refresh_token, tu.json?.scope);

  // reset
  await config({ pkce: 'ignore', rotateRefreshTokens: false, dropScopes: ['launch'], advertisePlain: true, accessTtl: 7 });
  await admin('/fail', { target: 'token', count: 3, mode: '500' });
  const reset = await config({ reset: true });
  const fails = await admin('/fail');
  check('config reset: every mode, accessTtl and failure injections back to defaults', reset.pkce === 'enforce' && reset.rotateRefreshTokens === true
    && reset.dropScopes.length === 0 && reset.advertisePlain === false && reset.accessTtl === 36000 && Object.keys(fails.fail).length === 0, JSON.stringify(reset));
}

// ------------------------------------------------------------- consent.mjs: the plain-HTTP consent client
{
  const { verifier, challenge } = pkce();
  received.length = 0;
  const c = await runConsent(['--print-timing', authUrl({ state: 'consent-state', code_challenge: challenge, code_challenge_method: 'S256' })]);
  const cb = received[0]?.params || {};
  let timing = {};
  try { timing = JSON.parse(c.err.trim()); } catch { /* reported below */ }
  check('consent: exits 0, silent on stdout, code + state + iss at the listener', c.code === 0 && c.out === '' && received.length === 1
    && !!cb.code && cb.state === 'consent-state' && cb.iss === S.issuer, `${c.code} ${c.err.trim()} ${received.length}`);
  check('consent: --print-timing', typeof timing.loginMs === 'number' && typeof timing.totalMs === 'number', c.err.trim());
  const t = await tokenRequest({ grant_type: 'authorization_code', code: cb.code, redirect_uri: redirectUri, client_id: S.clients.public.client_id, code_verifier: verifier });
  check('consent: its code exchanges', t.status === 200 && !!t.json?.access_token && !!t.json?.refresh_token, `${t.status}`);
  check('consent: prints no code', !c.err.includes(cb.code));

  received.length = 0;
  const d = await runConsent(['--deny', authUrl({ state: 'deny-c', code_challenge: challenge, code_challenge_method: 'S256' })]);
  check('consent --deny: error=access_denied at the listener', d.code === 0 && received[0]?.params.error === 'access_denied'
    && received[0]?.params.state === 'deny-c' && !received[0]?.params.code, d.err.trim());
  received.length = 0;
  const [w, e] = await Promise.all([
    runConsent(['--password', 'wrong', authUrl({ state: 'x', code_challenge: challenge, code_challenge_method: 'S256' })]),
    runConsent([authUrl({ state: 'x', code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: `${redirectUri}/x` })]),
  ]);
  check('consent: wrong password → exit 1 "login rejected"', w.code === 1 && /^consent: login rejected: Invalid username or password\.\n$/.test(w.err) && w.out === '', w.err.trim());
  check('consent: error page → exit 1 with its text', e.code === 1 && /Mismatching redirect URI/.test(e.err) && e.err.split('\n').length === 2, e.err.trim());
  check('consent: failing runs reach no listener', received.length === 0);
  const closed = http.createServer();
  await new Promise((r) => { closed.listen(0, '127.0.0.1', r); });
  const deadPort = closed.address().port;
  await new Promise((r) => { closed.close(r); });
  const dead = await runConsent([authUrl({ state: 'x', code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: `http://127.0.0.1:${deadPort}/callback` })]);
  check('consent: nobody listening at the redirect → exit 1', dead.code === 1 && /ECONNREFUSED/.test(dead.err) && !/code=[^…]/.test(dead.err), dead.err.trim());
  const remote = await runConsent(['https://example.org/authorize']);
  check('consent: refuses a non-loopback authorization URL', remote.code === 1 && /non-loopback/.test(remote.err));

  // the LMS and the Cognito-shaped provider
  received.length = 0;
  const lmsUrl = `${S.lms.authorizationEndpoint}?${new URLSearchParams({ client_id: S.lms.client.client_id, response_type: 'code', redirect_uri: redirectUri, state: 'lms-c' })}`;
  const l = await runConsent([lmsUrl]);
  check('consent: Canvas LMS sign-in', l.code === 0 && !!received[0]?.params.code && received[0]?.params.state === 'lms-c', l.err.trim());
  received.length = 0;
  const cogUrl = `${S.cognito.authorizationEndpoint}?${new URLSearchParams({ client_id: S.cognito.client.client_id, response_type: 'code', redirect_uri: redirectUri, scope: 'openid', state: 'cog-c' })}`;
  const g = await runConsent([cogUrl]);
  check('consent: Cognito sign-in', g.code === 0 && !!received[0]?.params.code && received[0]?.params.state === 'cog-c', g.err.trim());
  const lmsBad = await runConsent([lmsUrl.replace('callback', 'elsewhere')]);
  check('consent: the LMS\'s JSON error → exit 1 with the error', lmsBad.code === 1 && /invalid_request: redirect_uri does not match client settings/.test(lmsBad.err), lmsBad.err.trim());
}

// ------------------------------------------------------------- RFC-bending modes
const decodeJwt = (t) => {
  const [h, p, sig] = String(t).split('.');
  try { return { header: JSON.parse(Buffer.from(h, 'base64url')), payload: JSON.parse(Buffer.from(p, 'base64url')), sig }; } catch { return {}; }
};
const JWS_HASH = { RS256: 'sha256', RS384: 'sha384', PS256: 'sha256', ES256: 'sha256', ES384: 'sha384' };
// Checks a JWS against a JWKS as a client does: kid known, alg matches the key, signature.
function verifyJwt(token, jwks) {
  const [h, p, sig] = String(token).split('.');
  const { header } = decodeJwt(token);
  if (!header) return 'not a JWT';
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) return 'unknown kid';
  if (!JWS_HASH[header.alg] || (jwk.alg && jwk.alg !== header.alg)) return `alg ${header.alg} does not fit the key`;
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(sig || '', 'base64url');
  const hash = JWS_HASH[header.alg];
  const options = header.alg.startsWith('PS') ? { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST }
    : header.alg.startsWith('ES') ? { key, dsaEncoding: 'ieee-p1363' } : key;
  return crypto.verify(hash, data, options, signature) ? 'ok' : 'bad signature';
}
const getJson = async (u) => (await fetch(u)).json();
{
  const pub = S.clients.public.client_id;
  const Cf = S.clients.confidential;
  const confAuth = { authorization: basicAuth(Cf.client_id, Cf.client_secret) };
  const exchange = (code, extra = {}) => tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: pub, ...extra });
  const refresh = (rt, extra = {}) => tokenRequest({ grant_type: 'refresh_token', refresh_token: rt, client_id: pub, ...extra });
  // Tokens for the public client: { json, nonce, verifier } of a fresh sign-in.
  async function signIn({ scope = S.scope, nonce } = {}) {
    const p = pkce();
    const code = await publicCode({ challenge: p.challenge, scope, extra: nonce ? { nonce } : {} });
    const r = await exchange(code, { code_verifier: p.verifier });
    return { ...r, nonce };
  }
  const otherPort = (u) => { const x = new URL(u); x.port = String(Number(x.port) === 65535 ? 1024 : Number(x.port) + 1); return x.href; };

  // ---- exactRedirectUris, redirectUris, redirectRefusal
  const pre = (extra = {}) => fetch(authUrl({ state: 'r', code_challenge: pkce().challenge, code_challenge_method: 'S256', ...extra }), { redirect: 'manual' });
  await config({ exactRedirectUris: true });
  const ex = await pre();
  check('exactRedirectUris: a port on 127.0.0.1 no longer matches the port-less registration (400 page)', ex.status === 400
    && MISMATCH_PAGE.test(await ex.text()) && !ex.headers.get('location'), String(ex.status));
  const cx = await runConsent([authUrl({ state: 'r', code_challenge: pkce().challenge, code_challenge_method: 'S256' })]);
  check('exactRedirectUris: consent fails on the error page', cx.code === 1 && /Mismatching redirect URI/.test(cx.err), cx.err.trim());
  await config({ redirectRefusal: '403-empty' });
  const e403 = await pre();
  const e403Body = await e403.text();
  check('redirectRefusal 403-empty: 403, empty body, no Content-Type', e403.status === 403 && e403Body === '' && !e403.headers.get('content-type')
    && !e403.headers.get('location'), `${e403.status} ${e403.headers.get('content-type')} ${e403Body.length}`);
  await config({ redirectRefusal: '200-html' });
  const e200 = await pre();
  const e200Body = await e200.text();
  check('redirectRefusal 200-html: 200 HTML page naming the redirect URI, no #oauth-error', e200.status === 200 && /text\/html/.test(e200.headers.get('content-type'))
    && e200Body.includes(redirectUri) && !e200Body.includes('oauth-error') && !/name="login"/.test(e200Body), `${e200.status} ${e200Body.slice(0, 120)}`);
  const c200 = await runConsent([authUrl({ state: 'r', code_challenge: pkce().challenge, code_challenge_method: 'S256' })]);
  check('redirectRefusal 200-html: consent exits 1 quoting the page', c200.code === 1 && /HTTP 200/.test(c200.err) && /does not match the redirect URIs/.test(c200.err), c200.err.trim());
  // the scripted browser gives up on such a dead end at once, not at its timeout
  const t200 = Date.now();
  const b200 = await runBrowser(['--timeout-ms', '60000', authUrl({ state: 'r', code_challenge: pkce().challenge, code_challenge_method: 'S256' })]);
  check('browser: a 200 page without forms fails fast', b200.code === 1 && /HTTP 200/.test(b200.err) && /does not match the redirect URIs/.test(b200.err)
    && Date.now() - t200 < 30000, b200.err.trim());
  await config({ redirectRefusal: '403-empty' });
  const c403 = await runConsent([authUrl({ state: 'r', code_challenge: pkce().challenge, code_challenge_method: 'S256' })]);
  check('redirectRefusal 403-empty: consent exits 1 "HTTP 403 with an empty page"', c403.code === 1 && /HTTP 403 with an empty page/.test(c403.err), c403.err.trim());
  const cfgUris = await config({ redirectUris: [redirectUri] });
  check('redirectUris: the config answer lists the registered URIs', cfgUris.redirectUris.join() === redirectUri && cfgUris.exactRedirectUris === true);
  received.length = 0;
  const fixed = await runConsent([authUrl({ state: 'fixed', code_challenge: pkce().challenge, code_challenge_method: 'S256' })]);
  check('exactRedirectUris + redirectUris [fixed port]: exactly that URI signs in', fixed.code === 0 && !!received[0]?.params.code, fixed.err.trim());
  const fp = pkce();
  const fcode = await publicCode({ challenge: fp.challenge });
  check('exactRedirectUris + redirectUris: its code exchanges', (await exchange(fcode, { code_verifier: fp.verifier })).status === 200);
  const fo = await pre({ redirect_uri: otherPort(redirectUri) });
  check('exactRedirectUris + redirectUris: another port refused (403-empty)', fo.status === 403);
  await config({ exactRedirectUris: false, redirectRefusal: '400-page' });
  check('redirectUris [fixed port] without exactRedirectUris: any port (RFC 8252 on the registered URI)', [302, 303].includes((await pre({ redirect_uri: otherPort(redirectUri) })).status));
  check('redirectUris [fixed port]: the old port-less path rule no longer applies to another path', (await pre({ redirect_uri: redirectUri.replace('/callback', '/other') })).status === 400);
  // the LMS and Cognito follow exactRedirectUris and redirectUris too, in their own words
  await config({ redirectUris: null, exactRedirectUris: true });
  const lmsPre = await fetch(`${S.lms.authorizationEndpoint}?${new URLSearchParams({ client_id: S.lms.client.client_id, response_type: 'code', redirect_uri: redirectUri, state: 'x' })}`, { redirect: 'manual' });
  const cogPre = await fetch(`${S.cognito.authorizationEndpoint}?${new URLSearchParams({ client_id: S.cognito.client.client_id, response_type: 'code', redirect_uri: redirectUri, state: 'x' })}`, { redirect: 'manual' });
  check('exactRedirectUris: LMS 400 JSON, Cognito 400 redirect_mismatch', lmsPre.status === 400 && (await lmsPre.json()).error === 'invalid_request'
    && cogPre.status === 400 && /redirect_mismatch/.test(await cogPre.text()), `${lmsPre.status} ${cogPre.status}`);
  await config({ redirectUris: [redirectUri] });
  const lmsOk = await httpAuthorize(`${S.lms.authorizationEndpoint}?${new URLSearchParams({ client_id: S.lms.client.client_id, response_type: 'code', redirect_uri: redirectUri, state: 'x' })}`);
  check('exactRedirectUris + redirectUris: the LMS signs in', !!lmsOk.params?.code);
  const badUris = await fetch(`${S.admin}/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ redirectUris: ['not a url'] }) });
  check('redirectUris: a bad list 400', badUris.status === 400);
  const back = await config({ reset: true });
  check('reset: redirect URI modes back to the defaults', back.exactRedirectUris === false && back.redirectUris.join() === 'http://127.0.0.1/callback'
    && back.redirectRefusal === '400-page' && [302, 303].includes((await pre()).status));

  // ---- loginPage401
  await config({ loginPage401: true });
  const lp = await pre();
  const lpBody = await lp.text();
  check('loginPage401: the authorization endpoint answers its sign-in form with 401 (no redirect)', lp.status === 401 && !lp.headers.get('location')
    && /text\/html/.test(lp.headers.get('content-type')) && /<form method="post" action="\/interaction\/[^"]+\/login"/.test(lpBody)
    && /type="password"/.test(lpBody), `${lp.status} ${lp.headers.get('location')}`);
  const { verifier: v401, challenge: c401 } = pkce();
  received.length = 0;
  const s401 = await runConsent([authUrl({ state: 's401', code_challenge: c401, code_challenge_method: 'S256' })]);
  const code401 = received[0]?.params.code;
  check('loginPage401: consent signs in', s401.code === 0 && !!code401, s401.err.trim());
  check('loginPage401: that code exchanges', (await exchange(code401, { code_verifier: v401 })).status === 200);
  const w401 = await runConsent(['--password', 'nope', authUrl({ state: 'x', code_challenge: c401, code_challenge_method: 'S256' })]);
  check('loginPage401: a wrong password is still "login rejected"', w401.code === 1 && /login rejected/.test(w401.err), w401.err.trim());
  received.length = 0;
  const lmsU = `${S.lms.authorizationEndpoint}?${new URLSearchParams({ client_id: S.lms.client.client_id, response_type: 'code', redirect_uri: redirectUri, state: 'l401' })}`;
  const cogU = `${S.cognito.authorizationEndpoint}?${new URLSearchParams({ client_id: S.cognito.client.client_id, response_type: 'code', redirect_uri: redirectUri, scope: 'openid', state: 'c401' })}`;
  const [lmsStatus, cogStatus] = [(await fetch(lmsU, { redirect: 'manual' })).status, (await fetch(cogU, { redirect: 'manual' })).status];
  const l401 = await runConsent([lmsU]);
  const g401 = await runConsent([cogU]);
  const states = received.map((x) => x.params.state).sort().join();
  check('loginPage401: LMS and Cognito answer 401 sign-in pages too, consent signs in on both', lmsStatus === 401 && cogStatus === 401
    && l401.code === 0 && g401.code === 0 && states === 'c401,l401', `${lmsStatus} ${cogStatus} ${l401.err} ${g401.err} ${states}`);
  // with a browser session the next authorization goes to the consent page (a redirect, as before)
  const jar = new Map();
  await httpAuthorize(authUrl({ state: 'j1', code_challenge: pkce().challenge, code_challenge_method: 'S256' }), { jar });
  const again = await fetch(authUrl({ state: 'j2', code_challenge: pkce().challenge, code_challenge_method: 'S256' }), {
    redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
  check('loginPage401: with a session, no 401 (redirect to the consent page)', [302, 303].includes(again.status), String(again.status));
  received.length = 0;
  const b401 = await runBrowser([authUrl({ state: 'b401', code_challenge: pkce().challenge, code_challenge_method: 'S256' })]);
  check('loginPage401: the scripted browser signs in on a 401 sign-in page', b401.code === 0 && received[0]?.params.state === 'b401' && !!received[0]?.params.code, b401.err.trim());
  await config({ reset: true });
  check('loginPage401 off: a redirect to the sign-in page again', [302, 303].includes((await pre()).status));

  // ---- nonceRequired
  await config({ nonceRequired: true });
  const nr = await pre({ scope: `openid ${S.scope}` });
  const nloc = new URL(nr.headers.get('location') || 'http://x/');
  check('nonceRequired: openid without nonce → redirect to the client with invalid_request "nonce required"', nr.status === 303
    && nloc.origin + nloc.pathname === redirectUri && nloc.searchParams.get('error') === 'invalid_request'
    && nloc.searchParams.get('error_description') === 'nonce required' && nloc.searchParams.get('state') === 'r' && nloc.searchParams.get('iss') === S.issuer,
  `${nr.status} ${nloc.searchParams.get('error')} ${nloc.searchParams.get('error_description')}`);
  check('nonceRequired: without openid no nonce is needed', /\/interaction\//.test((await pre()).headers.get('location') || ''));
  const withNonce = await signIn({ scope: `openid ${S.scope}`, nonce: 'n-0S6_WzA2Mj' });
  check('nonceRequired: with a nonce, the ID token carries it', withNonce.status === 200 && decodeJwt(withNonce.json.id_token).payload?.nonce === 'n-0S6_WzA2Mj');
  await config({ nonceRequired: false });
  check('nonceRequired off: openid without nonce is fine', /\/interaction\//.test((await pre({ scope: `openid ${S.scope}` })).headers.get('location') || ''));

  // ---- refusedVerifier, burnCodeOnRefusedExchange (oidc-provider: a refused exchange leaves the code usable)
  const verifierCase = async () => {
    const p = pkce();
    const code = await publicCode({ challenge: p.challenge });
    const wrong = await exchange(code, { code_verifier: pkce().verifier });
    const right = await exchange(code, { code_verifier: p.verifier });
    return { wrong, right };
  };
  const dflt = await verifierCase();
  check('default: wrong verifier 400 invalid_grant, the code survives (right verifier then works)', dflt.wrong.status === 400
    && dflt.wrong.json?.error === 'invalid_grant' && dflt.right.status === 200, `${dflt.wrong.status} ${dflt.right.status}`);
  await config({ refusedVerifier: 'invalid_code-403' });
  const ic = await verifierCase();
  check('refusedVerifier invalid_code-403: 403 {"error":"invalid_code"}', ic.wrong.status === 403 && ic.wrong.text === '{"error":"invalid_code"}'
    && /application\/json/.test(ic.wrong.headers.get('content-type')), `${ic.wrong.status} ${ic.wrong.text}`);
  check('refusedVerifier invalid_code-403: the code survives', ic.right.status === 200);
  const pm = pkce();
  const mcode = await publicCode({ challenge: pm.challenge });
  const noVerifier = await exchange(mcode);
  check('refusedVerifier invalid_code-403: a missing verifier too', noVerifier.status === 403 && noVerifier.json?.error === 'invalid_code');
  const otherGrant = await exchange('no-such-code', { code_verifier: pm.verifier });
  check('refusedVerifier invalid_code-403: other refusals stay 400 invalid_grant', otherGrant.status === 400 && otherGrant.json?.error === 'invalid_grant');
  await config({ burnCodeOnRefusedExchange: true });
  const burn = await verifierCase();
  check('burnCodeOnRefusedExchange: after a refused exchange the right verifier gets invalid_grant', burn.wrong.status === 403
    && burn.right.status === 400 && burn.right.json?.error === 'invalid_grant', `${burn.wrong.status} ${burn.right.status} ${burn.right.json?.error}`);
  await config({ refusedVerifier: 'invalid_grant-400' });
  const burn2 = await verifierCase();
  check('burnCodeOnRefusedExchange with the default refusal: 400 then 400 invalid_grant', burn2.wrong.status === 400 && burn2.right.status === 400);
  await config({ reset: true });

  // ---- acceptInvalidCode, acceptUnknownClient (what `chartkey check`'s invalid-code and
  // invalid-client-id steps send: a made-up code, and a made-up client ID with a made-up code)
  const madeUpCode = () => `made-up-${crypto.randomBytes(8).toString('hex')}`;
  const unknownClient = () => tokenRequest({ grant_type: 'authorization_code', code: madeUpCode(), redirect_uri: redirectUri,
    client_id: 'chartkey-check-unknown-client', code_verifier: pkce().verifier });
  const dInvalid = await exchange(madeUpCode(), { code_verifier: pkce().verifier });
  const dUnknown = await unknownClient();
  check('default: a made-up code → 400 invalid_grant, an unknown client → 401 invalid_client', dInvalid.status === 400
    && dInvalid.json?.error === 'invalid_grant' && dUnknown.status === 401 && dUnknown.json?.error === 'invalid_client', `${dInvalid.status} ${dUnknown.status}`);
  await config({ acceptInvalidCode: true });
  const aInvalid = await exchange(madeUpCode(), { code_verifier: pkce().verifier });
  check('acceptInvalidCode: a made-up code → 200 with a Bearer access token', aInvalid.status === 200 && !!aInvalid.json?.access_token
    && aInvalid.json.token_type === 'Bearer', `${aInvalid.status} ${aInvalid.text}`);
  const aReal = await verifierCase();
  check('acceptInvalidCode: a real code is still checked (wrong verifier 400, then the right one 200)', aReal.wrong.status === 400
    && aReal.right.status === 200, `${aReal.wrong.status} ${aReal.right.status}`);
  check('acceptInvalidCode: an unknown client is still refused', (await unknownClient()).status === 401);
  await config({ acceptInvalidCode: false, acceptUnknownClient: true });
  const aUnknown = await unknownClient();
  check('acceptUnknownClient: an unknown client_id → 200 with a Bearer access token', aUnknown.status === 200 && !!aUnknown.json?.access_token
    && !aUnknown.headers.get('www-authenticate'), `${aUnknown.status} ${aUnknown.text}`);
  const wrongSecretStill = await tokenRequest({ grant_type: 'authorization_code', code: madeUpCode(), redirect_uri: redirectUri,
    client_id: Cf.client_id, client_secret: 'wrong' });
  check('acceptUnknownClient: a known client with a wrong secret is still 401 invalid_client', wrongSecretStill.status === 401
    && wrongSecretStill.json?.error === 'invalid_client', `${wrongSecretStill.status}`);
  check('acceptUnknownClient: a made-up code of a known client is still 400 invalid_grant',
    (await exchange(madeUpCode(), { code_verifier: pkce().verifier })).status === 400);
  await config({ reset: true });

  // ---- introspectRevokedActive (a public client introspects its own tokens, as `chartkey check` does)
  const introspectAs = async (token, hint) => (await postForm(`${S.issuer}/auth/introspect_token/`, { token, token_type_hint: hint, client_id: pub })).json || {};
  const revokeAs = (token, hint) => postForm(S.revocationEndpoint, { token, token_type_hint: hint, client_id: pub });
  const rv1 = await signIn();
  const live = await introspectAs(rv1.json?.access_token, 'access_token');
  await revokeAs(rv1.json?.access_token, 'access_token');
  await revokeAs(rv1.json?.refresh_token, 'refresh_token');
  const deadAt = await introspectAs(rv1.json?.access_token, 'access_token');
  const deadRt = await introspectAs(rv1.json?.refresh_token, 'refresh_token');
  check('default: a revoked access or refresh token introspects as active: false', live.active === true && deadAt.active === false
    && deadRt.active === false, JSON.stringify([live.active, deadAt, deadRt]));
  await config({ introspectRevokedActive: true });
  const rv2 = await signIn();
  await revokeAs(rv2.json?.access_token, 'access_token');
  await revokeAs(rv2.json?.refresh_token, 'refresh_token');
  const zombieAt = await introspectAs(rv2.json?.access_token, 'access_token');
  const zombieRt = await introspectAs(rv2.json?.refresh_token, 'refresh_token');
  check('introspectRevokedActive: revoked tokens introspect as active: true with client_id, scope and exp', zombieAt.active === true
    && zombieRt.active === true && zombieAt.client_id === pub && typeof zombieAt.scope === 'string' && Number.isInteger(zombieAt.exp),
  JSON.stringify([zombieAt, zombieRt]));
  check('introspectRevokedActive: ... though the revoked access token is refused by the API', (await fhir('Patient?_count=1', rv2.json?.access_token)).status === 401);
  check('introspectRevokedActive: a made-up token is still active: false', (await introspectAs('no-such-token', 'access_token')).active === false);
  await config({ reset: true });

  // ---- refresh chain: rotation + reuse revokes the grant; refreshErrorCode
  const chain = await signIn();
  const rt1 = chain.json?.refresh_token;
  const step1 = await refresh(rt1);
  const rt2 = step1.json?.refresh_token;
  const at2 = step1.json?.access_token;
  const reuse = await refresh(rt1);
  const newest = await refresh(rt2);
  check('rotation: a spent refresh token coming back → 400 invalid_grant', reuse.status === 400 && reuse.json?.error === 'invalid_grant');
  check('rotation: ... and the whole grant is revoked: the newest refresh token fails too', newest.status === 400 && newest.json?.error === 'invalid_grant');
  check('rotation: ... and so is the newest access token', (await fhir('Patient?_count=1', at2)).status === 401);
  await config({ refreshErrorCode: 'invalid_request' });
  const unknownRt = await refresh('no-such-refresh-token');
  const spent = await refresh(rt2);
  check('refreshErrorCode invalid_request: unknown or revoked refresh token → 400 invalid_request', unknownRt.status === 400 && unknownRt.json?.error === 'invalid_request'
    && spent.status === 400 && spent.json?.error === 'invalid_request', `${unknownRt.json?.error} ${spent.json?.error}`);
  await config({ refreshErrorCode: 'invalid_grant' });

  // ---- emptyErrorBodies
  await config({ emptyErrorBodies: true });
  const eRefresh = await refresh('no-such-refresh-token');
  check('emptyErrorBodies: refused refresh → 400, empty body', eRefresh.status === 400 && eRefresh.text === '' && !eRefresh.headers.get('content-type'),
    `${eRefresh.status} ${eRefresh.text}`);
  const eSecret = await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'x', client_id: Cf.client_id, client_secret: 'wrong' });
  const svc = S.clients.clientCredentials;
  const eBasic = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basicAuth(svc.client_id, 'wrong') });
  check('emptyErrorBodies: wrong client_secret → 403, empty body (post and Basic), no WWW-Authenticate', eSecret.status === 403 && eSecret.text === ''
    && eBasic.status === 403 && eBasic.text === '' && !eBasic.headers.get('www-authenticate'), `${eSecret.status} ${eBasic.status}`);
  const eVerifier = await verifierCase();
  check('emptyErrorBodies: wrong verifier → 400, empty body', eVerifier.wrong.status === 400 && eVerifier.wrong.text === '');
  const eOk = await signIn();
  check('emptyErrorBodies: successful answers unchanged', eOk.status === 200 && !!eOk.json?.access_token);
  await config({ revocationNeedsClientAuth: true });
  const eRevoke = await postForm(S.revocationEndpoint, { token: eOk.json?.access_token, client_id: pub });
  check('emptyErrorBodies + revocationNeedsClientAuth: public client revocation → 401, empty body', eRevoke.status === 401 && eRevoke.text === '',
    `${eRevoke.status} ${eRevoke.text}`);
  await config({ reset: true });

  // ---- revocationNeedsClientAuth, noRevocationEndpoint
  const authMethods = async () => [(await getJson(S.openidConfiguration)).revocation_endpoint_auth_methods_supported,
    (await getJson(S.smartConfiguration)).revocation_endpoint_auth_methods_supported];
  const [od, sd] = await authMethods();
  check('default: discovery and SMART list revocation_endpoint_auth_methods_supported with none', od?.includes('none') && sd?.includes('none')
    && od.includes('client_secret_basic'), JSON.stringify([od, sd]));
  await config({ revocationNeedsClientAuth: true });
  const [od2, sd2] = await authMethods();
  check('revocationNeedsClientAuth: discovery and SMART without none', !od2.includes('none') && !sd2.includes('none') && od2.includes('client_secret_basic')
    && sd2.includes('client_secret_post'), JSON.stringify([od2, sd2]));
  const pt = await signIn();
  const pubRevoke = await postForm(S.revocationEndpoint, { token: pt.json?.refresh_token, token_type_hint: 'refresh_token', client_id: pub });
  check('revocationNeedsClientAuth: a public client → 401 invalid_client + WWW-Authenticate', pubRevoke.status === 401
    && pubRevoke.json?.error === 'invalid_client' && /^Basic/.test(pubRevoke.headers.get('www-authenticate') || ''), `${pubRevoke.status} ${pubRevoke.text}`);
  check('revocationNeedsClientAuth: ... and the token stays valid', (await refresh(pt.json?.refresh_token)).status === 200);
  const ccTok = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basicAuth(svc.client_id, svc.client_secret) });
  const confRevoke = await postForm(S.revocationEndpoint, { token: ccTok.json?.access_token }, { authorization: basicAuth(svc.client_id, svc.client_secret) });
  check('revocationNeedsClientAuth: a client with a secret revokes', confRevoke.status === 200 && (await fhir('Patient?_count=1', ccTok.json?.access_token)).status === 401);
  await config({ revocationNeedsClientAuth: false, noRevocationEndpoint: true });
  const disc = await getJson(S.openidConfiguration);
  const smart = await getJson(S.smartConfiguration);
  const meta = await (await fhir('metadata')).json();
  const oauthUris = meta.rest[0].security.extension[0].extension.map((x) => x.url);
  check('noRevocationEndpoint: neither discovery nor SMART nor metadata names a revocation endpoint', !('revocation_endpoint' in disc)
    && !('revocation_endpoint_auth_methods_supported' in disc) && !('revocation_endpoint' in smart) && !oauthUris.includes('revoke')
    && disc.token_endpoint === S.tokenEndpoint, JSON.stringify(oauthUris));
  const gone = await postForm(S.revocationEndpoint, { token: 'x', client_id: pub });
  const goneGet = await fetch(S.revocationEndpoint);
  check('noRevocationEndpoint: the route answers 404', gone.status === 404 && goneGet.status === 404 && /Not Found/.test(gone.text));
  await config({ noRevocationEndpoint: false });
  check('noRevocationEndpoint off: discovery names it again', (await getJson(S.openidConfiguration)).revocation_endpoint === S.revocationEndpoint
    && (await getJson(S.smartConfiguration)).revocation_endpoint === S.revocationEndpoint);

  // ---- tokenTypeCase
  await config({ tokenTypeCase: 'lower' });
  const lower = await signIn();
  const lowerRefresh = await refresh(lower.json?.refresh_token);
  const lowerCc = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basicAuth(svc.client_id, svc.client_secret) });
  check('tokenTypeCase lower: "bearer" in code, refresh and client credentials answers', lower.json?.token_type === 'bearer'
    && lowerRefresh.json?.token_type === 'bearer' && lowerCc.json?.token_type === 'bearer');
  check('tokenTypeCase lower: the token still works', (await fhir('Patient?_count=1', lower.json?.access_token)).status === 200);
  await config({ tokenTypeCase: 'default' });
  check('tokenTypeCase default: "Bearer"', (await signIn()).json?.token_type === 'Bearer');

  // ---- ID tokens: claims, fhirUser, algorithms, broken tokens, key rotation
  const OIDC_SCOPE = `openid fhirUser profile ${S.scope}`;
  const jwks0 = await getJson(`${S.issuer}/auth/jwks/`);
  check('ready line: jwksUri, user name and fhirUser', S.jwksUri === `${S.issuer}/auth/jwks/` && S.user.name === 'Dr Ada Lovelace'
    && /^Practitioner\/[0-9a-f]{32}$/.test(S.user.fhirUser));
  check('JWKS: RS256, RS384, PS256, ES256, ES384 keys, public only', ['RS256', 'RS384', 'PS256', 'ES256', 'ES384'].every((a) => jwks0.keys.some((k) => k.alg === a))
    && jwks0.keys.every((k) => !k.d), JSON.stringify(jwks0.keys.map((k) => k.alg)));
  const it = await signIn({ scope: OIDC_SCOPE, nonce: 'nonce-1' });
  const { header, payload } = decodeJwt(it.json?.id_token);
  check('id_token: RS256, valid signature, iss, aud, sub, nonce', header?.alg === 'RS256' && verifyJwt(it.json.id_token, jwks0) === 'ok'
    && payload.iss === S.issuer && payload.aud === pub && payload.sub === 'clinician' && payload.nonce === 'nonce-1' && payload.exp > Date.now() / 1000
    && header.kid === 'sandbox-rs256' && !('at_hash' in payload),
  JSON.stringify(header));
  check('id_token: fhirUser (absolute Practitioner URL) and name', payload.fhirUser === `${S.fhirBase}/${S.user.fhirUser}` && payload.name === 'Dr Ada Lovelace',
    `${payload.fhirUser} ${payload.name}`);
  check('token scope lists openid, fhirUser and the SMART scopes', ['openid', 'fhirUser', 'user/Patient.read', 'offline_access'].every((x) => it.json.scope.split(' ').includes(x)), it.json.scope);
  const prac = await fetch(payload.fhirUser, { headers: { authorization: `Bearer ${it.json.access_token}` } });
  const pracBody = await prac.json();
  check('GET {fhirUser}: a FHIR Practitioner with that name', prac.status === 200 && pracBody.resourceType === 'Practitioner'
    && `Practitioner/${pracBody.id}` === S.user.fhirUser && pracBody.name[0].family === 'Lovelace' && pracBody.name[0].given[0] === 'Ada', JSON.stringify(pracBody.name));
  check('Practitioner: unknown id 404, no token 401', (await fhir('Practitioner/nope', it.json.access_token)).status === 404
    && (await fhir(S.user.fhirUser)).status === 401);
  const plain = decodeJwt((await signIn({ scope: `openid ${S.scope}` })).json?.id_token).payload;
  check('id_token without fhirUser/profile scopes: no fhirUser, no name', plain && !('fhirUser' in plain) && !('name' in plain), JSON.stringify(Object.keys(plain || {})));
  await config({ fhirUser: 'relative' });
  check('fhirUser relative: "Practitioner/<id>"', decodeJwt((await signIn({ scope: OIDC_SCOPE })).json?.id_token).payload?.fhirUser === S.user.fhirUser);
  await config({ fhirUser: 'absolute' });

  for (const alg of ['RS256', 'RS384', 'PS256', 'ES256', 'ES384']) {
    await config({ idTokenAlg: alg });
    const t = await signIn({ scope: OIDC_SCOPE });
    const h = decodeJwt(t.json?.id_token).header;
    const ok = verifyJwt(t.json?.id_token, jwks0);
    const viaConf = await (async () => {
      const code = await publicCode({ clientId: Cf.client_id, scope: OIDC_SCOPE });
      return (await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, confAuth)).json?.id_token;
    })();
    check(`idTokenAlg ${alg}: signed with the ${alg} key of the JWKS (public and confidential client)`, h?.alg === alg && ok === 'ok'
      && decodeJwt(viaConf).header?.alg === alg && verifyJwt(viaConf, jwks0) === 'ok', `${h?.alg} ${ok}`);
  }
  await config({ idTokenAlg: 'RS256' });
  const badAlg = await fetch(`${S.admin}/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idTokenAlg: 'HS256' }) });
  check('idTokenAlg: an algorithm without a key 400', badAlg.status === 400);

  const now = () => Date.now() / 1000;
  const broken = {
    'wrong-aud': (t, v) => v === 'ok' && t.payload.aud !== pub && t.payload.iss === S.issuer,
    'wrong-nonce': (t, v) => v === 'ok' && typeof t.payload.nonce === 'string' && t.payload.nonce !== 'nonce-b' && t.payload.aud === pub,
    expired: (t, v) => v === 'ok' && t.payload.exp < now() - 60 && t.payload.iat < t.payload.exp,
    'bad-signature': (t, v) => v === 'bad signature' && t.payload.aud === pub,
    'alg-none': (t, v, raw) => t.header.alg === 'none' && !t.header.kid && raw.endsWith('.') && v !== 'ok',
    'unknown-kid': (t, v) => v === 'unknown kid' && t.header.alg === 'RS256',
    'wrong-iss': (t, v) => v === 'ok' && t.payload.iss !== S.issuer && t.payload.aud === pub,
    'future-iat': (t, v) => v === 'ok' && t.payload.iat > now() + 600 && t.payload.exp > t.payload.iat,
    'bad-at_hash': (t, v, raw, at) => v === 'ok' && typeof t.payload.at_hash === 'string'
      && t.payload.at_hash !== crypto.createHash('sha256').update(at).digest().subarray(0, 16).toString('base64url'),
  };
  for (const [name, ok] of Object.entries(broken)) {
    await config({ brokenIdToken: name });
    const t = await signIn({ scope: OIDC_SCOPE, nonce: 'nonce-b' });
    const raw = t.json?.id_token || '';
    const jwksNow = await getJson(`${S.issuer}/auth/jwks/`);
    const v = verifyJwt(raw, jwksNow);
    check(`brokenIdToken ${name}`, t.status === 200 && ok(decodeJwt(raw), v, raw, t.json.access_token), `${v} ${JSON.stringify(decodeJwt(raw).header)}`);
    if (name === 'wrong-aud') {
      const r = await refresh(t.json.refresh_token);
      check('brokenIdToken applies to refresh answers too', r.status === 200 && decodeJwt(r.json.id_token).payload?.aud === 'someone-else'
        && verifyJwt(r.json.id_token, jwksNow) === 'ok', `${r.status} ${!!r.json?.id_token}`);
    }
  }
  await config({ brokenIdToken: 'off' });
  check('brokenIdToken off: valid again', verifyJwt((await signIn({ scope: OIDC_SCOPE })).json?.id_token, jwks0) === 'ok');

  // rotateJwks: a client that cached the JWKS meets an unknown kid, fetches again, knows it
  const cached = await getJson(`${S.issuer}/auth/jwks/`);
  const rot = await config({ rotateJwks: true });
  const rt = await signIn({ scope: OIDC_SCOPE });
  const rkid = decodeJwt(rt.json?.id_token).header?.kid;
  const refetched = await getJson(`${S.issuer}/auth/jwks/`);
  check('rotateJwks: the ID token has a kid the cached JWKS does not know', rot.rotateJwks === true && verifyJwt(rt.json?.id_token, cached) === 'unknown kid'
    && !jwks0.keys.some((k) => k.kid === rkid), rkid);
  check('rotateJwks: fetched again, the JWKS has the new key (and the old ones) and it verifies', verifyJwt(rt.json?.id_token, refetched) === 'ok'
    && refetched.keys.length === cached.keys.length + 1 && cached.keys.every((k) => refetched.keys.some((x) => x.kid === k.kid)));
  await config({ idTokenAlg: 'ES256', rotateJwks: true });
  const es = await signIn({ scope: OIDC_SCOPE });
  const jwks2 = await getJson(`${S.issuer}/auth/jwks/`);
  check('rotateJwks with idTokenAlg ES256: a new ES256 key signs', decodeJwt(es.json?.id_token).header?.alg === 'ES256'
    && decodeJwt(es.json?.id_token).header?.kid !== 'sandbox-es256' && verifyJwt(es.json?.id_token, jwks2) === 'ok' && jwks2.keys.length === cached.keys.length + 2);
  const after = await config({ reset: true });
  const jwks3 = await getJson(`${S.issuer}/auth/jwks/`);
  check('reset: rotated keys gone, ID tokens signed by sandbox-rs256 again', after.rotateJwks === false && jwks3.keys.length === jwks0.keys.length
    && decodeJwt((await signIn({ scope: OIDC_SCOPE })).json?.id_token).header?.kid === 'sandbox-rs256');
}

// ------------------------------------------------------------- static tokens
{
  const canvas = (await admin('/static-token', { kind: 'canvas' })).token;
  const lmsTok = (await admin('/static-token', { kind: 'lms' })).token;
  const self = (t) => fetch(S.lms.apiSelf, { headers: { authorization: `Bearer ${t}` } });
  check('static tokens minted', typeof canvas === 'string' && canvas.length >= 30 && /^1~/.test(lmsTok) && canvas !== lmsTok);
  check('canvas static token: FHIR 200', (await fhir('Patient?_count=1', canvas)).status === 200);
  const nr = await note('note-standalone-1', 'lock', canvas);
  check('canvas static token: notes API 200', nr.status === 200);
  check('canvas static token: refused by the LMS API', (await self(canvas)).status === 401);
  check('lms static token: LMS API 200', (await self(lmsTok)).status === 200);
  check('lms static token: refused by FHIR', (await fhir('Patient?_count=1', lmsTok)).status === 401);
  await admin('/expire-tokens', {});
  check('static tokens survive expire-tokens', (await fhir('Patient?_count=1', canvas)).status === 200 && (await self(lmsTok)).status === 200);
  const rv = await fetch(`${S.admin}/static-token/revoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: canvas }) });
  check('revoked canvas static token refused', rv.status === 200 && (await fhir('Patient?_count=1', canvas)).status === 401
    && (await note('note-standalone-1', 'unlock', canvas)).status === 401);
  await admin('/static-token/revoke', { token: lmsTok });
  check('revoked lms static token refused', (await self(lmsTok)).status === 401);
  const badKind = await fetch(`${S.admin}/static-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'other' }) });
  check('static token: unknown kind 400', badKind.status === 400);
}

// ------------------------------------------------------------- Canvas LMS
{
  const L = S.lms;
  await admin('/reset-stats', {});
  const lmsAuth = (extra = {}) => `${L.authorizationEndpoint}?${new URLSearchParams({ client_id: L.client.client_id, response_type: 'code', redirect_uri: redirectUri, ...extra })}`;
  const pre = await fetch(lmsAuth({ state: 'x' }), { redirect: 'manual' });
  check('LMS pre-flight GET: redirect to the login', [302, 303].includes(pre.status) && /\/interaction\//.test(pre.headers.get('location') || ''), String(pre.status));
  const mis = await fetch(lmsAuth({ state: 'x', redirect_uri: 'http://127.0.0.1:1/other' }), { redirect: 'manual' });
  const misBody = await mis.text();
  check('LMS wrong redirect_uri: 400 JSON invalid_request', mis.status === 400
    && misBody === '{"error":"invalid_request","error_description":"redirect_uri does not match client settings"}', `${mis.status} ${misBody}`);
  const unk = await fetch(lmsAuth({ state: 'x', client_id: '999' }), { redirect: 'manual' });
  check('LMS unknown client: 401 invalid_client', unk.status === 401 && (await unk.json()).error === 'invalid_client');

  // the scripted browser, with PKCE
  const { verifier, challenge } = pkce();
  received.length = 0;
  const b = await runBrowser([lmsAuth({ state: 'lms-state', scope: 'url:GET|/api/v1/users/self', code_challenge: challenge, code_challenge_method: 'S256' })]);
  const cb = received[0]?.params || {};
  check('LMS: browser signs in, code and state at the listener', b.code === 0 && !!cb.code && cb.state === 'lms-state', b.err.trim());
  const tok = await postForm(L.tokenEndpoint, { grant_type: 'authorization_code', client_id: L.client.client_id, client_secret: L.client.client_secret,
    redirect_uri: redirectUri, code: cb.code, code_verifier: verifier });
  const t = tok.json || {};
  check('LMS code exchange: Canvas LMS shape', tok.status === 200 && Object.keys(t).join() === 'access_token,token_type,user,refresh_token,expires_in'
    && t.token_type === 'Bearer' && t.expires_in === 3600 && t.user.id === 1 && t.user.name === 'Demo Clinician' && t.user.global_id === '10000000000001'
    && /no-store/.test(tok.headers.get('cache-control') || ''), `${tok.status} ${Object.keys(t)}`);
  const lastLms = await admin('/last-secrets');
  check('last-secrets: LMS code exchange too', lastLms.code === cb.code && lastLms.code_verifier === verifier
    && lastLms.client_id === L.client.client_id && lastLms.client_secret === L.client.client_secret);
  const me = await fetch(L.apiSelf, { headers: { authorization: `Bearer ${t.access_token}` } });
  const meBody = await me.json();
  check('LMS users/self', me.status === 200 && meBody.id === 1 && meBody.name === 'Demo Clinician' && meBody.login_id === 'clinician', JSON.stringify(meBody));
  check('LMS token refused by FHIR', (await fhir('Patient?_count=1', t.access_token)).status === 401);
  const refresh = () => postForm(L.tokenEndpoint, { grant_type: 'refresh_token', client_id: L.client.client_id, client_secret: L.client.client_secret, refresh_token: t.refresh_token });
  const r1 = await refresh();
  const r2 = await refresh();
  check('LMS refresh: no refresh_token in the answer, the old one keeps working', r1.status === 200 && !('refresh_token' in r1.json)
    && r1.json.access_token && r1.json.access_token !== t.access_token && r1.json.user?.id === 1 && r2.status === 200, `${r1.status} ${Object.keys(r1.json || {})} ${r1.json?.error || ''}`);
  const badSecret = await postForm(L.tokenEndpoint, { grant_type: 'refresh_token', client_id: L.client.client_id, client_secret: 'wrong', refresh_token: t.refresh_token });
  check('LMS wrong secret: 401 invalid_client', badSecret.status === 401 && badSecret.json?.error === 'invalid_client');
  const cc = await postForm(L.tokenEndpoint, { grant_type: 'client_credentials', client_id: L.client.client_id, client_secret: L.client.client_secret });
  check('LMS client_credentials: 400 unsupported_grant_type, mentions the LTI assertion', cc.status === 400 && cc.json?.error === 'unsupported_grant_type'
    && /client_assertion|LTI/.test(cc.json.error_description));
  const bad = await fetch(L.apiSelf, { headers: { authorization: 'Bearer nope' } });
  check('LMS API bad token: 401 errors + WWW-Authenticate', bad.status === 401 && (await bad.json()).errors[0].message === 'Invalid access token.'
    && bad.headers.get('www-authenticate') === 'Bearer realm="canvas-lms"');
  const del = await fetch(L.tokenEndpoint, { method: 'DELETE', headers: { authorization: `Bearer ${r2.json.access_token}` } });
  const delBody = await del.text();
  check('LMS DELETE token: 200 {}', del.status === 200 && delBody === '{}', `${del.status} ${delBody}`);
  const after = await refresh();
  check('LMS after DELETE: access and refresh token refused', (await fetch(L.apiSelf, { headers: { authorization: `Bearer ${r2.json.access_token}` } })).status === 401
    && (await fetch(L.apiSelf, { headers: { authorization: `Bearer ${r1.json.access_token}` } })).status === 401 && after.status === 400);
  // (reusing a code revokes its grant, so this comes after the checks above)
  const wrongCode = await postForm(L.tokenEndpoint, { grant_type: 'authorization_code', client_id: L.client.client_id, client_secret: L.client.client_secret, redirect_uri: redirectUri, code: cb.code, code_verifier: verifier });
  check('LMS code is single use', wrongCode.status === 400 && wrongCode.json?.error === 'invalid_grant');
  // pkce ignore applies to the LMS too
  await config({ pkce: 'ignore' });
  const lc = await httpAuthorize(lmsAuth({ state: 'y', code_challenge: pkce().challenge, code_challenge_method: 'S256' }));
  const lx = await postForm(L.tokenEndpoint, { grant_type: 'authorization_code', client_id: L.client.client_id, client_secret: L.client.client_secret, redirect_uri: redirectUri, code: lc.params?.code, code_verifier: pkce().verifier });
  await config({ reset: true });
  check('LMS pkce ignore: wrong verifier accepted', lx.status === 200, `${lx.status} ${lx.json?.error || ''}`);
  const st = await admin('/stats');
  check('stats.lms counts LMS token requests apart', st.lms.token.authorization_code === 3 && st.lms.token.refresh_token === 4
    && st.lms.token.client_credentials === 1 && st.lms.token.total === 8 && st.lms.revocation === 1 && st.token.total === 0, JSON.stringify(st.lms));
}

// ------------------------------------------------------------- Cognito-shaped OpenID Provider
{
  const C = S.cognito;
  const d = await (await fetch(C.discoveryUrl)).json();
  check('Cognito discovery: shape', d.issuer === C.issuer && d.token_endpoint === C.tokenEndpoint && d.authorization_endpoint === C.authorizationEndpoint
    && d.revocation_endpoint === C.revocationEndpoint && d.jwks_uri === `${C.issuer}/.well-known/jwks.json` && !('code_challenge_methods_supported' in d)
    && d.token_endpoint_auth_methods_supported.join() === 'client_secret_basic,client_secret_post' && d.scopes_supported.join() === 'openid,email,phone,profile'
    && new URL(d.userinfo_endpoint).origin === new URL(C.tokenEndpoint).origin, JSON.stringify(d));
  await config({ advertisePlain: true });
  check('Cognito discovery never lists code_challenge_methods_supported', !('code_challenge_methods_supported' in await (await fetch(C.discoveryUrl)).json()));
  await config({ reset: true });
  const jwks = await (await fetch(d.jwks_uri)).json();
  check('Cognito JWKS', jwks.keys?.length === 1 && jwks.keys[0].kty === 'RSA' && !jwks.keys[0].d);

  const auth = { authorization: basicAuth(C.client.client_id, C.client.client_secret) };
  const cc = await postForm(C.tokenEndpoint, { grant_type: 'client_credentials', scope: C.scope }, auth);
  const ccp = jwtPayload(cc.json?.access_token);
  check('Cognito client_credentials: Cognito-shaped answer', cc.status === 200 && Object.keys(cc.json).join() === 'access_token,expires_in,token_type'
    && cc.json.expires_in === 3600 && cc.json.token_type === 'Bearer', `${cc.status} ${Object.keys(cc.json || {})}`);
  check('Cognito access token: JWT with scope, token_use, client_id', ccp?.iss === C.issuer && ccp.token_use === 'access'
    && ccp.scope === 'system/*.read system/*.write' && ccp.client_id === C.client.client_id, JSON.stringify({ ...ccp, jti: undefined }));
  check('Cognito access token works on FHIR (Patient?_count=1)', (await fhir('Patient?_count=1', cc.json?.access_token)).status === 200);
  const noScope = await postForm(C.tokenEndpoint, { grant_type: 'client_credentials' }, auth);
  check('Cognito client_credentials without scope: every scope of the app client', noScope.status === 200
    && jwtPayload(noScope.json.access_token).scope === 'system/*.read system/*.write');
  const post = await postForm(C.tokenEndpoint, { grant_type: 'client_credentials', scope: 'system/*.read', client_id: C.client.client_id, client_secret: C.client.client_secret });
  check('Cognito client_credentials, client_secret_post, one scope', post.status === 200 && jwtPayload(post.json.access_token).scope === 'system/*.read');
  const badScope = await postForm(C.tokenEndpoint, { grant_type: 'client_credentials', scope: 'system/*.delete' }, auth);
  check('Cognito unknown scope: 400 invalid_scope', badScope.status === 400 && badScope.json?.error === 'invalid_scope', `${badScope.status} ${badScope.json?.error}`);
  const badSecret = await postForm(C.tokenEndpoint, { grant_type: 'client_credentials' }, { authorization: basicAuth(C.client.client_id, 'wrong') });
  check('Cognito wrong secret: invalid_client', badSecret.json?.error === 'invalid_client');
  const forged = `${cc.json.access_token.split('.').slice(0, 2).join('.')}.${Buffer.from('x').toString('base64url')}`;
  check('FHIR refuses a Cognito JWT with a bad signature', (await fhir('Patient?_count=1', forged)).status === 401);

  // authorization code + PKCE over HTTP, then refresh and revoke
  const cAuth = (extra = {}) => `${C.authorizationEndpoint}?${new URLSearchParams({ client_id: C.client.client_id, response_type: 'code', redirect_uri: redirectUri, scope: 'openid email system/*.read', ...extra })}`;
  const mis = await fetch(cAuth({ state: 'x', redirect_uri: 'http://127.0.0.1:1/x' }), { redirect: 'manual' });
  check('Cognito wrong redirect_uri: 400 redirect_mismatch page', mis.status === 400 && /redirect_mismatch/.test(await mis.text()));
  const { verifier, challenge } = pkce();
  const cb = await httpAuthorize(cAuth({ state: 'cog', code_challenge: challenge, code_challenge_method: 'S256' }));
  const ct = await postForm(C.tokenEndpoint, { grant_type: 'authorization_code', code: cb.params?.code, redirect_uri: redirectUri, code_verifier: verifier }, auth);
  check('Cognito code exchange: id_token, access_token, refresh_token, expires_in, token_type', ct.status === 200
    && Object.keys(ct.json).join() === 'id_token,access_token,refresh_token,expires_in,token_type' && cb.params?.state === 'cog', `${ct.status} ${Object.keys(ct.json || {})} ${ct.json?.error || ''}`);
  const idt = jwtPayload(ct.json?.id_token);
  check('Cognito id_token: issuer, audience, email', idt?.iss === C.issuer && idt.aud === C.client.client_id && idt.email === 'clinician@example.org', JSON.stringify({ ...idt, at_hash: undefined }));
  check('Cognito user access token works on FHIR', (await fhir('Patient?_count=1', ct.json?.access_token)).status === 200);
  const cwrong = await httpAuthorize(cAuth({ state: 'cog', code_challenge: pkce().challenge, code_challenge_method: 'S256' }));
  const cw = await postForm(C.tokenEndpoint, { grant_type: 'authorization_code', code: cwrong.params?.code, redirect_uri: redirectUri, code_verifier: verifier }, auth);
  check('Cognito wrong verifier: 400 invalid_grant', cw.status === 400 && cw.json?.error === 'invalid_grant');
  const cr = await postForm(C.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: ct.json?.refresh_token }, auth);
  const cr2 = await postForm(C.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: ct.json?.refresh_token }, auth);
  check('Cognito refresh: no refresh_token in the answer, not rotated', cr.status === 200 && !('refresh_token' in cr.json) && !!cr.json.access_token
    && cr2.status === 200, `${cr.status} ${Object.keys(cr.json || {})} ${cr.json?.error || ''}`);
  const rv = await postForm(C.revocationEndpoint, { token: ct.json?.refresh_token }, auth);
  const cr3 = await postForm(C.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: ct.json?.refresh_token }, auth);
  check('Cognito revoke: 200, refresh token refused afterwards', rv.status === 200 && cr3.status === 400 && cr3.json?.error === 'invalid_grant', `${rv.status} ${cr3.status}`);

  await admin('/expire-tokens', {});
  check('expire-tokens covers Cognito JWTs', (await fhir('Patient?_count=1', cc.json.access_token)).status === 401);
  const fresh = await postForm(C.tokenEndpoint, { grant_type: 'client_credentials' }, auth);
  check('new Cognito token after expire-tokens works', (await fhir('Patient?_count=1', fresh.json.access_token)).status === 200);
  const st = await admin('/stats');
  check('stats.cognito counts Cognito token and revocation requests', st.cognito.token.client_credentials === 6 && st.cognito.token.authorization_code === 2
    && st.cognito.token.refresh_token === 3 && st.cognito.revocation === 1, JSON.stringify(st.cognito));
}

// ------------------------------------------------------------- shutdown
{
  const code = await new Promise((resolve) => { srv.child.once('exit', (c) => resolve(c)); srv.child.kill('SIGTERM'); });
  check('server exits 0 on SIGTERM', code === 0);
  check('server stdout was exactly one line', srv.lines.length === 1);
}
listener.close();
process.stdout.write(`(${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
