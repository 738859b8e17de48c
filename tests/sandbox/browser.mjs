#!/usr/bin/env node
// Scripted browser for the chartkey sandbox: signs in and consents (or denies) on the
// sandbox's authorization pages, then waits for the redirect to the application's
// loopback listener.
//
//   browser [--user clinician] [--password PW] [--deny] [--timeout-ms 30000] [--print-timing] AUTHORIZATION_URL
//
// Prints nothing on stdout. On failure: one line on stderr, exit 1. Never prints codes or tokens.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const USAGE = 'usage: browser [--user USER] [--password PW] [--deny] [--timeout-ms MS] [--print-timing] AUTHORIZATION_URL';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

// Remove query strings and fragments from URLs so codes/tokens never reach the output.
function scrub(s) {
  return String(s)
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#'"<>]*)[?#][^\s'"<>]*/gi, '$1?…')
    .replace(/\b(code|access_token|refresh_token|id_token|state)=[^\s&'"]+/gi, '$1=…')
    .split('\n')[0]
    .slice(0, 400);
}

let browser;
let tmpDir;
let finished = false;
async function finish(code, reason) {
  if (finished) return;
  finished = true;
  if (reason) process.stderr.write(`browser: ${scrub(reason)}\n`);
  if (browser) {
    await Promise.race([browser.close().catch(() => {}), new Promise((r) => { setTimeout(r, 3000); })]);
  }
  if (tmpDir) {
    try { fs.rmSync(tmpDir, { recursive: true, force: true }); } catch { /* ignore */ }
  }
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

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`browser: ${e.message}\n${USAGE}\n`);
  process.exit(1);
}

let start;
try {
  start = new URL(opts.url);
} catch {
  process.stderr.write('browser: AUTHORIZATION_URL is not a valid URL\n');
  process.exit(1);
}
if (!LOOPBACK.has(start.hostname)) {
  process.stderr.write(`browser: refusing non-loopback authorization URL host ${start.hostname}\n`);
  process.exit(1);
}
const issuerOrigin = start.origin;

const timer = setTimeout(() => { finish(1, `timed out after ${opts.timeoutMs} ms`); }, opts.timeoutMs);
process.on('SIGTERM', () => finish(1, 'terminated'));
process.on('SIGINT', () => finish(1, 'interrupted'));
process.on('unhandledRejection', (e) => { if (!finished) finish(1, `unexpected error: ${e?.message || e}`); });

const timing = { launchMs: null, loginMs: null, consentMs: null, redirectMs: null };
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });

function isRedirectTarget(u) {
  try {
    const x = new URL(u);
    return (x.protocol === 'http:' || x.protocol === 'https:') && LOOPBACK.has(x.hostname) && x.origin !== issuerOrigin;
  } catch {
    return false;
  }
}

