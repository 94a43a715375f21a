import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import { reviewSubmission } from '../../../src/domain/review';
import type { ReviewReport } from '../../../src/domain/report';
import { readWorkbook } from '../../../src/workbook/file/reader';
import { DEFAULT_RUBRIC, FINDINGS_COLS, layoutReviewSheets, REVIEW_SHEETS, reviewProperties, SCORING_COLS, type SheetLayout } from '../../../src/workbook/layout';
import { UNKEPT_SHEET } from '../../../src/workbook/layout/sheetNames';
import { sealLayout } from '../../../src/workbook/layout/unkept';
import { asText } from '../../../src/workbook/layout/text';
import { STATE_SHEET } from '../../../src/workbook/office/addinState';
import { cellFormula, cellNumberFormat } from '../../../src/workbook/office/drawLayout';
import {
  MARK_FILLS,
  clearMarks,
  findingTarget,
  importWorkbooks,
  marksForFindings,
  readForReview,
  selectCell,
  writeReview,
  type ImportSource,
  type WorkbookSnapshot,
} from '../../../src/workbook/office/officeReview';
import { createOfficeWorkbookReader } from '../../../src/workbook/office/officeWorkbook';
import { BASE_FEATURES } from '../../../src/workbook/office/drawLayout';
import { SYNC_BYTES } from '../../../src/workbook/office/syncBudget';
import { createMemoryExcel, parseArea, type ExcelApiVersion, type MemoryExcel, type MemSheetSpec } from './memoryExcel';

const SAMPLE_DIR = path.join(__dirname, '../../../samples/星河中小企业公共服务平台');

async function sampleSources(): Promise<{ sources: ImportSource[]; broken: string[] }> {
  const sources: ImportSource[] = [];
  const broken: string[] = [];
  for (const file of readdirSync(SAMPLE_DIR).sort()) {
    const bytes = readFileSync(path.join(SAMPLE_DIR, file));
    try {
      const grids = await readWorkbook(new Uint8Array(bytes), file);
      sources.push({ file, base64: bytes.toString('base64'), grids });
    } catch {
      broken.push(file);
    }
  }
  return { sources, broken };
}

/** Parse an .xlsx (base64) for the fake's insertWorksheetsFromBase64, as Excel would. */
async function parseWorkbook(base64: string): Promise<MemSheetSpec[]> {
  const grids = await readWorkbook(new Uint8Array(Buffer.from(base64, 'base64')), 'x.xlsx');
  return grids.map((g) => ({
    name: g.sheet,
    firstRow: g.firstRow,
    firstColumn: g.firstColumn,
    values: g.values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : (v ?? '')))),
  }));
}

function review(snapshot: WorkbookSnapshot): ReviewReport {
  return reviewSubmission({ files: snapshot.files, platform: { name: '星河中小企业公共服务平台', category: '综合咨询' }, year: 2024 });
}

function requestFor(report: ReviewReport, snapshot: WorkbookSnapshot) {
  return {
    build: (inputs: Parameters<typeof layoutReviewSheets>[0]['inputs']) =>
      layoutReviewSheets({ report, rubric: DEFAULT_RUBRIC, copied: snapshot.copied, inputs }),
    marks: marksForFindings(report.findings, snapshot),
    properties: reviewProperties(report, DEFAULT_RUBRIC),
  };
}

/** Every layout cell is in the fake as the file writer would put it: formulas, constants, text. */
function expectDrawn(excel: MemoryExcel, layout: SheetLayout): void {
  for (const cell of layout.cells) {
    const got = excel.cell(layout.name, `${String.fromCharCode(64 + cell.col)}${cell.row}`);
    const written = cellFormula(cell);
    if (cell.hyperlink) continue;
    if (typeof cell.value === 'object' && cell.value !== null) {
      expect(got?.formula).toBe(written);
    } else if (cell.value === null) {
      expect(got?.value ?? '').toBe('');
    } else {
      expect({ at: `${layout.name}!R${cell.row}C${cell.col}`, value: got?.value, formula: got?.formula }).toEqual({
        at: `${layout.name}!R${cell.row}C${cell.col}`,
        value: cell.value,
        formula: undefined,
      });
    }
    if (cellNumberFormat(cell) !== 'General') expect(got?.numberFormat).toBe(cellNumberFormat(cell));
  }
}

