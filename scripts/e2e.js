#!/usr/bin/env node
// End-to-end run in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
//   npm run test:e2e            builds (npm run build), serves dist/ on 127.0.0.1, runs both pages
//   E2E_SKIP_BUILD=1 npm run test:e2e   uses the dist/ already built
//
// 1. review.html (no Excel): 载入示例 → 开始审核 → verdict → 下载审核工作簿; the download is opened
//    with ExcelJS and its sheets checked.
// 2. taskpane.html with office.js routed to test/e2e/fakeOffice.ts (an in-memory Excel with the
//    rules of the Jest fake): 导入平台材料 → 开始审核 → 写入审核表 → the review sheets are in the
//    workbook; a finding selects its cell; 清除标记; the error and outside-Excel states.
// Every request the pages make is recorded; any beyond the local server fails the run (the
// office.js script tag aside, which is answered locally). Screenshots of every state go to
// test/artifacts/e2e/ (320 px and 1280 px wide, light and dark): <state>-320.png, <state>-1280.png.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { CHROMIUM, assert, launchChromium, log, serve, steps } = require('./browser');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts', 'e2e');
const SAMPLE_DIR = path.join(ROOT, 'samples', '星河中小企业公共服务平台');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const REVIEW_SHEETS = ['评分表', '评分细则', '问题清单', '抽查样本'];
const NARROW = { width: 320, height: 900 };
const WIDE = { width: 1280, height: 900 };

const timings = [];
const { step, summary } = steps((name, ms) => timings.push([name, ms]));

// ── Build and serve ─────────────────────────────────────────────────────────────────────────

function build() {
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(DIST, 'review.html'))) return;
  log('building (npm run build)…');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

async function bundleFakeOffice() {
  const esbuild = require('esbuild');
  const out = await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'e2e', 'fakeOffice.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    write: false,
    minify: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}

// ── Browser helpers ─────────────────────────────────────────────────────────────────────────

/** Records requests; anything not on the local origin (or the routed office.js) is a leak. */
function watch(page, origin, problems) {
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) || url === OFFICE_JS || url.startsWith('data:') || url.startsWith('blob:')) return;
    problems.push(`request beyond the local server: ${url}`);
  });
  // A missing file (the favicon was one) shows in the console as a failed resource: none may fail.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
    // (office.js made unreachable on purpose fails without a status, and is not a missing file.)
    else if (/Failed to load resource: the server responded/i.test(text)) problems.push(`console: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/**
 * Full-page screenshots at 320 px (the task pane; the page must fit without scrolling sideways)
 * and at 1280 px (a browser window), then back to 320 px.
 */
async function shot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize(NARROW);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-320.png`), fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= NARROW.width, `${name}: the page is ${width} px wide at ${NARROW.width} px (something overflows)`);
  await page.setViewportSize(WIDE);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize(NARROW);
}

/** At 350 px the drop zone's 清空 stays in the row of 选择文件 and 载入示例. */
async function clearStaysInRow(page) {
  await page.setViewportSize({ width: 350, height: 900 });
  const boxes = await Promise.all(['选择文件', '载入示例', '清空'].map((name) => page.getByRole('button', { name, exact: true }).boundingBox()));
  await page.setViewportSize(NARROW);
  const tops = boxes.map((b) => Math.round(b.y));
  assert(tops.every((t) => t === tops[0]), `at 350 px the buttons' tops are ${tops.join(', ')}: 清空 is not in their row`);
}

/** 划型测算 with invalid figures: each gets its message. */
async function sizeClassInvalid(page, name) {
  await chooseOption(page, '所属行业', '建筑业');
  await page.getByRole('textbox', { name: /从业人员/ }).fill('abc');
  await page.getByRole('textbox', { name: /营业收入/ }).fill('-5');
  await page.getByText('请输入数字，例如 300 或 1,200.5').waitFor();
  await page.getByText('不能为负数').waitFor();
  await page.getByText('本行业按营业收入和资产总额划型。').waitFor();
  await page.getByRole('textbox', { name: /营业收入/ }).scrollIntoViewIfNeeded();
  await shot(page, name);
}

