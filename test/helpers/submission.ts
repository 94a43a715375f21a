/**
 * Test fixtures: real .xlsx workbooks built with ExcelJS, read back through the file adapter,
 * and reviewed, so every check test goes through the same path a reviewer's file does.
 */
import ExcelJS from 'exceljs';
import { reviewSubmission, type ReviewInput } from '../../src/domain/review';
import type { Finding, ReviewReport } from '../../src/domain/report';
import { readWorkbook } from '../../src/workbook/file/reader';
import { DEFAULT_RUBRIC } from '../../src/workbook/layout/rubric';

export type Row = unknown[];

export interface SheetFixture {
  name?: string;
  rows: Row[];
  /** Ranges to merge, e.g. 'A1:A2'. */
  merges?: string[];
  /** Number formats by A1 address, e.g. { F5: '0%' }. */
  formats?: Record<string, string>;
}

/** The guide's header of each table, as the template has it. */
export const HEADERS = {
  '4-2-1-2': ['序号', '服务企业名称', '服务内容', '所属省市'],
  '4-2-1-3': ['序号', '服务企业名称', '服务主要内容', '企业划型', '合同/订单金额（万元）', '合同/订单时间', '合同号/订单号/银行回单号等'],
  '4-2-1-4': ['序号', '服务产品（项目）名称', '服务产品（项目）分类', '内容介绍', '价格'],
  '4-2-1-5': ['序号', '活动名称', '时间', '地点', '参与企业家数', '参与人数', '收费情况'],
  '4-2-1-6': ['序号', '服务企业名称', '服务内容', '联系人', '联系电话', '服务满意度（%）'],
  '4-2-1-7': ['序号', '合作服务机构名称', '服务类别', '主要服务内容', '签订协议时间'],
  '4-2-1-8': ['序号', '企业名称', '企业资质', '提供的服务内容'],
} as const;

/** 附表4-2-1-1's two-row header with merged group cells, as in the template. */
export function staffSheet(rows: Row[], name = '人员'): SheetFixture {
  return {
    name,
    rows: [
      ['附表4-2-1-1'],
      ['从事为中小企业服务人员情况表'],
      ['序号', '姓名', '职务', '教育情况', null, '专业资质情况', null, '联系电话'],
      [null, null, null, '学历', '毕业院校及专业', '资格/资质名称', '发证机关', null],
      ...rows,
    ],
    merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:G3', 'H3:H4'],
  };
}

/** A sheet with a header (and optional title rows above it). */
export function table(kind: keyof typeof HEADERS, rows: Row[], options: { name?: string; title?: Row[] } = {}): SheetFixture {
  return { name: options.name ?? `附表${kind}`, rows: [...(options.title ?? []), [...HEADERS[kind]], ...rows] };
}

/** Build a real .xlsx in memory. */
export async function xlsx(sheets: SheetFixture[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name ?? `Sheet${i + 1}`);
    s.rows.forEach((r, j) => {
      const row = ws.getRow(j + 1);
      r.forEach((v, k) => {
        if (v !== null && v !== undefined) row.getCell(k + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [addr, fmt] of Object.entries(s.formats ?? {})) ws.getCell(addr).numFmt = fmt;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type Files = Record<string, SheetFixture[] | Buffer>;

/** Write each file, read it back through the file adapter, and review the lot. */
export async function reviewFiles(files: Files, options: Partial<Omit<ReviewInput, 'files'>> = {}): Promise<ReviewReport> {
  const submitted = [];
  for (const [file, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : await xlsx(content);
    try {
      submitted.push({ file, grids: await readWorkbook(data, file) });
    } catch (err) {
      submitted.push({ file, error: (err as Error).message });
    }
  }
  return reviewSubmission({
    files: submitted,
    platform: options.platform ?? { name: '测试平台', category: '技术创新' },
    year: options.year ?? 2024,
    rubric: DEFAULT_RUBRIC,
    ...options,
  });
}

export interface ExpectedFinding {
  /** Sheet and cell, e.g. '附表4-2-1-2!B5'; or a file name for file-level findings. */
  at: string;
  message?: RegExp;
  /** The check's message it uses (`meta.messages`), and what fills it (the values given must match; a matcher such as `expect.stringMatching` is allowed). */
  messageId?: string;
  data?: Record<string, unknown>;
}

export interface CheckCase {
  name: string;
  files: Files;
  options?: Partial<Omit<ReviewInput, 'files'>>;
}

export interface InvalidCase extends CheckCase {
  findings: ExpectedFinding[];
}

function place(f: Finding): string {
  return f.sheet ? `${f.sheet}!${f.cell ?? ''}` : (f.file ?? '');
}

/**
 * RuleTester for checks: valid cases give no finding of the check; invalid cases give exactly the
 * expected findings (location and message), in order.
 */
export function checkTester(checkId: string, cases: { valid: CheckCase[]; invalid: InvalidCase[] }): void {
  describe(checkId, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        test(c.name, async () => {
          const report = await reviewFiles(c.files, c.options);
          expect(report.findings.filter((f) => f.check === checkId)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        test(c.name, async () => {
          const report = await reviewFiles(c.files, c.options);
          const got = report.findings.filter((f) => f.check === checkId);
          expect(got.map(place)).toEqual(c.findings.map((f) => f.at));
          c.findings.forEach((f, i) => {
            if (f.message) expect(got[i].message).toMatch(f.message);
            if (f.messageId) expect(got[i].messageId).toBe(f.messageId);
            if (f.data) expect(got[i].data).toMatchObject(f.data);
          });
        });
      }
    });
  });
}
