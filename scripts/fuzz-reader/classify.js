// What the reader's fuzzer makes of one outcome. The reader's contract: grids, or a WorkbookReadError
// whose message is 「无法读取「name」：」 and a Chinese reason. Anything else is a finding.
'use strict';

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
const CJK = /[\u4e00-\u9fff]/;
/** JavaScript's own words, which no reason should carry: a bug's message passed through. */
const INTERNAL = /TypeError|ReferenceError|SyntaxError|RangeError|Cannot read prop|Cannot set prop|is not a function|is not iterable|is not defined|\n\s*at |Maximum call stack|Invalid string length|Invalid array length|\[object /;
/**
 * A missing value spelled into a reason where a name belongs. (Not NaN: inside 「」 stands the file's
 * own text, and r="NaN" is quoted as written. Numbers the reader spells outside 「」 are caught as
 * English below.)
 */
const INTERNAL_QUOTED = /「(?:undefined|null|\[object [^」]*)」/;
/**
 * Latin words the reader's own reasons use on purpose: product and format names, units, and the
 * parts a reason names unquoted. A new reason with another such word adds it here; whatever Latin
 * word of two letters or more is left after these (and 「…」 names and file extensions) are taken
 * out is a library's English detail or a bug's, and a finding.
 */
const KNOWN_WORDS = ['content.xml', 'workbook.xml', 'Apple Numbers', 'OpenDocument', 'PowerPoint', 'Excel', 'WPS', 'LibreOffice', 'Word', 'XML', 'CRC', 'CSV', 'PDF', 'ZIP64', 'MB'];
const KNOWN = new RegExp(KNOWN_WORDS.map((w) => w.replace(/\./g, '\\.')).join('|'), 'g');
const EXTENSION = /\.(?:xlsx|xlsm|xlsb|xls|et|ods|csv|numbers)\b/gi;

/** The shape of a message, for grouping findings: names and numbers taken out. */
const shape = (text) => text.replace(/「[^」]*」/g, '「*」').replace(/\d+/g, 'N').slice(0, 160);

/** The Latin words left in a reason once its names, extensions and known words are taken out. */
function englishIn(reason) {
  const left = reason.replace(/「[^」]*」/g, ' ').replace(EXTENSION, ' ').replace(KNOWN, ' ');
  return left.match(/[A-Za-z]{2,}/g) ?? [];
}

/** { outcome: 'refused', reason } for a proper refusal; else { outcome: 'error', finding, why }. */
function judgeError(err, fileName) {
  const bad = (finding, why, text) => ({ outcome: 'error', finding, why, sig: `${finding}:${shape(text)}` });
  if (!(err instanceof Error)) return bad('wrong-error', `抛出的不是 Error：${typeof err}`, String(err));
  const message = String(err.message);
  const type = err.constructor && err.constructor.name;
  if (type !== 'WorkbookReadError' || err.name !== 'WorkbookReadError') return bad('wrong-error', `异常类型为 ${type}/${err.name}`, message);
  const prefix = `无法读取「${fileName}」：`;
  if (!message.startsWith(prefix)) return bad('bad-prefix', '消息不以「无法读取「文件名」：」开头', message);
  const reason = message.slice(prefix.length);
  if (!CJK.test(reason.replace(/「[^」]*」/g, ''))) return bad('no-chinese', '原因中没有中文', reason);
  if (INTERNAL.test(reason.replace(/「[^」]*」/g, '')) || INTERNAL_QUOTED.test(reason)) return bad('internal', '原因中有程序内部文字', reason);
  const words = englishIn(reason);
  if (words.length) return bad('english', `原因中有英文：${[...new Set(words)].slice(0, 5).join(' ')}`, reason);
  return { outcome: 'refused', reason, sig: `refused:${shape(reason)}` };
}

const isCell = (v) => v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v) || (v instanceof Date && !Number.isNaN(v.getTime()));

/** Why the grids break the SheetGrid contract ({ problem }), or how many values they hold ({ cells }). */
function gridCheck(grids, fileName) {
  if (!Array.isArray(grids)) return { problem: '结果不是数组' };
  let cells = 0;
  for (const g of grids) {
    if (!g || !Array.isArray(g.values)) return { problem: '网格没有 values' };
    if (typeof g.sheet !== 'string') return { problem: '工作表名不是字符串' };
    if (g.file !== fileName) return { problem: `网格的 file 为 ${JSON.stringify(g.file)}` };
    for (const k of ['firstRow', 'firstColumn']) if (!Number.isInteger(g[k]) || g[k] < 1) return { problem: `工作表「${g.sheet}」的 ${k} 为 ${g[k]}` };
    if (g.firstRow + g.values.length - 1 > MAX_ROWS) return { problem: `工作表「${g.sheet}」超过 ${MAX_ROWS} 行` };
    for (const row of g.values) {
      if (!Array.isArray(row)) return { problem: `工作表「${g.sheet}」有一行不是数组` };
      if (g.firstColumn + row.length - 1 > MAX_COLUMNS) return { problem: `工作表「${g.sheet}」超过 ${MAX_COLUMNS} 列` };
      // A row may keep holes between far-apart cells (read back as undefined, that is empty); a
      // value that is there must be a cell value. for…in visits only what is there.
      for (const k in row) {
        const v = row[k];
        if (!isCell(v)) return { problem: `工作表「${g.sheet}」有单元格值 ${String(v)}（${typeof v}）` };
        if (v !== null) cells++;
      }
    }
  }
  return { cells };
}

function judgeGrids(grids, fileName) {
  const { problem, cells } = gridCheck(grids, fileName);
  if (problem) return { outcome: 'read', finding: 'bad-grid', why: problem, sig: `bad-grid:${shape(problem)}` };
  return { outcome: 'read', sheets: grids.length, cells, sig: `read:${grids.length}` };
}

/** Chinese names of outcomes and findings, for the summary. */
const LABELS = {
  read: '读出',
  refused: '拒绝（中文原因）',
  error: '报错不合约定',
  crash: '进程崩溃',
  hang: '卡死',
  'wrong-error': '异常类型不对',
  'bad-prefix': '消息开头不对',
  'no-chinese': '原因无中文',
  internal: '原因含程序内部文字',
  english: '原因含英文',
  'bad-grid': '网格不合约定',
  oom: '内存耗尽',
  slow: '过慢',
  memory: '内存暴涨',
  unexpected: '与预期不符',
  'expected-slow': '预期内的慢',
};

module.exports = { judgeError, judgeGrids, englishIn, LABELS, KNOWN_WORDS };
