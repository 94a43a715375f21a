// The files the reader's fuzzer mutates: the committed reader fixtures (test/fixtures/reader/: LibreOffice
// .xlsx/.xls/.ods, WPS .et, CSV in UTF-8 and GB18030), the sample submission's .xlsx files (samples/),
// and four small workbooks ExcelJS writes at run time (dates in both systems, merges, rich text,
// hidden sheets, a far cell). Nothing binary is committed for the fuzzer.
//
// The ExcelJS workbooks are written to build/fuzz/seeds/ by the parent (writeGeneratedSeeds) and
// re-zipped by fflate with a fixed time stamp, so their bytes, and the cases made from them, are
// the same on every run. Workers only read (loadSeeds).
'use strict';

const fs = require('fs');
const path = require('path');
const { unzipSync, zipSync } = require('fflate');

const ROOT = path.resolve(__dirname, '../..');
const GENERATED = path.join(ROOT, 'build', 'fuzz', 'seeds');
const SOURCES = [
  { prefix: 'fixture-', dir: path.join(ROOT, 'test', 'fixtures', 'reader'), re: /\.(xlsx|xlsm|xls|et|ods|csv)$/i },
  { prefix: 'sample-', dir: path.join(ROOT, 'samples'), re: /\.xlsx$/i },
];
/** A zip time stamp built from local fields, so that its DOS date and time are the same in every time zone. */
const ZIP_TIME = new Date(2024, 0, 1, 0, 0, 0);

function walk(dir, found = []) {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, found);
    else found.push(p);
  }
  return found;
}

/** Zips `files` ({ name: bytes }) with fflate at one fixed time; `level` per entry or for all. */
function zipFixed(files, level = 6) {
  const input = {};
  for (const [name, data] of Object.entries(files)) input[name] = [data, { level: typeof level === 'function' ? level(name) : level, mtime: ZIP_TIME }];
  return zipSync(input);
}

async function excelJsSeeds() {
  const ExcelJS = require('exceljs');
  const fixed = new Date(Date.UTC(2024, 0, 1));
  const make = async (fill) => {
    const wb = new ExcelJS.Workbook();
    wb.created = fixed;
    wb.modified = fixed;
    wb.creator = 'fuzz';
    fill(wb);
    return zipFixed(unzipSync(new Uint8Array(await wb.xlsx.writeBuffer())));
  };
  return {
    'exceljs-basic.xlsx': await make((wb) => {
      const ws = wb.addWorksheet('名单');
      ws.addRow(['序号', '企业名称', '金额', '日期', '比例', '是否']);
      for (let i = 1; i <= 20; i++) ws.addRow([i, `企业${i}`, i * 1234.5, new Date(Date.UTC(2024, i % 12, i)), i / 100, i % 2 === 0]);
      ws.getColumn(4).numFmt = 'yyyy-mm-dd';
      ws.getColumn(5).numFmt = '0.00%';
      ws.getColumn(3).numFmt = '#,##0.00';
      ws.mergeCells('A23:C24');
      ws.getCell('A23').value = '合并';
    }),
    'exceljs-multi.xlsx': await make((wb) => {
      const a = wb.addWorksheet('表一');
      a.addRow(['a', 1]);
      a.getCell('D5').value = { formula: 'B1*2', result: 2 };
      a.getCell('E6').value = { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] };
      a.getCell('F7').value = { error: '#N/A' };
      wb.addWorksheet('隐藏', { state: 'hidden' }).addRow(['hidden']);
      wb.addWorksheet('很隐藏', { state: 'veryHidden' }).addRow(['vh']);
      wb.addWorksheet('空');
      const far = wb.addWorksheet('远');
      far.getCell('XFD1048576').value = 'far';
      far.getCell('A1').value = 'near';
    }),
    'exceljs-date1904.xlsx': await make((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('日期');
      ws.addRow([new Date(Date.UTC(2020, 1, 29)), 'x_x000D_y']);
      ws.getColumn(1).numFmt = 'yyyy"年"m"月"d"日"';
      ws.mergeCells('B2:D4');
      ws.getCell('B2').value = 'm';
    }),
    'exceljs-strings.xlsx': await make((wb) => {
      const ws = wb.addWorksheet('文本');
      for (let r = 1; r <= 30; r++) ws.addRow(Array.from({ length: 8 }, (_, c) => (c % 2 ? `字符串${r}-${c}` : r * c)));
    }),
  };
}

/** Writes the ExcelJS seeds to build/fuzz/seeds/ (each through a temporary file, so a reader never sees half of one). */
async function writeGeneratedSeeds() {
  fs.mkdirSync(GENERATED, { recursive: true });
  for (const [name, bytes] of Object.entries(await excelJsSeeds())) {
    const file = path.join(GENERATED, name);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }
}

/** Every seed, by name (prefix + file name), in a fixed order. */
function loadSeeds() {
  const seeds = {};
  for (const { prefix, dir, re } of SOURCES) for (const file of walk(dir)) if (re.test(file)) seeds[prefix + path.basename(file)] = new Uint8Array(fs.readFileSync(file));
  for (const name of fs.readdirSync(GENERATED).sort()) if (name.endsWith('.xlsx')) seeds[name] = new Uint8Array(fs.readFileSync(path.join(GENERATED, name)));
  return seeds;
}

module.exports = { writeGeneratedSeeds, loadSeeds, zipFixed, ROOT };
