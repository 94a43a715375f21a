import { CHECKS } from '../../../src/domain/checks';
import { DISPOSITIONS, FINDINGS_COLS, GONE_MARK, layoutFindingsSheet, type CopiedSheet, type LayoutCell } from '../../../src/workbook/layout';
import { checkInfo } from '../../../src/domain/checks';
import { extractReviewerInputs } from '../../../src/workbook/layout/inputs';
import { expectOnePageWide, layoutToSheet } from './fixtures';
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
  expect([2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => layout.cells.find((x) => x.row === 2 && x.col === c)?.value)).toEqual([
    '序号', '严重程度', '检查项', '依据条款', '文件', '工作表', '单元格', '说明', '处理意见', '备注',
  ]);
  expect(layout.columns[0].hidden).toBe(true);
  expect(layout.freeze).toEqual({ row: 2, col: 0 });
  // The filter spans the hidden mark column, so sorting moves each row's mark with it.
  expect(layout.autoFilter).toBe('A2:K7');
  expect(layout.dataValidations).toEqual([expect.objectContaining({ range: 'J3:J7', options: [...DISPOSITIONS] })]);
  expect(String(layout.cells.find((c) => c.row === 1)?.value)).toMatch(/共 5 条：错误 3 条、警告 1 条、提示 1 条/);
  expect(layout.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', titleRows: '2:2' });
  expectOnePageWide(layout);
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
  expect(empty.autoFilter).toBe('A2:K3');
});

describe('处理意见 and 备注 are kept across re-runs by the finding (check, file, sheet, cell)', () => {
  const C = FINDINGS_COLS;
  /** Type into a layout as a reviewer would, then read the workbook back. */
  function typed(l: typeof layout, edits: [number, number, string][]) {
    const grid = layoutToSheet(l).map((r) => [...r]);
    for (const [r, c, v] of edits) grid[r - 1][c - 1] = v;
    return extractReviewerInputs({ 问题清单: grid as never });
  }
  const at = (l: typeof layout, r: number, c: number) => l.cells.find((x) => x.row === r && x.col === c)?.value ?? null;
  const rowOfCell = (l: typeof layout, file: string, cell: string) =>
    l.cells.find((x) => x.col === C.cell && x.value === cell && l.cells.some((y) => y.row === x.row && y.col === C.file && y.value === file))!.row;

  test('an entry follows its finding when others come and go, and when the wording changes', () => {
    const r = rowOfCell(layout, 'a.xlsx', 'B12');
    const inputs = typed(layout, [
      [r, C.disposition, '不属实'],
      [r, C.remark, '已电话核实'],
    ]);
    const base = makeReport();
    const target = base.findings.find((f) => f.cell === 'B12')!;
    // The finding reworded, another one gone, a new one first.
    const next = makeReport({
      findings: [
        { ...base.findings[0], file: '新.xlsx', message: '新问题' },
        ...base.findings.filter((f) => f !== target && f.cell !== 'B5'),
        { ...target, message: '措辞已变' },
      ],
    });
    const l2 = layoutFindingsSheet(next, copied, inputs);
    const r2 = rowOfCell(l2, 'a.xlsx', 'B12');
    expect([at(l2, r2, C.message), at(l2, r2, C.disposition), at(l2, r2, C.remark)]).toEqual(['措辞已变', '不属实', '已电话核实']);
    // No other row took the entry.
    expect(l2.cells.filter((c) => c.col === C.disposition && c.value !== null && c.row > 2)).toHaveLength(1);
  });

  test('a finding no longer raised keeps its row, greyed and marked, while it carries an entry; then again on the next run', () => {
    const r = rowOfCell(layout, 'b.xlsx', 'B5');
    const inputs = typed(layout, [[r, C.disposition, '已说明']]);
    const base = makeReport();
    const l2 = layoutFindingsSheet(makeReport({ findings: base.findings.filter((f) => f.cell !== 'B5') }), copied, inputs);
    const gone = l2.cells.find((c) => c.col === C.no && c.value === GONE_MARK);
    expect(gone).toBeDefined();
    const g = gone!.row;
    expect(g).toBe(3 + base.findings.length - 1);
    expect(at(l2, g, C.disposition)).toBe('已说明');
    expect(String(at(l2, g, C.message))).toBe(`【${GONE_MARK}】${base.findings.find((f) => f.cell === 'B5')!.message}`);
    expect([at(l2, g, C.file), at(l2, g, C.cell), at(l2, g, C.severity)]).toEqual(['b.xlsx', 'B5', '错误']);
    expect(l2.cells.find((c) => c.row === g && c.col === C.message)?.fill).toBe('FFF2F2F2');
    expect(String(at(l2, 1, C.no))).toContain(`另有 1 条${GONE_MARK}`);
    expect(l2.autoFilter).toBe(`A2:K${g}`);
    // Carried again by a third run; cleared by the reviewer, the row goes.
    const inputs3 = typed(l2, []);
    const l3 = layoutFindingsSheet(makeReport({ findings: base.findings.filter((f) => f.cell !== 'B5') }), copied, inputs3);
    expect(l3.cells.some((c) => c.value === GONE_MARK)).toBe(true);
    const l4 = layoutFindingsSheet(makeReport({ findings: base.findings.filter((f) => f.cell !== 'B5') }), copied, typed(l2, [[g, C.disposition, '']]));
    expect(l4.cells.some((c) => c.value === GONE_MARK)).toBe(false);
    // Without an entry, a vanished finding leaves no row.
    const l5 = layoutFindingsSheet(makeReport({ findings: base.findings.filter((f) => f.cell !== 'B5') }), copied, typed(layout, []));
    expect(l5.cells.some((c) => c.value === GONE_MARK)).toBe(false);
  });

  test('a reviewer\'s entry in a formula-looking form stays text', () => {
    const r = rowOfCell(layout, 'a.xlsx', 'B12');
    const l2 = layoutFindingsSheet(makeReport(), copied, typed(layout, [[r, C.remark, '=1+1']]));
    expect(l2.cells.find((c) => c.row === r && c.col === C.remark)).toMatchObject({ value: '=1+1', text: true });
  });
});