describe('the Office adapter on the shipped sample', () => {
  let excel: MemoryExcel;
  let snapshot: WorkbookSnapshot;
  let report: ReviewReport;

  beforeAll(async () => {
    const { sources, broken } = await sampleSources();
    expect(broken).toEqual(['损坏的附件.xlsx']);
    excel = createMemoryExcel([{ name: '封面', values: [['评审工作底稿']] }]);
    const result = await importWorkbooks(sources, false, excel.run);
    expect(result.inserted).toEqual([]);
    expect(result.imported.length).toBe(sources.reduce((n, s) => n + s.grids.length, 0));
    snapshot = await readForReview(excel.run);
    report = review(snapshot);
  });

  it('imports every sheet under a unique name and cites findings by file and original sheet', () => {
    const names = excel.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toContain('封面');
    // Two files hold a sheet called 名单 and three a Sheet1: each gets its file's name in front.
    const lists = snapshot.copied.filter((c) => c.sheet === '名单');
    expect(lists).toHaveLength(2);
    expect(lists.every((c) => c.name !== '名单' && c.name.length <= 31)).toBe(true);
    expect(snapshot.copied.filter((c) => c.sheet === 'Sheet1').every((c) => c.name !== 'Sheet1')).toBe(true);
    expect(excel.sheet(STATE_SHEET)?.visibility).toBe('VeryHidden');
    expect(snapshot.files.map((f) => f.file)).toEqual(expect.arrayContaining(['当前工作簿', '满意度调查.xlsx', '附件8 高成长企业.xlsx']));
    const listFinding = report.findings.find((f) => f.check === 'duplicate-enterprise');
    expect(listFinding?.file).toBe('附表4-2-1-2_2024年度服务企业名单.xlsx');
    expect(listFinding?.sheet).toBe('名单');
    const target = findingTarget(listFinding!, snapshot.copied);
    expect(target?.sheet).not.toBe('名单');
    expect(excel.sheet(target!.sheet)).toBeDefined();
  });

  it('writes the four review sheets like the file writer, in syncs within the payload limits, and highlights the rows', async () => {
    const before = excel.syncs;
    const result = await writeReview(requestFor(report, snapshot), excel.run);
    // The records (2), the structure (1), the sheets (a few syncs of ≤ 2.5 MB), the records again (1).
    expect(excel.syncs - before).toBe(result.syncs.syncs);
    expect(result.syncs.syncs).toBeLessThanOrEqual(8);
    expect(result.syncs.retried).toBe(0);
    expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(SYNC_BYTES * 1.2);
    expect(result.sheets).toEqual([REVIEW_SHEETS.scoring, REVIEW_SHEETS.rubric, REVIEW_SHEETS.findings, REVIEW_SHEETS.sample]);
    expect(excel.sheets.slice(0, 4).map((s) => s.name)).toEqual(result.sheets);
    expect(excel.active).toBe(REVIEW_SHEETS.scoring);
    // As drawn: each row mark sealed with its row's fingerprint.
    const layouts = layoutReviewSheets({ report, rubric: DEFAULT_RUBRIC, copied: snapshot.copied }).map(sealLayout);
    for (const layout of layouts) {
      expectDrawn(excel, layout);
      const sheet = excel.sheet(layout.name)!;
      expect(sheet.merges.sort()).toEqual([...layout.merges].sort());
      expect(sheet.conditionalFormats).toHaveLength(layout.conditionalFormats.length);
      expect(sheet.validations.map((v) => v.address).sort()).toEqual(layout.dataValidations.map((v) => v.range).sort());
      if (layout.freeze) expect(sheet.freeze).toEqual({ rows: layout.freeze.row, columns: layout.freeze.col });
      expect(sheet.print.orientation).toBe('Landscape');
      // The same fixed, legible scale, repeated rows/columns, page breaks, header and footer as the file.
      expect(sheet.print.zoom).toEqual({ scale: layout.print.scale });
      // The margins the scale was computed for (PAGE_MARGINS, in inches), in points.
      expect([sheet.print.leftMargin, sheet.print.rightMargin, sheet.print.topMargin, sheet.print.bottomMargin]).toEqual([36, 36, 43.2, 43.2]);
      expect(sheet.print.titleColumns).toBe(layout.print.titleColumns ? layout.print.titleColumns.replace(/([A-Z]+)/g, '$$$1') : undefined);
      expect(sheet.print.breaks).toEqual(layout.print.breaksBefore?.map((r) => `A${r}`));
      expect(sheet.print.centerHeader).toBe('&11&"-,Regular"2024 年度绩效评价审核');
      expect(sheet.print.leftFooter).toBe(`&11&"-,Regular"星河中小企业公共服务平台 · ${layout.name}`);
      expect(sheet.print.rightFooter).toBe('&11&"-,Regular"第 &P 页 共 &N 页');
      // The example rubric is flagged in the document's custom properties too.
      expect(Object.fromEntries(excel.customProperties)).toEqual({ 评分细则: DEFAULT_RUBRIC.name, 评分细则为正式细则: false, 审核年度: '2024' });
      expect(sheet.hiddenColumns.has(0)).toBe(layout.columns[0]?.hidden === true);
    }
    // Values (number formats, then formulas) come before formats on every sheet.
    for (const name of result.sheets) {
      const log = excel.log.filter((l) => l.sheet === name);
      const lastValue = log.map((l) => l.kind).lastIndexOf('formulas');
      const firstFormat = log.findIndex((l) => l.kind === 'format');
      expect(log.findIndex((l) => l.kind === 'numberFormat')).toBeLessThan(log.findIndex((l) => l.kind === 'formulas'));
      expect(lastValue).toBeLessThan(firstFormat);
    }
    // 问题清单 links go to the copied sheets.
    const findings = excel.sheet(REVIEW_SHEETS.findings)!;
    const links = findings.rows.flatMap((r) => (r ?? []).filter((c) => c?.hyperlink)).map((c) => c!.hyperlink!.documentReference);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(excel.sheet(parseArea(link!).sheet!)).toBeDefined();

    expect(result.marked).toBeGreaterThan(10);
    const finding = report.findings.find((f) => f.severity === 'error' && f.row !== null && findingTarget(f, snapshot.copied))!;
    const target = findingTarget(finding, snapshot.copied)!;
    const extent = snapshot.extents[target.sheet];
    // Highlighted by a conditional format over the row; the cells' own fills are untouched.
    const rowCell = (col: number) => excel.sheet(target.sheet)!.rows[finding.row! - 1]?.[col - 1];
    expect(rowCell(extent.firstColumn)?.fill).toBeUndefined();
    const highlight = excel.sheet(target.sheet)!.conditionalFormats.find((f) => f.type === 'Custom' && covers(f.address, finding.row!));
    expect(highlight?.custom).toMatchObject({ rule: { formula: '=TRUE' }, format: { fill: { color: MARK_FILLS.error } } });
    expect(highlight?.address).toMatch(new RegExp(`^A\\d+:[A-Z]+\\d+$`));
  });

  it('keeps the reviewer entries on re-run (matched by row key) and clears only its own marks', async () => {
    const first = await writeReview(requestFor(report, snapshot), excel.run);
    const scoring = excel.sheet(REVIEW_SHEETS.scoring)!;
    const t1Row = scoring.rows.findIndex((r) => typeof r?.[0]?.value === 'string' && String(r[0].value).includes('"k":"T1"'));
    expect(t1Row).toBeGreaterThan(0);
    const conclusion = scoring.rows[t1Row]![SCORING_COLS.result - 1]!;
    expect(conclusion.value).toBe('待核');
    conclusion.value = '符合';
    const comment = scoring.rows[t1Row]![SCORING_COLS.comment - 1] ?? (scoring.rows[t1Row]![SCORING_COLS.comment - 1] = { value: '' });
    comment.value = '=已核营业执照';
    comment.numberFormat = '@';

    expect(first.sheets).toHaveLength(4);
    const before = excel.syncs;
    const again = await writeReview(requestFor(report, snapshot), excel.run);
    // Reading the earlier sheets back is counted too.
    expect(excel.syncs - before).toBe(again.syncs.syncs);
    expect(again.keptInputs).toBe(2);
    const rescored = excel.sheet(REVIEW_SHEETS.scoring)!;
    expect(rescored.rows[t1Row]![SCORING_COLS.result - 1]!.value).toBe('符合');
    expect(rescored.rows[t1Row]![SCORING_COLS.comment - 1]).toMatchObject({ value: '=已核营业执照', formula: undefined });
    // Still four review sheets, no temporary ones left.
    expect(excel.sheets.filter((s) => /审核助手旧表/.test(s.name))).toEqual([]);
    expect(excel.sheets.filter((s) => s.name === REVIEW_SHEETS.scoring)).toHaveLength(1);

    // Nothing was changed outside the yellow cells: nothing is listed as not kept.
    expect(again.unkept).toBe(0);
    expect(excel.sheet(UNKEPT_SHEET)).toBeUndefined();

    const highlights = () => excel.sheets.flatMap((sh) => sh.conditionalFormats.filter((f) => f.type === 'Custom'));
    expect(highlights().length).toBeGreaterThan(0);
    expect(highlights().length).toBeLessThanOrEqual(again.marked);
    const restored = await clearMarks(excel.run);
    expect(restored).toEqual({ cleared: again.snapshot.state.highlights.length, protectedSheets: [] });
    expect(highlights()).toEqual([]);
    // The 评分表's own conditional formats stay.
    expect(excel.sheet(REVIEW_SHEETS.scoring)!.conditionalFormats.length).toBeGreaterThan(0);
  });

  it('lists changes outside the yellow cells after the four review sheets on the next write, and keeps listing them', async () => {
    const first = await writeReview(requestFor(report, snapshot), excel.run);
    const findings = excel.sheet(REVIEW_SHEETS.findings)!;
    const message = findings.rows[2]![FINDINGS_COLS.message - 1]!;
    const was = message.value;
    message.value = '评审改写的说明';
    (excel.sheet(REVIEW_SHEETS.scoring)!.rows[0] ??= [])[11] = { value: '复核意见：同意' };

    expect(first.unkept).toBe(0);
    const again = await writeReview(requestFor(report, snapshot), excel.run);
    expect(again.unkept).toBe(2);
    expect(again.sheets).toEqual([...Object.values(REVIEW_SHEETS), UNKEPT_SHEET]);
    expect(excel.sheets.map((s) => s.name).slice(0, 5)).toEqual([...Object.values(REVIEW_SHEETS), UNKEPT_SHEET]);
    const listed = excel.grid(UNKEPT_SHEET).slice(3).map((r) => r.slice(1, 4));
    expect(listed.sort()).toEqual([
      ['评分表', 'L1', '复核意见：同意'],
      ['问题清单', `I3`, '评审改写的说明'],
    ].sort());
    expect(excel.sheet(REVIEW_SHEETS.findings)!.rows[2]![FINDINGS_COLS.message - 1]!.value).toBe(was);

    // Written again: still listed, once each; no second 未保留的修改 sheet.
    const third = await writeReview(requestFor(report, snapshot), excel.run);
    expect(third.unkept).toBe(2);
    expect(excel.sheets.filter((s) => s.name === UNKEPT_SHEET)).toHaveLength(1);
  });
});