async function chooseOption(page, comboboxName, option) {
  await page.getByRole('combobox', { name: comboboxName }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function sampleFiles() {
  return fs
    .readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(SAMPLE_DIR, f));
}

// ── Runs ────────────────────────────────────────────────────────────────────────────────────

async function standalone(browser, origin) {
  const problems = [];
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    watch(page, origin, problems);
    const tag = `standalone-${scheme}`;
    await step(`${tag}: page opens without Excel`, async () => {
      await page.goto(`${origin}/review.html`);
      await page.getByRole('heading', { name: '示范平台审核助手（独立页面）' }).waitFor();
      await shot(page, `${tag}-1-idle`);
    });
    await step(`${tag}: 载入示例 → 开始审核 → verdict`, async () => {
      await page.getByRole('button', { name: '载入示例' }).click();
      await page.getByText(/已选择 \d+ 个文件/).first().waitFor();
      await clearStaysInRow(page);
      await shot(page, `${tag}-2-sample-loaded`);
      const t0 = Date.now();
      await page.getByRole('button', { name: '开始审核' }).click();
      const verdict = page.getByTestId('verdict');
      await verdict.waitFor({ timeout: 60_000 });
      timings.push([`${tag}: review of the sample (click → verdict)`, Date.now() - t0]);
      const text = (await verdict.textContent()) || '';
      assert(['合格', '不合格', '待定'].includes(text), `verdict is ${text}`);
      await page.getByRole('button', { name: /文件无法读取（1）/ }).waitFor();
      await page.getByText(/需人工核定/).first().waitFor();
      await shot(page, `${tag}-3-result`);
    });
    if (scheme === 'light') {
      await step(`${tag}: 下载审核工作簿 → ExcelJS reads the review sheets and the copied sheets`, async () => {
        const t0 = Date.now();
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: '下载审核工作簿' }).click()]);
        timings.push([`${tag}: download of the review workbook`, Date.now() - t0]);
        assert(download.suggestedFilename() === '星河中小企业公共服务平台-审核.xlsx', `file name ${download.suggestedFilename()}`);
        const saved = path.join(ARTIFACTS, download.suggestedFilename());
        await download.saveAs(saved);
        const ExcelJS = require('exceljs');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(saved);
        const names = wb.worksheets.map((ws) => ws.name);
        assert(JSON.stringify(names.slice(0, 4)) === JSON.stringify(REVIEW_SHEETS), `sheets ${names.join(', ')}`);
        assert(names.length > 8, `only ${names.length} sheets: the submission's sheets were not copied`);
        const title = String(wb.getWorksheet('评分表').getCell('B1').value);
        assert(title.includes('星河中小企业公共服务平台'), `评分表 B1 is ${title}`);
        const findings = wb.getWorksheet('问题清单');
        assert(findings.rowCount > 10, `问题清单 has ${findings.rowCount} rows`);
        await page.getByText(/已生成并下载/).waitFor();
        await shot(page, `${tag}-4-downloaded`);
      });
    }
    await step(`${tag}: 划型测算 with invalid input`, async () => {
      await sizeClassInvalid(page, `${tag}-5-size-class-invalid`);
    });
    await page.close();
  }
  await step('standalone by keyboard only: Tab to 载入示例, Enter, Tab to 开始审核, Enter', async () => {
    const page = await browser.newPage();
    watch(page, origin, problems);
    await page.goto(`${origin}/review.html`);
    await page.getByRole('heading', { name: '示范平台审核助手（独立页面）' }).waitFor();
    const tabTo = async (name) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => (document.activeElement && document.activeElement.textContent) || '');
        if (focused.trim() === name) return;
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabTo('载入示例');
    await page.keyboard.press('Enter');
    await page.getByText(/已选择 \d+ 个文件/).first().waitFor();
    await tabTo('开始审核');
    await page.keyboard.press('Enter');
    await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
    await page.close();
  });
  await step('standalone: the benchmark submission (20,000 firms, 40,000 orders) is read and reviewed in the worker; the page never freezes 200 ms', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-bench-'));
    try {
      require('tsx/cjs/api').register();
      const { writeBenchSubmission } = require('./submission.ts');
      await writeBenchSubmission(dir, { enterprises: 20000, orders: 40000, seed: 2024 });
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, f));
      const page = await browser.newPage();
      watch(page, origin, problems);
      await page.goto(`${origin}/review.html`);
      await page.getByRole('heading', { name: '示范平台审核助手（独立页面）' }).waitFor();
      await page.getByTestId('file-input').setInputFiles(files);
      await page.getByText(`已选择 ${files.length} 个文件`).first().waitFor();
      await chooseOption(page, '服务类别', '技术创新');
      // Long tasks: anything that kept the page's thread busy for 50 ms or more.
      await page.evaluate(() => {
        window.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: 'longtask' });
      });
      // The observer can see a freeze: a 250 ms busy task must show up before the real measurement.
      await page.evaluate(() => new Promise((resolve) => setTimeout(() => {
        const t = performance.now();
        while (performance.now() - t < 250);
        setTimeout(resolve, 100);
      }, 0)));
      const seen = await page.evaluate(() => window.__longest);
      assert(seen >= 200, `the long-task observer saw ${seen} ms for a 250 ms freeze: it cannot measure`);
      await page.evaluate(() => {
        window.__longest = 0;
      });
      const t0 = Date.now();
      await page.getByRole('button', { name: '开始审核' }).click();
      await page.getByTestId('verdict').waitFor({ timeout: 120_000 });
      const ms = Date.now() - t0;
      timings.push(['standalone: benchmark submission, 开始审核 → verdict (Chromium, worker)', ms]);
      await page.getByText(/20000/).first().waitFor();
      const longest = await page.evaluate(() => window.__longest);
      timings.push(['standalone: longest task on the page thread during that review', Math.round(longest)]);
      log(`    benchmark review in Chromium: ${(ms / 1000).toFixed(2)} s; longest page task ${Math.round(longest)} ms`);
      assert(longest < 200, `the page's thread was busy for ${Math.round(longest)} ms at once`);
      await page.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  await step('standalone: no request beyond the local server, no CSP violation', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
}

