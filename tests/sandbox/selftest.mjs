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
const note = (id, action, token) => fetch(`${S.instance}/plugin-io/api/note_sign_api/notes/${id}/${action}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

// ------------------------------------------------------------- discovery
{
  const d = await (await fetch(`${S.issuer}/.well-known/openid-configuration`)).json();
  check('openid-configuration routes', d.issuer === S.issuer && d.token_endpoint === S.tokenEndpoint
    && d.authorization_endpoint === S.authorizationEndpoint && d.revocation_endpoint === S.revocationEndpoint);
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
  received.push({ path: u.pathname, params: Object.fromEntries(u.searchParams) });
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<html><body>You can close this window.</body></html>');
});
await new Promise((r) => { listener.listen(0, '127.0.0.1', r); });
const redirectUri = `http://127.0.0.1:${listener.address().port}/callback`;

function runBrowser(args) {
  return new Promise((resolve) => {
    const b = spawn(path.join(here, 'browser'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(b);
    let out = ''; let err = '';
    b.stdout.on('data', (d) => { out += d; });
    b.stderr.on('data', (d) => { err += d; });
    b.on('exit', (code) => resolve({ code, out, err }));
  });
}
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

// ------------------------------------------------------------- redirect URI checks, PKCE, deny
{
  const { challenge } = pkce();
  const other = await fetch(authUrl({ state: 'x', code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: redirectUri.replace('/callback', '/other') }), { redirect: 'manual' });
  const otherBody = await other.text();
  check('redirect_uri with another path refused', other.status === 400 && /redirect_uri/.test(otherBody) && !other.headers.get('location'));
  const lh = await fetch(authUrl({ state: 'x', code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: redirectUri.replace('127.0.0.1', 'localhost') }), { redirect: 'manual' });
  check('localhost redirect_uri refused', lh.status === 400 && /redirect_uri/.test(await lh.text()));
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
  const b = await runBrowser([authUrl({ client_id: C.client_id, state: 'conf', scope: 'openid user/*.* offline_access launch', prompt: 'none' })]);
  const cb = received[0]?.params || {};
  check('confidential client: browser run', b.code === 0 && !!cb.code && cb.state === 'conf', b.err.trim());
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
  check('browser fails fast on an error page', e.code === 1 && /invalid_redirect_uri|redirect_uri/.test(e.err) && e.out === '', e.err.trim());
  check('browser fails on a wrong password', w.code === 1 && /login rejected/.test(w.err));
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
