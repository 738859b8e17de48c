#!/usr/bin/env node
// Plain-HTTP consent client for the chartkey sandbox: the fast stand-in for the scripted
// browser. Same command line and exit codes as browser.mjs; no browser, no JavaScript: it
// follows the authorization server's redirects by hand with a cookie jar of its own, fills in
// and submits the sign-in form it finds (the form with a password field), submits the consent
// form (Allow, or Deny), and finally GETs the redirect to the application's loopback listener.
//
//   consent [--user clinician] [--password PW] [--deny] [--timeout-ms 30000] [--print-timing] AUTHORIZATION_URL
//
// Prints nothing on stdout. On failure: one line on stderr, exit 1. Never prints codes, tokens
// or state. Works with the Canvas instance, the Canvas LMS and the Cognito-shaped provider of
// the sandbox (and mode loginPage401: a sign-in form that comes with 401 is still a sign-in form).

import * as http from 'node:http';
import * as https from 'node:https';

const USAGE = 'usage: consent [--user USER] [--password PW] [--deny] [--timeout-ms MS] [--print-timing] AUTHORIZATION_URL';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const USER_AGENT = 'chartkey-sandbox-consent/1 (plain HTTP; like a browser without JavaScript)';
const ACCEPT_HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const MAX_STEPS = 40;

