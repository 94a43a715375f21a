/**
 * The review workbook as LibreOffice sees it: recalculated, every formula gives the value the
 * writer cached (so Excel, WPS and viewers that do not recalculate all show the same numbers); and
 * printed to PDF, every 评分表 page carries its column headings and no text is smaller than 8 pt
 * (评分细则: 9 pt). The PDF and a picture of the 评分表's first page are kept in test/artifacts/print/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runReview } from '../../../src/cli/review';
import type { CellValue, SheetGrid } from '../../../src/domain/grid';
import { readWorkbook } from '../../../src/workbook/file/reader';
import { REVIEW_SHEETS } from '../../../src/workbook/layout';
import { SOFFICE, convert, withLibreOffice } from '../../helpers/libreoffice';
import { pageText, readPdf, type PdfPage } from '../../helpers/pdf';
import { writeBenchSubmission } from '../../../scripts/submission';
import type { EnterpriseSample, ReviewReport } from '../../../src/domain/report';
import { writeReviewWorkbook } from '../../../src/workbook/file/writeReview';

const SAMPLE = path.resolve(__dirname, '../../../samples/星河中小企业公共服务平台');
const ARTIFACTS = path.resolve(__dirname, '../../artifacts/print');
const quiet = { out: () => undefined, err: () => undefined };

/** Review a submission folder with `--out`; the review workbook's path. */
async function reviewWorkbook(folder: string): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'printed-'));
  expect(await runReview([folder, '--category', '技术创新', '--out', out], quiet)).toBe(0);
  const [name] = readdirSync(out);
  return path.join(out, name);
}

const valueAt = (g: SheetGrid | undefined, row: number, col: number): CellValue =>
  g?.values[row - g.firstRow]?.[col - g.firstColumn] ?? null;

const same = (a: CellValue, b: CellValue) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : (a ?? '') === (b ?? '');

/** Every formula cell of the review sheets whose LibreOffice result differs from the cached one, and how many were compared. */
async function recalculationDiffers(file: string): Promise<{ compared: number; differing: string[] }> {
  const recalculated = convert(file, 'xlsx', mkdtempSync(path.join(tmpdir(), 'recalc-')), { recalculate: true });
  const cached = await readWorkbook(readFileSync(file), 'cached.xlsx');
  const fresh = await readWorkbook(readFileSync(recalculated), 'fresh.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let compared = 0;
  const differing: string[] = [];
  for (const name of Object.values(REVIEW_SHEETS)) {
    const before = cached.find((g) => g.sheet === name);
    const after = fresh.find((g) => g.sheet === name);
    wb.getWorksheet(name)?.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        compared++;
        const a = valueAt(before, r, c);
        const b = valueAt(after, r, c);
        if (!same(a, b)) differing.push(`${name}!${cell.address}: cached ${JSON.stringify(a)}, LibreOffice ${JSON.stringify(b)}`);
      }),
    );
  }
  return { compared, differing };
}

describe('recalculated by LibreOffice, every formula gives the cached value', () => {
  withLibreOffice(
    'LibreOffice really recalculates: a wrong cached result is corrected',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'recalc-check-'));
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('评分表').getCell('A1').value = { formula: '1+1', result: 5 };
      await wb.xlsx.writeFile(path.join(dir, 'wrong.xlsx'));
      const fresh = await readWorkbook(readFileSync(convert(path.join(dir, 'wrong.xlsx'), 'xlsx', path.join(dir, 'out'), { recalculate: true })), 'x.xlsx');
      expect(fresh[0].values[0][0]).toBe(2);
    },
    300_000,
  );

  withLibreOffice(
    'the shipped sample',
    async () => {
      const { compared, differing } = await recalculationDiffers(await reviewWorkbook(SAMPLE));
      expect(differing).toEqual([]);
      expect(compared).toBeGreaterThan(50);
    },
    300_000,
  );

  withLibreOffice(
    'the benchmark’s largest submission (20,000 firms, 40,000 orders)',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'printed-bench-'));
      await writeBenchSubmission(folder, { enterprises: 20000, orders: 40000, seed: 2024 });
      const { compared, differing } = await recalculationDiffers(await reviewWorkbook(folder));
      expect(differing).toEqual([]);
      expect(compared).toBeGreaterThan(50);
    },
    600_000,
  );
});