describe('hosts at the manifest floor (ExcelApi 1.7)', () => {
  it('writes the review sheets without APIs above 1.7 when the host has only 1.7', async () => {
    const { sources } = await sampleSources();
    const excel = createMemoryExcel([{ name: '封面', values: [['评审工作底稿']] }], { api: '1.7' });
    await importWorkbooks(sources.slice(0, 3), false, excel.run);
    const snapshot = await readForReview(excel.run);
    const report = review(snapshot);
    await writeReview({ ...requestFor(report, snapshot), features: BASE_FEATURES }, excel.run);
    expect(excel.sheet(REVIEW_SHEETS.scoring)).toBeDefined();
    // Drop-downs (1.8) and page set-up (1.9) are left out; everything else is as on newer hosts.
    expect(excel.sheet(REVIEW_SHEETS.scoring)!.validations).toEqual([]);
    expect(excel.sheet(REVIEW_SHEETS.scoring)!.conditionalFormats.length).toBeGreaterThan(0);
  });

  it('imports, reads and highlights at ExcelApi 1.7', async () => {
    const { sources } = await sampleSources();
    const excel = createMemoryExcel([{ name: '封面', values: [['评审工作底稿']] }], { api: '1.7' });
    const result = await importWorkbooks(sources.slice(0, 3), false, excel.run);
    expect(result.imported.length).toBeGreaterThan(0);
    const snapshot = await readForReview(excel.run);
    const report = review(snapshot);
    const marks = marksForFindings(report.findings, snapshot);
    const write = await writeReview({ build: () => [], marks, features: BASE_FEATURES }, excel.run);
    expect(write.marked).toBeGreaterThan(0);
    expect((await clearMarks(excel.run, BASE_FEATURES)).cleared).toBe(write.snapshot.state.highlights.length);
  });
});

