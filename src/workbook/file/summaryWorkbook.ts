/**
 * 汇总.xlsx: one row per platform of a batch review, with a link to its review workbook,
 * and a sheet of counts by category and verdict.
 */
import ExcelJS from 'exceljs';
import { looksLikeFormula } from '../layout/text';
import { safeValue } from './safeText';
import { CATEGORIES } from '../../domain/roster';
import type { FirmsAcross } from '../../domain/crossCheck';
import { SEVERITY_LABEL, type Severity } from '../../domain/report';

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

/** What the checks across platforms found, for 交叉核查 and 多平台服务企业. */
export interface CrossSummary {
  /** One per shared item. */
  items: {
    check: string;
    /** The check's Chinese title. */
    title: string;
    severity: Severity;
    what: string;
    how: string;
    /** Each platform's row of the item: its review workbook (beside 汇总.xlsx) and where in its material. */
    entries: { platform: string; workbook: string | null; place: string }[];
  }[];
  firms: FirmsAcross;
}

/** Platforms shown with their own link and place on a 交叉核查 row; the rest are named in one cell. */
export const CROSS_PLATFORM_COLUMNS = 6;

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

/** Text that looks like a formula (a platform named =…) is marked as text, as on every generated sheet. */
function markText(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    if (typeof c.value === 'string' && looksLikeFormula(c.value)) c.numFmt = '@';
  });
}

function headerRow(ws: ExcelJS.Worksheet, values: string[]): ExcelJS.Row {
  const header = ws.addRow(values);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  return header;
}

/** 交叉核查: one row per item two or more platforms share, with a link to each platform's review workbook. */
function crossSheet(wb: ExcelJS.Workbook, cross: CrossSummary): void {
  const ws = wb.addWorksheet('交叉核查', { views: [{ state: 'frozen', ySplit: 2, xSplit: 4 }] });
  const pairs = Array.from({ length: CROSS_PLATFORM_COLUMNS }, (_, i) => i + 1);
  ws.columns = [6, 44, 9, 50, 28, 8, ...pairs.flatMap(() => [40, 30]), 40].map((width) => ({ width }));
  const counts = new Map<string, number>();
  for (const item of cross.items) counts.set(item.title, (counts.get(item.title) ?? 0) + 1);
  const tally = [...counts].map(([t, n]) => `${t} ${n} 项`).join('，');
  ws.addRow([`交叉核查：多个平台申报的同一合同订单、活动和人员（${tally || '未发现'}）`]).font = { bold: true, size: 13 };
  headerRow(ws, ['序号', '检查项', '严重程度', '共同内容', '比对依据', '平台数', ...pairs.flatMap((i) => [`平台${i}`, `位置${i}`]), '其他平台']);
  cross.items.forEach((item, i) => {
    const platforms = new Set(item.entries.map((e) => e.platform));
    // One cell pair per platform: its first entry's place, with the others of the same platform.
    const byPlatform = new Map<string, { workbook: string | null; places: string[] }>();
    for (const e of item.entries) {
      const p = byPlatform.get(e.platform);
      if (p) p.places.push(e.place);
      else byPlatform.set(e.platform, { workbook: e.workbook, places: [e.place] });
    }
    const shown = [...byPlatform].slice(0, CROSS_PLATFORM_COLUMNS);
    const rest = [...byPlatform].slice(CROSS_PLATFORM_COLUMNS).map(([name]) => name);
    const values: ExcelJS.CellValue[] = [
      i + 1,
      `${item.title}（${item.check}）`,
      SEVERITY_LABEL[item.severity],
      item.what,
      item.how,
      platforms.size,
      ...pairs.flatMap((k) => {
        const p = shown[k - 1];
        if (!p) return ['', ''];
        const [name, { workbook, places }] = p;
        return [workbook ? { text: name, hyperlink: encodeURI(workbook) } : name, places.join('；')];
      }),
      rest.join('、'),
    ];
    const row = ws.addRow(values.map(safeValue));
    markText(row);
    row.alignment = { vertical: 'top' };
    shown.forEach(([, p], k) => {
      if (p.workbook) row.getCell(7 + 2 * k).font = LINK_FONT;
    });
    const fill = item.severity === 'error' ? 'FFFFC7CE' : item.severity === 'warning' ? 'FFFFEB9C' : 'FFDDEBF7';
    row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  if (cross.items.length === 0) ws.addRow(['', '未发现多个平台申报的同一合同订单、活动或人员']);
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 6 + 2 * CROSS_PLATFORM_COLUMNS + 1 } };
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
}

/** 多平台服务企业: how many platforms serve each firm (for information: firms may use several), and the firms served by the most. */
function firmsSheet(wb: ExcelJS.Workbook, firms: FirmsAcross): void {
  const ws = wb.addWorksheet('多平台服务企业');
  ws.columns = [8, 40, 22, 12, 80].map((width) => ({ width }));
  ws.addRow([`多个平台服务的企业（共 ${firms.firms} 家企业；仅供了解：企业可以同时使用多个平台的服务）`]).font = { bold: true, size: 13 };
  ws.addRow([]);
  headerRow(ws, ['', '服务该企业的平台数', '', '企业家数']);
  for (const d of firms.distribution) ws.addRow(['', d.label, '', d.firms]);
  ws.addRow([]);
  headerRow(ws, ['序号', '企业名称', '统一社会信用代码', '平台数', '服务平台']);
  firms.top.forEach((f, i) => {
    const row = ws.addRow([i + 1, f.name, f.code ?? '', f.platforms.length, f.platforms.join('、')].map(safeValue));
    markText(row);
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  });
  if (firms.top.length === 0) ws.addRow(['', '没有由两个及以上平台服务的企业']);
}

/** Build 汇总.xlsx; returns its bytes. With `cross`, also 交叉核查 and 多平台服务企业. */
export async function summaryWorkbook(rows: readonly SummaryRow[], title: string, cross?: CrossSummary): Promise<Uint8Array> {
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
  if (cross) {
    crossSheet(wb, cross);
    firmsSheet(wb, cross.firms);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
