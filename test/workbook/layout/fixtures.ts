/**
 * Fixtures for the layout tests: a hand-built review report (no workbook needed), and HyperFormula
 * over layouts or ExcelJS worksheets, to evaluate the formulas the review workbook holds.
 */
import type ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import type { EnterpriseSample, Finding, OrderSample, ReviewReport, Threshold } from '../../../src/domain/report';
import type { LayoutScalar, SheetLayout } from '../../../src/workbook/layout';
import { columnNumber } from '../../../src/domain/grid';
import { MIN_PRINT_SCALE, PRINTABLE_WIDTH, columnPoints } from '../../../src/workbook/layout/text';

const THRESHOLDS: Threshold[] = [
  { id: 'T1', title: '独立法人', status: 'manual', value: null, required: null, note: '核对营业执照' },
  { id: 'T2', title: '资产总额', status: 'manual', value: null, required: null, note: '核对审计报告' },
  { id: 'T3', title: '无失信', status: 'manual', value: null, required: null, note: '核对信用中国' },
  { id: 'T4', title: '服务京津冀中小企业不少于100家', status: 'pass', value: 240, required: 100, note: '去重后 240 家' },
  { id: 'T5', title: '专业服务机构5家以上', status: 'pass', value: 6, required: 5, note: '6 家' },
  { id: 'T6', title: '信息化手段', status: 'manual', value: null, required: null, note: '核对截图' },
  { id: 'T7', title: '服务制度', status: 'manual', value: null, required: null, note: '核对制度' },
  { id: 'T8', title: '专业人员不少于8人', status: 'fail', value: 7, required: 8, note: '7 人' },
  { id: 'T9', title: '营业收入占比不低于50%', status: 'pass', value: 0.8528960039849461, required: 0.5, note: '85.3%' },
  { id: 'T10', title: '公益服务', status: 'pass', value: 3, required: 1, note: '3 项' },
  { id: 'T11', title: '满意度不低于90%', status: 'pass', value: 95.5, required: 90, note: '95.5%' },
];

export const INJECTIONS = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\tTAB', '\rCR'];

/** A report of category 技术创新 with two findings and an enterprise sample. */
export function makeReport(overrides: Partial<ReviewReport> = {}): ReviewReport {
  const findings: Finding[] = [
    { check: 'region-outside', severity: 'info', file: 'a.xlsx', sheet: '名单', row: 9, cell: 'D9', message: '「上海某公司」不在京津冀地区', messageId: 'test', data: {} },
    { check: 'duplicate-enterprise', severity: 'error', file: 'a.xlsx', sheet: '名单', row: 12, cell: 'B12', message: '=HYPERLINK("http://x","y") 重复', messageId: 'test', data: {} },
    { check: 'file-unreadable', severity: 'error', file: '坏.xlsx', sheet: null, row: null, cell: null, message: '无法读取「坏.xlsx」', messageId: 'test', data: {} },
    { check: 'duplicate-enterprise', severity: 'error', file: 'b.xlsx', sheet: '名单', row: 5, cell: 'B5', message: '重复', messageId: 'test', data: {} },
    { check: 'activity-order', severity: 'warning', file: 'a.xlsx', sheet: '名单', row: 3, cell: null, message: '-2 未排序', messageId: 'test', data: {} },
  ];
  const sample: EnterpriseSample[] = [
    { rank: 1, enterprise: '北京甲科技有限公司', amount: 120.5, orders: 2, contracts: ['HT-1', 'HT-2'], selection: 'amount' },
    { rank: 2, enterprise: '=HYPERLINK("http://x","y")', amount: 80, orders: 1, contracts: ['+1'], selection: 'amount' },
    { rank: 3, enterprise: '@SUM(A1)', amount: 12.345, orders: 1, contracts: ['-2'], selection: 'random' },
  ];
  return {
    schemaVersion: 1,
    platform: { name: '测试平台', category: '技术创新', unit: '测试单位有限公司', district: '海淀区' },
    year: 2024,
    tables: [],
    indicators: {
      serviceEnterprises: 250,
      jjjEnterprises: 240,
      byRegion: { 北京: 200, 天津: 20, 河北: 20 },
      jjjLargeExcluded: 0,
      jjjCreditCodeMerged: 0,
      cooperatingInstitutions: 6,
      qualifiedStaff: 7,
      smeRevenueShare: 0.8528960039849461,
      averageSatisfaction: 95.5,
      satisfactionSample: 100,
      satisfactionSampleRequired: 100,
      innovativeEnterprises: {
        total: 12,
        byQualification: { 创新型中小企业: 6, 专精特新: 4, 国家小巨人: 2, 隐形冠军: 0, 单项冠军: 0, 独角兽: 0 },
        heldByQualification: { 创新型中小企业: 7, 专精特新: 5, 国家小巨人: 2, 隐形冠军: 0, 单项冠军: 0, 独角兽: 0 },
      },
      serviceProducts: 10,
      orders: 40,
      smeOrders: 35,
      activities: 15,
      qualifyingActivities: 12,
      policyTalks: 2,
      jjjOrderEnterprises: 80,
      newBeijingOrderEnterprises: null,
      freeServices: { activities: 2, products: 1, total: 3, partlyFree: { activities: 0, products: 0 } },
    },
    thresholds: THRESHOLDS.map((t) => ({ ...t })),
    findings,
    declared: [],
    sampleRule: { by: 'enterprise', size: 100, random: 1, seed: 7, description: '按合计金额从高到低选取前 100 家企业' },
    sample,
    scoring: null,
    ...overrides,
  };
}