describe('printed to PDF', () => {
  let pages: PdfPage[] = [];
  /** The footer's words: the bottom band of the A4 landscape page (595 pt high). */
  const footer = (p: PdfPage) => p.words.filter((w) => w.y > 550).map((w) => w.text).join('');
  const sheetOf = (p: PdfPage) => /·(.+?)第\d+页共\d+页$/.exec(footer(p))?.[1] ?? '';

  beforeAll(async () => {
    if (!SOFFICE && !process.env.CI) return;
    const input = mkdtempSync(path.join(tmpdir(), 'printed-in-'));
    cpSync(SAMPLE, input, { recursive: true });
    const file = await reviewWorkbook(input);
    mkdirSync(ARTIFACTS, { recursive: true });
    cpSync(file, path.join(ARTIFACTS, 'sample-review.xlsx'));
    const pdf = convert(path.join(ARTIFACTS, 'sample-review.xlsx'), 'pdf', ARTIFACTS);
    pages = readPdf(pdf);
    // The first page as a picture, for a look without a PDF viewer (and the README's figure).
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '110', '-png', '-singlefile', pdf, path.join(ARTIFACTS, 'scoring-page-1')]);
    writeFileSync(path.join(ARTIFACTS, 'pages.txt'), pages.map((p) => `${p.number}\t${sheetOf(p)}\t${Math.min(...p.fontSizes)}`).join('\n'));
  }, 300_000);

  withLibreOffice('the four review sheets print first, each from a new page, every page footed with its sheet', () => {
    expect(pages.length).toBeGreaterThan(8);
    const order = pages.map(sheetOf).filter((s, i, all) => s !== all[i - 1]);
    expect(order.slice(0, 4)).toEqual(['评分表', '评分细则', '问题清单', '抽查样本']);
    pages.forEach((p, i) => expect(footer(p)).toMatch(new RegExp(`^星河中小企业公共服务平台·.+第${i + 1}页共${pages.length}页$`)));
    for (const p of pages) expect(p.words.filter((w) => w.y < 30).map((w) => w.text).join('')).toBe('2024年度绩效评价审核');
  });

  withLibreOffice('every 评分表 page carries the column headings of the table on it', () => {
    const scoring = pages.filter((p) => sheetOf(p) === '评分表');
    expect(scoring.length).toBeGreaterThan(1);
    const THRESHOLD_HEADINGS = ['编号', '门槛条件', '申报值', '核定值', '结论', '要求', '说明', '评审意见', '评审结论'];
    const INDICATOR_HEADINGS = ['编号', '评分指标', '申报值', '核定值', '得分', '满分', '说明', '评审意见'];
    let tablePages = 0;
    for (const p of scoring) {
      const text = pageText(p);
      const needs = [
        ...(p.words.some((w) => /^T\d{1,2}$/.test(w.text)) ? THRESHOLD_HEADINGS : []),
        ...(p.words.some((w) => /^(人工核定|系统计算)/.test(w.text)) ? INDICATOR_HEADINGS : []),
      ];
      if (needs.length > 0) tablePages++;
      for (const h of needs) expect({ page: p.number, has: text.includes(h) ? h : `missing ${h}` }).toEqual({ page: p.number, has: h });
    }
    expect(tablePages).toBeGreaterThan(1);
    // The indicators start on a page of their own, under their headings.
    const first = scoring.find((p) => pageText(p).includes('二、评分指标'))!;
    expect(first.words.slice(0, 12).map((w) => w.text).join('')).toContain('二、评分指标');
  });

  withLibreOffice('no page’s text is below 8 pt; 评分细则 prints at 9 pt or more; both pages across are headed', () => {
    for (const p of pages) expect({ page: p.number, sheet: sheetOf(p), smallest: Math.min(...p.fontSizes) >= 8 }).toEqual({ page: p.number, sheet: sheetOf(p), smallest: true });
    const rubric = pages.filter((p) => sheetOf(p) === '评分细则');
    expect(rubric.length).toBeGreaterThan(1);
    for (const p of rubric) {
      expect(Math.min(...p.fontSizes)).toBeGreaterThanOrEqual(8.9);
      // 编号 and 指标名称 repeat on the pages across.
      expect(pageText(p)).toContain('指标名称');
    }
  });
});

describe('printed rows are tall enough: no wrapped text is cut', () => {
  // Each 说明 on 问题清单 and each 合同号 list on 抽查样本 ends with a unique marker. LibreOffice drops
  // the lines of a cell that do not fit its row, so a row too short loses its marker.
  withLibreOffice(
    'every 问题清单 说明 and every 抽查样本 合同号 list prints to its last line',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'printed-rows-'));
      const json = path.join(dir, 'report.json');
      expect(await runReview([SAMPLE, '--category', '技术创新', '--json', json], quiet)).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8')) as ReviewReport;
      const marked: ReviewReport = {
        ...report,
        findings: report.findings.map((f, i) => ({ ...f, message: `${f.message}【M${i}】` })),
        sample: (report.sample as EnterpriseSample[]).map((s, i) => ({ ...s, contracts: [...s.contracts, `C${i}X`] })),
      };
      const file = path.join(dir, 'rows.xlsx');
      writeFileSync(file, await writeReviewWorkbook({ report: marked, sources: [] }));
      const text = readPdf(convert(file, 'pdf', dir)).map(pageText).join('');
      const lost = [...marked.findings.map((_, i) => `【M${i}】`), ...marked.sample.map((_, i) => `C${i}X`)].filter((m) => !text.includes(m));
      expect(lost).toEqual([]);
      expect(marked.findings.length).toBeGreaterThan(20);
    },
    300_000,
  );
});

