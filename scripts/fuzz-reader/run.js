#!/usr/bin/env node
// `npm run fuzz`: the reader's fuzzer. Reads mutated and hand-made files through the project's one
// file reader, readWorkbook (src/workbook/file/reader/), bundled first by esbuild as `npm run bench`
// bundles it (scripts/build-reader.js, into build/fuzz/reader.js), from the sources as they are now.
// Each batch of cases runs in a child process with a 1 GB heap
// (worker.js) under a hang timer; every outcome is judged (classify.js): grids, or a
// WorkbookReadError whose message is 「无法读取「name」：」 and a Chinese reason. Anything else is a
// finding: another exception, English or JavaScript-internal words in the reason, grids that break
// the SheetGrid contract, a crash or out-of-memory, a hang, a read slower than 5 s, a memory blow-up,
// or a hand-made case (crafted.js) whose outcome is not the one it expects.
//
//   npm run fuzz                                  the default mix, a few minutes
//   npm run fuzz -- --kinds xml:500,crafted --seed 7 --hang-ms 30000
//   npm run fuzz -- --replay build/fuzz/found/1-xml-12.xlsx
//
// Results go to build/fuzz/ (git ignores build/): results.jsonl, one line a case, and found/, the
// inputs of findings (a few of each kind of finding), named <seed>-<kind>-<index>. Exit 0 when
// nothing was found, 1 on a finding (or when the harness itself failed), 2 on bad arguments.
'use strict';