/** Whether an A1 range `A5:G9` covers a row. */
function covers(address: string, row: number): boolean {
  const area = parseArea(address).area;
  return area.r0 + 1 <= row && row <= area.r0 + area.rows;
}

describe('highlights', () => {
  function workbook(api: ExcelApiVersion = '1.13', protect = false) {
    return createMemoryExcel([
      { name: '说明', values: [['本表不审核']], fills: { A1: '#00B050' } },
      {
        name: '名单',
        protected: protect,
        values: [
          ['序号', '企业名称', '所属省市', '备注'],
          [1, '甲', '北京', ''],
          [2, '乙', '天津', ''],
          [3, '丙', '河北', ''],
          [4, '丁', '上海', ''],
        ],
        fills: { B3: '#FFFF00', D5: '#92D050' },
      },
    ], { api });
  }
  const mark = (row: number, severity: 'error' | 'warning' | 'info') => ({ sheet: '名单', row, firstColumn: 1, lastColumn: 4, severity });
  const custom = (excel: MemoryExcel) => excel.sheet('名单')!.conditionalFormats.filter((f) => f.type === 'Custom');
  const shown = (excel: MemoryExcel, row: number) => custom(excel).find((f) => covers(f.address, row))?.custom?.format.fill.color;

  it.each(['1.13', '1.7'] as const)('highlights rows per severity with conditional formats, leaving fills alone (ExcelApi %s)', async (api) => {
    const excel = workbook(api);
    const features = api === '1.7' ? BASE_FEATURES : undefined;
    const result = await writeReview({ build: () => [], marks: [mark(3, 'warning'), mark(3, 'error'), mark(5, 'info'), mark(4, 'warning')], features }, excel.run);
    expect(result.marked).toBe(3);
    expect([shown(excel, 3), shown(excel, 4), shown(excel, 5), shown(excel, 2)]).toEqual([MARK_FILLS.error, MARK_FILLS.warning, MARK_FILLS.info, undefined]);
    expect(custom(excel).map((f) => f.address).sort()).toEqual(['A3:D3', 'A4:D4', 'A5:D5']);
    const fill = (a: string) => excel.cell('名单', a)?.fill;
    expect([fill('B3'), fill('D5'), fill('A3')]).toEqual(['#FFFF00', '#92D050', undefined]);
    expect(excel.sheet(STATE_SHEET)?.visibility).toBe('VeryHidden');

    // The reviewer colours a cell afterwards: clearing leaves every fill as it is.
    excel.cell('名单', 'A2')!.fill = '#FF0000';
    expect(await clearMarks(excel.run, features)).toEqual({ cleared: 3, protectedSheets: [] });
    expect(custom(excel)).toEqual([]);
    expect([fill('A2'), fill('B3'), fill('D5'), excel.cell('说明', 'A1')?.fill]).toEqual(['#FF0000', '#FFFF00', '#92D050', '#00B050']);
    expect(await clearMarks(excel.run)).toEqual({ cleared: 0, protectedSheets: [] });
  });

  it('joins adjacent rows of the same severity into one format', async () => {
    const excel = workbook();
    await writeReview({ build: () => [], marks: [mark(2, 'error'), mark(3, 'error'), mark(4, 'error'), mark(5, 'warning')] }, excel.run);
    expect(custom(excel).map((f) => f.address).sort()).toEqual(['A2:D4', 'A5:D5']);
  });

  it('moves with the rows when the reviewer inserts rows, and clearing still removes it', async () => {
    const excel = workbook();
    await writeReview({ build: () => [], marks: [mark(4, 'error')] }, excel.run);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('名单').getRange('2:3').insert('Down' as Excel.InsertShiftDirection);
      await context.sync();
    });
    // 丙 is now on row 6, and so is its highlight.
    expect(excel.cell('名单', 'B6')?.value).toBe('丙');
    expect(shown(excel, 6)).toBe(MARK_FILLS.error);
    expect(shown(excel, 4)).toBeUndefined();
    expect((await clearMarks(excel.run)).cleared).toBe(1);
    expect(custom(excel)).toEqual([]);
  });

  it('a re-write replaces the highlights instead of adding to them, and forgets ones the reviewer deleted', async () => {
    const excel = workbook();
    await writeReview({ build: () => [], marks: [mark(3, 'warning'), mark(5, 'info')] }, excel.run);
    // The reviewer deletes one highlight by hand (条件格式 → 清除规则).
    excel.sheet('名单')!.conditionalFormats = excel.sheet('名单')!.conditionalFormats.filter((f) => !covers(f.address, 5));
    const second = await writeReview({ build: () => [], marks: [mark(3, 'error')] }, excel.run);
    expect(custom(excel).map((f) => [f.address, f.custom?.format.fill.color])).toEqual([['A3:D3', MARK_FILLS.error]]);
    expect(second.snapshot.state.highlights).toHaveLength(1);
  });

  it('skips protected sheets and names them, and clears once they are unprotected', async () => {
    const excel = workbook('1.13', true);
    const result = await writeReview({ build: () => [], marks: [mark(3, 'error')] }, excel.run);
    expect(result).toMatchObject({ marked: 0, protectedSheets: ['名单'] });
    expect(custom(excel)).toEqual([]);

    excel.sheet('名单')!.protected = false;
    await writeReview({ build: () => [], marks: [mark(3, 'error')] }, excel.run);
    excel.sheet('名单')!.protected = true;
    expect(await clearMarks(excel.run)).toEqual({ cleared: 0, protectedSheets: ['名单'] });
    expect(custom(excel)).toHaveLength(1);
    excel.sheet('名单')!.protected = false;
    expect((await clearMarks(excel.run)).cleared).toBe(1);
  });

  it('restores fills an earlier version made only where they still show the highlight', async () => {
    const excel = workbook();
    // As the previous version recorded them: by address, with the fills from before.
    const legacy = [
      ['kind', 'a', 'b', 'c', 'd'],
      ['mark', '名单', 'A3:D3', 'error', JSON.stringify([null, '#FFFF00', null, null])],
      ['mark', '名单', 'A4:D4', 'warning', JSON.stringify([null, null, null, null])],
    ];
    await excel.run(async (context) => {
      const state = context.workbook.worksheets.add(STATE_SHEET);
      state.getRange('A1:E3').values = legacy;
      state.visibility = 'VeryHidden' as Excel.SheetVisibility;
      const list = context.workbook.worksheets.getItem('名单');
      list.getRange('A3:D3').format.fill.color = MARK_FILLS.error;
      // Row 4's highlight was overwritten by the reviewer's own colour.
      list.getRange('A4:D4').format.fill.color = '#FF0000';
      await context.sync();
    });
    expect(await clearMarks(excel.run)).toEqual({ cleared: 1, protectedSheets: [] });
    const fill = (a: string) => excel.cell('名单', a)?.fill;
    expect([fill('A3'), fill('B3'), fill('A4')]).toEqual([undefined, '#FFFF00', '#FF0000']);
  });
});

