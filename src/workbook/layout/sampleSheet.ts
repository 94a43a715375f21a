/**
 * 抽查样本: the enterprises (or single orders) whose contracts and invoices the reviewer checks,
 * with the selection rule above the table and drop-down columns for the results.
 */
import type { EnterpriseSample, OrderSample, ReviewReport } from '../../domain/report';
import { pick, rowMark, type ReviewerInputs } from './inputs';
import { REVIEW_SHEETS } from './sheetNames';
import { BODY, COLORS, HEADER, INPUT, asText, fitColumns, printA4Landscape, range, wrappedHeight, wrappedRowHeights } from './text';
import type { CopiedSheet, LayoutCell, LayoutScalar, SheetLayout } from './types';

/** Words of the 合同核验 / 发票核验 drop-downs. */
export const CHECK_RESULTS = ['已核验', '不符', '缺失', '待核'] as const;

/** Columns of the 抽查样本 table. */
export const SAMPLE_COLS = { mark: 1, rank: 2, enterprise: 3, amount: 4, fourth: 5, fifth: 6, selection: 7, contract: 8, invoice: 9, note: 10 } as const;
const LAST_COL = SAMPLE_COLS.note;
const HEADER_ROW = 6;

export interface SampleContext {
  /** Where each submitted sheet went, so an order's 来源行 links to it. */
  copied?: readonly CopiedSheet[];
  inputs?: ReviewerInputs;
}

/** The key a sample row is matched by on re-run: the enterprise's name, or an order's contract, file, sheet and row. */
export function sampleKey(s: EnterpriseSample | OrderSample): string {
  if ('row' in s) return `o:${s.contract}|${s.file}|${s.sheet}|${s.row}`;
  return `e:${s.enterprise.normalize('NFKC').replace(/\s+/g, '')}`;
}

function isOrderSample(report: ReviewReport): boolean {
  return report.sampleRule.by === 'order';
}

/**
 * The 抽查样本 sheet.
 *
 * @example
 * const sheet = layoutSampleSheet(report, { copied, inputs });
 */