/** The same report with an order sample. */
export function makeOrderReport(): ReviewReport {
  const sample: OrderSample[] = [
    { rank: 1, enterprise: '北京甲科技有限公司', amount: 50, contract: 'HT-9', file: 'b.xlsx', sheet: '名单', row: 4, selection: 'amount' },
    { rank: 2, enterprise: '+1', amount: 20, contract: '=1+1', file: 'b.xlsx', sheet: '名单', row: 6, selection: 'amount' },
  ];
  return makeReport({ sampleRule: { by: 'order', size: 100, random: 0, seed: null, description: '按单笔订单金额从高到低选取前 100 笔' }, sample });
}

/** A cell of a layout by A1 address. */
export function cellAt(layout: SheetLayout, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  const col = columnNumber(m[1]);
  return layout.cells.find((c) => c.row === Number(m[2]) && c.col === col);
}

/** A layout as HyperFormula input: values, `=formula` strings. */
export function layoutToSheet(layout: SheetLayout): (LayoutScalar | string)[][] {
  const rows: (LayoutScalar | string)[][] = [];
  for (const c of layout.cells) {
    const row = (rows[c.row - 1] ??= []);
    const v = c.value;
    row[c.col - 1] = v !== null && typeof v === 'object' ? `=${v.formula}` : typeof v === 'string' && /^[='"]/.test(v) ? `'${v}` : v;
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null));
}

/** A worksheet read back by ExcelJS as HyperFormula input. */
export function worksheetToSheet(ws: ExcelJS.Worksheet): (LayoutScalar | string)[][] {
  const rows: (LayoutScalar | string)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: (LayoutScalar | string)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value as unknown;
      let x: LayoutScalar | string = null;
      if (cell.isMerged && cell.master !== cell) x = null;
      else if (v === null || v === undefined) x = null;
      else if (typeof v === 'object' && v !== null && 'formula' in v) x = `=${(v as { formula: string }).formula}`;
      else if (typeof v === 'object' && v !== null && 'richText' in v) x = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
      else if (v instanceof Date) x = v.getTime() / 86_400_000 + 25_569;
      else if (typeof v === 'string') x = /^[='"]/.test(v) ? `'${v}` : v;
      else x = v as LayoutScalar;
      out[c - 1] = x;
    });
    rows[r - 1] = Array.from(out, (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A HyperFormula engine over named sheets, with A1 get/set helpers. */
export function engine(sheets: Record<string, (LayoutScalar | string)[][]>) {
  const hf = HyperFormula.buildFromSheets(sheets as Record<string, (string | number | boolean | null)[][]>, { licenseKey: 'gpl-v3' });
  const at = (sheet: string, address: string) => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    const a = hf.simpleCellAddressFromString(address, id);
    if (!a) throw new Error(address);
    return a;
  };
  return {
    hf,
    get: (sheet: string, address: string) => hf.getCellValue(at(sheet, address)),
    set: (sheet: string, address: string, value: LayoutScalar) => {
      hf.setCellContents(at(sheet, address), [[value]]);
    },
  };
}

/** The layout's visible columns fit one A4 landscape page wide at its print scale, which is legible. */
export function expectOnePageWide(layout: SheetLayout): void {
  const width = layout.columns.reduce((s, c) => (c.hidden ? s : s + columnPoints(c.width)), 0);
  expect(layout.print.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
  expect((width * layout.print.scale) / 100).toBeLessThanOrEqual(PRINTABLE_WIDTH);
}