describe('text guard: submission text is never turned into a formula, number or date', () => {
  const tricky = ['=HYPERLINK("http://evil.example","点我")', '+1', '-2', '@SUM(A1)', '=1+1', '0012', '2024-01-01', 'TRUE', '95%', "'quoted"];

  it('the fake behaves like Excel: unguarded strings become formulas or numbers', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:E1').values = [tricky.slice(0, 5)];
      await context.sync();
    });
    expect(excel.cell('S', 'A1')?.formula).toBe(tricky[0]);
    expect(excel.cell('S', 'B1')?.value).toBe(1);
    expect(excel.cell('S', 'C1')?.value).toBe(-2);
    expect(excel.cell('S', 'D1')?.formula).toBe('=SUM(A1)');
  });

  it('writes tricky strings as text, marked or not', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }]);
    const layout: SheetLayout = {
      name: '问题清单',
      columns: [],
      rowHeights: [],
      cells: tricky.flatMap((t, i) => [
        { row: i + 1, col: 1, ...asText(t) },
        { row: i + 1, col: 2, value: t },
      ]),
      merges: [],
      dataValidations: [],
      conditionalFormats: [],
      print: { orientation: 'landscape', paperSize: 'A4', scale: 100 },
    };
    await writeReview({ build: () => [layout], marks: [] }, excel.run);
    tricky.forEach((t, i) => {
      for (const col of ['A', 'B']) {
        expect({ cell: `${col}${i + 1}`, ...excel.cell('问题清单', `${col}${i + 1}`) }).toMatchObject({ cell: `${col}${i + 1}`, value: t, formula: undefined, numberFormat: '@' });
      }
    });
  });

  it('imported text keeps its form in the fallback writer', async () => {
    const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }]);
    await importWorkbooks(
      [{ file: '=恶意.xlsx', base64: '', grids: [{ file: '=恶意.xlsx', sheet: '名单', firstRow: 2, firstColumn: 1, values: [tricky, [1, 2.5, null, true]] }] }],
      false,
      excel.run,
    );
    const sheet = excel.sheet('名单')!;
    tricky.forEach((t, i) => {
      expect(sheet.rows[1]![i]?.value).toBe(t);
      expect(sheet.rows[1]![i]?.formula).toBeUndefined();
    });
    expect(sheet.rows[2]![1]).toMatchObject({ value: 2.5 });
    const snap = await readForReview(excel.run);
    expect(snap.files.map((f) => f.file)).toEqual(['当前工作簿', '=恶意.xlsx']);
  });
});

