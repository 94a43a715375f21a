/** The 合议表 written through the Office adapter onto the strict in-memory Excel. */
import { mergeReviewFiles } from '../../../src/workbook/file/reviewCopies';
import { PANEL_MARK, PANEL_SHEET } from '../../../src/workbook/layout/panelSheet';
import { a1 } from '../../../src/domain/grid';
import { BASE_FEATURES, cellFormula } from '../../../src/workbook/office/drawLayout';
import { writePanelSheet } from '../../../src/workbook/office/panelSheet';
import type { SheetLayout } from '../../../src/workbook/layout/types';
import { threeCopies } from '../../helpers/panelCopies';
import { createMemoryExcel, type MemoryExcel } from './memoryExcel';

let layout: SheetLayout;
beforeAll(async () => {
  layout = (await mergeReviewFiles(await threeCopies())).layout;
}, 60_000);

function expectDrawn(excel: MemoryExcel, sheet: string): void {
  for (const cell of layout.cells) {
    const got = excel.cell(sheet, a1(cell.row, cell.col));
    const want = cellFormula(cell);
    expect([cell.row, cell.col, got?.value ?? '']).toEqual([cell.row, cell.col, want]);
  }
}

test('writes the 合议表 first and shows it, every value in place, within a few syncs', async () => {
  const excel = createMemoryExcel([{ name: '评分表', values: [['x']] }]);
  const result = await writePanelSheet(layout, excel.run);
  expect(result).toMatchObject({ sheet: PANEL_SHEET, replaced: false });
  expect(excel.sheets.map((s) => s.name)).toEqual([PANEL_SHEET, '评分表']);
  expect(excel.active).toBe(PANEL_SHEET);
  expectDrawn(excel, PANEL_SHEET);
  expect(excel.cell(PANEL_SHEET, 'A1')?.value).toBe(PANEL_MARK);
  expect(result.syncs.syncs).toBeLessThanOrEqual(4);
  expect(excel.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
});

test('writing again replaces the add-in\'s 合议表; a sheet of the reviewer\'s called 合议表 keeps its name and content', async () => {
  const excel = createMemoryExcel([{ name: '合议表', values: [['专家组自己的记录']] }]);
  const first = await writePanelSheet(layout, excel.run);
  expect(first.sheet).toBe('合议表 (2)');
  expect(excel.sheets.map((s) => s.name)).toEqual(['合议表 (2)', '合议表']);
  const again = await writePanelSheet(layout, excel.run);
  expect(again).toMatchObject({ sheet: '合议表 (2)', replaced: true });
  expect(excel.sheets.map((s) => s.name)).toEqual(['合议表 (2)', '合议表']);
  expect(excel.cell('合议表', 'A1')?.value).toBe('专家组自己的记录');
  expectDrawn(excel, '合议表 (2)');
});

test('at the manifest floor (ExcelApi 1.7) too', async () => {
  const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }], { api: '1.7' });
  await writePanelSheet(layout, excel.run, BASE_FEATURES);
  expectDrawn(excel, PANEL_SHEET);
});
