/**
 * Three reviewers' copies of one review workbook, edited with ExcelJS as reviewers do: 评审专家,
 * 结论 drop-downs, 评审结论 overrides, 核定值, a 得分 typed over its formula, comments, 处理意见
 * and 核验. ExcelJS does not recalculate, so the 得分 and 结论 formulas keep their old cached
 * results where a 核定值 changed, as a copy saved by a script would. The numbers the panel must
 * give are worked out by hand in test/workbook/file/mergeReviews.test.ts.
 */
import ExcelJS from 'exceljs';
import type { ReviewReport } from '../../src/domain/report';
import { writeReviewWorkbook } from '../../src/workbook/file/writeReview';
import { FINDINGS_COLS, SAMPLE_COLS, SCORING_COLS, type Rubric } from '../../src/workbook/layout';
import { makeReport } from '../workbook/layout/fixtures';

export type Edit = (wb: ExcelJS.Workbook) => void;

/** The 评分表 row whose 编号 (or header label) is `id`, found as a reviewer finds it. */
export function rowOf(ws: ExcelJS.Worksheet, id: string, col: number = SCORING_COLS.id): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(col).value === id) found ??= row;
  });
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

/** 核定值 (and, given, 结论 / 评审结论 / 评审意见 / 得分) of a 评分表 row. */
export function setRow(wb: ExcelJS.Workbook, id: string, v: { value?: number | string | null; conclusion?: string; override?: string; comment?: string; points?: number }): void {
  const row = rowOf(wb.getWorksheet('评分表')!, id);
  if (v.value !== undefined) row.getCell(SCORING_COLS.value).value = v.value;
  if (v.conclusion !== undefined) row.getCell(SCORING_COLS.result).value = v.conclusion;
  if (v.points !== undefined) row.getCell(SCORING_COLS.result).value = v.points;
  if (v.override !== undefined) row.getCell(SCORING_COLS.override).value = v.override;
  if (v.comment !== undefined) row.getCell(SCORING_COLS.comment).value = v.comment;
}

export function setReviewer(wb: ExcelJS.Workbook, name: string): void {
  rowOf(wb.getWorksheet('评分表')!, '评审专家').getCell(SCORING_COLS.title).value = name;
}

export async function baseWorkbook(report: ReviewReport = makeReport(), rubric?: Rubric): Promise<Uint8Array> {
  return writeReviewWorkbook({ report, sources: [], rubric });
}

export async function edited(base: Uint8Array, edit: Edit): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(base.buffer.slice(base.byteOffset, base.byteOffset + base.byteLength) as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const MANUAL = ['T1', 'T2', 'T6', 'T7'];

/** What every reviewer agrees on: the manual thresholds met, and the 核定值 of most indicators. */
function common(wb: ExcelJS.Workbook): void {
  for (const t of MANUAL) setRow(wb, t, { conclusion: '符合' });
  const values: Record<string, number> = { '3': 10, '4': 2500, '6': 500, '7': 20, '8.3(1)': 20, '8.3(4)': 1, '9': 1, '10': 1, '11': 2, '12': 3, '13': 3 };
  for (const [id, value] of Object.entries(values)) setRow(wb, id, { value });
}

/** The 问题清单 row of a finding, by its 说明. */
function findingRow(wb: ExcelJS.Workbook, message: string): ExcelJS.Row {
  return rowOf(wb.getWorksheet('问题清单')!, message, FINDINGS_COLS.message);
}

export const 张三: Edit = (wb) => {
  common(wb);
  setReviewer(wb, '张三');
  setRow(wb, 'T3', { conclusion: '符合' });
  // 核定值 raised to 8: the 结论 formula's cached 不符合 is stale; Excel would show 符合.
  setRow(wb, 'T8', { value: 8 });
  setRow(wb, '1', { value: 3, comment: '荣誉证书 3 项，已核对原件' });
  setRow(wb, '2', { value: 4 });
  setRow(wb, '8.3(3)', { value: 2 });
  findingRow(wb, '「上海某公司」不在京津冀地区').getCell(FINDINGS_COLS.disposition).value = '属实';
  rowOf(wb.getWorksheet('抽查样本')!, '北京甲科技有限公司', SAMPLE_COLS.enterprise).getCell(SAMPLE_COLS.contract).value = '已核验';
};

export const 李四: Edit = (wb) => {
  common(wb);
  setReviewer(wb, '李四');
  setRow(wb, 'T3', { conclusion: '不符合', comment: '信用中国有一条行政处罚记录' });
  setRow(wb, 'T8', { override: '符合' });
  setRow(wb, '1', { value: 1 });
  setRow(wb, '2', { value: 4 });
  setRow(wb, '5', { value: 8 });
  setRow(wb, '8.3(3)', { value: 5 });
  const f = findingRow(wb, '「上海某公司」不在京津冀地区');
  f.getCell(FINDINGS_COLS.disposition).value = '不属实';
  f.getCell(FINDINGS_COLS.remark).value = '该企业注册地已迁至北京';
  // 李四 sorted the 问题清单 (whole rows, the hidden key column with them): rows are read by key.
  const ws = wb.getWorksheet('问题清单')!;
  const a = ws.getRow(3);
  const b = f;
  const av = a.values as ExcelJS.CellValue[];
  const bv = b.values as ExcelJS.CellValue[];
  a.values = bv;
  b.values = av;
};

/** 王五 leaves 评审专家 blank: the name comes from the file name. */
export const 王五: Edit = (wb) => {
  common(wb);
  setRow(wb, 'T3', { conclusion: '符合' });
  setRow(wb, 'T8', { override: '符合' });
  setRow(wb, '1', { value: 2, comment: '只认可 2 项' });
  // 得分 typed over the formula (核定值 left blank).
  setRow(wb, '2', { points: 5 });
  setRow(wb, '6', { points: 15 });
  rowOf(wb.getWorksheet('抽查样本')!, '北京甲科技有限公司', SAMPLE_COLS.enterprise).getCell(SAMPLE_COLS.contract).value = '不符';
};

/** The three copies as files. */
export async function threeCopies(base?: Uint8Array): Promise<{ file: string; bytes: Uint8Array }[]> {
  const b = base ?? (await baseWorkbook());
  return [
    { file: '测试平台-审核-张三.xlsx', bytes: await edited(b, 张三) },
    { file: '测试平台-审核-李四.xlsx', bytes: await edited(b, 李四) },
    { file: '专家C-王五.xlsx', bytes: await edited(b, 王五) },
  ];
}