describe('submission text in the review sheets', () => {
  it('enterprise names from a submission reach 抽查样本 and 问题清单 as text', async () => {
    const names = ['=HYPERLINK("http://evil.example","点我")', '+1科技有限公司', '-2科技有限公司', '@SUM(A1)'];
    const list = [['序号', '服务企业名称', '服务内容', '所属省市'], ...names.map((n, i) => [i + 1, n, '政策咨询', '北京市'])];
    const orders = [
      ['序号', '服务企业名称', '服务主要内容', '企业划型', '合同/订单金额（万元）', '合同/订单时间', '合同号/订单号/银行回单号等'],
      ...names.map((n, i) => [i + 1, n, '咨询', '小型', 100 + i, '2024-05-0' + (i + 1), `=HT-${i}`]),
    ];
    const excel = createMemoryExcel([
      { name: '名单', values: list },
      { name: '订单', values: orders },
    ]);
    const snapshot = await readForReview(excel.run);
    const report = reviewSubmission({ files: snapshot.files, platform: { name: null, category: '综合咨询' }, year: 2024 });
    expect(report.sample.length).toBe(names.length);
    await writeReview(requestFor(report, snapshot), excel.run);
    const texts = excel.sheet(REVIEW_SHEETS.sample)!.rows.flatMap((r) => (r ?? []).filter((c) => c && names.includes(String(c.value))));
    expect(texts.length).toBeGreaterThanOrEqual(names.length);
    for (const cell of texts) {
      expect(cell!.formula).toBeUndefined();
      expect(cell!.numberFormat).toBe('@');
    }
    const formulas = excel.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).filter((c) => c?.formula && /evil|SUM\(A1\)|HT-/.test(c.formula))));
    expect(formulas).toEqual([]);
  });
});

