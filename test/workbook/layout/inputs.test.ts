import {
  DEFAULT_RUBRIC,
  countInputs,
  extractReviewerInputs,
  layoutRubricSheet,
  layoutSampleSheet,
  layoutScoringSheet,
  rowMark,
  sameValue,
  type LayoutScalar,
  type SheetLayout,
} from '../../../src/workbook/layout';
import { round2 } from '../../../src/workbook/layout/rubric';
import { makeReport } from './fixtures';

/** A layout's values as a reviewer's workbook would hold them (formulas as results). */
function grid(layout: SheetLayout): LayoutScalar[][] {
  const rows: LayoutScalar[][] = [];
  for (const c of layout.cells) {
    const v = c.value;
    (rows[c.row - 1] ??= [])[c.col - 1] = v !== null && typeof v === 'object' ? (v.result ?? null) : v;
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null));
}

function setCell(g: LayoutScalar[][], row: number, col: number, v: LayoutScalar): void {
  (g[row - 1] ??= [])[col - 1] = v;
}

function rowOf(g: LayoutScalar[][], key: string): number {
  const i = g.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('{') && JSON.parse(r[0]).k === key);
  if (i < 0) throw new Error(key);
  return i + 1;
}

test('sameValue: blank equals empty text, numbers within rounding, text trimmed', () => {
  expect(sameValue(null, '')).toBe(true);
  expect(sameValue(null, '  ')).toBe(true);
  expect(sameValue(0.8528960039849461, 0.852896003984946)).toBe(true);
  expect(sameValue(1, 1.001)).toBe(false);
  expect(sameValue('符合 ', '符合')).toBe(true);
  expect(sameValue(0, null)).toBe(false);
  expect(sameValue('1', 1)).toBe(false);
});

test('a freshly generated workbook holds no edits', () => {
  const report = makeReport();
  const sheets = {
    评分表: grid(layoutScoringSheet(report, DEFAULT_RUBRIC)),
    评分细则: grid(layoutRubricSheet(DEFAULT_RUBRIC, '技术创新')),
    抽查样本: grid(layoutSampleSheet(report)),
  };
  expect(extractReviewerInputs(sheets)).toEqual({});
});

test('edited cells are read back as edits; unchanged and reverted ones are not', () => {
  const report = makeReport();
  const scoring = grid(layoutScoringSheet(report, DEFAULT_RUBRIC));
  const rubric = grid(layoutRubricSheet(DEFAULT_RUBRIC, '技术创新'));
  const sample = grid(layoutSampleSheet(report));
  setCell(scoring, rowOf(scoring, 'T1'), 6, '符合');
  setCell(scoring, rowOf(scoring, 'T4'), 5, 240); // unchanged
  setCell(scoring, rowOf(scoring, 'T9'), 5, 0.852896003984946); // Excel's 15 digits: unchanged
  setCell(scoring, rowOf(scoring, '6'), 5, 300);
  setCell(scoring, rowOf(scoring, '7'), 5, null); // cleared: an edit
  setCell(scoring, rowOf(scoring, 'reviewer'), 3, ' 张三 ');
  setCell(rubric, rowOf(rubric, '6'), 4, 20);
  setCell(rubric, rowOf(rubric, 'passScore'), 4, 85);
  setCell(sample, rowOf(sample, 'e:北京甲科技有限公司'), 8, '已核验');
  setCell(sample, rowOf(sample, 'e:北京甲科技有限公司'), 10, '发票待补');
  const inputs = extractReviewerInputs({ 评分表: scoring, 评分细则: rubric, 抽查样本: sample });
  expect(inputs).toEqual({
    评分表: { T1: { conclusion: '符合' }, '6': { value: 300 }, '7': { value: null }, reviewer: { value: '张三' } },
    评分细则: { '6': { max: 20 }, passScore: { value: 85 } },
    抽查样本: { 'e:北京甲科技有限公司': { contract: '已核验', note: '发票待补' } },
  });
  expect(countInputs(inputs)).toBe(8);
});

test('a row sorted apart from its mark (the anchor no longer matches) is not read', () => {
  const report = makeReport();
  const sample = grid(layoutSampleSheet(report));
  const r1 = rowOf(sample, 'e:北京甲科技有限公司');
  const r2 = r1 + 1;
  // The reviewer sorted columns B:J only: the two rows swapped under their marks.
  const [a, b] = [sample[r1 - 1].slice(1), sample[r2 - 1].slice(1)];
  sample[r1 - 1] = [sample[r1 - 1][0], ...b];
  sample[r2 - 1] = [sample[r2 - 1][0], ...a];
  setCell(sample, r1, 8, '不符');
  expect(extractReviewerInputs({ 抽查样本: sample })).toEqual({});
});

test('rows without a mark, or with a broken one, are ignored', () => {
  const g: LayoutScalar[][] = [
    ['not json', 'x'],
    ['{broken', 'x'],
    [rowMark('T1', { conclusion: [2, '待核'] }), '不符合'],
    ['{"k":1}', 'x'],
  ];
  expect(extractReviewerInputs({ 评分表: g })).toEqual({ 评分表: { T1: { conclusion: '不符合' } } });
});

test('round2 rounds half away from zero on the decimal digits, like Excel', () => {
  expect(round2(2.675)).toBe(2.68);
  expect(round2(1.005)).toBe(1.01);
  expect(round2(-2.675)).toBe(-2.68);
  expect(round2(5e-324)).toBe(0);
  expect(round2(1 / 3)).toBe(0.33);
});
