/**
 * What real Excel does that a reviewer runs into: sheets of their own called 评分表, the 1904 date
 * system, manual calculation, typing in a cell while the add-in works, and imports Excel half-takes.
 */
import type { SheetLayout } from '../../../src/workbook/layout';
import { importWorkbooks, readForReview, writeReview } from '../../../src/workbook/office/officeReview';
import { createOfficeWorkbookReader, excelRun, type ExcelRunner } from '../../../src/workbook/office/officeWorkbook';
import { matchInserted } from '../../../src/workbook/office/importWorkbooks';
import { createMemoryExcel, type MemSheetSpec } from './memoryExcel';

function layout(name: string, cells: SheetLayout['cells']): SheetLayout {
  return { name, columns: [], rowHeights: [], cells, merges: [], dataValidations: [], conditionalFormats: [], print: { orientation: 'landscape', paperSize: 'A4', scale: 100 } };
}

/** A 评分表 whose formula points at the 评分细则, and the 评分细则. */
const pair = () => [
  layout('评分表', [{ row: 1, col: 1, value: { formula: "'评分细则'!A1*2", result: 2 } }, { row: 2, col: 1, value: '细则', hyperlink: { sheet: '评分细则', cell: 'A1' } }]),
  layout('评分细则', [{ row: 1, col: 1, value: 1 }]),
];

describe("the add-in's own sheets are known by id, not by name", () => {
  it('reviews a sheet of the reviewer called 评分表, and neither renames nor deletes it on write', async () => {
    const excel = createMemoryExcel([
      { name: '评分表', values: [['序号', '服务企业名称', '服务内容', '所属省市'], [1, '甲科技有限公司', '咨询', '北京市']] },
      { name: 'Sheet2', values: [['x']] },
    ]);
    const snapshot = await readForReview(excel.run);
    expect(snapshot.copied.map((c) => c.name)).toEqual(['评分表', 'Sheet2']);
    expect(snapshot.files[0].grids?.map((g) => g.sheet)).toEqual(['评分表', 'Sheet2']);

    const result = await writeReview({ build: pair, marks: [] }, excel.run);
    expect(result.sheets).toEqual(['评分表 (2)', '评分细则']);
    expect(result.renamed).toEqual({ 评分表: '评分表 (2)' });
    expect(excel.cell('评分表', 'B2')?.value).toBe('甲科技有限公司');
    expect(excel.cell('评分表 (2)', 'A1')?.formula).toBe("='评分细则'!A1*2");

    // Written again: its own sheets are replaced, the reviewer's stays, and is still reviewed.
    const again = await writeReview({ build: pair, marks: [] }, excel.run);
    expect(again.sheets).toEqual(['评分表 (2)', '评分细则']);
    expect(excel.sheets.map((s) => s.name).filter((n) => !n.startsWith('审核助手记录'))).toEqual(['评分表 (2)', '评分细则', '评分表', 'Sheet2']);
    const next = await readForReview(excel.run);
    expect(next.copied.map((c) => c.name)).toEqual(['评分表', 'Sheet2']);
    expect(next.own.map((o) => [o.layout, o.name])).toEqual([['评分表', '评分表 (2)'], ['评分细则', '评分细则']]);
  });

  it('points formulas and links at the renamed sheet when the reviewer holds 评分细则', async () => {
    const excel = createMemoryExcel([{ name: '评分细则', values: [['我的细则']] }]);
    await writeReview({ build: pair, marks: [] }, excel.run);
    expect(excel.cell('评分表', 'A1')?.formula).toBe("='评分细则 (2)'!A1*2");
    expect(excel.cell('评分表', 'A2')?.hyperlink?.documentReference).toBe("'评分细则 (2)'!A1");
    expect(excel.cell('评分细则', 'A1')?.value).toBe('我的细则');
  });

  it('still knows its sheets after the reviewer renames them, and keeps their entries', async () => {
    const excel = createMemoryExcel([{ name: 'Sheet1', values: [['x']] }]);
    await writeReview({ build: pair, marks: [] }, excel.run);
    excel.sheet('评分表')!.name = '评分表-张三';
    const snapshot = await readForReview(excel.run);
    expect(snapshot.copied.map((c) => c.name)).toEqual(['Sheet1']);
    const result = await writeReview({ build: pair, marks: [] }, excel.run);
    expect(result.sheets).toEqual(['评分表', '评分细则']);
    expect(excel.sheet('评分表-张三')).toBeUndefined();
  });
});

describe('the 1904 date system', () => {
  it('reads a date serial of a 1904 workbook as the date Excel shows, like the file reader', async () => {
    const sheets: MemSheetSpec[] = [{ name: '订单', values: [['时间', '金额'], [43600, 43600]], numberFormat: [['General', 'General'], ['yyyy-mm-dd', '0.00']] }];
    const [grid1904] = await createOfficeWorkbookReader(createMemoryExcel(sheets, { date1904: true }).run).readSheets();
    // Serial 43600 counts days from 1904-01-01 there: 2023-05-16 (in the 1900 system it is 2019-05-15).
    expect(grid1904.values[1][0]).toEqual(new Date(Date.UTC(2023, 4, 16)));
    // Numbers in other formats stay numbers; the 1900 system leaves serials for the domain.
    expect(grid1904.values[1][1]).toBe(43600);
    const [grid1900] = await createOfficeWorkbookReader(createMemoryExcel(sheets).run).readSheets();
    expect(grid1900.values[1][0]).toBe(43600);
  });
});

