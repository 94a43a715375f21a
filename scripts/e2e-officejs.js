#!/usr/bin/env node
// End-to-end run of the intranet build (OFFICE_JS=local) with the real office.js, in headless
// Chromium (Debian's /usr/bin/chromium through playwright-core). Run by `npm run test:e2e` after
// scripts/e2e.js; on its own: node scripts/e2e-officejs.js (E2E_SKIP_BUILD=1 reuses its build).
//
// 1. Builds with OFFICE_JS=local into build/e2e-officejs/ (not dist/, which scripts/e2e.js serves)
//    and checks the output: office.js and the host files it loads copied verbatim from
//    @microsoft/office-js, taskpane.html naming office-js/office.js under script-src 'self' only,
//    the ES5 bootstrap copied as written.
// 2. Serves that folder on 127.0.0.1 and opens taskpane.html with the real office.js (no stub),
//    under the page's real Content-Security-Policy: Office.onReady resolves with host null, the
//    pane shows that it is outside Excel, and there is no console error, no failed request, no
//    request off the local server and no CSP violation. Every request is printed.
// 3. The bootstrap: review.html runs normally; with an IE11 user agent taskpane.html shows the
//    Chinese message and the bundle is never requested.
// Screenshots go to test/artifacts/e2e/ (officejs-*.png). Ends with a "N passed, N failed" line.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { CHROMIUM, assert, launchChromium, log, serve, steps } = require('./browser');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'e2e-officejs');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts', 'e2e');
const PACKAGE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const NARROW = { width: 320, height: 900 };
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko';
/** How long to keep watching after the pane has settled, for requests office.js makes late. */
const SETTLE_MS = 6000;

const { step, summary } = steps();

// ── Build, check the output, serve ──────────────────────────────────────────────────────────

function build() {
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(OUT, 'taskpane.html'))) return;
  log(`building (OFFICE_JS=local npm run build -- --output-path ${path.relative(ROOT, OUT)})…`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--', '--output-path', OUT], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, OFFICE_JS: 'local' },
  });
}

/** The Content-Security-Policy of a built page, as directive → sources. */
function pageCsp(html) {
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html);
  assert(meta, 'the page has no Content-Security-Policy meta tag');
  const csp = {};
  for (const part of meta[1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) csp[name] = sources;
  }
  return csp;
}

function checkOutput() {
  const html = fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
  const csp = pageCsp(html);
  assert(JSON.stringify(csp['script-src']) === JSON.stringify(["'self'"]), `script-src is ${csp['script-src']}`);
  assert(!/appsforoffice|microsoft\.com/i.test(html), 'taskpane.html still names the CDN');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
  assert(scripts[0] === 'office-js/office.js', `first script is ${scripts[0]}`);
  // office.js, verbatim; every Excel host file its version map names; the locales' strings.
  const officeJs = fs.readFileSync(path.join(OUT, 'office-js', 'office.js'));
  assert(officeJs.equals(fs.readFileSync(path.join(PACKAGE_DIST, 'office.js'))), 'office-js/office.js differs from the package');
  const map = /HostSpecificFileVersionMap=\{.*?excel:\{([^}]*)\}/.exec(officeJs.toString('utf8'));
  assert(map, "office.js's host file version map was not found");
  const wanted = [...map[1].matchAll(/(\w+):"([\d.]+)"/g)].map((m) => `excel-${m[1]}-${m[2]}.js`);
  assert(wanted.length >= 4, `only ${wanted.join(', ')} in the version map`);
  for (const rel of [...wanted, 'en-us/office_strings.js', 'zh-cn/office_strings.js', 'telemetry/oteljs_agave.js', 'ariatelemetry/aria-web-telemetry.js']) {
    const file = path.join(OUT, 'office-js', rel);
    assert(fs.existsSync(file), `office-js/${rel} is missing`);
    assert(fs.readFileSync(file).equals(fs.readFileSync(path.join(PACKAGE_DIST, rel))), `office-js/${rel} differs from the package`);
  }
  const debug = fs.readdirSync(path.join(OUT, 'office-js')).filter((f) => f.endsWith('.debug.js') || /^(word|outlook|powerpoint|onenote|project|access)-/.test(f));
  assert(debug.length === 0, `copied but never loaded: ${debug.join(', ')}`);
  // The bootstrap is copied as written, and is ES5.
  const bootstrap = /<script id="?sme-bootstrap"? src="?([^"\s>]+)/.exec(html);
  assert(bootstrap, 'taskpane.html has no bootstrap script');
  const source = fs.readFileSync(path.join(OUT, bootstrap[1]), 'utf8');
  assert(source === fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'bootstrap.js'), 'utf8'), 'the built bootstrap differs from src/taskpane/bootstrap.js');
  require('acorn').parse(source, { ecmaVersion: 5, sourceType: 'script' });
  return wanted;
}

