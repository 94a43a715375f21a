/**
 * 汇总.xlsx: one row per platform of a batch review, with a link to its review workbook,
 * and a sheet of counts by category and verdict.
 */
import ExcelJS from 'exceljs';
import { looksLikeFormula } from '../layout/text';
import { safeValue } from './safeText';
import { CATEGORIES } from '../../domain/roster';

export interface SummaryRow {
  name: string;
  unit: string | null;
  category: string | null;
  district: string | null;
  verdict: string | null;
  /** What the verdict means for the platform (src/domain/scoring.ts). */
  consequence?: string | null;
  total: number | null;
  failedConditions: string[];
  errors: number;
  warnings: number;
  /** File name of the review workbook, beside 汇总.xlsx. */
  workbook: string | null;
  problem?: string;
}

export const VERDICT_COLUMNS = ['合格', '不合格', '待定', '无法审核'] as const;

function categoryRank(c: string | null): number {
  const i = c ? (CATEGORIES as readonly string[]).indexOf(c) : -1;
  return i < 0 ? CATEGORIES.length : i;
}

/** Sorted as hub staff read it: by category (the guide's order), then by score, highest first. */
export function sortSummary(rows: readonly SummaryRow[]): SummaryRow[] {
  return [...rows].sort(
    (a, b) =>
      categoryRank(a.category) - categoryRank(b.category) ||
      (b.total ?? -Infinity) - (a.total ?? -Infinity) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** Build 汇总.xlsx; returns its bytes. */
export async function summaryWorkbook(rows: readonly SummaryRow[], title: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '示范平台审核助手';
  const ws = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [6, 34, 34, 11, 14, 9, 9, 18, 8, 8, 36, 40, 26].map((width) => ({ width }));
  ws.addRow([title]).font = { bold: true, size: 13 };
  const header = ws.addRow(['序号', '平台名称', '运营单位', '服务类别', '所属区', '结论', '总分', '不符合的门槛条件', '错误', '警告', '审核工作簿', '说明', '处理结果']);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  sortSummary(rows).forEach((r, i) => {
    const values: ExcelJS.CellValue[] = [
      i + 1,
      r.name,
      r.unit ?? '',
      r.category ?? '',
      r.district ?? '',
      r.problem ? '无法审核' : (r.verdict ?? ''),
      r.total,
      r.failedConditions.join('、'),
      r.problem ? null : r.errors,
      r.problem ? null : r.warnings,
      r.workbook ? { text: r.workbook, hyperlink: encodeURI(r.workbook) } : '',
      r.problem ?? '',
      r.problem ? '' : (r.consequence ?? ''),
    ];
    const row = ws.addRow(values.map(safeValue));
    row.getCell(7).numFmt = '0.00';
    // Text that looks like a formula (a platform named =…) is marked as text, as on every generated sheet.
    row.eachCell((c) => {
      if (typeof c.value === 'string' && looksLikeFormula(c.value)) c.numFmt = '@';
    });
    if (r.workbook) row.getCell(11).font = { color: { argb: 'FF0563C1' }, underline: true };
    const verdict = row.getCell(6);
    const color = verdict.value === '合格' ? 'FFC6EFCE' : verdict.value === '不合格' || verdict.value === '无法审核' ? 'FFFFC7CE' : 'FFFFEB9C';
    verdict.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: color } };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 12 } };
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const stats = wb.addWorksheet('统计');
  stats.columns = [14, 9, 9, 9, 10, 9].map((width) => ({ width }));
  const sh = stats.addRow(['服务类别', ...VERDICT_COLUMNS, '合计']);
  sh.font = { bold: true };
  sh.eachCell((c) => (c.fill = HEADER_FILL));
  const verdictOf = (r: SummaryRow) => (r.problem ? '无法审核' : (r.verdict ?? '待定'));
  const categories = [...CATEGORIES, ...(rows.some((r) => categoryRank(r.category) === CATEGORIES.length) ? ['（未确定）'] : [])];
  for (const c of categories) {
    const inCategory = rows.filter((r) => (categoryRank(r.category) === CATEGORIES.length ? '（未确定）' : r.category) === c);
    stats.addRow([c, ...VERDICT_COLUMNS.map((v) => inCategory.filter((r) => verdictOf(r) === v).length), inCategory.length]);
  }
  const totalRow = stats.addRow(['合计', ...VERDICT_COLUMNS.map((v) => rows.filter((r) => verdictOf(r) === v).length), rows.length]);
  totalRow.font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
