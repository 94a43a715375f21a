/**
 * The review workbook end to end: a generated submission reviewed, the workbook written, read back
 * with ExcelJS, its formulas evaluated with HyperFormula, edited and re-run.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { EnterpriseSample, ReviewReport } from '../../../src/domain/report';
import { readCustomProperties } from '../../../src/workbook/file/customProperties';
import { readWorkbook } from '../../../src/workbook/file/reader';
import { buildReviewWorkbook, reviewWorkbookName, writeReviewWorkbook, readReviewerInputs } from '../../../src/workbook/file/writeReview';
import { FINGERPRINT_SHEET, UNKEPT_SHEET } from '../../../src/workbook/layout/sheetNames';
import { DEFAULT_RUBRIC, FINDINGS_COLS, MIN_PRINT_SCALE, REVIEW_SHEETS, SCORING_COLS, computeScoring, layoutReviewSheets, loadRubric, printScale } from '../../../src/workbook/layout';
import { HEADERS, reviewFiles, staffSheet, table, xlsx } from '../../helpers/submission';
import { engine, worksheetToSheet } from '../layout/fixtures';

const INJECTED = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)'];
const INJECTED_FILE = '=1+1.xlsx';

/** 附表4-2-1-2 with a merged title, widths, heights, fills and formats worth copying. */
async function listFile(extra: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '附表4-2-1-2 年度服务企业名单';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getRow(1).height = 32;
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 42;
  ws.getColumn(3).width = 18;
  ws.getColumn(4).width = 11;
  HEADERS['4-2-1-2'].forEach((h, i) => {
    const c = ws.getCell(2, i + 1);
    c.value = h;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    c.border = { bottom: { style: 'thin' } };
  });
  const names = [...Array.from({ length: 20 }, (_, i) => `北京测试${i + 1}科技有限公司`), ...INJECTED, ...extra];
  names.forEach((name, i) => {
    const r = 3 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 1).numFmt = '000';
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = '技术咨询';
    ws.getCell(r, 4).value = '北京';
  });
  ws.getCell(3 + names.length, 2).value = '北京测试1科技有限公司'; // a duplicate: a finding with a cell
  ws.getCell(3 + names.length, 4).value = '北京';
  ws.getCell(3 + names.length, 1).value = names.length + 1;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 附表4-2-1-3, also on a sheet named 名单, with amounts, dates and a formula. */
async function orderFile(scale = 1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow([...HEADERS['4-2-1-3']]);
  const rows: [string, number, string][] = [
    ['北京测试1科技有限公司', 120.5, 'HT-001'],
    ['北京测试2科技有限公司', 80.25, 'HT-002'],
    ['=HYPERLINK("http://x","y")', 60, '+1'],
    ['+1', 55.5, 'HT-004'],
    ['-2', 40, '-2'],
    ['@SUM(A1)', 12.345, 'HT-006'],
    ['北京测试1科技有限公司', 10, 'HT-007'],
  ];
  rows.forEach(([name, amount, contract], i) => {
    const row = ws.addRow([i + 1, name, '检测服务', '小型', amount * scale, new Date(Date.UTC(2024, i, 10)), contract]);
    row.getCell(5).numFmt = '#,##0.00';
    row.getCell(6).numFmt = 'yyyy-mm-dd';
  });
  ws.getCell('I1').value = '合计（万元）';
  ws.getCell('I2').value = { formula: 'SUM(E2:E8)', result: rows.reduce((s, r) => s + r[1] * scale, 0) };
  ws.getColumn(2).width = 36;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STAFF = Array.from({ length: 9 }, (_, i) => [i + 1, `员工${i + 1}`, '顾问', '本科', '某大学', '中级工程师', '某局', '010-1']);

async function submission(variant: 'first' | 'second' = 'first'): Promise<Record<string, Buffer>> {
  return {
    '名单.xlsx': await listFile(variant === 'second' ? ['北京新增甲科技有限公司', '北京新增乙科技有限公司'] : []),
    '订单.xlsx': await orderFile(variant === 'second' ? 2 : 1),
    [INJECTED_FILE]: await xlsx([table('4-2-1-8', [[1, '北京名单外科技有限公司', '专精特新', '咨询']], { name: 'Sheet1' })]),
    '人员.xlsx': await xlsx([staffSheet(STAFF)]),
    '坏.xlsx': Buffer.from('this is not a zip'),
  };
}

async function review(files: Record<string, Buffer>): Promise<ReviewReport> {
  return reviewFiles(files, { platform: { name: '测试/平台:一', category: '技术创新', unit: '测试单位', district: '海淀区' } });
}

function sources(files: Record<string, Buffer>) {
  return Object.entries(files).map(([file, data]) => ({ file, data: new Uint8Array(data) }));
}

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Row of a key in a review sheet's hidden mark column. */
function markRow(ws: ExcelJS.Worksheet, key: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && v.startsWith('{') && JSON.parse(v).k === key) found = r;
  });
  if (!found) throw new Error(`no row ${key} on ${ws.name}`);
  return found;
}