// ── Browser ─────────────────────────────────────────────────────────────────────────────────

/** Records everything the page does that could go wrong, and every request it makes. */
async function watch(page, origin) {
  const seen = { requests: [], problems: [], console: [] };
  page.on('request', (request) => {
    const url = request.url();
    seen.requests.push(url);
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) seen.problems.push(`request off the local server: ${url}`);
  });
  page.on('requestfailed', (request) => seen.problems.push(`request failed: ${request.url()} (${request.failure() && request.failure().errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('console', (msg) => {
    const text = msg.text();
    seen.console.push(`${msg.type()}: ${text}`);
    if (msg.type() === 'error') seen.problems.push(`console error: ${text}`);
    else if (/Content[- ]Security[- ]Policy|Refused to/i.test(text)) seen.problems.push(`CSP (console): ${text}`);
  });
  page.on('pageerror', (error) => seen.problems.push(`page error: ${error.message}`));
  // Violations are reported to the document whether or not the console mentions them.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || ''}:${e.lineNumber || ''}`);
    });
  });
  return seen;
}

async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

async function shot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

function printRequests(title, requests, origin) {
  const counts = new Map();
  for (const url of requests) {
    const shown = url.startsWith(origin) ? url.slice(origin.length) : url;
    counts.set(shown, (counts.get(shown) || 0) + 1);
  }
  log(`    ${title}: ${requests.length} requests`);
  for (const [url, n] of counts) log(`      ${n > 1 ? `${n}× ` : ''}${url}`);
}

async function realOfficeJs(browser, origin) {
  const page = await browser.newPage();
  const seen = await watch(page, origin);
  let ready;
  await step('taskpane.html with the real office.js: Office.onReady resolves with host null outside Office', async () => {
    const response = await page.goto(`${origin}/taskpane.html`);
    assert(response && response.status() === 200, `taskpane.html answered ${response && response.status()}`);
    ready = await page.evaluate(() =>
      Promise.race([
        Office.onReady().then((info) => ({ host: info.host, platform: info.platform })),
        new Promise((resolve) => setTimeout(() => resolve('timeout'), 10000)),
      ]),
    );
    assert(ready !== 'timeout', 'Office.onReady did not resolve within 10 s');
    assert(ready.host === null, `Office.onReady gave host ${ready.host}`);
    log(`    Office.onReady → ${JSON.stringify(ready)}`);
  });
  await step('taskpane.html (real office.js): the bootstrap loaded the bundle and the pane says it is outside Excel', async () => {
    await page.getByText('当前未在 Excel 中运行').waitFor({ timeout: 15000 });
    await page.getByText('此页面没有在 Excel 中打开').waitFor();
    assert(await page.getByRole('button', { name: '开始审核' }).isDisabled(), '开始审核 should be disabled');
    const state = await page.evaluate(() => ({
      unsupported: document.documentElement.getAttribute('data-unsupported'),
      message: Boolean(document.getElementById('sme-unsupported')),
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    }));
    assert(state.unsupported === null && !state.message, 'the bootstrap showed its unsupported message in Chromium');
    assert(state.scripts.some((s) => /^taskpane\.[0-9a-f]+\.js$/.test(s || '')), `the bundle was not added: ${state.scripts.join(', ')}`);
    await page.waitForTimeout(SETTLE_MS);
    // Outside Office, office.js took its Office 2013 path (o15apptofilemappingtable.js), whose logger
    // would frame telemetryservice.firstpartyapps.oaspapps.com after 3 s; the bootstrap stopped it.
    const logger = await page.evaluate(() => {
      const endpoint = window.OSF && window.OSF.Logger && window.OSF.Logger.ulsEndpoint;
      return { endpoint: Boolean(endpoint), frame: endpoint ? endpoint.proxyFrame !== null : null, iframes: document.querySelectorAll('iframe').length };
    });
    log(`    office.js's Office 2013 logger: ${JSON.stringify(logger)}`);
    assert(logger.iframes === 0 && !logger.frame, `office.js added a frame: ${JSON.stringify(logger)}`);
    await shot(page, 'officejs-local-taskpane-outside');
  });
  await step('taskpane.html (real office.js): no console error, failed request, request off the local server or CSP violation', async () => {
    const violations = await cspViolations(page);
    printRequests('requests made by taskpane.html with the real office.js', seen.requests, origin);
    if (seen.console.length) log(`    console:\n${seen.console.map((l) => `      ${l}`).join('\n')}`);
    const problems = [...seen.problems, ...violations.map((v) => `CSP violation: ${v}`)];
    assert(problems.length === 0, problems.join('\n'));
    assert(seen.requests.some((u) => u === `${origin}/office-js/office.js`), 'office.js was not requested from the local server');
  });
  await page.close();
}

