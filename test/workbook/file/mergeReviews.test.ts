/**
 * The panel end to end: three reviewers' copies edited with ExcelJS (test/helpers/panelCopies.ts)
 * merged into a 合议表 whose numbers are worked out here by hand from the example rubric
 * (rubric/default.json, 技术创新).
 */
import ExcelJS from 'exceljs';
import { readCustomProperties } from '../../../src/workbook/file/customProperties';
import { mergeReviewFiles, openReviewCopy, writePanelWorkbook } from '../../../src/workbook/file/reviewCopies';
import { DEFAULT_RUBRIC, loadRubric } from '../../../src/workbook/layout';
import { PANEL_MARK, PANEL_SHEET } from '../../../src/workbook/layout/panelSheet';
import { sheetGrid } from '../../../src/workbook/file/sheetValues';
import { makeReport } from '../layout/fixtures';
import { baseWorkbook, edited, setRow, threeCopies, 张三, 王五 } from '../../helpers/panelCopies';

/**
 * Scores by hand (张三, 李四, 王五), rubric items for 技术创新:
 *  1  steps 1→2, 2→4, 3→5 (满分 5):  核定值 3, 1, 2            → 5, 2, 4   mean 3.67 spread 3 > 1   flagged
 *  2  1 per item (5):               4, 4, typed 5              → 4, 4, 5   mean 4.33 spread 1 = 1   not flagged
 *  3  full at 10 (5):               10                          → 5 each
 *  4  steps, 2500 ≥ 2000 → 4 (5)                               → 4 each
 *  5  full at 20 (5):               6, 8, 6                     → 1.5, 2, 1.5  mean 1.67 spread 0.5
 *  6  steps, 500 → 13 (15):         13, 13, typed 15            → mean 13.67 spread 2 ≤ 3
 *  7  0.5 per firm, 20 → 10 (10)                               → 10 each
 *  8.3(1) full at 20 (9), 20 → 9; 8.3(2) 12 of 12 → 9            → 9 each
 *  8.3(3) 1 per item (9):           2, 5, blank                 → 2, 5, 未评分  mean 3.5 spread 3 > 1.8 flagged
 *  8.3(4) 1 → 4; 9 1×2 → 2; 10 → 3; 11 2×1.5 → 3; 12 → 3; 13 3 → 2
 * Totals: 张三 79.5, 李四 80, 王五 79.5; panel (sum of means) 80.84.
 */
const MEANS: Record<string, number | null> = {
  '1': 3.67, '2': 4.33, '3': 5, '4': 4, '5': 1.67, '6': 13.67, '7': 10, '8.3(1)': 9, '8.3(2)': 9, '8.3(3)': 3.5, '8.3(4)': 4, '9': 2, '10': 3, '11': 3, '12': 3, '13': 2,
};