async function main() {
  const executablePath = process.env.SANDBOX_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} not found (apt-get install -y chromium)`);
  const { chromium } = await import('playwright-core');

  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartkey-browser-'));
  const t0 = now();
  browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: opts.timeoutMs,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
      `--disk-cache-dir=${path.join(tmpDir, 'cache')}`],
  });
  // browser.newContext() is a fresh incognito-like profile (no cookies, no storage).
  const context = await browser.newContext({ acceptDownloads: false });
  timing.launchMs = Math.round(now() - t0);

  await context.route('**/*', (route) => {
    let host = '';
    try { host = new URL(route.request().url()).hostname; } catch { /* abort */ }
    if (LOOPBACK.has(host)) route.continue().catch(() => {});
    else route.abort('blockedbyclient').catch(() => {});
  });

  const page = await context.newPage();
  page.setDefaultTimeout(opts.timeoutMs);

  let landedResolve;
  let landedReject;
  const landed = new Promise((resolve, reject) => { landedResolve = resolve; landedReject = reject; });
  landed.catch(() => {});
  let isLanded = false;
  page.on('response', (resp) => {
    const req = resp.request();
    if (req.frame() !== page.mainFrame() || !req.isNavigationRequest()) return;
    // Any answer from the loopback listener (even its own redirect) means it got the request.
    if (isRedirectTarget(resp.url())) { isLanded = true; landedResolve('response'); return; }
    if (resp.status() < 300 || resp.status() >= 400) lastStatus = resp.status();
  });
  page.on('requestfailed', (req) => {
    if (req.frame() !== page.mainFrame() || !req.isNavigationRequest()) return;
    if (!isRedirectTarget(req.url())) return;
    const err = req.failure()?.errorText || 'unknown error';
    // The listener got the request but closed without a (complete) response: the redirect landed.
    if (/ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_ABORTED/.test(err)) {
      isLanded = true;
      landedResolve('closed');
    } else {
      landedReject(new Error(`redirect to the application's loopback listener failed: ${err}`));
    }
  });
  let navCount = 0;
  let lastNavAt = now();
  let lastStatus = null; // status of the last page the main frame got (not a redirect)
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) { navCount += 1; lastNavAt = now(); } });

  // A dead end: a page that has loaded, stays for a second and has neither a sign-in form,
  // nor a consent button, nor #oauth-error (an empty 403, another server's 200 error page, the
  // LMS's JSON errors): no redirect will follow, so fail now rather than at the timeout.
  const deadEnd = (async () => {
    for (;;) {
      await sleep(250);
      if (isLanded || finished) return new Promise(() => {});
      if (now() - lastNavAt < 1000) continue;
      let info;
      try {
        info = await page.evaluate(() => ({
          ready: document.readyState,
          expected: !!document.querySelector('input[name=login], #allow, #deny, #oauth-error'),
          text: (document.body ? document.body.innerText : '').replace(/\s+/g, ' ').trim().slice(0, 200),
        }));
      } catch {
        continue; // navigating
      }
      if (isLanded || info.ready !== 'complete' || info.expected || now() - lastNavAt < 1000) continue;
      const chromeError = page.url().startsWith('chrome-error:');
      const status = lastStatus === null ? '' : `HTTP ${lastStatus} `;
      throw new Error(`authorization server answered ${status}with ${chromeError ? 'a page the browser could not show' : 'a page'} `
        + `without a sign-in or consent form${!chromeError && info.text ? `: ${info.text}` : ''}`);
    }
  })();
  deadEnd.catch(() => {});

  const tNav = now();
  let tLast = tNav;
  const gotoDone = page.goto(opts.url, { waitUntil: 'commit' }).catch((e) => e);

  const waitNavOrLanded = async (before) => {
    while (!isLanded && navCount === before) {
      await Promise.race([landed, sleep(25)]);
    }
  };

  let loginSubmitted = false;
  let consentDone = false;
  // Loop: handle whichever page shows up until the browser lands on the loopback redirect.
  for (;;) {
    if (isLanded) break;
    const sel = page.waitForSelector('input[name=login], #allow, #deny, #oauth-error', { state: 'visible', timeout: opts.timeoutMs })
      .then(() => 'form', (e) => ({ error: e }));
    const what = await Promise.race([landed.then(() => 'landed'), sel, deadEnd]);
    if (what === 'landed' || isLanded) break;
    if (what?.error) {
      if (isLanded) break;
      if (finished) return;
      throw what.error;
    }
    const before = navCount;
    if (await page.locator('#oauth-error').isVisible().catch(() => false)) {
      // The authorization server rendered an error page (e.g. invalid redirect_uri): no redirect will follow.
      const text = (await page.locator('#oauth-error').innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
      throw new Error(`authorization server error page: ${text || 'unknown error'}`);
    }
    if (await page.locator('input[name=login]').isVisible().catch(() => false)) {
      if (loginSubmitted) {
        const msg = await page.locator('#error').textContent().catch(() => null);
        throw new Error(`login rejected${msg ? `: ${msg.trim()}` : ''}`);
      }
      await page.fill('input[name=login]', opts.user);
      await page.fill('input[name=password]', opts.password);
      await page.click('#sign-in', { noWaitAfter: true });
      loginSubmitted = true;
      timing.loginMs = Math.round(now() - tLast);
      tLast = now();
    } else if (await page.locator(opts.deny ? '#deny' : '#allow').isVisible().catch(() => false)) {
      if (consentDone) throw new Error('consent page shown again');
      await page.click(opts.deny ? '#deny' : '#allow', { noWaitAfter: true });
      consentDone = true;
      timing.consentMs = Math.round(now() - tLast);
      tLast = now();
    } else {
      await sleep(25);
      continue;
    }
    await waitNavOrLanded(before);
  }
  await landed;
  timing.redirectMs = Math.round(now() - tLast);
  const g = await gotoDone;
  void g;
  clearTimeout(timer);
  if (opts.printTiming) process.stderr.write(`${JSON.stringify(timing)}\n`);
  await finish(0);
}

main().catch((e) => finish(1, e?.message || String(e)));