const { execFileSync, spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { setInterval, clearInterval } = require('timers');
const { buildReader } = require('../build-reader');
const { LABELS } = require('./classify');
const { ROOT } = require('./seeds');

const BUILD = path.join(ROOT, 'build', 'fuzz');
const READER = path.join(BUILD, 'reader.js');
const KINDS = ['byte', 'xml', 'csv', 'legacy', 'crafted'];
const DEFAULTS = { kinds: 'byte:2000,xml:4000,csv:500,legacy:1500,crafted', seed: '1', hangMs: 20000, out: BUILD };
/** A read slower than this, or growing the resident set or the retained heap past these, is a finding. */
const LIMITS = { slowMs: 5000, rssMB: 300, retainedMB: 200 };
const CHILD_FLAGS = ['--max-old-space-size=1024', '--expose-gc'];
const BATCH = 250;
const OUTCOMES = ['read', 'refused', 'error', 'crash', 'hang'];
const OOM = /heap out of memory|Allocation failed|Reached heap limit/;
/** Inputs saved per kind of finding (the same signature), so that one bug does not fill the disk. */
const SAVED_PER_SIGNATURE = 3;

const USAGE = `用法：npm run fuzz -- [选项]
  --kinds 种类[:数量],…   要跑的用例（默认 ${DEFAULTS.kinds}）；种类为 byte、xml、csv、legacy（随机变异，须给数量）和 crafted（全部构造用例）
  --seed 种子            随机变异的种子（默认 ${DEFAULTS.seed}）；同一种子、同一序号总是生成同一文件
  --hang-ms 毫秒         单个用例超过这么久即判为卡死（默认 ${DEFAULTS.hangMs}）
  --out 文件夹           结果和发现的输入写到哪里（默认 build/fuzz/）
  --replay 文件          在子进程中读取这一个文件，打印结果、用时和峰值内存
退出码：0 没有发现，1 有发现（或测试工具本身出错），2 参数有误`;

class UsageError extends Error {}

function parseKinds(text) {
  return text.split(',').map((part) => {
    const [kind, count, ...rest] = part.trim().split(':');
    if (!KINDS.includes(kind)) throw new UsageError(`不认识的用例种类「${kind}」（可用：${KINDS.join('、')}）`);
    if (kind === 'crafted') {
      if (count !== undefined || rest.length) throw new UsageError('crafted 总是跑全部构造用例，不带数量');
      return { kind, count: require('./crafted').CASES.length };
    }
    if (rest.length || !/^[1-9]\d*$/.test(count ?? '')) throw new UsageError(`「${part}」应写成 ${kind}:数量（正整数）`);
    return { kind, count: Number(count) };
  });
}

function parseArgs(argv) {
  const opts = { ...DEFAULTS };
  const names = { '--kinds': 'kinds', '--seed': 'seed', '--hang-ms': 'hangMs', '--out': 'out', '--replay': 'replay' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    if (flag === '--help' || flag === '-h') return { help: true };
    const key = names[flag];
    if (!key) throw new UsageError(`不认识的选项 ${flag}（可用：${Object.keys(names).join('、')}、--help）`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`选项 ${flag} 缺少值`);
    opts[key] = value;
  }
  opts.hangMs = Number(opts.hangMs);
  if (!Number.isInteger(opts.hangMs) || opts.hangMs < 100) throw new UsageError('--hang-ms 应为不小于 100 的整数（毫秒）');
  opts.plan = parseKinds(opts.kinds);
  opts.out = path.resolve(opts.out);
  if (opts.replay !== undefined && !(fs.existsSync(opts.replay) && fs.statSync(opts.replay).isFile())) throw new UsageError(`找不到要重放的文件「${opts.replay}」`);
  return opts;
}

const shown = (p) => (p.startsWith(ROOT + path.sep) ? path.relative(ROOT, p) : p);
const num = (n) => n.toLocaleString('en-US');
const seconds = (ms) => (ms < 60000 ? `${(ms / 1000).toFixed(1)} 秒` : `${Math.floor(ms / 60000)} 分 ${Math.round((ms % 60000) / 1000)} 秒`);

/** The input of case i, made again (in a child of its own, see worker.js), written to found/; its path. */
function saveInput(opts, kind, i) {
  const dir = path.join(opts.out, 'found');
  fs.mkdirSync(dir, { recursive: true });
  const stem = kind === 'crafted' ? `crafted-${i}` : `${opts.seed.replace(/[^\w.-]/g, '_')}-${kind}-${i}`;
  const r = spawnSync(process.execPath, [path.join(__dirname, 'worker.js'), 'save', kind, String(i), opts.seed, path.join(dir, stem)], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Runs cases [start, end) of one kind in one child; resolves with the next index to run (after the
 * case that was running if the child died or hung, that case logged as the finding).
 */
function runBatch(opts, kind, start, end, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CHILD_FLAGS, path.join(__dirname, 'worker.js'), 'cases', READER, JSON.stringify({ seed: opts.seed, ...LIMITS }), kind, String(start), String(end)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let current = null;
    let limit = opts.hangMs;
    let startedAt = 0;
    let hung = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    const timer = setInterval(() => {
      if (current !== null && Date.now() - startedAt > limit) {
        hung = true;
        child.kill('SIGKILL');
      }
    }, 100);
    child.stdout.on('data', (data) => {
      buffered += data;
      for (let k; (k = buffered.indexOf('\n')) >= 0; ) {
        const line = buffered.slice(0, k);
        buffered = buffered.slice(k + 1);
        if (line.startsWith('S ')) {
          current = JSON.parse(line.slice(2));
          limit = Math.max(opts.hangMs, current.budgetMs);
          startedAt = Date.now();
        } else if (line.startsWith('R ')) {
          current = null;
          log(JSON.parse(line.slice(2)));
        }
      }
    });
    child.stderr.on('data', (data) => (stderr = (stderr + data).slice(-4000)));
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (current === null) {
        if (code === 0) resolve(end);
        else reject(new Error(`子进程在用例之外退出（${code ?? signal}）：${stderr.trim().split('\n').slice(-3).join(' ')}`));
        return;
      }
      const { budgetMs: _budget, ...about } = current;
      const finding = hung ? 'hang' : OOM.test(stderr) ? 'oom' : 'crash';
      const why = hung ? `超过 ${limit} ms 未结束，已终止` : finding === 'oom' ? '子进程内存耗尽' : `子进程退出（${code ?? signal}）`;
      log({ ...about, outcome: hung ? 'hang' : 'crash', finding, why, sig: `${finding}:${hung ? '' : (code ?? signal)}`, ms: Date.now() - startedAt, stderr: stderr.slice(-800) });
      resolve(about.i + 1);
    });
  });
}

async function fuzz(opts) {
  fs.mkdirSync(opts.out, { recursive: true });
  const resultsFile = path.join(opts.out, 'results.jsonl');
  const results = fs.openSync(resultsFile, 'w');
  const t0 = Date.now();
  const tallies = [];
  const findings = [];
  const slowOnes = [];
  const saved = {};
  for (const { kind, count } of opts.plan) {
    const tally = { kind, count, outcomes: {}, findings: {}, ms: 0 };
    tallies.push(tally);
    const started = Date.now();
    const log = (r) => {
      r.kind = kind;
      tally.outcomes[r.outcome] = (tally.outcomes[r.outcome] ?? 0) + 1;
      if (r.finding) {
        tally.findings[r.finding] = (tally.findings[r.finding] ?? 0) + 1;
        saved[r.sig] = (saved[r.sig] ?? 0) + 1;
        findings.push(r);
        if (saved[r.sig] <= SAVED_PER_SIGNATURE) {
          r.saved = saveInput(opts, kind, r.i);
          console.log(`  发现 ${kind} #${r.i}：${LABELS[r.finding]}，${r.why ?? ''}${r.message ? `：${r.message.slice(0, 160)}` : ''}`);
        }
      } else if (r.expectedSlow) {
        tally.findings['expected-slow'] = (tally.findings['expected-slow'] ?? 0) + 1;
        slowOnes.push(r);
      }
      fs.writeSync(results, `${JSON.stringify(r)}\n`);
    };
    // A hand-made case is read in a process of its own, so that its memory is its own.
    const batch = kind === 'crafted' ? 1 : BATCH;
    for (let i = 0; i < count; ) i = await runBatch(opts, kind, i, Math.min(count, i + batch), log);
    tally.ms = Date.now() - started;
  }
  fs.closeSync(results);
  printSummary(opts, { tallies, findings, slowOnes, resultsFile, ms: Date.now() - t0 });
  return findings.length ? 1 : 0;
}

