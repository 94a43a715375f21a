/**
 * One measurement in a fresh process, printed as JSON on the last line of stdout:
 *   exceljs  ExcelJS's bare `workbook.xlsx.readFile` of every file
 *   floor    the least any reader must do: fflate unzips every XML part, TextDecoder decodes it whole,
 *            saxes parses it with empty handlers
 *   texts    the floor, keeping every cell's and shared string's text to the end (and nothing else)
 *   read     the reader alone (src/workbook/file/reader, bundled by bench/run.ts as the CLI's build is) on every file
 *   review   the documented command, `node bin/review.js DIR --category 技术创新 --json FILE`, in this process
 * Plain JavaScript, so that no mode pays for a TypeScript loader it does not need. Time is the
 * process's whole life (start-up and module loading included), as a user waits for it; memory is
 * the process's peak resident set.
 */
'use strict';

const { readFileSync, readdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

function report() {
  const usage = process.resourceUsage();
  console.log(JSON.stringify({ ms: process.uptime() * 1000, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 }));
}

/**
 * Every XML part of every file, unzipped by fflate, decoded whole and parsed by a saxes parser
 * that `listen` has given its handlers (the floor's work, whatever the handlers do).
 */
function eachPart(files, options, listen) {
  const { unzipSync } = require('fflate');
  const { SaxesParser } = require('saxes');
  for (const f of files) {
    const entries = unzipSync(readFileSync(f), { filter: (e) => /\.(xml|rels)$/i.test(e.name) });
    for (const bytes of Object.values(entries)) {
      const parser = new SaxesParser(options);
      listen(parser);
      parser.write(new TextDecoder().decode(bytes)).close();
    }
  }
}

async function main() {
  const [mode, dir] = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(dir, f));
  if (mode === 'exceljs') {
    const ExcelJS = require('exceljs');
    const books = [];
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      books.push(wb);
    }
    if (books.length === 0) throw new Error('no workbook');
  } else if (mode === 'floor') {
    let events = 0;
    eachPart(files, undefined, (parser) => {
      parser.on('opentag', () => events++);
      parser.on('text', () => undefined);
      parser.on('closetag', () => undefined);
    });
    if (events === 0) throw new Error('no XML');
  } else if (mode === 'texts') {
    // The floor plus keeping what any reader must keep: every cell's and shared string's text, alive
    // to the end. What is left of a time budget after this is all a review has for everything else.
    const kept = [];
    eachPart(files, { xmlns: false, position: false }, (parser) => {
      let text = null;
      parser.on('opentag', (t) => {
        if (t.name === 'v' || t.name === 't') text = '';
      });
      parser.on('text', (t) => {
        if (text !== null) text += t;
      });
      parser.on('closetag', (t) => {
        if (text !== null && (t.name === 'v' || t.name === 't')) {
          kept.push(text);
          text = null;
        }
      });
    });
    if (kept.length === 0) throw new Error('no text');
  } else if (mode === 'read') {
    const { readWorkbook } = require(process.env.BENCH_READER);
    let rows = 0;
    for (const f of files) for (const g of await readWorkbook(readFileSync(f), path.basename(f))) rows += g.values.length;
    if (rows === 0) throw new Error('nothing read');
  } else if (mode === 'review') {
    const json = path.join(tmpdir(), `bench-review-${process.pid}.json`);
    process.argv = [process.argv[0], path.resolve(__dirname, '../bin/review.js'), dir, '--category', '技术创新', '--json', json];
    process.on('exit', (code) => {
      if (code === 0) report();
      require('node:fs').rmSync(json, { force: true });
    });
    require('../bin/review.js');
    return;
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  report();
}

main();
