// The reader fuzzer's child process, started by run.js (with a 1 GB heap and --expose-gc to read):
//   node worker.js cases <reader.js> <options JSON> <kind> <start> <end>
//     reads cases [start, end) of one kind in turn; before each prints "S <case JSON>", after each
//     "R <result JSON>", so that the parent knows which case was running when the process died or
//     stopped answering;
//   node worker.js replay <reader.js> <options JSON> <file>
//     reads one file (told its own base name) and prints one JSON line: outcome, time, peak memory;
//   node worker.js save <kind> <index> <seed> <stem>
//     writes case <index>'s input to <stem> plus the extension of the name it is read by, and
//     prints that path;
//   node worker.js seeds
//     writes the ExcelJS seeds (seeds.js).
// Inputs are made and seeds written here, never in the parent: a child's peak resident set starts
// from its parent's (Linux keeps it across exec), so the parent stays small for the measure to hold.
'use strict';

const fs = require('fs');
const path = require('path');
const { judgeError, judgeGrids } = require('./classify');

const print = (line) => fs.writeSync(1, `${line}\n`);
const msSince = (t0) => Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
const maxRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Reads one file and judges the outcome, with its time and memory; `check` sees the grids read. */
async function readOne(readWorkbook, bytes, name, check) {
  if (globalThis.gc) globalThis.gc();
  const rss0 = maxRssMB();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  let res;
  try {
    const grids = await readWorkbook(bytes, name);
    const ms = msSince(t0);
    // What the grids keep alive, garbage collected first.
    if (globalThis.gc) globalThis.gc();
    res = { ...judgeGrids(grids, name), ms, retainedMB: Math.round((process.memoryUsage().heapUsed - heap0) / 1e6) };
    if (check && !res.finding) res.checked = check(grids);
  } catch (err) {
    res = { ...judgeError(err, name), ms: msSince(t0), message: String(err && err.message).slice(0, 600) };
  }
  return { ...res, rssGrowMB: maxRssMB() - rss0, maxRssMB: maxRssMB() };
}

/** A read within the contract may still be a finding: too slow, or (from a small file) too much memory. */
function judgeCost(res, size, limits) {
  if (res.finding) return {};
  if (res.ms > limits.slowMs) return { finding: 'slow', why: `用时 ${res.ms} ms`, sig: `slow:${res.sig}` };
  if (size < 1 << 20 && (res.rssGrowMB > limits.rssMB || (res.retainedMB ?? 0) > limits.retainedMB)) {
    return { finding: 'memory', why: `内存峰值增长 ${res.rssGrowMB} MB，网格占用 ${res.retainedMB ?? 0} MB`, sig: `memory:${res.sig}` };
  }
  return {};
}

function makeCase(kind, index, seed) {
  if (kind !== 'crafted') return { c: require('./mutate').generate(kind, index, seed), spec: null };
  const spec = require('./crafted').CASES[index];
  return { c: { ...spec.build(), desc: spec.desc }, spec };
}

async function runCases(readerPath, optionsJson, kind, start, end) {
  const { readWorkbook } = require(readerPath);
  const options = JSON.parse(optionsJson);
  const { mismatch } = require('./crafted');
  for (let i = start; i < end; i++) {
    const { c, spec } = makeCase(kind, i, options.seed);
    const about = { i, size: c.bytes.length, name: c.name, desc: c.desc.slice(0, 300) };
    print(`S ${JSON.stringify({ ...about, budgetMs: spec?.budgetMs ?? 0 })}`);
    const { checked, ...res } = await readOne(readWorkbook, c.bytes, c.name, spec?.expect?.check);
    const out = { ...about, ...res };
    if (spec) {
      const miss = mismatch(spec, res, checked);
      if (miss && out.finding) out.why += `；${miss}`;
      else if (miss) Object.assign(out, { finding: 'unexpected', why: miss, sig: `unexpected:${i}` });
    }
    if (spec?.slow) out.expectedSlow = true;
    else Object.assign(out, judgeCost(out, c.bytes.length, options));
    print(`R ${JSON.stringify(out)}`);
  }
}

async function replay(readerPath, optionsJson, file) {
  const { readWorkbook } = require(readerPath);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const res = await readOne(readWorkbook, bytes, path.basename(file));
  print(JSON.stringify({ ...res, ...judgeCost(res, bytes.length, JSON.parse(optionsJson)) }));
}

function save(kind, index, seed, stem) {
  const { c } = makeCase(kind, index, seed);
  const file = stem + path.extname(c.name);
  fs.writeFileSync(file, c.bytes);
  print(file);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'cases') runCases(args[0], args[1], args[2], Number(args[3]), Number(args[4]));
else if (mode === 'replay') replay(args[0], args[1], args[2]);
else if (mode === 'save') save(args[0], Number(args[1]), args[2], args[3]);
else if (mode === 'seeds') require('./seeds').writeGeneratedSeeds();
else throw new Error(`unknown mode ${mode}`);