function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && row.getCell(col).value === text) found = r;
  });
  if (!found) throw new Error(`no ${text} on ${ws.name}`);
  return found;
}

function result(cell: ExcelJS.Cell): unknown {
  const v = cell.value as { formula?: string; result?: unknown } | null;
  return v && typeof v === 'object' && 'formula' in v ? v.result : v;
}

function formula(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as { formula?: string } | null;
  return v && typeof v === 'object' ? v.formula : undefined;
}

function hf(wb: ExcelJS.Workbook) {
  return engine({ 评分表: worksheetToSheet(sheet(wb, '评分表')), 评分细则: worksheetToSheet(sheet(wb, '评分细则')) });
}

let files: Record<string, Buffer>;
let report: ReviewReport;
let wb: ExcelJS.Workbook;
let written: Uint8Array;

beforeAll(async () => {
  files = await submission();
  report = await review(files);
  written = await writeReviewWorkbook({ report, rubric: DEFAULT_RUBRIC, sources: sources(files) });
  wb = await load(written);
});

describe('sheets', () => {
  test('review sheets first, then every readable submitted sheet under a unique name', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评分表', '评分细则', '问题清单', '抽查样本', '4-2-1-2 名单', '4-2-1-3 名单', 'Sheet1', '人员', FINGERPRINT_SHEET]);
    expect(wb.worksheets.map((w) => w.state)).toEqual([...Array(8).fill('visible'), 'veryHidden']);
    const lower = wb.worksheets.map((w) => w.name.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  test('copied sheets keep values, formats, merges, widths and heights; formulas become their values', async () => {
    const pairs: [string, string, string][] = [
      ['名单.xlsx', '名单', '4-2-1-2 名单'],
      ['订单.xlsx', '名单', '4-2-1-3 名单'],
      [INJECTED_FILE, 'Sheet1', 'Sheet1'],
      ['人员.xlsx', '人员', '人员'],
    ];
    for (const [file, from, to] of pairs) {
      const src = sheet(await load(files[file]), from);
      const dst = sheet(wb, to);
      expect(dst.model.merges.sort()).toEqual(src.model.merges.sort());
      // Widths are kept, or widened to show a cell's one-line text (see the print test below).
      for (let c = 1; c <= src.columnCount; c++) expect(dst.getColumn(c).width ?? 8.43).toBeGreaterThanOrEqual(src.getColumn(c).width ?? 8.43);
      src.eachRow({ includeEmpty: true }, (row, r) => {
        expect(dst.getRow(r).height).toBe(row.height);
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const out = dst.getCell(r, c);
          if (cell.type !== ExcelJS.ValueType.Merge) {
            const v = cell.value as { formula?: string; result?: unknown };
            const want = v && typeof v === 'object' && 'formula' in v ? v.result : cell.value;
            expect(out.value).toEqual(want);
          }
          expect(out.numFmt).toEqual(cell.numFmt);
          expect(out.font).toEqual(cell.font);
          expect(out.fill).toEqual(cell.fill);
          expect(out.border).toEqual(cell.border);
          expect(out.alignment).toEqual(cell.alignment);
        });
      });
    }
    expect(sheet(wb, '4-2-1-3 名单').getCell('I2').value).toBe(378.595);
    expect(sheet(wb, '4-2-1-3 名单').getCell('F2').value).toEqual(new Date(Date.UTC(2024, 0, 10)));
  });

  test('copied sheets print A4 landscape, one page wide at a legible scale, header row repeated, names not cut', async () => {
    for (const name of ['4-2-1-2 名单', '4-2-1-3 名单', 'Sheet1', '人员']) {
      const ws = sheet(wb, name);
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: false });
      const columns = Array.from({ length: ws.columnCount }, (_, i) => ({ width: ws.getColumn(i + 1).width ?? 8.43, hidden: ws.getColumn(i + 1).hidden }));
      expect(ws.pageSetup.scale).toBe(printScale(columns));
      expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    }
    // 名单 has its title on row 1 and headers on row 2; 订单 starts with its headers.
    expect(sheet(wb, '4-2-1-2 名单').pageSetup.printTitlesRow).toBe('2:2');
    expect(sheet(wb, '4-2-1-3 名单').pageSetup.printTitlesRow).toBe('1:1');
    const tableRow = (n: string) => report.tables.find((t) => t.file === n)?.headerRow;
    expect(tableRow('名单.xlsx')).toBe(2);
    // The source's set widths stay when wide enough: 名单's 42-wide name column is not touched.
    expect(sheet(wb, '4-2-1-2 名单').getColumn(2).width).toBe(42);
    // 订单's contract column had Excel's default width, too narrow for its heading (26 wide).
    const orders = sheet(wb, '4-2-1-3 名单');
    const src = sheet(await load(files['订单.xlsx']), '名单');
    expect(src.getCell('G1').value).toBe('合同号/订单号/银行回单号等');
    expect(src.getColumn(7).width ?? 8.43).toBeLessThan(26);
    expect(orders.getColumn(7).width).toBeGreaterThanOrEqual(26);
    expect(orders.getColumn(2).width).toBe(36);
    // The merged title on 名单 does not widen column A to its 30-odd characters.
    expect(sheet(wb, '4-2-1-2 名单').getColumn(1).width).toBeLessThan(20);
  });

  test('every review sheet is set up for A4 landscape at its layout’s legible scale, headings repeated', () => {
    const layouts = layoutReviewSheets({ report, rubric: DEFAULT_RUBRIC, copied: [] });
    for (const name of Object.values(REVIEW_SHEETS)) {
      const ws = sheet(wb, name);
      const columns = Array.from({ length: ws.columnCount }, (_, i) => ({ width: ws.getColumn(i + 1).width ?? 8.43, hidden: ws.getColumn(i + 1).hidden }));
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: false, scale: printScale(columns) });
      expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    }
    expect(sheet(wb, '问题清单').pageSetup.printTitlesRow).toBe('2:2');
    // 评分表: the indicators start a page, under their headings, which repeat on later pages.
    const scoring = sheet(wb, '评分表');
    const indicatorsHeading = layouts[0].cells.find((c) => typeof c.value === 'string' && c.value.startsWith('二、评分指标'))!.row;
    expect(scoring.pageSetup.printTitlesRow).toBe(`${indicatorsHeading + 1}:${indicatorsHeading + 1}`);
    // A manual break after the row above the heading (ExcelJS's reader drops breaks: read the XML).
    const sheetXml = strFromU8(unzipSync(written, { filter: (f) => f.name === 'xl/worksheets/sheet1.xml' })['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toContain('<sheet');
    // The thresholds do not fit under the header block here, so they start a page too.
    const thresholdsHeading = layouts[0].cells.find((c) => typeof c.value === 'string' && c.value.startsWith('一、门槛条件'))!.row;
    expect([...sheetXml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([thresholdsHeading - 1, indicatorsHeading - 1]);
    // 评分细则 is too wide for one legible page: 编号 and 指标名称 repeat on the pages across.
    expect(sheet(wb, '评分细则').pageSetup.printTitlesColumn).toBe('B:C');
  });
});