describe('50,000 rows', () => {
  it('reads and writes a 50,000-row workbook in syncs of at most about 2.5 MB', async () => {
    const rows = 50_000;
    const values: unknown[][] = [['序号', '服务企业名称', '服务内容', '所属省市']];
    // In the guide's region order (北京, 天津, 河北), so the list itself raises no finding.
    const city = (i: number) => (i <= 30_000 ? '北京市' : i <= 40_000 ? '天津市' : '河北省');
    for (let i = 1; i <= rows; i++) values.push([i, `测试${i}号科技有限公司`, '政策咨询', city(i)]);
    values[101][1] = '=HYPERLINK("http://evil.example","x")';
    const excel = createMemoryExcel([{ name: '附表4-2-1-2', values }], { api: '1.7' });
    const snapshot = await readForReview(excel.run);
    const readSyncs = excel.syncs;
    const report = review(snapshot);
    const write = await writeReview({ ...requestFor(report, snapshot), features: BASE_FEATURES }, excel.run);
    // 200,004 cells at about 25 bytes each (value and format): names, used ranges, then ≤ 2.5 MB each.
    expect(readSyncs).toBeGreaterThanOrEqual(2 + 2);
    expect(readSyncs).toBeLessThanOrEqual(2 + 5);
    expect(write.sheets).toHaveLength(4);
    expect(write.syncs.retried).toBe(0);
    expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(SYNC_BYTES * 1.2);
    expect(excel.stats.maxResponseBytes).toBeLessThanOrEqual(SYNC_BYTES * 1.2);
    expect(excel.cell('附表4-2-1-2', 'B102')?.value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(excel.cell('附表4-2-1-2', 'B102')?.formula).toBeUndefined();
    // The 50,000-row list was recognised and counted.
    expect(report.indicators.serviceEnterprises).toBe(rows);
  });

  it('writes a 45,000-row 问题清单 in as many syncs as its bytes need, each under the budget', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }]);
    const layout: SheetLayout = {
      name: '问题清单',
      columns: [{ width: 6 }, { width: 40 }],
      rowHeights: [],
      cells: Array.from({ length: 45_000 }, (_, i) => [
        { row: i + 1, col: 1, value: i + 1, border: true },
        { row: i + 1, col: 2, ...asText(`-问题${i}：名单第${i + 3}行的企业名称与订单表不一致，请核对营业执照`), border: true },
      ]).flat(),
      merges: [],
      freeze: { row: 1, col: 0 },
      dataValidations: [],
      conditionalFormats: [],
      print: { orientation: 'landscape', paperSize: 'A4', scale: 100 },
    };
    const result = await writeReview({ build: () => [layout], marks: [] }, excel.run);
    const perSync = excel.stats.perSync.map((s) => s.request);
    expect(Math.max(...perSync)).toBeLessThanOrEqual(SYNC_BYTES * 1.2);
    // About 4.6 MB of values: more than one sync, and not many more than the bytes need.
    const total = perSync.reduce((a, b) => a + b, 0);
    expect(result.syncs.syncs).toBeLessThanOrEqual(4 + Math.ceil(total / SYNC_BYTES) + 1);
    expect(excel.cell('问题清单', 'B45000')).toMatchObject({ value: '-问题44999：名单第45002行的企业名称与订单表不一致，请核对营业执照', formula: undefined });
    expect(excel.sheet('问题清单')!.freeze).toEqual({ rows: 1, columns: 0 });
  });
});