function printSummary(opts, { tallies, findings, slowOnes, resultsFile, ms }) {
  const total = tallies.reduce((n, t) => n + t.count, 0);
  const lines = ['', `读取器模糊测试（种子 ${opts.seed}）：共 ${num(total)} 例，用时 ${seconds(ms)}`];
  for (const t of tallies) {
    const outcomes = OUTCOMES.filter((k) => t.outcomes[k]).map((k) => `${LABELS[k]} ${num(t.outcomes[k])}`);
    const found = Object.entries(t.findings)
      .filter(([k]) => k !== 'expected-slow')
      .map(([k, n]) => `${LABELS[k]} ${num(n)}`);
    const slow = t.findings['expected-slow'] ? `，${LABELS['expected-slow']} ${t.findings['expected-slow']}` : '';
    lines.push(`  ${t.kind.padEnd(8)}${num(t.count).padStart(6)} 例（${seconds(t.ms)}）：${outcomes.join('，')}${slow}；发现 ${found.length ? found.join('，') : 0}`);
  }
  if (slowOnes.length) {
    lines.push('预期内的慢（已知，不算发现）：');
    for (const r of slowOnes) lines.push(`  ${r.kind} #${r.i} ${r.desc}：${num(r.ms)} ms，峰值内存 ${num(r.maxRssMB)} MB，${LABELS[r.outcome]}`);
  }
  if (findings.length) {
    lines.push(`发现 ${num(findings.length)} 例：`);
    // The saved ones (the first few of each kind of finding), and how many more of each kind.
    for (const r of findings) if (r.saved) lines.push(`  ${r.kind} #${r.i} ${LABELS[r.finding]}：${r.why ?? ''}${r.message ? `（${r.message.slice(0, 120)}）` : ''} → ${shown(r.saved)}`);
    const more = findings.length - findings.filter((r) => r.saved).length;
    if (more) lines.push(`  另有 ${num(more)} 例与以上同类（未保存输入，见逐例结果）`);
  } else lines.push('没有发现。');
  lines.push(`逐例结果：${shown(resultsFile)}${findings.length ? '；重放一个文件：npm run fuzz -- --replay <文件>' : ''}`);
  console.log(lines.join('\n'));
}

/** Reads one file in a child with the fuzzer's heap and hang limit; prints what happened. */
function replay(opts) {
  const file = path.resolve(opts.replay);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [...CHILD_FLAGS, path.join(__dirname, 'worker.js'), 'replay', READER, JSON.stringify(LIMITS), file], { cwd: ROOT, encoding: 'utf8', timeout: opts.hangMs, killSignal: 'SIGKILL', maxBuffer: 1 << 24 });
  const head = `「${shown(file)}」（${num(fs.statSync(file).size)} 字节）`;
  const last = (r.stdout || '').trim().split('\n').pop();
  if (r.status !== 0 || !last) {
    const what = r.error && r.error.code === 'ETIMEDOUT' ? `${LABELS.hang}（超过 ${opts.hangMs} ms）` : OOM.test(r.stderr || '') ? LABELS.oom : `${LABELS.crash}（${r.status ?? r.signal}）`;
    console.log(`${head}：${what}，${num(Date.now() - t0)} ms`);
    return 1;
  }
  const res = JSON.parse(last);
  const outcome = res.outcome === 'read' ? `读出 ${res.sheets ?? 0} 张工作表、${num(res.cells ?? 0)} 个单元格` : res.outcome === 'refused' ? `拒绝：${res.message}` : `${res.message}`;
  console.log(`${head}：${outcome}；用时 ${num(res.ms)} ms，峰值内存 ${num(res.maxRssMB)} MB`);
  if (res.finding) console.log(`发现：${LABELS[res.finding]}，${res.why}`);
  return res.finding ? 1 : 0;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(err.message);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    buildReader(READER);
    if (opts.replay) return replay(opts);
    // In a child, so that ExcelJS's memory never becomes the starting peak of the children that measure.
    execFileSync(process.execPath, [path.join(__dirname, 'worker.js'), 'seeds'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    return await fuzz(opts);
  } catch (err) {
    console.error(`模糊测试未能完成：${err && err.message}`);
    return 1;
  }
}

main().then((code) => (process.exitCode = code));