describe('评分表', () => {
  test('header, thresholds and indicators', () => {
    const ws = sheet(wb, '评分表');
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getCell('C4').value).toBe('测试/平台:一');
    expect(ws.getCell('C5').value).toBe('测试单位');
    expect(ws.getCell('C6').value).toBe('技术创新');
    expect(ws.getCell('C8').value).toBe(2024);
    expect(ws.getCell('B9').value).toBe('评审专家');
    expect(ws.getCell('C9').value).toBeNull();
    const t4 = markRow(ws, 'T4');
    expect(ws.getCell(t4, SCORING_COLS.value).value).toBe(report.indicators.jjjEnterprises);
    // A computed threshold's 结论 follows its 核定值; the reviewer's word goes in 评审结论.
    expect(formula(ws.getCell(t4, SCORING_COLS.result))).toContain(`E${t4}`);
    expect(result(ws.getCell(t4, SCORING_COLS.result))).toBe('不符合');
    expect(result(ws.getCell(markRow(ws, 'T1'), SCORING_COLS.result))).toBe('待核');
    expect(result(ws.getCell(markRow(ws, 'T8'), SCORING_COLS.result))).toBe('符合');
    expect(ws.getCell(t4, SCORING_COLS.override).value).toBeNull();
    const validation = ws.getCell(t4, SCORING_COLS.override).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"符合,不符合,待核"'] });
    const r6 = markRow(ws, '6');
    expect(ws.getCell(r6, SCORING_COLS.value).value).toBe(report.indicators.jjjEnterprises);
    expect(formula(ws.getCell(r6, SCORING_COLS.result))).toContain("'评分细则'!");
    expect(formula(ws.getCell(r6, SCORING_COLS.limit))).toMatch(/^'评分细则'!\$D\$\d+$/);
    const s = computeScoring(report, DEFAULT_RUBRIC);
    const totalRow = rowWith(ws, SCORING_COLS.title, '合计');
    // ExcelJS's load drops a cached 0 (test/workbook/file/reader.test.ts shows the file holds it).
    expect(result(ws.getCell(totalRow, SCORING_COLS.result)) ?? 0).toBe(s.total);
    expect(result(ws.getCell(totalRow + 1, SCORING_COLS.result))).toBe('不合格');
    expect(result(ws.getCell('H5'))).toBe('不合格');
    const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    const cf = formats.find((c) => c.rules.some((r) => r.type === 'dataBar'));
    expect(cf?.ref).toBe(`F${markRow(ws, '1')}:F${markRow(ws, '13')}`);
  });

  test('HyperFormula computes every formula to the result written with it', () => {
    const e = hf(wb);
    for (const name of ['评分表', '评分细则']) {
      sheet(wb, name).eachRow((row) =>
        row.eachCell((cell) => {
          const f = formula(cell);
          if (f === undefined || cell.master !== cell) return;
          const want = result(cell);
          const got = e.get(name, cell.address);
          if (typeof want === 'number') expect(got).toBeCloseTo(want, 9);
          // ExcelJS reads a cached 0 (and '') back as no result.
          else if (want === undefined) expect([cell.address, got === 0 || got === '']).toEqual([cell.address, true]);
          else expect([cell.address, got]).toEqual([cell.address, want]);
        }),
      );
    }
  });

  test('changing a 结论, a 核定值 or a rubric point recomputes total and verdict (HyperFormula)', () => {
    const ws = sheet(wb, '评分表');
    const e = hf(wb);
    const totalRow = rowWith(ws, SCORING_COLS.title, '合计');
    const total = `F${totalRow}`;
    const verdict = `F${totalRow + 1}`;
    const concl = (id: string) => `F${markRow(ws, id)}`;
    const value = (id: string) => `E${markRow(ws, id)}`;
    const ids = computeScoring(report, DEFAULT_RUBRIC).indicators.map((i) => i.item.id);

    // All 符合 and every indicator at full marks: 合格.
    for (const t of report.thresholds) e.set('评分表', concl(t.id), '符合');
    for (const id of ids) e.set('评分表', value(id), 1e6);
    expect(e.get('评分表', total)).toBe(100);
    expect(e.get('评分表', verdict)).toBe('合格');
    expect(e.get('评分表', 'H5')).toBe('合格');
    // T4 不符合 → 不合格.
    e.set('评分表', concl('T4'), '不符合');
    expect(e.get('评分表', verdict)).toBe('不合格');
    // Any 待核 → 待定.
    e.set('评分表', concl('T4'), '待核');
    expect(e.get('评分表', verdict)).toBe('待定');
    expect(e.get('评分表', 'H6')).toBe('符合 10 项，不符合 0 项，待核 1 项');
    e.set('评分表', concl('T4'), '符合');
    // A 核定值 lowered: 6 falls from 15 to 5 points, total 90, still 合格.
    e.set('评分表', value('6'), 150);
    expect(e.get('评分表', `F${markRow(ws, '6')}`)).toBe(5);
    expect(e.get('评分表', total)).toBe(90);
    // Rubric point edited on 评分细则: 6's first step worth 0 → total 85; pass score 86 → 不合格.
    const rub = sheet(wb, '评分细则');
    const r6 = markRow(rub, '6');
    e.set('评分细则', `J${r6}`, 0);
    expect(e.get('评分表', total)).toBe(85);
    expect(e.get('评分表', verdict)).toBe('合格');
    e.set('评分细则', `D${markRow(rub, 'passScore')}`, 86);
    expect(e.get('评分表', verdict)).toBe('不合格');
    // Total below 80 with all 符合 → 不合格.
    e.set('评分细则', `D${markRow(rub, 'passScore')}`, 80);
    for (const id of ids.slice(0, 4)) e.set('评分表', value(id), 0);
    expect(e.get('评分表', total)).toBe(65);
    expect(e.get('评分表', verdict)).toBe('不合格');
  });
});

