import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBatch } from '../../src/cli/batch';
import { runReview } from '../../src/cli/review';
import { ROSTER } from '../../src/domain/roster';
import { writeSubmission } from '../../scripts/submission';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

const small = { enterprises: 40, orders: 40, staff: 9, products: 4, activities: 8, survey: 20, institutions: 6, innovative: 5 };

let root: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'batch-'));
  const dir = path.join(root, 'in');
  await writeSubmission(path.join(dir, ROSTER[0].platform), { seed: 1, ...small, messy: true, planted: false, layout: 'one-file-each' });
  await writeSubmission(path.join(dir, ROSTER[15].platform), { seed: 2, ...small, messy: false, planted: false, layout: 'one-workbook' });
  await writeSubmission(path.join(dir, '某未列名平台'), { seed: 3, ...small, messy: true, planted: true, layout: 'mixed' });
  mkdirSync(path.join(dir, '损坏平台'));
  writeFileSync(path.join(dir, '损坏平台', 'a.xlsx'), 'not a workbook');
}, 60_000);

async function readSummary(out: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, '汇总.xlsx'));
  const ws = wb.getWorksheet('汇总')!;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1));
  });
  return { wb, rows };
}

test('every good platform gets its workbook; the broken one is reported and the rest go on; 汇总.xlsx lists all', async () => {
  const out = path.join(root, 'out');
  const { io, out: stdout, err } = capture();
  const code = await runBatch({ dir: path.join(root, 'in'), out, defaultCategory: '综合咨询', settings: { year: 2024, manufacturing: false }, jobs: 0 }, io);
  expect(code).toBe(0);
  expect(err).toHaveLength(4); // one progress line per platform
  expect(err.join('\n')).toMatch(/损坏平台：无法审核：无法读取「a\.xlsx」/);
  expect(stdout[0]).toMatch(/4 个平台，成功 3 个，无法审核 1 个/);
  expect(readdirSync(out).sort()).toEqual(
    [`${ROSTER[0].platform}-审核.xlsx`, `${ROSTER[15].platform}-审核.xlsx`, '某未列名平台-审核.xlsx', '汇总.xlsx'].sort(),
  );

  const { wb, rows } = await readSummary(out);
  expect(rows).toHaveLength(4);
  // Sorted by category in the guide's order: 综合咨询 first, then 创业辅导, then 技术创新; the unreviewable last.
  expect(rows.map((r) => r[3])).toEqual(['综合咨询', '创业辅导', '技术创新', '']);
  expect(rows[1]).toEqual(expect.arrayContaining([ROSTER[0].platform, ROSTER[0].unit, ROSTER[0].district]));
  expect(rows[3][5]).toBe('无法审核');
  expect(rows[3][11]).toMatch(/无法读取/);
  const link = rows[1][10] as { text: string; hyperlink: string };
  expect(link.text).toBe(`${ROSTER[0].platform}-审核.xlsx`);
  expect(decodeURI(link.hyperlink)).toBe(link.text);
  for (const r of rows.slice(0, 3)) expect(['合格', '不合格', '待定']).toContain(r[5]);

  const stats = wb.getWorksheet('统计')!;
  const total = stats.getRow(stats.rowCount).values as unknown[];
  expect(total.slice(1)).toEqual(['合计', expect.any(Number), expect.any(Number), expect.any(Number), 1, 4]);
  expect((total[2] as number) + (total[3] as number) + (total[4] as number)).toBe(3);
}, 120_000);

test('worker threads give the same summary as in-process', async () => {
  const a = path.join(root, 'out-threads');
  const { io } = capture();
  expect(await runBatch({ dir: path.join(root, 'in'), out: a, defaultCategory: '综合咨询', settings: { year: 2024, manufacturing: false }, jobs: 2 }, io)).toBe(0);
  const b = path.join(root, 'out');
  const strip = (rows: unknown[][]) => rows.map((r) => r.slice(0, 10));
  expect(strip((await readSummary(a)).rows)).toEqual(strip((await readSummary(b)).rows));
}, 120_000);

test('without a default category, an unlisted platform without a 申报数据 sheet cannot be reviewed', async () => {
  const out = path.join(root, 'out-nocat');
  const { io, out: stdout } = capture();
  expect(await runBatch({ dir: path.join(root, 'in'), out, defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs: 0 }, io)).toBe(0);
  expect(stdout.join('\n')).toMatch(/某未列名平台：无法确定服务类别/);
}, 120_000);

