#!/usr/bin/env node
// Opens the add-in's pages on a running server (by default `npm start`'s https://localhost:3000) in
// headless Chromium and fails when any request answers 400 or more, or the console reports a
// resource that failed to load. It is how .ci/run shows that `npm start` serves a clean page.
//
// Usage: node scripts/check-pages.js [origin]
//   Prints one line per page and "N passed, N failed"; exit code 1 when a page failed.
'use strict';

const fs = require('fs');

const ORIGIN = (process.argv[2] || 'https://localhost:3000').replace(/\/$/, '');
const { CHROMIUM, launchChromium } = require('./browser');
// Outside Excel, taskpane.html still asks Microsoft's CDN for office.js; this machine has no route
// there, so it is answered here with a script that leaves Office undefined (as a plain browser has).
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PAGES = [
  { path: '/taskpane.html', ready: /未在 Excel 中运行|示范平台审核助手/ },
  { path: '/review.html', ready: /示范平台审核助手（独立页面）/ },
];

async function checkPage(browser, page, { path: pagePath, ready }) {
  const problems = [];
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(`${ORIGIN}${pagePath}`, { waitUntil: 'load' });
  if (!response || response.status() !== 200) problems.push(`${pagePath} answered ${response ? response.status() : 'nothing'}`);
  await page.getByText(ready).first().waitFor({ timeout: 30_000 }).catch(() => problems.push(`${pagePath}: the page did not render`));
  // The favicon request is made after load; give it time to be answered.
  await page.waitForTimeout(1000);
  const favicon = await page.request.get(`${ORIGIN}/favicon.ico`);
  if (favicon.status() !== 200) problems.push(`/favicon.ico answered ${favicon.status()}`);
  return problems;
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  // webpack-dev-server's own self-signed certificate.
  const { browser, close } = await launchChromium('check-pages-', { ignoreHTTPSErrors: true });
  await browser.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* no Office here */' }));
  let passed = 0;
  let failed = 0;
  try {
    for (const spec of PAGES) {
      const page = await browser.newPage();
      const problems = await checkPage(browser, page, spec);
      await page.close();
      if (problems.length === 0) {
        passed++;
        console.log(`  ✓ ${ORIGIN}${spec.path}: 200, rendered, no failed request, no console error`);
      } else {
        failed++;
        console.log(`  ✗ ${ORIGIN}${spec.path}\n    ${problems.join('\n    ')}`);
      }
    }
  } finally {
    await close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.log(String(error && error.message ? error.message : error));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