describe('问题清单', () => {
  test('one row per finding, sorted, with links into the copied sheets', () => {
    const ws = sheet(wb, '问题清单');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe(`A2:K${2 + report.findings.length}`);
    const severities: string[] = [];
    const names = new Set(wb.worksheets.map((w) => w.name));
    let links = 0;
    for (let r = 3; r < 3 + report.findings.length; r++) {
      severities.push(String(ws.getCell(r, FINDINGS_COLS.severity).value));
      const f = formula(ws.getCell(r, FINDINGS_COLS.cell));
      if (f) {
        const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)","([A-Z]+\d+|第\d+行)"\)$/.exec(f);
        expect(m).not.toBeNull();
        expect(names.has(m![1].replace(/''/g, "'"))).toBe(true);
        links++;
      }
    }
    const rank = { 错误: 0, 警告: 1, 提示: 2 } as Record<string, number>;
    expect(severities.map((s) => rank[s])).toEqual([...severities.map((s) => rank[s])].sort());
    expect(links).toBeGreaterThan(0);
    // The duplicate in 名单.xlsx links to its cell in «4-2-1-2 名单».
    const dup = report.findings.find((f) => f.check === 'duplicate-enterprise' && f.file === '名单.xlsx')!;
    let dupRow = 0;
    ws.eachRow((row, r) => {
      if (formula(row.getCell(FINDINGS_COLS.cell)) === `HYPERLINK("#'4-2-1-2 名单'!${dup.cell}","${dup.cell}")`) dupRow = r;
    });
    expect(dupRow).toBeGreaterThan(2);
    expect(String(ws.getCell(dupRow, FINDINGS_COLS.check).value)).toMatch(/（duplicate-enterprise）$/);
    expect(ws.getCell(dupRow, FINDINGS_COLS.sheet).value).toBe('名单（本工作簿中为「4-2-1-2 名单」）');
    // The unreadable file is listed without a link.
    const broken = [...Array(report.findings.length).keys()].map((i) => i + 3).find((r) => ws.getCell(r, FINDINGS_COLS.file).value === '坏.xlsx');
    expect(broken).toBeDefined();
    expect(formula(ws.getCell(broken!, FINDINGS_COLS.cell))).toBeUndefined();
  });
});

