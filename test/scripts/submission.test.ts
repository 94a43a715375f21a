import { createHash } from 'crypto';
import { CHECKS } from '../../src/domain/checks';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { computeCheckChar } from '../../src/domain/creditCode';
import {
  BROKEN_FILE_NAME,
  classifySize,
  isValidCreditCode,
  sizeRuleForLabel,
  TABLE_IDS,
  writeSubmission,
  type ManifestTable,
  type PlantedItem,
  type SubmissionManifest,
  type SubmissionOptions,
  type TableId,
} from '../../scripts/submission';

/**
 * Checks the generator does not plant, and why. Each would cost the sample more than it shows:
 * - table-missing, header-unrecognized: a table left out or unrecognisable takes its rows out of
 *   every other check, so the sample could not show those;
 * - value-unreadable: the messy values are all readable by design (the sample shows tolerance);
 * - category-mismatch: the category comes from the command line, not from the files;
 * - declared-mismatch, declared-inconsistent, platform-name-invalid: they need the 申报数据 sheet,
 *   which scripts/make-sample.ts adds and plants on the shipped sample.
 */
const NOT_PLANTED = new Set(['table-missing', 'header-unrecognized', 'value-unreadable', 'category-mismatch', 'declared-mismatch', 'declared-inconsistent', 'platform-name-invalid']);

jest.setTimeout(60_000);

const SMALL: SubmissionOptions = {
  seed: 4242,
  enterprises: 40,
  orders: 50,
  staff: 10,
  products: 4,
  activities: 8,
  survey: 12,
  institutions: 6,
  innovative: 6,
};

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'submission-test-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

// --- reading helpers ---------------------------------------------------------------------------

type Books = Map<string, ExcelJS.Workbook>;

async function readBooks(dir: string, manifest: SubmissionManifest): Promise<Books> {
  const books: Books = new Map();
  for (const f of manifest.files.filter((x) => x.readable)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, f.file));
    books.set(f.file, wb);
  }
  return books;
}