async function bootstrapChecks(browser, origin) {
  await step('review.html: the bootstrap lets the page run (heading, no message, no problem)', async () => {
    const page = await browser.newPage();
    const seen = await watch(page, origin);
    await page.goto(`${origin}/review.html`);
    await page.getByRole('heading', { name: '示范平台审核助手（独立页面）' }).waitFor();
    assert(!(await page.evaluate(() => document.getElementById('sme-unsupported'))), 'unsupported message shown');
    const problems = [...seen.problems, ...(await cspViolations(page)).map((v) => `CSP violation: ${v}`)];
    assert(problems.length === 0, problems.join('\n'));
    await page.close();
  });
  await step('taskpane.html with an IE11 (Trident) user agent: the Chinese message, and the bundle is never requested', async () => {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setUserAgentOverride', { userAgent: IE11 });
    const seen = await watch(page, origin);
    await page.goto(`${origin}/taskpane.html`);
    const message = page.locator('#sme-unsupported');
    await message.waitFor();
    const text = (await message.textContent()) || '';
    for (const part of ['示范平台审核助手无法在此版本的 Office 中运行', 'Internet Explorer 11（Trident）', 'Microsoft 365 或 Office 2021 及以上', 'Excel 网页版', `${origin}/review.html`]) {
      assert(text.includes(part), `the message lacks ${part}: ${text}`);
    }
    await page.waitForTimeout(1000);
    assert(!seen.requests.some((u) => /\/taskpane\.[0-9a-f]+\.js$/.test(u)), 'the bundle was requested');
    printRequests('requests made by taskpane.html as IE11', seen.requests, origin);
    const off = seen.problems.filter((p) => /off the local server|CSP/.test(p));
    assert(off.length === 0, off.join('\n'));
    await page.setViewportSize(NARROW);
    await shot(page, 'officejs-local-taskpane-ie11');
    await page.close();
  });
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    log(`Chromium not found at ${CHROMIUM}: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
    log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  build();
  await step('OFFICE_JS=local build: office.js and its Excel host files copied verbatim, script-src \'self\' only, ES5 bootstrap', async () => {
    const hostFiles = checkOutput();
    log(`    host files named by office.js's version map: ${hostFiles.join(', ')}`);
  });
  const server = await serve(OUT);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { browser, close } = await launchChromium('e2e-officejs-', { viewport: NARROW });
  try {
    log(`e2e (OFFICE_JS=local): ${origin}, Chromium ${browser.browser() ? browser.browser().version() : ''}`);
    await realOfficeJs(browser, origin);
    await bootstrapChecks(browser, origin);
  } finally {
    await close();
    server.close();
  }
  log(`screenshots: ${path.relative(ROOT, ARTIFACTS)}/officejs-*.png`);
  process.exitCode = summary() ? 1 : 0;
}

main().catch((error) => {
  log(String(error && error.stack ? error.stack : error));
  log('0 passed, 1 failed');
  process.exitCode = 1;
});