describe('抽查样本', () => {
  test('rows, rule text, drop-downs', () => {
    const ws = sheet(wb, '抽查样本');
    const sample = report.sample as EnterpriseSample[];
    expect(ws.getCell('C2').value).toBe(report.sampleRule.description);
    expect(ws.getCell('B6').value).toBe('排名');
    sample.forEach((s, i) => {
      expect(ws.getCell(7 + i, 2).value).toBe(s.rank);
      expect(ws.getCell(7 + i, 3).value).toBe(s.enterprise);
      expect(ws.getCell(7 + i, 4).value).toBe(s.amount);
      expect(ws.getCell(7 + i, 6).value).toBe(s.contracts.join('、'));
      expect(ws.getCell(7 + i, 8).dataValidation).toMatchObject({ type: 'list', formulae: ['"已核验,不符,缺失,待核"'] });
      expect(ws.getCell(7 + i, 9).dataValidation).toMatchObject({ type: 'list' });
    });
    expect(ws.getCell(7, 3).value).toBe('北京测试1科技有限公司');
    expect(ws.getCell(7, 4).value).toBe(130.5);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
  });
});

describe('formula injection', () => {
  test('strings from the submission stay strings in every sheet, text-formatted in the review sheets', () => {
    const seen: Record<string, Set<string>> = {};
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const f = formula(cell);
          if (f !== undefined) {
            // No formula carries a payload: only our own (and quoted sheet names in HYPERLINK targets).
            expect(f).not.toMatch(/http:\/\/x|SUM\(A1\)|1\+1\.xlsx/);
            return;
          }
          const v = cell.value;
          if (typeof v !== 'string') return;
          for (const p of [...INJECTED, INJECTED_FILE]) {
            if (v === p) {
              (seen[ws.name] ??= new Set()).add(p);
              expect(cell.type).toBe(ExcelJS.ValueType.String);
              if ((Object.values(REVIEW_SHEETS) as string[]).includes(ws.name)) expect(cell.numFmt).toBe('@');
            }
          }
        }),
      );
    }
    expect([...seen['4-2-1-2 名单']].sort()).toEqual([...INJECTED].sort());
    expect([...seen['抽查样本']].sort()).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)']));
    expect(seen['问题清单']).toContain(INJECTED_FILE);
  });
});