test('three reviewers merge into a 合议表 with the means, spreads, flags and verdict worked out by hand', async () => {
  const files = await threeCopies();
  const { panel, layout, properties } = await mergeReviewFiles(files);

  expect(panel.experts.map((e) => e.name)).toEqual(['张三', '李四', '专家C-王五']);
  expect(panel.experts.map((e) => e.total)).toEqual([79.5, 80, 79.5]);
  // 张三 and 王五 meet every threshold but score under 80; 李四 finds T3 not met.
  expect(panel.experts.map((e) => e.verdict)).toEqual(['不合格', '不合格', '不合格']);

  const byId = Object.fromEntries(panel.indicators.map((i) => [i.id, i]));
  expect(Object.fromEntries(panel.indicators.map((i) => [i.id, i.mean]))).toEqual(MEANS);
  expect(byId['1']).toMatchObject({ points: [5, 2, 4], spread: 3, flagged: true });
  expect(byId['2']).toMatchObject({ points: [4, 4, 5], typed: [false, false, true], spread: 1, flagged: false });
  expect(byId['5']).toMatchObject({ points: [1.5, 2, 1.5], spread: 0.5, flagged: false });
  expect(byId['6']).toMatchObject({ points: [13, 13, 15], spread: 2, flagged: false });
  expect(byId['8.3(3)']).toMatchObject({ points: [2, 5, null], spread: 3, flagged: true, missing: true });
  expect(panel.indicators.filter((i) => i.flagged).map((i) => i.id)).toEqual(['1', '8.3(3)']);

  const t = Object.fromEntries(panel.thresholds.map((x) => [x.id, x]));
  expect(t.T3).toMatchObject({ conclusions: ['符合', '不符合', '符合'], conflict: true, anyFail: true, status: 'manual' });
  // 张三 raised T8's 核定值 to 8 (the cached 不符合 is stale: recomputed, 符合); the others overrode it.
  expect(t.T8).toMatchObject({ conclusions: ['符合', '符合', '符合'], overridden: [false, true, true], conflict: false, status: 'pass' });
  expect(panel.thresholds.filter((x) => x.conflict).map((x) => x.id)).toEqual(['T3']);

  // Sum of the means; T3 in conflict leaves the verdict open.
  expect(panel.total).toBe(80.84);
  expect(panel.verdict).toBe('待定');
  expect(panel.toDiscuss).toBe(3);

  expect(panel.comments).toEqual([
    { id: 'T3', title: '无失信', comments: [null, '信用中国有一条行政处罚记录', null] },
    { id: '1', title: '获得市级及以上政府有关部门授予的资质荣誉或称号', comments: ['荣誉证书 3 项，已核对原件', null, '只认可 2 项'] },
  ]);
  // 李四 sorted the 问题清单: the finding is still matched by its key.
  expect(panel.findings).toHaveLength(1);
  expect(panel.findings[0]).toMatchObject({ fields: { disposition: ['属实', '不属实', null], remark: [null, '该企业注册地已迁至北京', null] }, conflict: true });
  expect(panel.findings[0].label).toContain('「上海某公司」不在京津冀地区');
  expect(panel.samples).toHaveLength(1);
  expect(panel.samples[0]).toMatchObject({ fields: { contract: ['已核验', null, '不符'] }, conflict: true });
  expect(properties).toMatchObject({ 评分细则: DEFAULT_RUBRIC.name, 评分细则为正式细则: false, 审核年度: '2024' });

  // The workbook: one sheet 合议表, its numbers as the panel has them.
  const bytes = await writePanelWorkbook({ layout, properties });
  expect(readCustomProperties(bytes)).toMatchObject({ 评分细则为正式细则: false });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual([PANEL_SHEET]);
  const grid = sheetGrid(wb.getWorksheet(PANEL_SHEET)!);
  expect(grid[0][0]).toBe(PANEL_MARK);
  const rowWith = (id: string, after = 0) => grid.findIndex((r, i) => i >= after && r[1] === id);
  const header = grid.findIndex((r) => r[1] === '编号' && r[3] === '满分');
  const n1 = grid[rowWith('1', header)];
  expect(n1.slice(3, 10)).toEqual([5, 5, 2, 4, 3.67, 3, expect.stringContaining('需合议')]);
  const total = grid.find((r) => r[2] === '合计')!;
  expect(total.slice(3, 8)).toEqual([100, 79.5, 80, 79.5, 80.84]);
  const verdict = grid.find((r) => r[2] === '评价结论')!;
  expect(verdict.slice(4, 8)).toEqual(['不合格', '不合格', '不合格', '待定']);
  const t3 = grid[rowWith('T3')];
  expect(t3.slice(4, 8)).toEqual(['符合', '不符合', '符合', '待合议']);
  expect(t3[9]).toBe('结论不一致，需专家组合议；有专家判“不符合”');
  const t8 = grid[rowWith('T8')];
  expect(t8.slice(4, 7)).toEqual(['符合', '符合（改判）', '符合（改判）']);
  expect(grid.some((r) => r[1] === '合议结论' && String(r[2]).startsWith('待定'))).toBe(true);
}, 60_000);

test('without 李四 the panel agrees on every threshold: 80.5 points, 合格, and indicator 1 is no longer flagged', async () => {
  const base = await baseWorkbook();
  const { panel } = await mergeReviewFiles([
    { file: 'a.xlsx', bytes: await edited(base, 张三) },
    { file: 'c.xlsx', bytes: await edited(base, 王五) },
  ]);
  // 1: 5 and 4, spread 1 = 20% of 5; 8.3(3) scored by 张三 alone.
  expect(panel.indicators.find((i) => i.id === '1')).toMatchObject({ mean: 4.5, spread: 1, flagged: false });
  expect(panel.indicators.find((i) => i.id === '8.3(3)')).toMatchObject({ mean: 2, spread: null, flagged: false, missing: true });
  expect(panel.thresholds.some((t) => t.conflict)).toBe(false);
  expect(panel.total).toBe(80.5);
  expect(panel.verdict).toBe('合格');
  expect(panel.rewardEligible).toBe(true);
  expect(panel.experts.map((e) => e.name)).toEqual(['张三', 'c']);
}, 60_000);