test.each([
  [['--batch', 'x'], /需要用 --out/],
  [['--batch', 'x', '--out', 'y', 'z'], /不再另给文件/],
  [['--batch', 'x', '--out', 'y', '--platform', '创业会客厅'], /不能用 --platform/],
  [['x', '--no-cross-check'], /--no-cross-check 只用于批量审核/],
])('batch usage %j → exit 2', async (argv, message) => {
  const { io, err } = capture();
  expect(await runReview(argv, io)).toBe(2);
  expect(err.join('\n')).toMatch(message);
});

test('a missing batch folder, or --out equal to it → exit 2', async () => {
  const { io, err } = capture();
  expect(await runBatch({ dir: path.join(root, 'nope'), out: path.join(root, 'o'), defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs: 0 }, io)).toBe(2);
  expect(await runBatch({ dir: path.join(root, 'in'), out: path.join(root, 'in'), defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs: 0 }, io)).toBe(2);
  expect(err.join('\n')).toMatch(/找不到批量审核的文件夹[\s\S]*不能与 --batch 是同一个文件夹/);
});

describe('every option reaches every platform of a batch, or is refused', () => {
  test('--staff-rule, --qualification-order, --sample-by, --random and --seed give the batch workbook what a single review gives', async () => {
    const { readWorkbook } = await import('../../src/workbook/file/reader');
    const { cpSync, mkdtempSync: mk, readFileSync: read } = await import('node:fs');
    const { tmpdir: tmp } = await import('node:os');
    const p = await import('node:path');
    const sample = p.resolve(__dirname, '../../samples/星河中小企业公共服务平台');
    const root = mk(p.join(tmp(), 'batch-opts-'));
    cpSync(sample, p.join(root, '星河中小企业公共服务平台'), { recursive: true });
    const options = ['--staff-rule', 'both', '--qualification-order', '专精特新,国家小巨人,单项冠军,隐形冠军,独角兽,创新型中小企业', '--sample-by', 'order', '--random', '2', '--seed', '5', '--category', '技术创新'];
    const out = p.join(root, '..', `${p.basename(root)}-out`);
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await runReview(['--batch', root, '--out', out, '--jobs', '0', ...options], quiet)).toBe(0);
    const single: string[] = [];
    expect(await runReview([p.join(root, '星河中小企业公共服务平台'), '--json', '-', ...options], { out: (t) => single.push(t), err: () => undefined })).toBe(0);
    const report = JSON.parse(single.join('\n'));
    const grids = await readWorkbook(read(p.join(out, '星河中小企业公共服务平台-审核.xlsx')), 'w.xlsx');
    const texts = (sheet: string) => grids.find((g) => g.sheet === sheet)!.values.flat().map((v) => String(v ?? ''));
    // The sample rule, with its random draw and seed, as the single review states it.
    expect(texts('抽查样本').some((t) => t.includes(report.sampleRule.description))).toBe(true);
    expect(report.sampleRule).toMatchObject({ by: 'order', random: 2, seed: 5 });
    // 门槛8 under --staff-rule both: the count the single review gives, in the batch's 评分表.
    const scoring = grids.find((g) => g.sheet === '评分表')!;
    const t8 = scoring.values.find((r) => r.includes('T8'))!;
    expect(t8).toContain(report.indicators.qualifiedStaff);
    // And the whole review is the same: the batch's four review sheets equal a single review's
    // --out workbook with the same options, cell for cell.
    const singleOut = p.join(root, '..', `${p.basename(root)}-single`);
    expect(await runReview([p.join(root, '星河中小企业公共服务平台'), '--out', singleOut, ...options], quiet)).toBe(0);
    const alone = await readWorkbook(read(p.join(singleOut, '星河中小企业公共服务平台-审核.xlsx')), 's.xlsx');
    for (const sheet of ['评分表', '评分细则', '问题清单', '抽查样本']) {
      const a = grids.find((g) => g.sheet === sheet)!;
      const b = alone.find((g) => g.sheet === sheet)!;
      expect({ sheet, values: a.values }).toEqual({ sheet, values: b.values });
    }
  }, 90_000);

  test.each([
    [['--declared', 'x.json'], /不能用 --declared/],
    [['--json', 'r.json'], /不写 JSON 报告/],
  ])('--batch with %j is refused with exit 2', async (extra, why) => {
    const err: string[] = [];
    expect(await runReview(['--batch', '.', '--out', 'o', ...extra], { out: () => undefined, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('\n')).toMatch(why);
  });
});