describe('re-running keeps the reviewer’s work', () => {
  let edited: Uint8Array;
  let findingMark: string;
  let report2: ReviewReport;
  let wb2: ExcelJS.Workbook;

  beforeAll(async () => {
    // The reviewer edits the first workbook in Excel (here: ExcelJS).
    const ed = await load(await writeReviewWorkbook({ report, sources: sources(files) }));
    const sc = sheet(ed, '评分表');
    sc.getCell(markRow(sc, 'T1'), SCORING_COLS.result).value = '符合';
    sc.getCell(markRow(sc, 'T2'), SCORING_COLS.value).value = 520;
    sc.getCell(markRow(sc, 'T2'), SCORING_COLS.comment).value = '审计报告第3页';
    sc.getCell(markRow(sc, '6'), SCORING_COLS.value).value = 300;
    sc.getCell(markRow(sc, '1'), SCORING_COLS.value).value = 2;
    sc.getCell(markRow(sc, 'reviewer'), SCORING_COLS.title).value = '张三';
    sc.getCell(markRow(sc, 'reviewDate'), SCORING_COLS.title).value = new Date(Date.UTC(2025, 2, 1));
    const rub = sheet(ed, '评分细则');
    rub.getCell(markRow(rub, '7'), 4).value = 12;
    const sm = sheet(ed, '抽查样本');
    const r = markRow(sm, 'e:+1');
    sm.getCell(r, 8).value = '已核验';
    sm.getCell(r, 9).value = '缺失';
    sm.getCell(r, 10).value = '发票待补';
    const fl = sheet(ed, '问题清单');
    findingMark = String(fl.getCell(3, FINDINGS_COLS.mark).value);
    fl.getCell(3, FINDINGS_COLS.disposition).value = '属实';
    fl.getCell(3, FINDINGS_COLS.remark).value = '已与平台核实';
    edited = new Uint8Array(await ed.xlsx.writeBuffer());
    // The platform resubmits: more enterprises, doubled amounts.
    const files2 = await submission('second');
    report2 = await review(files2);
    wb2 = await load(await writeReviewWorkbook({ report: report2, sources: sources(files2), previous: edited }));
  });

  test('the edits are read from the previous workbook', async () => {
    const inputs = await readReviewerInputs(edited);
    expect(inputs['评分表']).toEqual({
      T1: { conclusion: '符合' },
      T2: { value: 520, comment: '审计报告第3页' },
      '6': { value: 300 },
      '1': { value: 2 },
      reviewer: { value: '张三' },
      reviewDate: { value: 45717 },
    });
    expect(inputs['评分细则']).toEqual({ '7': { max: 12 } });
    expect(inputs['抽查样本']).toEqual({ 'e:+1': { contract: '已核验', invoice: '缺失', note: '发票待补' } });
    const key = (JSON.parse(findingMark) as { k: string }).k;
    expect(inputs['问题清单']).toEqual({ [key]: { disposition: '属实', remark: '已与平台核实' } });
  });

  test('处理意见 and 备注 on 问题清单 come back on the same finding', () => {
    const fl = sheet(wb2, '问题清单');
    const identity = (mark: unknown) => {
      const k = JSON.parse((JSON.parse(String(mark)) as { k: string }).k.slice(2)) as { id: unknown; n: number };
      return JSON.stringify([k.id, k.n]);
    };
    const want = identity(findingMark);
    const rows: number[] = [];
    fl.eachRow((row, r) => {
      const m = row.getCell(FINDINGS_COLS.mark).value;
      if (r > 2 && typeof m === 'string' && m.startsWith('{') && identity(m) === want) rows.push(r);
    });
    expect(rows).toHaveLength(1);
    expect([fl.getCell(rows[0], FINDINGS_COLS.disposition).value, fl.getCell(rows[0], FINDINGS_COLS.remark).value]).toEqual(['属实', '已与平台核实']);
    expect(fl.getCell(rows[0], FINDINGS_COLS.disposition).dataValidation).toMatchObject({ type: 'list', formulae: ['"属实,不属实,已说明,待核"'] });
  });

  test('only yellow cells were edited: nothing is listed as not kept, though the platform changed its files', () => {
    expect(wb2.getWorksheet(UNKEPT_SHEET)).toBeUndefined();
    // The copies' fingerprints are kept out of sight, and out of any later review.
    expect(wb2.getWorksheet(FINGERPRINT_SHEET)?.state).toBe('veryHidden');
  });

  test('edits survive; generated content is refreshed', () => {
    expect(report2.indicators.jjjEnterprises).toBe(report.indicators.jjjEnterprises + 2);
    const sc = sheet(wb2, '评分表');
    // Kept.
    expect(sc.getCell(markRow(sc, 'T1'), SCORING_COLS.result).value).toBe('符合');
    expect(sc.getCell(markRow(sc, 'T2'), SCORING_COLS.value).value).toBe(520);
    expect(sc.getCell(markRow(sc, 'T2'), SCORING_COLS.comment).value).toBe('审计报告第3页');
    expect(sc.getCell(markRow(sc, '6'), SCORING_COLS.value).value).toBe(300);
    expect(sc.getCell(markRow(sc, '1'), SCORING_COLS.value).value).toBe(2);
    expect(sc.getCell(markRow(sc, 'reviewer'), SCORING_COLS.title).value).toBe('张三');
    expect(sc.getCell(markRow(sc, 'reviewDate'), SCORING_COLS.title).value).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(sc.getCell(markRow(sc, 'reviewDate'), SCORING_COLS.title).numFmt).toBe('yyyy-mm-dd');
    // Refreshed: T4's value follows the new list, 6's note shows the new computed value.
    expect(sc.getCell(markRow(sc, 'T4'), SCORING_COLS.value).value).toBe(report2.indicators.jjjEnterprises);
    expect(String(sc.getCell(markRow(sc, '6'), SCORING_COLS.note).value)).toContain(`${report2.indicators.jjjEnterprises} 家`);
    expect(String(sc.getCell(markRow(sc, '6'), SCORING_COLS.note).value)).toContain('核定值已由评审修改');
    // The marks hold the new generated values, so the edits are still edits next time.
    expect(JSON.parse(String(sc.getCell(markRow(sc, '6'), 1).value)).f.value).toEqual([SCORING_COLS.value, report2.indicators.jjjEnterprises]);
    const rub = sheet(wb2, '评分细则');
    expect(rub.getCell(markRow(rub, '7'), 4).value).toBe(12);
    expect(rub.getCell(markRow(rub, '6'), 4).value).toBe(15);
    const sm = sheet(wb2, '抽查样本');
    const r = markRow(sm, 'e:+1');
    expect([8, 9, 10].map((c) => sm.getCell(r, c).value)).toEqual(['已核验', '缺失', '发票待补']);
    expect(sm.getCell(r, 4).value).toBe(111); // amount doubled
    // Another enterprise has no carried results.
    expect(sm.getCell(markRow(sm, 'e:北京测试1科技有限公司'), 8).value).toBeNull();
    // 问题清单 is regenerated from the new report.
    expect(sheet(wb2, '问题清单').autoFilter).toBe(`A2:K${2 + report2.findings.length}`);
  });

  test('the cached results use the edits, and HyperFormula agrees', () => {
    const sc = sheet(wb2, '评分表');
    const e = hf(wb2);
    const totalRow = rowWith(sc, SCORING_COLS.title, '合计');
    // 6 at 300 → 11 points; 1 at 2 → 4 points; 7 worth 12 (19 → 0.5 × …).
    expect(result(sc.getCell(markRow(sc, '6'), SCORING_COLS.result))).toBe(11);
    expect(e.get('评分表', `F${markRow(sc, '6')}`)).toBe(11);
    expect(e.get('评分表', `F${markRow(sc, '1')}`)).toBe(4);
    expect(e.get('评分表', `G${markRow(sc, '7')}`)).toBe(12);
    expect(e.get('评分表', `F${totalRow}`)).toBeCloseTo(result(sc.getCell(totalRow, SCORING_COLS.result)) as number, 9);
    expect(e.get('评分表', `F${totalRow + 1}`)).toBe(result(sc.getCell(totalRow + 1, SCORING_COLS.result)));
  });

  test('running again on the re-run keeps the same edits; a reverted edit follows the data again', async () => {
    const again = await load(await writeReviewWorkbook({ report: report2, sources: sources(await submission('second')), previous: new Uint8Array(await wb2.xlsx.writeBuffer()) }));
    const sc = sheet(again, '评分表');
    expect(sc.getCell(markRow(sc, '6'), SCORING_COLS.value).value).toBe(300);
    expect(sc.getCell(markRow(sc, 'T1'), SCORING_COLS.result).value).toBe('符合');
    // The reviewer sets 6 back to the computed value: no longer an edit.
    sc.getCell(markRow(sc, '6'), SCORING_COLS.value).value = report2.indicators.jjjEnterprises;
    const inputs = await readReviewerInputs(new Uint8Array(await again.xlsx.writeBuffer()));
    expect(inputs['评分表']?.['6']).toBeUndefined();
    expect(inputs['评分表']?.T1).toEqual({ conclusion: '符合' });
  });

  test('a previous file that is not a workbook is refused in Chinese', async () => {
    await expect(readReviewerInputs(new Uint8Array([1, 2, 3]))).rejects.toThrow(/无法读取已有的审核工作簿/);
  });
});

