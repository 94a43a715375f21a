// The reader fuzzer's hand-made cases: the regression set for what fuzzing found (quadratic merges,
// rows spread wide, number formats that made regular expressions backtrack, OpenDocument repeats and
// bombs, shared-string bombs, fractional and hexadecimal references, many sheets on one part, deep
// nesting…). Each states its expected outcome, checked on every run:
//   expect: { read: true, check(grids) }      read, and `check` returns null or what is wrong
//   expect: { reason: /…/ }                    refused, with a reason that matches
// `slow: true` marks a case known and accepted to take seconds and memory (a part at the 500 MB
// inflate limit, shared strings near their cap, OpenDocument repeats at theirs): its time and peak
// memory are printed but are no finding; `budgetMs` is its own hang limit.
// The cases do not depend on the run's seed.
'use strict';

const { strFromU8, strToU8, unzipSync } = require('fflate');
const { seedSet } = require('./mutate');
const { zipFixed } = require('./seeds');

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xmlHead = '<?xml version="1.0" encoding="UTF-8"?>';

/** A minimal .xlsx: sheets is [{ name, xml }] (xml a string or bytes), with optional styles and shared strings. */
function xlsx({ sheets, styles, sst, sheetElems, extra = {} }) {
  const bytes = (x) => (typeof x === 'string' ? strToU8(x) : x);
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (styles) rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
  if (sst) rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  const files = {
    '[Content_Types].xml': strToU8(`${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`),
    '_rels/.rels': strToU8(`${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/_rels/workbook.xml.rels': strToU8(`${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
    'xl/workbook.xml': strToU8(`${xmlHead}<workbook ${NS}><sheets>${sheetElems ?? sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = bytes(s.xml)));
  if (styles) files['xl/styles.xml'] = bytes(styles);
  if (sst) files['xl/sharedStrings.xml'] = bytes(sst);
  return zipFixed({ ...files, ...extra }, 9);
}

const sheet = (rows, after = '') => `${xmlHead}<worksheet ${NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;
const oneSheet = (xml, more = {}) => xlsx({ sheets: [{ name: 'S', xml }], ...more });

/** The bytes of head + unit × n + tail, without one huge JavaScript string. */
function repeated(head, unit, n, tail) {
  const [h, u, t] = [strToU8(head), strToU8(unit), strToU8(tail)];
  const out = new Uint8Array(h.length + u.length * n + t.length);
  out.set(h, 0);
  out.set(u, h.length);
  const total = u.length * n;
  for (let filled = u.length; filled < total; filled *= 2) out.copyWithin(h.length + filled, h.length, h.length + Math.min(filled, total - filled));
  out.set(t, h.length + total);
  return out;
}

/** The fixture .ods with its spreadsheet body replaced (a string, or a function of the text around it returning bytes). */
function ods(body) {
  const files = unzipSync(seedSet().seeds['fixture-libreoffice.ods']);
  const text = strFromU8(files['content.xml']);
  const start = text.indexOf('<office:spreadsheet>') + '<office:spreadsheet>'.length;
  const end = text.indexOf('</office:spreadsheet>');
  files['content.xml'] = typeof body === 'string' ? strToU8(text.slice(0, start) + body + text.slice(end)) : body(text.slice(0, start), text.slice(end));
  return zipFixed({ mimetype: files.mimetype, ...files }, (name) => (name === 'mimetype' ? 0 : 9));
}

const ODS_CELL = '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>';
const num = (n) => n.toLocaleString('en-US');
const oneCellRows = (n) => strFromU8(repeated('', '<row><c><v>1</v></c></row>', n, ''));

// ── Checks of what was read ────────────────────────────────────────────────────────────────

const cellCount = (g) => g.values.reduce((n, r) => n + r.filter((v) => v !== null).length, 0);
/** One sheet, starting at (row, column), whose non-empty cells number `cells`. */
const oneGrid = (cells, row = 1, column = 1) => (grids) => {
  if (grids.length !== 1) return `应读出 1 张工作表，实际 ${grids.length} 张`;
  const g = grids[0];
  if (g.firstRow !== row || g.firstColumn !== column) return `应从第 ${row} 行第 ${column} 列开始，实际 (${g.firstRow}, ${g.firstColumn})`;
  const n = cellCount(g);
  return n === cells ? null : `应有 ${cells} 个有值的单元格，实际 ${n} 个`;
};

/** Read: one sheet, from A1 unless told, holding `cells` values. */
const readsCells = (cells, row, column) => ({ read: true, check: oneGrid(cells, row, column) });
const firstValue = (expected) => (grids) => {
  const v = grids[0]?.values[0]?.[0];
  return expected(v) ? null : `A1 的值为 ${String(v)}（${typeof v}）`;
};
const both = (...checks) => (grids) => checks.reduce((problem, check) => problem ?? check(grids), null);
/** The bytes of `count` numbered rows, row(n) each, after head and before tail (built in chunks: no huge string). */
function numberedRows(head, count, row, tail) {
  const chunks = [strToU8(head)];
  for (let n = 1; n <= count; n += 10000) {
    let text = '';
    for (let k = n; k < Math.min(count + 1, n + 10000); k++) text += row(k);
    chunks.push(strToU8(text));
  }
  chunks.push(strToU8(tail));
  return Buffer.concat(chunks);
}

const CASES = [
  // Merges × rows was quadratic in GridBuilder.applyMerges (32 s at 60,000): only A1 is left.
  ...[5000, 20000, 60000].map((n) => ({
    desc: `合并单元格与行数相乘：${num(n)} 行，${num(n)} 处 A1:B1048576`,
    build: () => ({ bytes: oneSheet(sheet(oneCellRows(n), `<mergeCells count="${n}">${'<mergeCell ref="A1:B1048576"/>'.repeat(n)}</mergeCells>`)), name: '合并.xlsx' }),
    expect: readsCells(1),
  })),
  // A cell at column IV in every row and one at A1: every row used to be filled out to 256 slots
  // (over 1 GB at 300,000 rows). Memory now follows the cells.
  ...[300000, 1048575].map((n) => ({
    desc: `稀疏的宽行：${num(n)} 行各在 IV 列有一格，另有 A1`,
    build: () => ({ bytes: oneSheet(numberedRows(`${xmlHead}<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, n, (k) => `<row r="${k + 1}"><c r="IV${k + 1}"><v>1</v></c></row>`, '</sheetData></worksheet>')), name: '稀疏.xlsx' }),
    expect: readsCells(n + 1),
  })),
  // The same rows as the fuzzer first wrote them, r="IV": a reference without a row is no reference.
  {
    desc: '单元格引用只有列（r="IV"），30 万行',
    build: () => ({ bytes: oneSheet(repeated(`${xmlHead}<worksheet ${NS}><sheetData><row><c><v>1</v></c></row>`, '<row><c r="IV"><v>1</v></c></row>', 300000, '</sheetData></worksheet>')), name: '稀疏.xlsx' }),
    expect: { reason: /^工作表「S」的单元格引用「IV」无效，/ },
  },
  // A formatCode of unclosed '[': /\[[^\]]*]/g backtracked quadratically in isDateFormat.
  ...[20000, 60000, 200000].map((n) => ({
    desc: `数字格式为 ${num(n)} 个未闭合的「[」`,
    build: () => {
      const styles = `${xmlHead}<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="${'['.repeat(n)}"/></numFmts><cellXfs count="1"><xf numFmtId="164"/></cellXfs></styleSheet>`;
      return { bytes: oneSheet(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), { styles }), name: '格式.xlsx' };
    },
    expect: { read: true, check: both(oneGrid(1), firstValue((v) => v === 1)) },
  })),
  // A 200,000-character formatCode named by 50,000 xfs: isDateFormat ran once per xf.
  {
    desc: '200,000 字符的数字格式被 50,000 个单元格样式引用',
    build: () => {
      const styles = repeated(`${xmlHead}<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="${'0'.repeat(200000)}"/></numFmts><cellXfs count="50000">`, '<xf numFmtId="164"/>', 50000, '</cellXfs></styleSheet>');
      return { bytes: oneSheet(sheet('<row r="1"><c r="A1" s="1"><v>1</v></c></row>'), { styles }), name: '格式.xlsx' };
    },
    expect: { read: true, check: both(oneGrid(1), firstValue((v) => v === 1)) },
  },
  // OpenDocument rows × columns repeated: SheetJS expanded them without a cap (it never ended on the
  // whole sheet). The reader counts them first: 2,000,000 valued cells are read (SheetJS takes
  // seconds and half a gigabyte on them, the price of the cap), one more is refused.
  ...[
    [2000, 1000, true],
    [2000, 1001, false],
    [1048576, 16384, false],
  ].map(([rows, cols, read]) => ({
    desc: `OpenDocument 重复行列：${num(rows)} 行 × ${num(cols)} 列`,
    build: () => ({ bytes: ods(`<table:table table:name="S"><table:table-row table:number-rows-repeated="${rows}">${ODS_CELL.replace('<table:table-cell', `<table:table-cell table:number-columns-repeated="${cols}"`)}</table:table-row></table:table>`), name: '重复.ods' }),
    ...(read ? { expect: readsCells(rows * cols), slow: true, budgetMs: 60000 } : { expect: { reason: /^OpenDocument 表格中重复的单元格展开后超过 2,000,000 个，/ } }),
  })),
  // content.xml inflating to ~600 MB: SheetJS unzips by itself, past the reader's 500 MB limit.
  {
    desc: 'OpenDocument 压缩炸弹：content.xml 解压后约 600 MB',
    build: () => ({ bytes: ods((head, tail) => repeated(`${head}<!--`, '          ', 60_000_000, `--><table:table table:name="S"><table:table-row>${ODS_CELL}</table:table-row></table:table>${tail}`)), name: '炸弹.ods' }),
    expect: { reason: /^解压后超过 500 MB 上限，可能是恶意构造的压缩文件（压缩炸弹）/ },
  },
  // Shared strings: 16,777,216 are read, one more is refused, and a bomb of 100,000,000 empty <si/>
  // (500 MB inflated) stops at the cap. Counting that far takes seconds.
  ...[
    [1 << 24, true],
    [(1 << 24) + 1, false],
    [100_000_000, false],
  ].map(([n, read]) => ({
    desc: `共享字符串：${num(n)} 个空 <si/>`,
    build: () => ({ bytes: oneSheet(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>'), { sst: repeated(`<sst ${NS}>`, '<si/>', n, '</sst>') }), name: '字符串.xlsx' }),
    expect: read ? readsCells(1, 1, 2) : { reason: /^共享字符串表的条目超过 16,777,216 个，/ },
    slow: true,
    budgetMs: 60000,
  })),
  // A worksheet of ~500 MB of cheap XML: reading at the inflate limit takes about 11 s.
  {
    desc: '工作表解压后约 500 MB 的 <x/>（在解压上限之内）',
    build: () => ({ bytes: oneSheet(repeated(`<worksheet ${NS}><sheetData>`, '<x/>', 125_000_000, '</sheetData></worksheet>')), name: '大.xlsx' }),
    expect: { read: true, check: (grids) => (grids.length === 1 && grids[0].values.length === 0 ? null : '应读出 1 张空工作表') },
    slow: true,
    budgetMs: 120000,
  },
  // A fractional row in a cell reference: grid.firstRow used to be 1.5; and rows 1 and 1.5 made
  // new Array(1.5) throw, reported as 文件内容过大.
  { desc: '单元格引用 A1.5（不在任何行内）', build: () => ({ bytes: oneSheet(sheet('<c r="A1.5"><v>1</v></c>')), name: '小数.xlsx' }), expect: { reason: /^工作表「S」的单元格引用「A1\.5」无效，/ } },
  { desc: '第 1 行与单元格引用 A1.5', build: () => ({ bytes: oneSheet(sheet('<row r="1"><c r="A1"><v>1</v></c></row><c r="A1.5"><v>2</v></c>')), name: '小数.xlsx' }), expect: { reason: /^工作表「S」的单元格引用「A1\.5」无效，/ } },
  // What Number() accepts but no spreadsheet writes: row 0x10, cell B1e2 (it read as row 100).
  { desc: '行号 0x10', build: () => ({ bytes: oneSheet(sheet('<row r="0x10"><c r="A0x10"><v>1</v></c></row>')), name: '十六进制.xlsx' }), expect: { reason: /^工作表「S」的行号「0x10」无效，/ } },
  { desc: '单元格引用 B1e2', build: () => ({ bytes: oneSheet(sheet('<row r="1"><c r="A1"><v>1</v></c></row><c r="B1e2"><v>2</v></c>')), name: '指数.xlsx' }), expect: { reason: /^工作表「S」的单元格引用「B1e2」无效，/ } },
  // 5,000 <sheet> entries naming one 100 KB worksheet: the process ran out of memory.
  {
    desc: '5,000 个工作表指向同一个工作表部分',
    build: () => {
      const rows = strFromU8(repeated('', '<row><c><v>123456</v></c></row>', 3000, ''));
      const sheetElems = Array.from({ length: 5000 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('');
      return { bytes: xlsx({ sheets: [{ name: 'S', xml: sheet(rows) }], sheetElems }), name: '多表.xlsx' };
    },
    expect: { reason: /^工作表「S0」和「S1」指向压缩包中的同一部分「xl\/worksheets\/sheet1\.xml」，文件已损坏$/ },
  },
  // Nesting: 256 levels in all are read, 257 refused, and 1,000,000 unclosed <x> stop at 257.
  ...[
    [254, true, true],
    [255, true, false],
    [1_000_000, false, false],
  ].map(([n, closed, read]) => ({
    desc: `sheetData 中 ${num(n)} 层${closed ? ' ' : '未闭合的 '}<x>（连同 worksheet、sheetData 共 ${num(n + 2)} 层）`,
    build: () => ({ bytes: oneSheet(repeated(`<worksheet ${NS}><sheetData>`, '<x>', n, `${closed ? '</x>'.repeat(n) : ''}<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`)), name: '嵌套.xlsx' }),
    expect: read ? readsCells(1) : { reason: /^「xl\/worksheets\/sheet1\.xml」中的 XML 元素嵌套超过 256 层，文件已损坏$/ },
  })),
  // 1,000,000 date-formatted cells (a Date each) in 1,000 rows.
  {
    desc: '100 万个日期格式的单元格',
    build: () => {
      const styles = `${xmlHead}<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
      return { bytes: oneSheet(repeated(`<worksheet ${NS}><sheetData>`, `<row>${'<c s="1"><v>45000</v></c>'.repeat(1000)}</row>`, 1000, '</sheetData></worksheet>'), { styles }), name: '日期.xlsx' };
    },
    expect: { read: true, check: both(oneGrid(1_000_000), firstValue((v) => v instanceof Date && v.toISOString().startsWith('2023-03-15'))) },
  },
  // A central directory of 20,000 entries.
  {
    desc: '压缩包中另有 20,000 个空条目',
    build: () => {
      const extra = {};
      for (let i = 0; i < 20000; i++) extra[`x/${i}`] = new Uint8Array(0);
      return { bytes: oneSheet(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), { extra }), name: '多条目.xlsx' };
    },
    expect: readsCells(1),
  },
  // A UTF-16BE worksheet with its BOM.
  {
    desc: 'UTF-16BE（带 BOM）编码的工作表',
    build: () => {
      const b = Buffer.from(`\uFEFF${sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>中文</t></is></c></row>').replace('UTF-8', 'UTF-16')}`, 'utf16le').swap16();
      return { bytes: oneSheet(new Uint8Array(b)), name: 'u16.xlsx' };
    },
    expect: { read: true, check: both(oneGrid(1), firstValue((v) => v === '中文')) },
  },
  // Reversed and forward whole-sheet merges over 1,000 rows of one cell: only A1 is left.
  {
    desc: '整表合并（正反两种写法），1,000 行各一格',
    build: () => ({ bytes: oneSheet(sheet(oneCellRows(1000), '<mergeCells><mergeCell ref="XFD1048576:A1"/><mergeCell ref="A1:XFD1048576"/></mergeCells>')), name: '合并.xlsx' }),
    expect: readsCells(1),
  },
  // The two WPS files fuzzing found that made SheetJS take the whole process down, uncatchably: a
  // compound-file directory pointing out of range is refused, the document-property streams are not
  // shown to SheetJS.
  {
    desc: '复合文档目录损坏的 .et（test/fixtures/reader/fuzz-directory.et）',
    build: () => ({ bytes: seedSet().seeds['fixture-fuzz-directory.et'], name: '目录.et' }),
    expect: { reason: /^WPS 表格文件的内部目录已损坏（复合文档结构不完整或互相矛盾），无法读取$/ },
  },
  {
    desc: '文档属性流损坏的 .et（test/fixtures/reader/fuzz-properties.et）',
    build: () => ({ bytes: seedSet().seeds['fixture-fuzz-properties.et'], name: '属性.et' }),
    expect: { read: true, check: (grids) => (grids.length === 2 ? null : `应读出 2 张工作表，实际 ${grids.length} 张`) },
  },
];

module.exports = { CASES, mismatch };

/** What is wrong with a crafted case's outcome against its expectation, or null. */
function mismatch(spec, res, checked) {
  const e = spec.expect;
  if (!e) return null;
  if (e.read) {
    if (res.outcome !== 'read') return `应读出，实际${res.outcome === 'refused' ? `被拒绝：${res.reason}` : `：${res.why ?? res.outcome}`}`;
    return checked ?? null;
  }
  if (res.outcome !== 'refused') return `应被拒绝（原因符合 ${e.reason}），实际${res.outcome === 'read' ? '读出' : `：${res.why ?? res.outcome}`}`;
  return e.reason.test(res.reason) ? null : `原因应符合 ${e.reason}，实际：${res.reason}`;
}