describe('other host behaviour', () => {
  it('recalculates after writing when Excel calculates manually, and says so', async () => {
    const manual = createMemoryExcel([{ name: 'S', values: [] }], { calculationMode: 'Manual' });
    expect((await writeReview({ build: pair, marks: [] }, manual.run)).recalculated).toBe(true);
    expect(manual.calculations).toEqual(['Recalculate']);
    const automatic = createMemoryExcel([{ name: 'S', values: [] }]);
    expect((await writeReview({ build: pair, marks: [] }, automatic.run)).recalculated).toBe(false);
    expect(automatic.calculations).toEqual([]);
  });

  it('asks Excel to wait while a cell is being edited where the host has delayForCellEdit', async () => {
    const calls: unknown[][] = [];
    const excel: ExcelRunner = { run: ((...args: unknown[]) => (calls.push(args), Promise.resolve(1))) as ExcelRunner['run'] };
    await excelRun(excel, true)(async () => 1);
    await excelRun(excel, false)(async () => 1);
    expect(calls[0][0]).toEqual({ delayForCellEdit: true });
    expect(typeof calls[1][0]).toBe('function');
  });
});

describe('import (insertWorksheetsFromBase64)', () => {
  const book = (sheets: Record<string, unknown[][]>) => JSON.stringify(sheets);
  const parseWorkbook = (base64: string): MemSheetSpec[] => Object.entries(JSON.parse(base64) as Record<string, unknown[][]>).map(([name, values]) => ({ name, values }));
  const source = (file: string, sheets: Record<string, unknown[][]>) => ({
    file,
    base64: book(sheets),
    grids: Object.entries(sheets).map(([sheet, values]) => ({ file, sheet, firstRow: 1, firstColumn: 1, values: values as never })),
  });

  it('matches the sheets Excel returns to the source sheets by name, whatever their order', async () => {
    const excel = createMemoryExcel([{ name: '封面', values: [['x']] }], { parseWorkbook, shuffleInsertedIds: true });
    const result = await importWorkbooks([source('a.xlsx', { 名单: [['名单的内容']], 订单: [['订单的内容']] })], true, excel.run);
    expect(result).toMatchObject({ inserted: ['a.xlsx'], valuesOnly: [] });
    const snapshot = await readForReview(excel.run);
    const byName = Object.fromEntries(snapshot.copied.map((c) => [c.sheet, c.name]));
    expect(excel.cell(byName['名单'], 'A1')?.value).toBe('名单的内容');
    expect(excel.cell(byName['订单'], 'A1')?.value).toBe('订单的内容');
  });

  it('matches a sheet Excel renamed on a clash', () => {
    expect([...matchInserted(['名单', 'Sheet1'], [{ id: '7', name: 'Sheet1 (2)' }, { id: '8', name: '名单' }])]).toEqual([
      ['名单', '8'],
      ['Sheet1', '7'],
    ]);
  });

  it('says which files went in as values only, and records the files imported before one that fails', async () => {
    const excel = createMemoryExcel([{ name: '封面', values: [['x']] }], { failInsert: Object.assign(new Error('refused'), { code: 'InvalidArgument' }) });
    const first = await importWorkbooks([source('a.xlsx', { 名单: [['甲']] })], true, excel.run);
    expect(first).toMatchObject({ inserted: [], valuesOnly: ['a.xlsx'] });

    // The second of two files fails outright: the first stays imported and recorded.
    const failing = createMemoryExcel([{ name: '封面', values: [['x']] }], { failOnSync: { at: 6, error: Object.assign(new Error('busy'), { code: 'GeneralException' }) } });
    const error = await importWorkbooks([source('a.xlsx', { 名单: [['甲']] }), source('b.xlsx', { 订单: [['乙']] })], false, failing.run).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/已导入的 1 个文件保留在工作簿中/);
    const snapshot = await readForReview(failing.run);
    expect(snapshot.files.map((f) => f.file)).toContain('a.xlsx');
  });

  it('writes a 30,000 × 10 sheet in the fallback in syncs under the request limit', async () => {
    const values = Array.from({ length: 30_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => `第${r}行第${c}列的内容`));
    const excel = createMemoryExcel([{ name: '封面', values: [['x']] }], { api: '1.7' });
    await importWorkbooks([{ file: 'big.xlsx', base64: '', grids: [{ file: 'big.xlsx', sheet: '大表', firstRow: 1, firstColumn: 1, values }] }], false, excel.run);
    expect(excel.cell('大表', 'J30000')?.value).toBe('第29999行第9列的内容');
    expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(3 * 1024 * 1024);
  });
});