test('custom document properties name the rubric and whether it is official', async () => {
  expect(readCustomProperties(written)).toEqual({ 评分细则: DEFAULT_RUBRIC.name, 评分细则为正式细则: false, 审核年度: '2024' });
  const official = loadRubric({ ...JSON.parse(JSON.stringify(DEFAULT_RUBRIC)), name: '正式评分细则 <&>', example: false });
  const bytes = await writeReviewWorkbook({ report, rubric: official, sources: [] });
  expect(readCustomProperties(bytes)).toEqual({ 评分细则: '正式评分细则 <&>', 评分细则为正式细则: true, 审核年度: '2024' });
  // Still a package ExcelJS and the project's reader open.
  expect((await load(bytes)).worksheets.length).toBe(4);
  expect((await readWorkbook(bytes, 'x.xlsx')).length).toBe(4);
});

test('a replacement rubric is written to 评分细则 and used by the formulas', async () => {
  const other = JSON.parse(JSON.stringify(DEFAULT_RUBRIC));
  other.notice = '正式评分细则（测试）';
  other.items.find((i: { id: string }) => i.id === '6').max = 20;
  const rubric = loadRubric(other);
  const w = await load(await writeReviewWorkbook({ report, rubric, sources: [] }));
  expect(sheet(w, '评分细则').getCell('B2').value).toBe('正式评分细则（测试）');
  expect(w.worksheets.map((x) => x.name)).toEqual(['评分表', '评分细则', '问题清单', '抽查样本']);
  const sc = sheet(w, '评分表');
  expect(result(sc.getCell(markRow(sc, '6'), SCORING_COLS.limit))).toBe(20);
});

describe('reviewWorkbookName', () => {
  test.each([
    ['星河中小企业公共服务平台', 'x', '星河中小企业公共服务平台-审核.xlsx'],
    ['a/b:c*d?"e"<f>|g', 'x', 'a_b_c_d__e__f__g-审核.xlsx'],
    [null, '材料目录', '材料目录-审核.xlsx'],
    [null, 'submission.xlsx', 'submission-审核.xlsx'],
    ['  ', '', '审核结果-审核.xlsx'],
    ['CON', 'x', '_CON-审核.xlsx'],
    ['平台. ', 'x', '平台-审核.xlsx'],
  ])('%j / %j → %j', (name, fallback, expected) => {
    expect(reviewWorkbookName(name, fallback)).toBe(expected);
  });

  test('very long names are cut', () => {
    expect(reviewWorkbookName('长'.repeat(300), 'x')).toBe(`${'长'.repeat(100)}-审核.xlsx`);
  });
});