test('a tighter or looser gap changes the flags, not the scores', async () => {
  const files = await threeCopies();
  const tight = await mergeReviewFiles(files, 0.1);
  // 2 (spread 1 > 0.5), 5 (0.5 ≥ 0.5: not), 6 (2 > 1.5) join 1 and 8.3(3).
  expect(tight.panel.indicators.filter((i) => i.flagged).map((i) => i.id)).toEqual(['1', '2', '6', '8.3(3)']);
  const loose = await mergeReviewFiles(files, 0.6);
  expect(loose.panel.indicators.filter((i) => i.flagged).map((i) => i.id)).toEqual([]);
  expect(loose.panel.total).toBe(tight.panel.total);
}, 60_000);

describe('refusals', () => {
  test('copies of different platforms', async () => {
    const a = await edited(await baseWorkbook(), 张三);
    const b = await baseWorkbook(makeReport({ platform: { name: '另一平台', category: '技术创新', unit: null, district: null } }));
    await expect(mergeReviewFiles([{ file: 'a.xlsx', bytes: a }, { file: 'b.xlsx', bytes: b }])).rejects.toThrow(
      '「b.xlsx」与「a.xlsx」不是同一平台的审核工作簿，不能合并：「b.xlsx」「评分表」C4 平台名称为「另一平台」，「a.xlsx」「评分表」C4 为「测试平台」',
    );
  });

  test('copies scored under different rubric versions', async () => {
    const official = loadRubric({ ...JSON.parse(JSON.stringify(DEFAULT_RUBRIC)), name: '2024 年度正式评分细则', example: false });
    const a = await baseWorkbook();
    const b = await baseWorkbook(makeReport(), official);
    await expect(mergeReviewFiles([{ file: 'a.xlsx', bytes: a }, { file: 'b.xlsx', bytes: b }])).rejects.toThrow(/「b\.xlsx」与「a\.xlsx」的评分细则版本不同，不能合并：「b\.xlsx」为「2024 年度正式评分细则」，「a\.xlsx」为「示例评分细则（非官方）」（示例细则）/);
  });

  test('a copy whose 评分细则 a reviewer changed', async () => {
    const base = await baseWorkbook();
    const b = await edited(base, (wb) => {
      const ws = wb.getWorksheet('评分细则')!;
      ws.getCell('D8').value = 6;
    });
    await expect(mergeReviewFiles([{ file: 'a.xlsx', bytes: base }, { file: 'b.xlsx', bytes: b }])).rejects.toThrow(
      '「b.xlsx」与「a.xlsx」的评分细则不同，不能合并：指标 1 的满分，「b.xlsx」「评分细则」D8 为「6」，「a.xlsx」「评分细则」D8 为「5」',
    );
  });

  test('fewer than two copies, a file that is not a review workbook, one that is not a workbook', async () => {
    const base = await baseWorkbook();
    await expect(mergeReviewFiles([{ file: 'a.xlsx', bytes: base }])).rejects.toThrow('合并评审至少需要两位专家的审核工作簿，只给出了 1 个');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('名单').getCell('A1').value = '企业名称';
    const plain = new Uint8Array(await other.xlsx.writeBuffer());
    await expect(mergeReviewFiles([{ file: 'a.xlsx', bytes: base }, { file: '名单.xlsx', bytes: plain }])).rejects.toThrow('「名单.xlsx」不是审核工作簿：没有“评分表”、“评分细则”工作表');
    await expect(openReviewCopy({ file: '说明.txt', bytes: new TextEncoder().encode('hello') })).rejects.toThrow('「说明.txt」无法作为审核工作簿打开');
    // The hidden key column deleted: refused, not read by position.
    const noKeys = await edited(base, (wb) => wb.getWorksheet('评分表')!.spliceColumns(1, 1));
    await expect(openReviewCopy({ file: 'x.xlsx', bytes: noKeys })).rejects.toThrow('「x.xlsx」不是审核工作簿：评分表或评分细则中没有审核助手的行标记');
  });

  test('a gap outside 0–1', async () => {
    const files = await threeCopies();
    await expect(mergeReviewFiles(files, 20)).rejects.toThrow('分差阈值应在 0 到 1 之间');
  });
});

test('a copy saved without formulas (values only) reads its cached scores', async () => {
  const base = await baseWorkbook();
  const values = await edited(base, (wb) => {
    const ws = wb.getWorksheet('评分表')!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v) cell.value = (v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue;
      }),
    );
    setRow(wb, '5', { points: 3 });
  });
  const copy = await openReviewCopy({ file: 'v.xlsx', bytes: values });
  expect(copy.indicators.find((i) => i.id === '5')).toMatchObject({ points: 3, typed: true });
  expect(copy.indicators.find((i) => i.id === '6')).toMatchObject({ points: 8 });
});
