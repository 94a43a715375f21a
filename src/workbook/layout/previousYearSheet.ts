/**
 * 新增订单企业: 8.4(2)'s new 北京 order firms, one row each, with the rule and the counts above, when
 * last year's submission was given (`--previous`). Generated afresh on every run: it holds nothing
 * for a reviewer to fill (their findings go on the 评分表's 评审意见 and the 抽查样本).
 */
import type { ReviewReport } from '../../domain/report';
import { PREVIOUS_YEAR_SHEET } from './sheetNames';
import { BODY, COLORS, HEADER, asText, fitColumns, printA4Landscape, range, wrappedHeight, wrappedRowHeights } from './text';
import type { CopiedSheet, LayoutCell, SheetLayout } from './types';

export { PREVIOUS_YEAR_SHEET };

/** Columns of the 新增订单企业 table (column 1 is left empty and hidden, as on the other review sheets). */
export const NEW_FIRM_COLS = { mark: 1, seq: 2, enterprise: 3, creditCode: 4, orders: 5, amount: 6, where: 7 } as const;
const C = NEW_FIRM_COLS;
const LAST_COL = C.where;
const HEADER_ROW = 6;

/** The guide's rule, as the sheet states it. */
export function newFirmRule(year: number, before: number): string {
  return (
    `指标8.4(2)「上一年度新增北京市订单企业（不含免费服务）数量」：附表4-2-1-2 中所属省市为北京、${year}年度在附表4-2-1-3 中有付费订单` +
    `（金额大于 0；免费、金额为 0 或无法识别的不计），且${before}年度材料的附表4-2-1-3 中没有付费订单的企业。` +
    '同一企业按名称规范化后相同或统一社会信用代码相同认定（与本年度去重规则一致）。'
  );
}

/**
 * The 新增订单企业 sheet, or null when no previous year was given.
 *
 * @example
 * layoutPreviousYearSheet(report, copied)?.name // '新增订单企业'
 */
export function layoutPreviousYearSheet(report: ReviewReport, copied: readonly CopiedSheet[] = []): SheetLayout | null {
  const prev = report.previousYear;
  if (!prev) return null;
  const cells: LayoutCell[] = [];
  const put = (c: LayoutCell) => cells.push(c);
  const total = Math.round(prev.newFirms.reduce((s, f) => s + f.amount, 0) * 100) / 100;
  put({ row: 1, col: C.seq, value: `新增北京市订单企业（指标8.4(2)，${prev.newFirms.length} 家，付费订单金额合计 ${total.toFixed(2)} 万元）`, bold: true, size: 14 });
  const above: [string, string][] = [
    ['计算口径', newFirmRule(report.year, prev.year)],
    ['上一年度材料', `${prev.source ?? '（未命名）'}：识别到附表 ${prev.tables} 张，按${prev.year}年度审核`],
    [
      '统计',
      `${report.year}年度有付费订单的北京企业 ${prev.beijingPaidOrderEnterprises} 家，其中 ${prev.returning} 家${prev.year}年度已有付费订单` +
        `${prev.returningFromOutside > 0 ? `（其中 ${prev.returningFromOutside} 家在${prev.year}年度名单中不属北京，仍按已有订单企业计）` : ''}，新增 ${prev.newFirms.length} 家`,
    ],
    ['核对', `请对照${prev.year}和${report.year}年度服务北京市企业名单及相应的合同和发票核对；核对意见写在评分表 8.4(2) 的“评审意见”中（本表每次审核重新生成）`],
  ];
  above.forEach(([label, text], i) => {
    put({ row: 2 + i, col: C.seq, value: label, bold: true, fill: COLORS.headerFill, border: true });
    put({ row: 2 + i, col: C.enterprise, value: text, wrap: true, valign: 'top', ...(label === '核对' ? { color: COLORS.muted } : {}) });
  });
  ['序号', '企业名称', '统一社会信用代码', `${report.year}年度付费订单数`, '金额合计（万元）', '首笔付费订单'].forEach((h, i) => put({ row: HEADER_ROW, col: C.seq + i, value: h, ...HEADER }));
  prev.newFirms.forEach((f, i) => {
    const r = HEADER_ROW + 1 + i;
    put({ row: r, col: C.seq, value: i + 1, ...BODY, align: 'center' });
    put({ row: r, col: C.enterprise, ...asText(f.name), ...BODY, wrap: true });
    put({ row: r, col: C.creditCode, ...asText(f.creditCode ?? ''), ...BODY });
    put({ row: r, col: C.orders, value: f.orders, ...BODY, align: 'center' });
    put({ row: r, col: C.amount, value: f.amount, ...BODY, numFmt: '#,##0.00' });
    const target = copied.find((c) => c.file === f.file && c.sheet === f.sheet);
    put({
      row: r,
      col: C.where,
      ...asText(`${f.file} / ${f.sheet} 第${f.row}行`),
      ...BODY,
      wrap: true,
      ...(target ? { hyperlink: { sheet: target.name, cell: `A${f.row}` }, color: COLORS.link } : {}),
    });
  });
  if (prev.newFirms.length === 0) put({ row: HEADER_ROW + 1, col: C.seq, value: '没有新增的北京市订单企业', ...BODY });
  const lastRow = HEADER_ROW + Math.max(prev.newFirms.length, 1);
  const columns = fitColumns(
    cells,
    [
      { min: 3, max: 3, hidden: true },
      { min: 12, max: 12 },
      { min: 30, max: 40 },
      { min: 20, max: 22 },
      { min: 10, max: 12 },
      { min: 12, max: 14 },
      { min: 24, max: 36 },
    ],
    (c) => c.row < HEADER_ROW,
  );
  const span = columns.slice(C.enterprise - 1).reduce((s, c) => s + c.width, 0);
  return {
    name: PREVIOUS_YEAR_SHEET,
    columns,
    rowHeights: [...above.map(([, text], i) => ({ row: 2 + i, height: wrappedHeight(text, span * 0.9) })), ...wrappedRowHeights(cells, columns, HEADER_ROW + 1)],
    cells,
    merges: [
      range(1, C.seq, 1, LAST_COL),
      ...above.map((_, i) => range(2 + i, C.enterprise, 2 + i, LAST_COL)),
      ...(prev.newFirms.length === 0 ? [range(HEADER_ROW + 1, C.seq, HEADER_ROW + 1, LAST_COL)] : []),
    ],
    freeze: { row: HEADER_ROW, col: C.enterprise },
    autoFilter: range(HEADER_ROW, C.mark, lastRow, LAST_COL),
    dataValidations: [],
    conditionalFormats: [],
    print: printA4Landscape(columns, { titleRows: `${HEADER_ROW}:${HEADER_ROW}` }),
    tabColor: 'FF7030A0',
  };
}
