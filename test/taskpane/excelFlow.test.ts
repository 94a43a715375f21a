/**
 * The pane's whole flow inside Excel, on the strict fake at the manifest's floor (ExcelApi 1.7) and
 * at 1.13: import a 50,000-row submission, review it (15,000 findings), write the review sheets and
 * highlights, clear them. Every sync must stay inside Excel on the web's 5 MB request and response
 * limits and the 5,000,000-cell read limit, and no API above the host's set may be called.
 */
import { DEFAULT_RUBRIC } from '../../src/workbook/layout';
import { readWorkbook } from '../../src/workbook/file/reader';
import { jobOf, reviewPlatform } from '../../src/workbook/reviewPlatform';
import { SYNC_BYTES } from '../../src/workbook/office/syncBudget';
import { probeExcelApi } from '../../src/taskpane/host';
import { createExcelPort } from '../../src/taskpane/review/excelPort';
import { HEADERS, xlsx } from '../helpers/submission';
import { createMemoryExcel, PAYLOAD_LIMIT_BYTES, type MemSheetSpec } from '../workbook/office/memoryExcel';

const ROWS = 50_000;
const REPEATED = 15_000;

/** 附表4-2-1-2 of 50,000 Beijing firms, the last 15,000 repeating the first: one finding each. */
async function bigList(): Promise<Uint8Array> {
  const rows: unknown[][] = [];
  for (let i = 1; i <= ROWS; i++) {
    const n = i <= ROWS - REPEATED ? i : i - (ROWS - REPEATED);
    rows.push([i, `北京测试${n}号科技发展有限公司`, '政策咨询、融资对接与知识产权服务', '北京市']);
  }
  return new Uint8Array(await xlsx([{ name: '名单', rows: [[...HEADERS['4-2-1-2']], ...rows] }]));
}

/** insertWorksheetsFromBase64 as Excel does it: the file's sheets with their values. */
async function parseWorkbook(base64: string): Promise<MemSheetSpec[]> {
  const grids = await readWorkbook(new Uint8Array(Buffer.from(base64, 'base64')), 'x.xlsx');
  return grids.map((g) => ({ name: g.sheet, firstRow: g.firstRow, firstColumn: g.firstColumn, values: g.values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : (v ?? '')))) }));
}

let list: Uint8Array;
beforeAll(async () => {
  list = await bigList();
}, 120_000);

describe.each(['1.7', '1.13'] as const)('the pane in Excel at ExcelApi %s', (api) => {
  it('imports 50,000 rows, reviews them into 15,000 findings, writes and clears, inside every limit', async () => {
    const excel = createMemoryExcel([{ name: '封面', values: [['评审工作底稿']] }], { api, parseWorkbook });
    const support = probeExcelApi({ context: { requirements: { isSetSupported: (name, version) => excel.isSetSupported(name, version ?? '1.1') } } });
    expect(support.highest).toBe(api);
    const port = createExcelPort(support, excel.run);

    const added = await port.addFiles([{ name: '附表4-2-1-2_服务企业名单.xlsx', bytes: list }]);
    expect(added.problems).toEqual([]);
    const outcome = await reviewPlatform(jobOf({ platform: { name: '测试平台', category: '综合咨询' }, rubric: DEFAULT_RUBRIC, year: 2024 }), {
      read: async () => (await port.read()).files,
    });
    const report = outcome.report!;
    expect(report.indicators.serviceEnterprises).toBe(ROWS - REPEATED);
    expect(report.findings.filter((f) => f.check === 'duplicate-enterprise')).toHaveLength(REPEATED);

    const written = await port.writeReview(report);
    expect(written).toMatch(/已写入评分表、评分细则、问题清单和抽查样本/);
    const findings = excel.sheet('问题清单')!;
    expect(findings.rows.length).toBeGreaterThan(REPEATED);
    const links = findings.rows.filter((r) => r?.some((c) => c?.hyperlink)).length;
    expect(links).toBeGreaterThanOrEqual(REPEATED);
    const highlights = excel.sheet('名单')!.conditionalFormats.filter((f) => f.type === 'Custom');
    expect(highlights.length).toBeGreaterThan(0);
    // Only what the host has: drop-downs from 1.8, page set-up from 1.9.
    expect(excel.sheet('评分表')!.validations.length > 0).toBe(api !== '1.7');
    expect(excel.sheet('评分表')!.print.zoom !== undefined).toBe(api !== '1.7');

    expect(await port.clearMarks?.()).toMatch(/已清除 \d+ 处标记/);
    expect(excel.sheet('名单')!.conditionalFormats.filter((f) => f.type === 'Custom')).toEqual([]);

    // Every sync of the whole flow: within the limits, and near the 2.5 MB aim.
    const perSync = excel.stats.perSync;
    expect(Math.max(...perSync.map((s) => s.request))).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...perSync.map((s) => s.response))).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(SYNC_BYTES * 1.2);
    expect(excel.stats.maxResponseBytes).toBeLessThanOrEqual(SYNC_BYTES * 1.2);
    // For docs/taskpane.md: the syncs and the largest request and response, as tested.
    process.stdout.write(`ExcelApi ${api}: ${perSync.length} syncs, max request ${(excel.stats.maxRequestBytes / 1048576).toFixed(2)} MB, max response ${(excel.stats.maxResponseBytes / 1048576).toFixed(2)} MB\n`);
  }, 180_000);
});