async function taskpane(browser, origin, fakeOffice) {
  const problems = [];
  const open = async (query, { office = true, scheme = 'light' } = {}) => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const context = page;
    watch(page, origin, problems);
    await page.route(OFFICE_JS, (route) =>
      office ? route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice }) : route.abort('internetdisconnected'),
    );
    await page.goto(`${origin}/taskpane.html${query}`);
    return { context, page };
  };

  for (const scheme of ['light', 'dark']) {
    await step(`taskpane outside Excel (${scheme}): notice and link to the standalone page`, async () => {
      const { context, page } = await open('', { office: false, scheme });
      await page.getByText('当前未在 Excel 中运行').waitFor();
      assert(await page.getByRole('button', { name: '开始审核' }).isDisabled(), '开始审核 should be disabled');
      assert((await page.getByRole('link', { name: '独立审核页面（review.html）' }).getAttribute('href')) === 'review.html', 'no link to review.html');
      await page.getByText(/勾选“显示在菜单中”/).waitFor();
      await shot(page, `taskpane-${scheme}-0-outside`);
      await context.close();
    });
  }

  for (const theme of ['light', 'dark']) {
    await step(`taskpane ${theme}: a late Office.onReady (after the 3 s timeout) says 正在连接 Excel…, then switches to Excel`, async () => {
      const { context, page } = await open(`?theme=${theme}&ready=4500`, { scheme: theme });
      await page.getByText('正在连接 Excel…').waitFor();
      await shot(page, `taskpane-${theme}-0-connecting`);
      await page.getByText('当前未在 Excel 中运行').waitFor({ timeout: 4000 });
      assert(await page.getByText('正在连接 Excel…').isVisible(), 'the connecting line went away after the timeout');
      await shot(page, `taskpane-${theme}-0-connecting-after-timeout`);
      await page.getByText('当前 Excel 支持 ExcelApi 1.13。').waitFor({ timeout: 10_000 });
      assert((await page.getByText('当前未在 Excel 中运行').count()) === 0, 'still says outside Excel after onReady');
      await context.close();
    });
  }

  for (const theme of ['light', 'dark']) {
    const tag = `taskpane-${theme}`;
    const { context, page } = await open(`?theme=${theme}&delay=400`);
    await step(`${tag}: detects Excel (fake office.js) and shows the idle pane`, async () => {
      await page.getByText('当前 Excel 支持 ExcelApi 1.13。').waitFor();
      await shot(page, `${tag}-1-idle`);
    });
    await step(`${tag}: 导入平台材料 inserts the sample's sheets, naming the broken file`, async () => {
      await page.getByTestId('file-input').setInputFiles(await sampleFiles());
      await page.getByText(/已导入 \d+ 个文件的 \d+ 张工作表/).waitFor({ timeout: 60_000 });
      await page.getByText(/「损坏的附件\.xlsx」/).waitFor();
      const names = await page.evaluate(() => window.__fakeExcel.sheets.map((s) => s.name));
      assert(names[0] === 'Sheet1' && names.length > 8, `sheets after import: ${names.join(', ')}`);
      await shot(page, `${tag}-2-imported`);
    });
    await step(`${tag}: 开始审核 with progress, then the result`, async () => {
      await chooseOption(page, /服务类别/, '技术创新');
      const t0 = Date.now();
      await page.getByRole('button', { name: '开始审核' }).click();
      await page.getByText('读取：正在读取表格…').waitFor();
      await shot(page, `${tag}-3-reviewing`);
      await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
      timings.push([`${tag}: review in the pane (click → verdict, with 400 ms fake latency per Excel.run)`, Date.now() - t0]);
      const verdict = await page.getByTestId('verdict').textContent();
      assert(verdict === '待定', `the sample's verdict is ${verdict}, expected 待定`);
      const reason = await page.getByTestId('verdict-reason').textContent();
      assert(/^T1、T2、T3、T6、T7、T10 待核；\d+ 项指标需人工核定$/.test(reason), `verdict reason: ${reason}`);
      assert(/^系统可计算部分 [\d.]+ \/ [\d.]+$/.test(await page.getByTestId('score').textContent()), 'the score is not the computable part');
      await shot(page, `${tag}-4-result`);
    });
    await step(`${tag}: findings filtered by table and severity`, async () => {
      const findings = page.getByRole('region', { name: '问题清单' });
      await chooseOption(page, '附表', /^附表4-2-1-2/);
      await chooseOption(page, '严重程度', '警告');
      const count = await page.getByTestId('findings-count').textContent();
      assert(/^共 \d+ 条：错误 0、警告 [1-9]\d*、提示 0（全部 \d+ 条）$/.test(count), `count after filtering: ${count}`);
      const headers = findings.getByRole('button', { name: /（\d+）$/ });
      for (let i = 0; i < (await headers.count()); i++) assert((await headers.nth(i).getAttribute('aria-expanded')) === 'true', 'a filtered group is collapsed');
      await findings.scrollIntoViewIfNeeded();
      await shot(page, `${tag}-4b-filtered`);
      await chooseOption(page, '附表', '全部');
      await chooseOption(page, '严重程度', '全部');
    });
    await step(`${tag}: 写入审核表 writes the four review sheets and highlights rows`, async () => {
      const t0 = Date.now();
      await page.getByRole('button', { name: '写入审核表' }).click();
      await page.getByText(/已写入评分表、评分细则、问题清单和抽查样本/).waitFor({ timeout: 60_000 });
      timings.push([`${tag}: write (click → message)`, Date.now() - t0]);
      const state = await page.evaluate(() => {
        const excel = window.__fakeExcel;
        // Highlights are conditional formats (they move with the rows and leave the cells' fills alone).
        const filled = excel.sheets.flatMap((s) => s.conditionalFormats.filter((f) => f.type === 'Custom' && f.custom.format.fill.color === '#FFC7CE')).length;
        const fills = excel.sheets.flatMap((s) => s.rows.flatMap((r) => (r || []).filter((c) => c && c.fill === '#FFC7CE'))).length;
        const scoring = excel.sheet('评分表');
        return { names: excel.sheets.map((s) => s.name), syncs: excel.syncs, filled, fills, title: scoring && scoring.rows[0] && scoring.rows[0][1] && scoring.rows[0][1].value, hidden: excel.sheets.filter((s) => s.visibility === 'VeryHidden').map((s) => s.name) };
      });
      assert(JSON.stringify(state.names.slice(0, 4)) === JSON.stringify(REVIEW_SHEETS), `sheets ${state.names.join(', ')}`);
      assert(String(state.title).includes('年度绩效评价评分表'), `评分表 title ${state.title}`);
      assert(state.filled > 0, 'no row highlighted');
      assert(state.fills === 0, `${state.fills} cells had their fill changed`);
      assert(state.hidden.includes('审核助手记录'), 'no record sheet');
      await shot(page, `${tag}-5-written`);
    });
    await step(`${tag}: clicking a finding selects its cell; 清除标记 removes the highlights`, async () => {
      const group = page.getByRole('button', { name: /^服务企业重复（\d+）$/ });
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      const finding = page.getByTitle('定位到单元格').first();
      await finding.click();
      await page.waitForFunction(() => window.__fakeExcel.selection !== null);
      await page.getByRole('button', { name: '清除标记' }).click();
      await page.getByText(/已清除 \d+ 处标记/).waitFor();
      const left = await page.evaluate(() => window.__fakeExcel.sheets.flatMap((s) => s.conditionalFormats.filter((f) => f.type === 'Custom')).length);
      assert(left === 0, `${left} highlights left`);
      await shot(page, `${tag}-6-cleared`);
    });
    await step(`${tag}: 划型测算 with invalid input`, async () => {
      await sizeClassInvalid(page, `${tag}-8-size-class-invalid`);
    });
    await context.close();
  }

  await step('taskpane on ExcelApi 1.12: import writes the values itself, then review and write', async () => {
    const { context, page } = await open('?api=1.12');
    await page.getByText('当前 Excel 支持 ExcelApi 1.12。').waitFor();
    await page.getByTestId('file-input').setInputFiles(await sampleFiles());
    await page.getByText(/已导入 \d+ 个文件的 \d+ 张工作表/).waitFor({ timeout: 60_000 });
    await page.getByText(/^「附表4-2-1-2_2024年度服务企业名单\.xlsx」只复制了数值/).waitFor();
    await shot(page, 'taskpane-light-2b-imported-values-only');
    await chooseOption(page, /服务类别/, '技术创新');
    await page.getByRole('button', { name: '开始审核' }).click();
    await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '写入审核表' }).click();
    await page.getByText(/已写入评分表/).waitFor({ timeout: 60_000 });
    const names = await page.evaluate(() => window.__fakeExcel.sheets.map((s) => s.name));
    assert(JSON.stringify(names.slice(0, 4)) === JSON.stringify(REVIEW_SHEETS), `sheets ${names.join(', ')}`);
    assert(names.some((n) => /4-2-1-2/.test(n)), `clashing 名单 sheets should be named by their table: ${names.join(', ')}`);
    await context.close();
  });
  for (const theme of ['light', 'dark']) {
    await step(`taskpane error (${theme}): a failing Excel shows a message bar saying what to do, in Chinese`, async () => {
      const { context, page } = await open(`?fail=1&theme=${theme}`);
      await page.getByText('当前 Excel 支持 ExcelApi 1.13。').waitFor();
      await chooseOption(page, /服务类别/, '综合咨询');
      await page.getByRole('button', { name: '开始审核' }).click();
      const alert = page.getByRole('alert');
      await alert.getByText(/请确认工作簿未处于单元格编辑状态/).waitFor();
      const text = await alert.textContent();
      assert(!/cell-edit|This operation|InvalidOperation/.test(text), `English in the error: ${text}`);
      await shot(page, `taskpane-${theme}-7-error`);
      await context.close();
    });
  }

  await step('taskpane: no request beyond the local server (office.js tag aside), no CSP violation', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
}

async function main() {
  const t0 = Date.now();
  if (!fs.existsSync(CHROMIUM)) {
    log(`Chromium not found at ${CHROMIUM}: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
    process.exit(2);
  }
  build();
  const fakeOffice = await bundleFakeOffice();
  const server = await serve(DIST);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { browser, close } = await launchChromium('e2e-chromium-', { acceptDownloads: true, viewport: NARROW });
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  try {
    log(`e2e: ${origin}, Chromium ${browser.browser()?.version() ?? ''}`);
    await standalone(browser, origin);
    await taskpane(browser, origin, fakeOffice);
  } finally {
    await close();
    server.close();
  }
  log('\ntimings:');
  for (const [name, ms] of timings) log(`  ${String(ms).padStart(6)} ms  ${name}`);
  log(`  ${String(Date.now() - t0).padStart(6)} ms  whole run`);
  log(`screenshots: ${path.relative(ROOT, ARTIFACTS)}/`);
  process.exitCode = summary() ? 1 : 0;
}

main().catch((error) => {
  log(String(error && error.stack ? error.stack : error));
  log('0 passed, 1 failed');
  process.exitCode = 1;
});