export function layoutSampleSheet(report: ReviewReport, ctx: SampleContext = {}): SheetLayout {
  const { copied = [], inputs } = ctx;
  const sheet = REVIEW_SHEETS.sample;
  const C = SAMPLE_COLS;
  const byOrder = isOrderSample(report);
  const cells: LayoutCell[] = [];
  const put = (c: LayoutCell) => cells.push(c);
  const sample = report.sample as (EnterpriseSample | OrderSample)[];
  const total = Math.round(sample.reduce((s, x) => s + x.amount, 0) * 100) / 100;
  const unit = byOrder ? '笔订单' : '家企业';

  drawAbove(put, report, sample.length, unit, total);

  const headers = byOrder
    ? ['排名', '企业名称', '金额（万元）', '合同号', '来源行', '抽样方式', '合同核验', '发票核验', '备注']
    : ['排名', '企业名称', '金额（万元）', '订单数', '合同号', '抽样方式', '合同核验', '发票核验', '备注'];
  headers.forEach((h, i) => put({ row: HEADER_ROW, col: C.rank + i, value: h, ...HEADER }));

  sample.forEach((s, i) => {
    const r = HEADER_ROW + 1 + i;
    const key = sampleKey(s);
    const got = (field: string): LayoutScalar => pick(inputs, sheet, key, field, null);
    put({
      row: r,
      col: C.mark,
      value: rowMark(key, { contract: [C.contract, null], invoice: [C.invoice, null], note: [C.note, null] }, [C.enterprise, s.enterprise]),
    });
    put({ row: r, col: C.rank, value: s.rank, ...BODY, align: 'center' });
    put({ row: r, col: C.enterprise, ...asText(s.enterprise), ...BODY, wrap: true });
    put({ row: r, col: C.amount, value: s.amount, ...BODY, numFmt: '#,##0.00' });
    if ('row' in s) {
      put({ row: r, col: C.fourth, ...asText(s.contract), ...BODY, wrap: true });
      const target = copied.find((c) => c.file === s.file && c.sheet === s.sheet);
      const where = `${s.file} / ${s.sheet} 第${s.row}行`;
      put({
        row: r,
        col: C.fifth,
        ...asText(where),
        ...BODY,
        wrap: true,
        ...(target ? { hyperlink: { sheet: target.name, cell: `A${s.row}` }, color: COLORS.link } : {}),
      });
    } else {
      put({ row: r, col: C.fourth, value: s.orders, ...BODY, align: 'center' });
      put({ row: r, col: C.fifth, ...asText(s.contracts.join('、')), ...BODY, wrap: true });
    }
    put({ row: r, col: C.selection, value: s.selection === 'random' ? '随机' : '按金额', ...BODY, align: 'center' });
    for (const [field, col] of [
      ['contract', C.contract],
      ['invoice', C.invoice],
      ['note', C.note],
    ] as const) {
      const v = got(field);
      put({ row: r, col, ...(typeof v === 'string' ? asText(v) : { value: v }), ...INPUT, wrap: field === 'note', ...(field === 'note' ? {} : { align: 'center' }) });
    }
  });
  const lastRow = HEADER_ROW + Math.max(sample.length, 1);
  if (sample.length === 0) put({ row: HEADER_ROW + 1, col: C.rank, value: '没有可抽查的订单（附表4-2-1-3 中没有带金额的订单）', ...BODY });

  const columns = fitColumns(
    cells,
    [
      { min: 3, max: 3, hidden: true },
      // Wide enough for the bold labels 抽样规则, 随机抽样 and 填写说明 above the table.
      { min: 11, max: 11 },
      // The rest keep the sheet one page wide at a legible scale; long 合同号 lists wrap.
      { min: 24, max: 32 },
      { min: 12, max: 14 },
      { min: byOrder ? 14 : 8, max: byOrder ? 22 : 8 },
      { min: 16, max: 30 },
      { min: 9, max: 9 },
      { min: 10, max: 10 },
      { min: 10, max: 10 },
      { min: 20, max: 20 },
    ],
    (c) => c.row < HEADER_ROW,
  );
  const span = columns.slice(C.enterprise - 1).reduce((s, c) => s + c.width, 0);
  const rowHeights = [
    { row: 2, height: wrappedHeight(report.sampleRule.description, span * 0.9) },
    ...wrappedRowHeights(cells, columns, HEADER_ROW + 1),
  ];
  return {
    name: sheet,
    columns,
    rowHeights,
    cells,
    merges: [
      range(1, C.rank, 1, LAST_COL),
      range(2, C.enterprise, 2, LAST_COL),
      range(3, C.enterprise, 3, LAST_COL),
      range(4, C.enterprise, 4, LAST_COL),
      ...(sample.length === 0 ? [range(HEADER_ROW + 1, C.rank, HEADER_ROW + 1, LAST_COL)] : []),
    ],
    freeze: { row: HEADER_ROW, col: C.enterprise },
    // The filter spans the hidden mark column, so sorting moves each row's mark with it.
    autoFilter: range(HEADER_ROW, C.mark, lastRow, LAST_COL),
    dataValidations:
      sample.length > 0
        ? [{ range: range(HEADER_ROW + 1, C.contract, lastRow, C.invoice), options: [...CHECK_RESULTS], prompt: '选择核验结果' }]
        : [],
    conditionalFormats: [
      { type: 'equals', range: range(HEADER_ROW + 1, C.contract, lastRow, C.invoice), value: '已核验', fill: COLORS.okFill, color: COLORS.okText },
      { type: 'equals', range: range(HEADER_ROW + 1, C.contract, lastRow, C.invoice), value: '不符', fill: COLORS.badFill, color: COLORS.badText },
      { type: 'equals', range: range(HEADER_ROW + 1, C.contract, lastRow, C.invoice), value: '缺失', fill: COLORS.badFill, color: COLORS.badText },
    ],
    print: printA4Landscape(columns, { titleRows: `${HEADER_ROW}:${HEADER_ROW}` }),
    tabColor: 'FF548235',
  };
}

/** The title with the sample's size and total, the sampling rule, the random draw and how to fill in the checks. */
function drawAbove(put: (c: LayoutCell) => void, report: ReviewReport, count: number, unit: string, total: number): void {
  const C = SAMPLE_COLS;
  put({ row: 1, col: C.rank, value: `抽查样本（${count} ${unit}，金额合计 ${total.toFixed(2)} 万元）`, bold: true, size: 14 });
  put({ row: 2, col: C.rank, value: '抽样规则', bold: true, fill: COLORS.headerFill, border: true });
  put({ row: 2, col: C.enterprise, value: report.sampleRule.description, wrap: true, valign: 'top' });
  put({ row: 3, col: C.rank, value: '随机抽样', bold: true, fill: COLORS.headerFill, border: true });
  put({
    row: 3,
    col: C.enterprise,
    value:
      report.sampleRule.random > 0 && report.sampleRule.seed !== null
        ? `另随机抽取 ${report.sampleRule.random} 个，随机种子 ${report.sampleRule.seed}（用同一种子重新审核可抽得同一样本）`
        : '无（仅按金额选取）',
  });
  put({ row: 4, col: C.rank, value: '填写说明', bold: true, fill: COLORS.headerFill, border: true });
  put({
    row: 4,
    col: C.enterprise,
    value: `“合同核验”“发票核验”请从下拉列表选择：${CHECK_RESULTS.join(' / ')}；其他情况写在“备注”中。重新审核时，已填写的核验结果会保留。`,
    color: COLORS.muted,
  });
}
