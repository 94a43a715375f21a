import { CHECKS } from '../../../src/domain/checks';
import { FINDINGS_COLS, checkInfo, layoutFindingsSheet, type CopiedSheet, type LayoutCell } from '../../../src/workbook/layout';
import { makeReport } from './fixtures';

const copied: CopiedSheet[] = [
  { file: 'b.xlsx', sheet: '名单', name: '4-2-1-7 名单' },
  { file: 'a.xlsx', sheet: '名单', name: '4-2-1-2 名单' },
];
const layout = layoutFindingsSheet(makeReport(), copied);
const row = (r: number) =>
  Object.fromEntries(
    Object.entries(FINDINGS_COLS).map(([k, c]) => [k, layout.cells.find((x: LayoutCell) => x.row === r && x.col === c)]),
  ) as Record<keyof typeof FINDINGS_COLS, LayoutCell | undefined>;

test('header row, frozen, filtered', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => layout.cells.find((x) => x.row === 2 && x.col === c)?.value)).toEqual([
    '序号', '严重程度', '检查项', '依据条款', '文件', '工作表', '单元格', '说明',
  ]);
  expect(layout.freeze).toEqual({ row: 2, col: 0 });
  expect(layout.autoFilter).toBe('A2:H7');
  expect(String(layout.cells.find((c) => c.row === 1)?.value)).toMatch(/共 5 条：错误 3 条、警告 1 条、提示 1 条/);
  expect(layout.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, titleRows: '2:2' });
});

test('sorted by severity, then sheet (file-level first, copied order), then row', () => {
  const order = [3, 4, 5, 6, 7].map((r) => [row(r).severity?.value, row(r).file?.value, row(r).cell?.value]);
  expect(order).toEqual([
    ['错误', '坏.xlsx', null],
    ['错误', 'b.xlsx', 'B5'],
    ['错误', 'a.xlsx', 'B12'],
    ['警告', 'a.xlsx', '第3行'],
    ['提示', 'a.xlsx', 'D9'],
  ]);
  expect([3, 4, 5, 6, 7].map((r) => row(r).no?.value)).toEqual([1, 2, 3, 4, 5]);
});

test('检查项 and 依据条款 from the check registry', () => {
  const meta = CHECKS.find((c) => c.meta.id === 'duplicate-enterprise')!.meta;
  expect(row(4).check?.value).toBe(`${meta.title}（duplicate-enterprise）`);
  expect(row(4).clause?.value).toBe(meta.clause);
  expect(checkInfo('no-such-check')).toEqual({ title: 'no-such-check', clause: '' });
});

test('单元格 links to the cell in the copied sheet; the sheet column names the copy', () => {
  expect(row(4).cell).toMatchObject({ value: 'B5', hyperlink: { sheet: '4-2-1-7 名单', cell: 'B5' } });
  expect(row(5).cell).toMatchObject({ value: 'B12', hyperlink: { sheet: '4-2-1-2 名单', cell: 'B12' } });
  // A finding with a row but no cell links to the row's first column.
  expect(row(6).cell).toMatchObject({ value: '第3行', hyperlink: { sheet: '4-2-1-2 名单', cell: 'A3' } });
  expect(row(3).cell?.hyperlink).toBeUndefined();
  expect(row(4).sheet?.value).toBe('名单（本工作簿中为「4-2-1-7 名单」）');
  // Without copies there is nothing to link to.
  const plain = layoutFindingsSheet(makeReport());
  expect(plain.cells.some((c) => c.hyperlink)).toBe(false);
});

test('submission text (messages, files, sheets) is marked text', () => {
  expect(row(5).message).toMatchObject({ value: '=HYPERLINK("http://x","y") 重复', text: true });
  expect(row(6).message).toMatchObject({ value: '-2 未排序', text: true });
  expect(row(5).file?.text).toBe(true);
  expect(row(5).sheet?.text).toBe(true);
});

test('no findings: one line says so', () => {
  const empty = layoutFindingsSheet(makeReport({ findings: [] }));
  expect(empty.cells.find((c) => c.row === 3)?.value).toBe('未发现问题');
  expect(empty.autoFilter).toBe('A2:H3');
});