// Remove query strings and fragments from URLs so codes/tokens never reach the output.
function scrub(s) {
  return String(s)
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#'"<>]*)[?#][^\s'"<>]*/gi, '$1?…')
    .replace(/\b(code|access_token|refresh_token|id_token|state)=[^\s&'"]+/gi, '$1=…')
    .split('\n')[0]
    .slice(0, 400);
}

let finished = false;
function finish(code, reason) {
  if (finished) return;
  finished = true;
  if (reason) process.stderr.write(`consent: ${scrub(reason)}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = {
    user: process.env.SANDBOX_USER || 'clinician',
    password: process.env.SANDBOX_PASSWORD || 'chartkey-sandbox',
    deny: false,
    timeoutMs: 30000,
    printTiming: false,
    url: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    let a = argv[i];
    let v;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) { v = a.slice(eq + 1); a = a.slice(0, eq); }
    const val = () => {
      if (v !== undefined) return v;
      i += 1;
      if (i >= argv.length) throw new Error(`${a} needs a value`);
      return argv[i];
    };
    switch (a) {
      case '--user': o.user = val(); break;
      case '--password': o.password = val(); break;
      case '--deny': o.deny = true; break;
      case '--print-timing': o.printTiming = true; break;
      case '--timeout-ms': {
        o.timeoutMs = Number(val());
        if (!Number.isFinite(o.timeoutMs) || o.timeoutMs <= 0) throw new Error('--timeout-ms needs a positive number');
        break;
      }
      case '-h': case '--help':
        process.stderr.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
        if (o.url !== undefined) throw new Error('more than one URL given');
        o.url = a;
    }
  }
  if (!o.url) throw new Error('AUTHORIZATION_URL missing');
  return o;
}

// ---------------------------------------------------------------- cookies
// A browser's cookie jar, as far as these pages need it (RFC 6265): host-only cookies keyed by
// host name (not port, as browsers do), Path and Max-Age/Expires honoured, Domain only when it
// names the host itself.
class CookieJar {
  constructor() { this.cookies = []; }

  static defaultPath(pathname) {
    const i = pathname.lastIndexOf('/');
    return i <= 0 ? '/' : pathname.slice(0, i);
  }

  store(url, setCookies) {
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookie = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), host: url.hostname,
        path: CookieJar.defaultPath(url.pathname), expires: Infinity };
      let domainOk = true;
      let maxAge; let expires;
      for (const attr of attrs) {
        const i = attr.indexOf('=');
        const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase();
        const value = i < 0 ? '' : attr.slice(i + 1).trim();
        if (key === 'path' && value.startsWith('/')) cookie.path = value;
        else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
        else if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
        else if (key === 'domain' && value) domainOk = value.replace(/^\./, '').toLowerCase() === url.hostname.toLowerCase();
      }
      // Max-Age wins over Expires (RFC 6265 §5.3).
      if (maxAge !== undefined) cookie.expires = Date.now() + maxAge * 1000;
      else if (expires !== undefined) cookie.expires = expires;
      if (!domainOk) continue;
      this.cookies = this.cookies.filter((c) => !(c.name === cookie.name && c.host === cookie.host && c.path === cookie.path));
      if (cookie.expires > Date.now()) this.cookies.push(cookie);
    }
  }

  header(url) {
    const now = Date.now();
    this.cookies = this.cookies.filter((c) => c.expires > now);
    const p = url.pathname || '/';
    const matches = this.cookies.filter((c) => c.host === url.hostname
      && (p === c.path || (p.startsWith(c.path) && (c.path.endsWith('/') || p[c.path.length] === '/'))));
    matches.sort((a, b) => b.path.length - a.path.length);
    return matches.map((c) => `${c.name}=${c.value}`).join('; ');
  }
}

// ---------------------------------------------------------------- HTML forms
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s) {
  return String(s).replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
function attributes(tag) {
  const out = {};
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m;
  while ((m = re.exec(tag))) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}
// Text of an HTML fragment, roughly as a browser's innerText: block elements separate words,
// inline ones do not.
const textOf = (html) => decodeEntities(String(html)
  .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
  .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|header|footer|form|title|body)\b[^>]*>/gi, ' ')
  .replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
// The forms of a page: action (absolute), method, the named fields with their values, the
// submit buttons.
function parseForms(html, base) {
  const forms = [];
  for (const fm of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form\s*>/gi)) {
    const fa = attributes(fm[1]);
    let action;
    try { action = new URL(fa.action || '', base); } catch { continue; }
    const form = { action, method: (fa.method || 'get').toUpperCase(), fields: [], buttons: [] };
    const inner = fm[2];
    for (const m of inner.matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(m[1]);
      const type = (a.type || 'text').toLowerCase();
      if (type === 'submit' || type === 'image') { form.buttons.push({ name: a.name, value: a.value ?? '', id: a.id, text: a.value ?? '' }); continue; }
      if (!a.name || a.disabled !== undefined || type === 'button' || type === 'reset' || type === 'file') continue;
      if ((type === 'checkbox' || type === 'radio') && a.checked === undefined) continue;
      form.fields.push({ name: a.name, value: a.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''), type });
    }
    for (const m of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea\s*>/gi)) {
      const a = attributes(m[1]);
      if (a.name) form.fields.push({ name: a.name, value: decodeEntities(m[2]), type: 'textarea' });
    }
    for (const m of inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button\s*>/gi)) {
      const a = attributes(m[1]);
      if ((a.type || 'submit').toLowerCase() !== 'submit') continue;
      form.buttons.push({ name: a.name, value: a.value ?? '', id: a.id, text: textOf(m[2]) });
    }
    forms.push(form);
  }
  return forms;
}
function elementText(html, id) {
  const re = new RegExp(`<([a-z0-9]+)\\b[^>]*\\bid\\s*=\\s*["']?${id}["']?[^>]*>([\\s\\S]*?)</\\1\\s*>`, 'i');
  const m = re.exec(html);
  return m ? textOf(m[2]) : null;
}
const ALLOW = /^(allow|authori[sz]e|accept|approve|consent|confirm|continue|yes)\b/i;
const DENY = /^(deny|cancel|reject|decline|no)\b/i;
// The consent form and the button to press in it: by id (#allow / #deny), else by the
// button's words.
function consentChoice(forms, deny) {
  const id = deny ? 'deny' : 'allow';
  const words = deny ? DENY : ALLOW;
  for (const f of forms) {
    const b = f.buttons.find((x) => x.id === id);
    if (b) return { form: f, button: b };
  }
  for (const f of forms) {
    const b = f.buttons.find((x) => words.test(x.text || x.value || ''));
    if (b) return { form: f, button: b };
  }
  return null;
}

// ---------------------------------------------------------------- HTTP
function request(url, { method = 'GET', body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, { method, headers: { 'user-agent': USER_AGENT, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body); else req.end();
  });
}
// The last step, what a browser does with the redirect: GET it. Delivered = the listener
// answered (its headers arrived) or closed the connection after reading the request.
function deliver(url) {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, { method: 'GET', headers: { 'user-agent': USER_AGENT, accept: ACCEPT_HTML, connection: 'close' } }, (res) => {
      resolve('response');
      res.destroy();
    });
    req.on('error', (e) => {
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE' || /socket hang up/i.test(e.message)) resolve('closed');
      else reject(new Error(`redirect to the application's loopback listener failed: ${e.code || e.message}`));
    });
    req.end();
  });
}

// ---------------------------------------------------------------- main
let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`consent: ${e.message}\n${USAGE}\n`);
  process.exit(1);
}
let start;
try {
  start = new URL(opts.url);
} catch {
  process.stderr.write('consent: AUTHORIZATION_URL is not a valid URL\n');
  process.exit(1);
}
if (!LOOPBACK.has(start.hostname) || !/^https?:$/.test(start.protocol)) {
  process.stderr.write(`consent: refusing non-loopback authorization URL host ${start.hostname}\n`);
  process.exit(1);
}
const issuerOrigin = start.origin;
setTimeout(() => { finish(1, `timed out after ${opts.timeoutMs} ms`); }, opts.timeoutMs).unref();
process.on('SIGTERM', () => finish(1, 'terminated'));
process.on('SIGINT', () => finish(1, 'interrupted'));

