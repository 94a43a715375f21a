// What the browser checks share (scripts/e2e.js, scripts/e2e-officejs.js, scripts/check-pages.js):
// Debian's Chromium driven by playwright-core with the flags this machine needs, a static server
// over a build folder on 127.0.0.1, and the named steps the e2e scripts count.
'use strict';

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server over `dir` on 127.0.0.1, a free port; nothing outside `dir` is served. */
function serve(dir) {
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(dir, path.normalize(rel).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Headless Chromium in a fresh user-data directory (a persistent context is how Playwright takes
 * one of our choosing), with the flags it needs here; `options` adds Playwright's own. `close`
 * ends the browser and removes the directory.
 */
async function launchChromium(prefix, options = {}) {
  const { chromium } = require('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await browser.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { browser, close };
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

/**
 * Named steps: each runs, and passes or fails with the start of its stack; `summary()` prints the
 * count and returns how many failed. `onPass(name, ms)` is told each passing step's time.
 */
function steps(onPass = () => undefined) {
  const results = [];
  async function step(name, fn) {
    const t0 = Date.now();
    try {
      await fn();
      const ms = Date.now() - t0;
      onPass(name, ms);
      results.push({ name, ok: true });
      log(`  ✓ ${name} (${ms} ms)`);
    } catch (error) {
      results.push({ name, ok: false });
      log(`  ✗ ${name}\n    ${String(error && error.stack ? error.stack : error).split('\n').slice(0, 6).join('\n    ')}`);
    }
  }
  function summary() {
    const failed = results.filter((r) => !r.ok).length;
    log(`\n${results.length - failed} passed, ${failed} failed`);
    return failed;
  }
  return { step, summary };
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

module.exports = { CHROMIUM, serve, launchChromium, log, steps, assert };