function sheetOf(books: Books, file: string, sheet: string): ExcelJS.Worksheet {
  const ws = books.get(file)?.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${file} / ${sheet}`);
  return ws;
}

/** A cell's value as plain data: formulas as their result, rich text as text. */
function plain(cell: ExcelJS.Cell): string | number | Date | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'object' && 'result' in v) return (v.result as number) ?? null;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

function text(cell: ExcelJS.Cell): string {
  const v = plain(cell);
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

const normName = (s: string) =>
  s
    .replace(/[\s\u3000]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

/** Dates as Excel dates or typed as 2024/5/12, 2024.05.12, 2024年5月12日, 2024-05-12. */
function parseDate(cell: ExcelJS.Cell): { y: number; m: number; d: number } | null {
  const v = plain(cell);
  if (v instanceof Date) return { y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate() };
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v.trim());
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}
const dayNumber = (d: { y: number; m: number; d: number }) => Date.UTC(d.y, d.m - 1, d.d);

/** Percent as 95, "95%" or 0.95 with a percent format → 95. */
function parsePercent(cell: ExcelJS.Cell): number {
  const v = plain(cell);
  if (typeof v === 'string') return Number(v.replace('%', ''));
  if (typeof v === 'number') return cell.numFmt && cell.numFmt.includes('%') ? v * 100 : v;
  throw new Error(`not a percentage: ${String(v)}`);
}

function tableOf(m: SubmissionManifest, id: TableId): ManifestTable {
  const t = m.tables.find((x) => x.table === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

/** Sheet rows of a table's data rows (skipping blank rows). */
function dataRowNumbers(t: ManifestTable): number[] {
  const out: number[] = [];
  for (let r = t.firstDataRow; r <= t.lastDataRow; r++) if (!t.blankRows.includes(r)) out.push(r);
  return out;
}

function column(ws: ExcelJS.Worksheet, t: ManifestTable, key: string, r: number): ExcelJS.Cell {
  const c = t.columns[key];
  if (!c) throw new Error(`table ${t.table} has no column ${key}`);
  return ws.getCell(r, c);
}

async function allCellValues(dir: string, m: SubmissionManifest): Promise<string> {
  const books = await readBooks(dir, m);
  const out: string[] = [];
  for (const [file, wb] of books) {
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => out.push(`${file}|${ws.name}|${r}|${c}|${JSON.stringify(cell.value)}|${cell.numFmt ?? ''}`)),
      );
    }
  }
  return out.join('\n');
}

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await fs.readdir(dir)).sort()) {
    out[f] = createHash('sha256').update(await fs.readFile(path.join(dir, f))).digest('hex');
  }
  return out;
}

// --- tests -------------------------------------------------------------------------------------

describe('GB 32100 check character', () => {
  it('accepts the public examples and rejects a changed check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
    expect(computeCheckChar('91110000600037341')).toBe('L');
    expect(isValidCreditCode('91110000600037341M')).toBe(false);
    expect(isValidCreditCode('9111000060003734')).toBe(false);
  });
});

describe('writeSubmission: clean, one file each', () => {
  let dir: string;
  let m: SubmissionManifest;
  let books: Books;
  beforeAll(async () => {
    dir = path.join(tmp, 'clean');
    m = await writeSubmission(dir, { ...SMALL, layout: 'one-file-each' });
    books = await readBooks(dir, m);
  });

  it('writes one file per table, each with its headers where the manifest says', async () => {
    expect((await fs.readdir(dir)).sort()).toEqual(m.files.map((f) => f.file).sort());
    expect(m.files).toHaveLength(8);
    expect(m.tables.map((t) => t.table)).toEqual([...TABLE_IDS]);
    for (const t of m.tables) {
      const ws = sheetOf(books, t.file, t.sheet);
      const lastHeader = t.headerRows[t.headerRows.length - 1];
      for (const [key, header] of Object.entries(t.headers)) {
        const c = t.columns[key];
        // Ungrouped columns of a two-row header are merged down from the first header row.
        const got = text(ws.getCell(lastHeader, c)) || text(ws.getCell(t.headerRows[0], c));
        expect(got).toBe(header);
      }
    }
    expect(m.planted).toEqual([]);
  });

  it('lists options.enterprises enterprises, sorted 北京, 天津, 河北, all credit codes valid', () => {
    const t = tableOf(m, '4-2-1-2');
    const ws = sheetOf(books, t.file, t.sheet);
    const rows = dataRowNumbers(t);
    expect(rows).toHaveLength(SMALL.enterprises!);
    expect(t.dataRows).toBe(SMALL.enterprises);
    const rank = (p: string) => ['北京', '天津', '河北'].findIndex((x) => p.startsWith(x));
    const ranks = rows.map((r) => rank(text(column(ws, t, 'region', r))));
    expect(ranks.every((x) => x >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    for (const r of rows) expect(isValidCreditCode(text(column(ws, t, 'creditCode', r)))).toBe(true);
  });

  it('has the two-row header of 附表4-2-1-1 with its merges', () => {
    const t = tableOf(m, '4-2-1-1');
    const ws = sheetOf(books, t.file, t.sheet);
    const [h1, h2] = t.headerRows;
    expect(h2).toBe(h1 + 1);
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    const A = (c: number, r: number) => `${String.fromCharCode(64 + c)}${r}`;
    for (const key of ['seq', 'name', 'position', 'phone']) {
      const c = t.columns[key];
      expect(merges).toContain(`${A(c, h1)}:${A(c, h2)}`);
    }
    expect(merges).toContain(`${A(t.columns.education, h1)}:${A(t.columns.school, h1)}`);
    expect(merges).toContain(`${A(t.columns.qualification, h1)}:${A(t.columns.issuer, h1)}`);
    expect(text(ws.getCell(h1, t.columns.education))).toBe('教育情况');
    expect(text(ws.getCell(h1, t.columns.qualification))).toBe('专业资质情况');
    expect(text(ws.getCell(h2, t.columns.education))).toBe('学历');
    expect(text(ws.getCell(h2, t.columns.issuer))).toBe('发证机关');
    expect(dataRowNumbers(t)).toHaveLength(SMALL.staff!);
  });

  it('declares the size class the trio implies on every order row that shows it', () => {
    const t = tableOf(m, '4-2-1-3');
    const ws = sheetOf(books, t.file, t.sheet);
    let shown = 0;
    for (const r of dataRowNumbers(t)) {
      const industry = text(column(ws, t, 'industry', r));
      if (!industry) continue;
      shown++;
      const rule = sizeRuleForLabel(industry)!;
      const declared = text(column(ws, t, 'sizeClass', r));
      const computed = classifySize(rule, Number(text(column(ws, t, 'employees', r))), Number(text(column(ws, t, 'revenue', r))));
      expect(declared).toBe(computed);
    }
    expect(shown).toBeGreaterThan(0);
  });
});

describe('writeSubmission: messy and planted, mixed layout', () => {
  let dir: string;
  let m: SubmissionManifest;
  let books: Books;
  const options: SubmissionOptions = { ...SMALL, messy: true, planted: true, includeBroken: true, layout: 'mixed' };
  beforeAll(async () => {
    dir = path.join(tmp, 'planted');
    m = await writeSubmission(dir, options);
    books = await readBooks(dir, m);
  });

  it('writes every table (some in one workbook) plus the broken file', async () => {
    expect((await fs.readdir(dir)).sort()).toEqual(m.files.map((f) => f.file).sort());
    const multi = m.files.filter((f) => f.tables.length > 1);
    expect(multi).toHaveLength(1);
    expect(m.files.filter((f) => f.tables.length === 1).length).toBeGreaterThan(1);
    expect(new Set(m.files.flatMap((f) => f.tables))).toEqual(new Set(TABLE_IDS));
    expect(m.files.find((f) => f.file === BROKEN_FILE_NAME)?.readable).toBe(false);
    for (const t of m.tables) expect(books.get(t.file)?.getWorksheet(t.sheet)).toBeDefined();
  });

  it('has options.enterprises + planted extra rows in 附表4-2-1-2', () => {
    const t = tableOf(m, '4-2-1-2');
    const extras = m.planted.filter((p) => p.table === '4-2-1-2' && p.extraRow).length;
    expect(extras).toBeGreaterThan(0);
    expect(dataRowNumbers(t)).toHaveLength(SMALL.enterprises! + extras);
    expect(t.blankRows.length).toBeGreaterThan(0);
    expect(t.titleRows.length).toBeGreaterThan(0);
  });

  it('has valid credit codes except the planted one', () => {
    const t = tableOf(m, '4-2-1-2');
    const ws = sheetOf(books, t.file, t.sheet);
    const invalid = m.planted.filter((p) => p.check === 'credit-code-invalid').map((p) => p.row);
    expect(invalid).toHaveLength(1);
    for (const r of dataRowNumbers(t)) {
      const code = text(column(ws, t, 'creditCode', r));
      if (code === '') continue; // planted rows without a code
      expect({ r, ok: isValidCreditCode(code) }).toEqual({ r, ok: !invalid.includes(r) });
    }
  });

  it('keeps the header of 附表4-2-1-1 merged below the title rows', () => {
    const t = tableOf(m, '4-2-1-1');
    const ws = sheetOf(books, t.file, t.sheet);
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    const [h1, h2] = t.headerRows;
    expect(h1).toBeGreaterThan(1);
    expect(merges).toContain(`A${h1}:A${h2}`);
    expect(merges).toContain(`D${h1}:E${h1}`);
    expect(merges).toContain(`F${h1}:G${h1}`);
  });

  it('plants every check but the named few', () => {
    const checks = new Set(m.planted.map((p) => p.check));
    expect([...checks].sort()).toEqual(
      CHECKS.map((c) => c.meta.id)
        .filter((id) => !NOT_PLANTED.has(id))
        .sort(),
    );
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('points every planted item at a row that shows the problem', async () => {
    const list = tableOf(m, '4-2-1-2');
    const listWs = sheetOf(books, list.file, list.sheet);
    const listed = new Set(dataRowNumbers(list).map((r) => normName(text(column(listWs, list, 'enterprise', r)))));
    const regionAt = (r: number) => text(column(listWs, list, 'region', r));

    const verify = async (p: PlantedItem) => {
      if (p.check === 'file-unreadable') {
        await expect(new ExcelJS.Workbook().xlsx.readFile(path.join(dir, p.file))).rejects.toThrow();
        return;
      }
      const t = tableOf(m, p.table!);
      expect([p.file, p.sheet]).toEqual([t.file, t.sheet]);
      const ws = sheetOf(books, t.file, t.sheet);
      const row = p.row!;
      const cell = (key: string, r = row) => column(ws, t, key, r);
      if (p.column) {
        const got = plain(ws.getCell(row, p.column));
        expect(got instanceof Date ? got.toISOString().slice(0, 10) : got).toEqual(p.value);
      }
      const rel = p.related.map((x) => x.row);
      switch (p.check) {
        case 'duplicate-enterprise':
          expect(rel).toHaveLength(1);
          if (p.cell === `${String.fromCharCode(64 + t.columns.creditCode)}${row}`) {
            expect(text(cell('creditCode'))).toBe(text(cell('creditCode', rel[0])));
            expect(normName(text(cell('enterprise')))).not.toBe(normName(text(cell('enterprise', rel[0]))));
          } else {
            expect(text(cell('enterprise'))).not.toBe(text(cell('enterprise', rel[0])));
            expect(normName(text(cell('enterprise')))).toBe(normName(text(cell('enterprise', rel[0]))));
          }
          break;
        case 'possible-duplicate-enterprise': {
          const a = text(cell('enterprise'));
          const b = text(cell('enterprise', rel[0]));
          expect(a === b.replace(/有限公司$/, '有限责任公司') || a === `${b}北京分公司`).toBe(true);
          expect(text(cell('creditCode'))).not.toBe(text(cell('creditCode', rel[0])));
          break;
        }
        case 'region-order': {
          expect(regionAt(row)).toMatch(/北京/);
          const rows = dataRowNumbers(t);
          const i = rows.indexOf(row);
          expect(regionAt(rows[i - 1])).toMatch(/天津/);
          expect(regionAt(rows[i + 1])).toMatch(/天津/);
          break;
        }
        case 'region-outside':
          expect(regionAt(row)).toMatch(/上海|辽宁/);
          break;
        case 'region-unknown':
          expect(['', 'XX省']).toContain(regionAt(row));
          expect(text(cell('enterprise'))).not.toMatch(/北京|天津|河北|雄安|上海/);
          expect(text(cell('creditCode'))).toBe('');
          break;
        case 'credit-code-invalid':
          expect(text(cell('creditCode'))).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
          expect(isValidCreditCode(text(cell('creditCode')))).toBe(false);
          break;
        case 'size-class-invalid':
          expect(['', '小微']).toContain(text(cell('sizeClass')));
          break;
        case 'date-out-of-year':
          expect(parseDate(cell('date'))?.y).not.toBe(options.year ?? 2024);
          break;
        case 'not-in-service-list':
          expect(listed.has(normName(text(cell('enterprise'))))).toBe(false);
          break;
        case 'institution-date': {
          const d = parseDate(cell('signedDate'));
          expect(d === null ? text(cell('signedDate')) : d.y).toEqual(d === null ? '' : 2025);
          break;
        }
        case 'qualification-unrecognized':
          expect(text(cell('qualification'))).toBe('高新技术企业');
          break;
        case 'activity-order':
          expect(rel[0]).toBeGreaterThan(row);
          expect(dayNumber(parseDate(cell('date'))!)).toBeGreaterThan(dayNumber(parseDate(cell('date', rel[0]))!));
          break;
        case 'total-mismatch': {
          const data = dataRowNumbers(t);
          if (t.table === '4-2-1-5') {
            expect(row).toBe(t.totalRow);
            const sum = data.reduce((s, r) => s + Number(plain(cell('people', r))), 0);
            expect(Number(plain(cell('people')))).not.toBe(sum);
          } else {
            expect(row).toBe(t.averageRow);
            const avg = data.reduce((s, r) => s + parsePercent(cell('satisfaction', r)), 0) / data.length;
            expect(Math.abs(parsePercent(cell('satisfaction')) - avg)).toBeGreaterThan(1);
          }
          break;
        }
        case 'size-class-mismatch': {
          const rule = sizeRuleForLabel(text(cell('industry')))!;
          expect(rule).toBeDefined();
          const computed = classifySize(rule, Number(plain(cell('employees'))), Number(plain(cell('revenue'))));
          expect(computed).toBe('中型');
          expect(text(cell('sizeClass'))).toBe('微型');
          break;
        }
        case 'size-class-conflict': {
          // The enterprise's orders declare two different valid classes.
          const classes = new Set([row, ...rel].map((r) => text(cell('sizeClass', r)).replace(/企业$/, '')));
          expect(classes.size).toBe(2);
          for (const c of classes) expect(['大型', '中型', '小型', '微型']).toContain(c);
          break;
        }
        case 'staff-title-unrecognized':
          expect(text(cell('qualification'))).toBe('优秀青年人才');
          break;
        case 'activity-topic':
          expect(text(cell('activity'))).toBe('财税实务培训');
          expect(Number(plain(cell('people')))).toBeGreaterThanOrEqual(10);
          break;
        default:
          throw new Error(`unverified check ${p.check}`);
      }
    };
    for (const p of m.planted) {
      try {
        await verify(p);
      } catch (err) {
        throw new Error(`${p.check} at ${p.file} ${p.sheet} ${p.cell ?? p.row}: ${(err as Error).message}`);
      }
    }
  });

  it('keeps unplanted totals right: the 合计 of 参与企业家数 and of the orders', () => {
    const act = tableOf(m, '4-2-1-5');
    const ws = sheetOf(books, act.file, act.sheet);
    const sum = dataRowNumbers(act).reduce((s, r) => s + Number(plain(column(ws, act, 'enterprises', r))), 0);
    expect(Number(plain(column(ws, act, 'enterprises', act.totalRow!)))).toBe(sum);
    expect(sum).toBe(m.stats.activityEnterprisesTotal);
    const ord = tableOf(m, '4-2-1-3');
    expect(ord.amountUnit).toBe('元');
    expect(ord.headers.amount).toBe('合同金额（元）');
    const ows = sheetOf(books, ord.file, ord.sheet);
    const total = Number(plain(column(ows, ord, 'amount', ord.totalRow!)));
    expect(total / 10000).toBeCloseTo(m.stats.orderAmountTotalWanYuan, 2);
  });
});

describe('determinism', () => {
  it('writes the same cells (and bytes) for the same seed, other cells for another seed', async () => {
    const opts: SubmissionOptions = { ...SMALL, messy: true, planted: true, layout: 'one-workbook' };
    const a = path.join(tmp, 'same-a');
    const b = path.join(tmp, 'same-b');
    const c = path.join(tmp, 'other');
    const ma = await writeSubmission(a, opts);
    const mb = await writeSubmission(b, opts);
    const mc = await writeSubmission(c, { ...opts, seed: opts.seed + 1 });
    expect(ma.files).toHaveLength(1);
    expect(ma.files[0].sheets).toHaveLength(8);
    expect(mb).toEqual(ma);
    const [va, vb, vc] = await Promise.all([allCellValues(a, ma), allCellValues(b, mb), allCellValues(c, mc)]);
    expect(vb).toBe(va);
    expect(vc).not.toBe(va);
    expect(await hashes(b)).toEqual(await hashes(a));
  });
});