function isRedirectTarget(u) {
  return /^https?:$/.test(u.protocol) && LOOPBACK.has(u.hostname) && u.origin !== issuerOrigin;
}

async function main() {
  const jar = new CookieJar();
  const timing = { loginMs: null, consentMs: null, redirectMs: null, totalMs: null };
  const t0 = performance.now();
  let tLast = t0;
  let url = start;
  let method = 'GET';
  let body;
  let loginSubmitted = false;
  let consentDone = false;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (isRedirectTarget(url)) {
      await deliver(url);
      timing.redirectMs = Math.round(performance.now() - tLast);
      timing.totalMs = Math.round(performance.now() - t0);
      if (opts.printTiming) process.stderr.write(`${JSON.stringify(timing)}\n`);
      finish(0);
      return;
    }
    if (!LOOPBACK.has(url.hostname)) throw new Error(`refusing to follow a non-loopback URL (host ${url.hostname})`);
    const headers = { accept: ACCEPT_HTML };
    const cookie = jar.header(url);
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = Buffer.byteLength(body);
      headers.origin = url.origin;
    }
    let r;
    try {
      r = await request(url, { method, body, headers });
    } catch (e) {
      throw new Error(`${method} ${url.origin}${url.pathname} failed: ${e.code || e.message}`);
    }
    jar.store(url, [].concat(r.headers['set-cookie'] || []));
    if ([301, 302, 303, 307, 308].includes(r.status) && r.headers.location) {
      const next = new URL(r.headers.location, url);
      if (!(r.status === 307 || r.status === 308)) { method = 'GET'; body = undefined; }
      url = next;
      continue;
    }
    method = 'GET';
    body = undefined;
    const type = String(r.headers['content-type'] || '');
    const html = /html/i.test(type) || /^\s*</.test(r.body) ? r.body : '';
    const forms = html ? parseForms(html, url) : [];
    const login = forms.find((f) => f.fields.some((x) => x.type === 'password'));
    if (login) {
      if (loginSubmitted) {
        const msg = elementText(html, 'error');
        throw new Error(`login rejected${msg ? `: ${msg}` : ''}`);
      }
      const params = new URLSearchParams();
      let userFilled = false;
      for (const f of login.fields) {
        if (f.type === 'password') params.append(f.name, opts.password);
        else if (!userFilled && ['text', 'email', 'tel', ''].includes(f.type)) { params.append(f.name, opts.user); userFilled = true; } else params.append(f.name, f.value);
      }
      const button = login.buttons[0];
      if (button?.name) params.append(button.name, button.value);
      ({ method } = login);
      url = new URL(login.action);
      if (method === 'GET') { url.search = params.toString(); body = undefined; } else body = params.toString();
      loginSubmitted = true;
      timing.loginMs = Math.round(performance.now() - tLast);
      tLast = performance.now();
      continue;
    }
    const choice = consentChoice(forms, opts.deny);
    if (choice) {
      if (consentDone) throw new Error('consent page shown again');
      const params = new URLSearchParams(choice.form.fields.map((f) => [f.name, f.value]));
      if (choice.button.name) params.append(choice.button.name, choice.button.value);
      ({ method } = choice.form);
      url = new URL(choice.form.action);
      if (method === 'GET') { url.search = params.toString(); body = undefined; } else body = params.toString();
      consentDone = true;
      timing.consentMs = Math.round(performance.now() - tLast);
      tLast = performance.now();
      continue;
    }
    // A dead end: say what the server showed.
    const oauthError = html ? elementText(html, 'oauth-error') : null;
    if (oauthError !== null) throw new Error(`authorization server error page: ${oauthError || 'unknown error'}`);
    let json;
    try { json = JSON.parse(r.body); } catch { json = undefined; }
    if (json && typeof json.error === 'string') {
      throw new Error(`authorization server error (HTTP ${r.status}): ${json.error}${json.error_description ? `: ${json.error_description}` : ''}`);
    }
    const bodyText = html ? textOf(/<body\b[^>]*>([\s\S]*)<\/body\s*>/i.exec(html)?.[1] ?? html) : r.body.trim();
    const what = !r.body.trim() ? 'an empty page' : `a page without a sign-in or consent form: ${bodyText.slice(0, 200)}`;
    throw new Error(`authorization server answered HTTP ${r.status} with ${what}`);
  }
  throw new Error(`more than ${MAX_STEPS} requests without reaching the application`);
}

main().catch((e) => finish(1, e?.message || String(e)));