describe('payload limits of Excel on the web', () => {
  // 50,000 cells of 40-character Chinese text are about 6 MB: by cells alone, one sync would be refused.
  it('imports long text cells in syncs under the 5 MB request limit', async () => {
    const text = '某某市某某区某某街道某某科技发展有限公司服务中心的详细地址与联系人说明'.slice(0, 40);
    const values = Array.from({ length: 1_000 }, (_, r) => Array.from({ length: 50 }, (_, c) => `${text}${r}-${c}`));
    const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }]);
    await importWorkbooks([{ file: '长文本.xlsx', base64: '', grids: [{ file: '长文本.xlsx', sheet: '长文本', firstRow: 1, firstColumn: 1, values }] }], false, excel.run);
    expect(excel.cell('长文本', 'AX1000')?.value).toBe(`${text}999-49`);
    expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });
});

describe('reader on the in-memory model', () => {
  it('the existing reader reads it in 3 syncs', async () => {
    const excel = createMemoryExcel([
      { name: 'A', firstRow: 3, firstColumn: 2, values: [['x', 1], ['', 2]] },
      { name: '隐', visibility: 'VeryHidden', values: [[1]] },
    ]);
    const grids = await createOfficeWorkbookReader(excel.run, 'a.xlsx').readSheets();
    expect(excel.syncs).toBe(3);
    expect(grids).toEqual([{ file: 'a.xlsx', sheet: 'A', firstRow: 3, firstColumn: 2, values: [['x', 1], [null, 2]], numberFormats: [['General', 'General'], ['General', 'General']] }]);
  });
});

describe('select and errors', () => {
  it('selects a finding cell after activating its sheet', async () => {
    const excel = createMemoryExcel([{ name: '一', values: [[1]] }, { name: '名单 (2)', values: [[1]] }]);
    await selectCell('名单 (2)', 'C7', excel.run);
    expect(excel.active).toBe('名单 (2)');
    expect(excel.selection).toEqual({ sheet: '名单 (2)', address: 'C7' });
    expect(excel.syncs).toBe(1);
  });

  it('explains in Chinese when the sheet is gone', async () => {
    const excel = createMemoryExcel([{ name: '一', values: [[1]] }]);
    await expect(selectCell('名单', 'A1', excel.run)).rejects.toThrow(/定位到「名单」A1 失败（ItemNotFound.*重新点击“开始审核”/);
  });

  it('skips highlights on a sheet deleted since the review, and still writes', async () => {
    const excel = createMemoryExcel([{ name: '一', values: [[1]] }]);
    const result = await writeReview({ build: () => [], marks: [{ sheet: '名单', row: 2, firstColumn: 1, lastColumn: 3, severity: 'error' }] }, excel.run);
    expect(result.marked).toBe(0);
  });
});

describe('import with insertWorksheetsFromBase64 (ExcelApi 1.13)', () => {
  it('inserts the files at the end, renames clashing sheets and records where each came from', async () => {
    const { sources } = await sampleSources();
    const excel = createMemoryExcel([{ name: '名单', values: [['自己的表']] }], { parseWorkbook });
    const result = await importWorkbooks(sources.slice(0, 2), true, excel.run);
    expect(result.inserted).toEqual(sources.slice(0, 2).map((s) => s.file));
    expect(excel.sheets[0].name).toBe('名单');
    expect(excel.cell('名单', 'A1')?.value).toBe('自己的表');
    const names = excel.sheets.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((n) => /审核助手导入/.test(n))).toBe(false);
    const snapshot = await readForReview(excel.run);
    const own = snapshot.copied.find((c) => c.name === '名单');
    expect(own?.file).toBe('当前工作簿');
    const listed = sources.slice(0, 2).flatMap((s) => s.grids.filter((g) => g.sheet === '名单'));
    expect(listed.length).toBeGreaterThan(0);
    const imported = snapshot.copied.filter((c) => c.sheet === '名单' && c.file !== '当前工作簿');
    expect(imported).toHaveLength(listed.length);
    expect(imported.every((c) => c.name !== '名单')).toBe(true);
  });
});
