// A submission's text, however hostile, never makes a review workbook that Excel (or ExcelJS, or
// LibreOffice) cannot open: every code point class written, then the workbook reloaded.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readWorkbook } from '../../../src/workbook/file/reader';
import { MAX_CELL_TEXT, TRUNCATED, safeText } from '../../../src/workbook/file/safeText';
import { writeReviewWorkbook } from '../../../src/workbook/file/writeReview';
import { edit } from '../../helpers/grids';
import { table, xlsx } from '../../helpers/submission';
import { makeReport } from '../layout/fixtures';

const CONTROL = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i))
  .filter((c) => !'\t\n\r'.includes(c))
  .join('');
const HOSTILE = {
  control: `甲${CONTROL}乙`,
  nonCharacters: '丙\uFFFE\uFFFF丁',
  loneSurrogates: '戊\uD800己\uDC00庚',
  excelEscape: '辛_x0041_壬_x005F_癸',
  supplementary: '𠀀𪚥😀👩‍💻é̂',
  long: '北'.repeat(40_000),
};

test.each(Object.entries(HOSTILE))('safeText: %s', (_kind, text) => {
  const safe = safeText(text);
  expect(safe.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  // eslint-disable-next-line no-control-regex
  expect(safe).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
});

test('a long text is cut at 32,767 characters with a visible marker, never through a surrogate pair', () => {
  const cut = safeText('𠀀'.repeat(20_000));
  expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  expect(cut.endsWith(TRUNCATED)).toBe(true);
  expect(cut.slice(0, -TRUNCATED.length)).not.toMatch(/[\uD800-\uDBFF]$/);
});

describe('hostile text in a submission and in findings: the review workbook still opens, and reads back as typed', () => {
  let bytes: Uint8Array;
  const names = Object.values(HOSTILE);
  beforeAll(async () => {
    const findings = names.map((n, i) => ({ check: 'duplicate-enterprise', severity: 'error' as const, file: 'a.xlsx', sheet: '名单', row: i + 2, cell: `B${i + 2}`, message: `「${n}」重复`, messageId: 'duplicate', data: { enterprise: n } }));
    // The submitted sheet itself holds the text too (written through the reader's own escape for what ExcelJS cannot write).
    const base = await xlsx([table('4-2-1-2', names.map((_, i) => [i + 1, `占位${i}`, 'x', '北京']), { name: '名单' })]);
    const sheetData = names
      // eslint-disable-next-line no-control-regex
      .map((n, i) => `<row r="${i + 2}"><c r="B${i + 2}" t="inlineStr"><is><t>${n.replace(/[\u0000-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`).replace(/[\uD800-\uDFFF]/g, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c></row>`)
      .join('');
    const submitted = edit(base, { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>服务企业名称</t></is></c></row>${sheetData}</sheetData>`) });
    bytes = await writeReviewWorkbook({ report: makeReport({ findings }), sources: [{ file: 'a.xlsx', data: submitted }] });
  });

  test('ExcelJS opens it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('问题清单')).toBeDefined();
  });

  test('the reader reads every finding back as typed (control characters and _xHHHH_ too), cut or replaced only where no workbook can hold it', async () => {
    const grids = await readWorkbook(bytes, 'review.xlsx');
    const findings = grids.find((g) => g.sheet === '问题清单')!;
    const texts = findings.values.flat().filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes(HOSTILE.control))).toBe(true);
    expect(texts.some((t) => t.includes(HOSTILE.excelEscape))).toBe(true);
    expect(texts.some((t) => t.includes(HOSTILE.supplementary))).toBe(true);
    expect(texts.some((t) => t.includes('丙\uFFFD\uFFFD丁'))).toBe(true);
    expect(texts.some((t) => t.includes('戊\uFFFD己\uFFFD庚'))).toBe(true);
    const long = texts.find((t) => t.startsWith('「北北'))!;
    expect(long.length).toBe(MAX_CELL_TEXT);
    expect(long.endsWith(TRUNCATED)).toBe(true);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });

  // LibreOffice is installed by .ci/run; a machine without it skips this one check outside CI.
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  (soffice || process.env.CI ? test : test.skip)('LibreOffice opens it and saves it again', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lo-safe-'));
    const file = path.join(dir, 'review.xlsx');
    writeFileSync(file, bytes);
    execFileSync(soffice ?? 'soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'ods', '--outdir', path.join(dir, 'out'), file], { stdio: 'ignore', timeout: 120_000 });
    const ods = path.join(dir, 'out', 'review.ods');
    expect(existsSync(ods)).toBe(true);
    expect(readFileSync(ods).length).toBeGreaterThan(1000);
  }, 150_000);
});