describe('printed and signed', () => {
  test('every sheet prints the review year in its header and platform · sheet · page N of M in its footer; copies name their file', async () => {
    const files = await submission();
    const report = await review(files);
    const book = await load(await writeReviewWorkbook({ report, sources: sources(files) }));
    for (const ws of book.worksheets.filter((w) => w.state !== 'veryHidden')) {
      expect(ws.headerFooter.oddHeader).toBe('&C&11&"-,Regular"2024 年度绩效评价审核');
      expect(ws.headerFooter.oddFooter).toMatch(/^&L&11&"-,Regular"测试\/平台:一 · .+&R&11&"-,Regular"第 &P 页 共 &N 页$/);
    }
    expect(book.getWorksheet('评分表')!.headerFooter.oddFooter).toContain(' · 评分表&R');
    const copy = book.worksheets.find((w) => !['评分表', '评分细则', '问题清单', '抽查样本'].includes(w.name))!;
    expect(copy.headerFooter.oddFooter).toMatch(/ · 材料：.+\.xlsx » /);
  });

  test('the 评分表 has a signature block under the verdict: 评审专家, 日期, 复核人', async () => {
    const files = await submission();
    const book = await load(await writeReviewWorkbook({ report: await review(files), sources: sources(files) }));
    const texts: string[] = [];
    book.getWorksheet('评分表')!.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    for (const label of ['评审专家（签字）：', '日期：', '复核人（签字）：']) expect(texts.some((t) => t.startsWith(label) && t.includes('＿'))).toBe(true);
  });
});

describe('nothing the reviewer typed is lost silently (未保留的修改)', () => {
  let first: ExcelJS.Workbook;
  let edited: Uint8Array;
  let copyName: string;
  const where: Record<string, string> = {};

  beforeAll(async () => {
    first = await load(await writeReviewWorkbook({ report, sources: sources(files) }));
    const fl = sheet(first, '问题清单');
    // A generated column (说明), and a cell beyond the table, on a finding row.
    fl.getCell(3, FINDINGS_COLS.message).value = '评审改写的说明';
    where.message = fl.getCell(3, FINDINGS_COLS.message).address;
    fl.getCell(3, FINDINGS_COLS.remark + 2).value = '表外的批注';
    where.outside = fl.getCell(3, FINDINGS_COLS.remark + 2).address;
    // A cell the tool never writes on 评分表.
    sheet(first, '评分表').getCell('L1').value = '复核意见：同意';
    // A copied submission sheet.
    copyName = first.worksheets.find((w) => w.name.includes('名单') && w.name.startsWith('4-2-1-2'))!.name;
    sheet(first, copyName).getCell('B3').value = '评审改过的企业名';
    // And a yellow cell, which is carried as usual.
    fl.getCell(4, FINDINGS_COLS.remark).value = '保留的备注';
    edited = new Uint8Array(await first.xlsx.writeBuffer());
  });

  test('changes outside the yellow cells are listed with their old place and text, after the four review sheets', async () => {
    const { bytes, unkept } = await buildReviewWorkbook({ report, sources: sources(files), previous: edited });
    expect(unkept.map((e) => [e.sheet, e.cell, e.text]).sort()).toEqual(
      [
        ['问题清单', where.message, '评审改写的说明'],
        ['问题清单', where.outside, '表外的批注'],
        ['评分表', 'L1', '复核意见：同意'],
        [copyName, 'B3', '评审改过的企业名'],
      ].sort(),
    );
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name).slice(0, 5)).toEqual(['评分表', '评分细则', '问题清单', '抽查样本', UNKEPT_SHEET]);
    const listed = sheet(wb, UNKEPT_SHEET);
    const rows: string[][] = [];
    listed.eachRow((row, r) => {
      if (r > 3) rows.push([2, 3, 4].map((c) => String(row.getCell(c).value)));
    });
    expect(rows.sort()).toEqual(unkept.map((e) => [e.sheet, e.cell, e.text]).sort());
    // The yellow cell came back where it belongs, and the copy is the file again.
    expect(sheet(wb, '问题清单').getCell(4, FINDINGS_COLS.remark).value).toBe('保留的备注');
    expect(sheet(wb, copyName).getCell('B3').value).not.toBe('评审改过的企业名');

    // A further re-run keeps listing them, once each.
    const again = await buildReviewWorkbook({ report, sources: sources(files), previous: bytes });
    expect(again.unkept.map((e) => [e.sheet, e.cell, e.text]).sort()).toEqual(unkept.map((e) => [e.sheet, e.cell, e.text]).sort());
  });

  test('a workbook re-run without edits lists nothing', async () => {
    const plain = await writeReviewWorkbook({ report, sources: sources(files) });
    const { unkept, bytes } = await buildReviewWorkbook({ report, sources: sources(files), previous: plain });
    expect(unkept).toEqual([]);
    expect((await load(bytes)).getWorksheet(UNKEPT_SHEET)).toBeUndefined();
  });
});

