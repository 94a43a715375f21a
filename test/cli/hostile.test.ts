// What a hostile (or careless) command line must never do: overwrite an input, review its own
// output, hang on a special file, or stop a batch for one bad folder. Every refusal is one Chinese
// line and exit 2; inputs are hashed before and after.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBatch } from '../../src/cli/batch';
import { runReview } from '../../src/cli/review';
import { table, xlsx } from '../helpers/submission';

const sample = path.resolve(__dirname, '../../samples/星河中小企业公共服务平台');
const reviewName = '星河中小企业公共服务平台-审核.xlsx';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

/** Every file under a folder with its content hash and mode. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out[path.relative(dir, full)] = `${createHash('sha256').update(readFileSync(full)).digest('hex')} ${(statSync(full).mode & 0o777).toString(8)}`;
    }
  };
  walk(dir);
  return out;
}

/** The JSON report in what the CLI printed (a line after it may follow). */
function jsonOf(out: string[]): { tables: unknown[]; findings: unknown[] } {
  const text = out.join('\n');
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
}

function copyOfSample(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'hostile-')), '星河中小企业公共服务平台');
  cpSync(sample, dir, { recursive: true });
  return dir;
}

describe('outputs never land on inputs', () => {
  test('--json naming an input file is refused, the input untouched', async () => {
    const dir = copyOfSample();
    const before = snapshot(dir);
    const { io, err } = capture();
    expect(await runReview([dir, '--category', '技术创新', '--json', path.join(dir, '申报数据.xlsx')], io)).toBe(2);
    expect(err.join('\n')).toMatch(/^--json 「.*申报数据\.xlsx」是要审核的输入文件，不会被覆盖/);
    expect(snapshot(dir)).toEqual(before);
  });

  test('--json inside an input file is refused', async () => {
    const dir = copyOfSample();
    const { io, err } = capture();
    expect(await runReview([dir, '--category', '技术创新', '--json', path.join(dir, '申报数据.xlsx', 'r.json')], io)).toBe(2);
    expect(err.join('\n')).toMatch(/位于输入文件「.*申报数据\.xlsx」之内/);
  });

  test('a review workbook given with --out its own folder is not overwritten without --in-place', async () => {
    const dir = copyOfSample();
    const out = mkdtempSync(path.join(tmpdir(), 'hostile-out-'));
    expect(await runReview([dir, '--category', '技术创新', '--out', out], capture().io)).toBe(0);
    const before = snapshot(out);
    const { io, err } = capture();
    expect(await runReview([path.join(out, reviewName), '--category', '技术创新', '--out', out], io)).toBe(2);
    expect(err.join('\n')).toMatch(/是要审核的输入文件，不会被覆盖.*请用 --in-place/);
    expect(snapshot(out)).toEqual(before);
  }, 60_000);

  test('--in-place respects a read-only workbook and an Excel lock file, and keeps the file mode', async () => {
    const dir = copyOfSample();
    const out = mkdtempSync(path.join(tmpdir(), 'hostile-ip-'));
    expect(await runReview([dir, '--category', '技术创新', '--out', out], capture().io)).toBe(0);
    const file = path.join(out, reviewName);

    chmodSync(file, 0o444);
    let run = capture();
    expect(await runReview([file, '--category', '技术创新', '--in-place'], run.io)).toBe(2);
    expect(run.err.join('\n')).toMatch(/是只读文件，未修改/);
    expect(statSync(file).mode & 0o777).toBe(0o444);

    chmodSync(file, 0o640);
    writeFileSync(path.join(out, `~$${reviewName}`), 'lock');
    run = capture();
    expect(await runReview([file, '--category', '技术创新', '--in-place'], run.io)).toBe(2);
    expect(run.err.join('\n')).toMatch(/正被 Excel 打开（同一文件夹中有锁定文件「~\$/);

    const lock = path.join(out, `~$${reviewName}`);
    execFileSync('rm', [lock]);
    expect(await runReview([file, '--category', '技术创新', '--in-place'], capture().io)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  }, 90_000);
});

describe('the tool does not review its own output', () => {
  test('--out inside the input folder: a re-run reads the same tables, not the previous review workbook', async () => {
    const dir = copyOfSample();
    const out = path.join(dir, '审核结果');
    const first = capture();
    expect(await runReview([dir, '--category', '技术创新', '--out', out, '--json', '-'], first.io)).toBe(0);
    const again = capture();
    expect(await runReview([dir, '--category', '技术创新', '--out', out, '--json', '-'], again.io)).toBe(0);
    const a = jsonOf(first.out);
    const b = jsonOf(again.out);
    expect(b.tables).toEqual(a.tables);
    expect(b.findings.length).toBe(a.findings.length);
  }, 90_000);

  test('a review workbook lying in a platform folder is not read as the platform’s tables', async () => {
    const dir = copyOfSample();
    const out = mkdtempSync(path.join(tmpdir(), 'hostile-rw-'));
    const first = capture();
    expect(await runReview([dir, '--category', '技术创新', '--out', out, '--json', '-'], first.io)).toBe(0);
    cpSync(path.join(out, reviewName), path.join(dir, '上次的审核.xlsx'));
    const again = capture();
    expect(await runReview([dir, '--category', '技术创新', '--json', '-'], again.io)).toBe(0);
    expect(jsonOf(again.out).tables).toEqual(jsonOf(first.out).tables);
  }, 90_000);

  test('--batch B --out B/结果: 结果 is not a platform, and two folders declaring one platform get a workbook each', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hostile-batch-'));
    const list = await xlsx([table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']], { name: '名单' })]);
    for (const folder of ['甲组', '乙组']) {
      mkdirSync(path.join(root, folder));
      writeFileSync(path.join(root, folder, '名单.xlsx'), list);
      writeFileSync(path.join(root, folder, '申报数据.xlsx'), await xlsx([{ name: '申报数据', rows: [['编号', '项目', '申报值'], ['一.2', '平台名称', '创业会客厅']] }]));
    }
    const out = path.join(root, '结果');
    for (let run = 0; run < 2; run++) expect(await runBatch({ dir: root, out, defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs: 0 }, capture().io)).toBe(0);
    const written = readdirSync(out).filter((f) => f.endsWith('-审核.xlsx')).sort();
    expect(written).toEqual(['创业会客厅（乙组）-审核.xlsx', '创业会客厅（甲组）-审核.xlsx']);
  }, 90_000);
});

describe('special files and paths never hang or crash', () => {
  test('a FIFO and a symlink loop are named with a reason; the rest is reviewed', async () => {
    const dir = copyOfSample();
    const fifo = path.join(dir, '管道.xlsx');
    execFileSync('mkfifo', [fifo]);
    const loop = path.join(dir, '循环.xlsx');
    symlinkSync(loop, loop);
    const { io, err } = capture();
    expect(await runReview([dir, fifo, loop, '--category', '技术创新', '--json', '-'], io)).toBe(0);
    expect(err).toContainEqual(expect.stringMatching(/「.*管道\.xlsx」不是普通文件/));
    expect(err).toContainEqual(expect.stringMatching(/「.*循环\.xlsx」：路径中的符号链接形成了循环/));
  }, 60_000);

  test('--template under /proc fails at once with a Chinese reason', async () => {
    const { io, err } = capture();
    expect(await runReview(['--template', '/proc/x/y'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/^无法创建文件夹「\/proc\/x」：/);
  });

  test('--out under a file is refused in Chinese', async () => {
    const dir = copyOfSample();
    const { io, err } = capture();
    expect(await runReview([dir, '--category', '技术创新', '--out', path.join(sample, '申报数据.xlsx', 'x')], io)).toBe(2);
    expect(err.join('\n')).toMatch(/「.*申报数据\.xlsx」是文件，不是文件夹/);
    expect(existsSync(path.join(sample, '申报数据.xlsx'))).toBe(true);
  });

  test.each([
    ['--random', '-1'],
    ['--seed', '-5'],
    ['--jobs', '-1'],
  ])('%s %s is told in Chinese', async (option, value) => {
    const { io, err } = capture();
    expect(await runReview([sample, '--category', '技术创新', option, value], io)).toBe(2);
    expect(err.join('\n')).toMatch(new RegExp(`^选项 ${option} 的值不能以“-”开头`));
  });
});

test('a platform too big for its worker’s memory ends only its own review: the next platform gets a new worker', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'hostile-oom-'));
  const ExcelJS = (await import('exceljs')).default;
  mkdirSync(path.join(root, '甲大平台'));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(root, '甲大平台', '名单.xlsx') });
  const ws = wb.addWorksheet('名单');
  ws.addRow(['序号', '服务企业名称', '服务内容', '所属省市']).commit();
  for (let i = 0; i < 150_000; i++) ws.addRow([i + 1, `北京企业${i}科技有限公司`, '咨询服务'.repeat(5), '北京']).commit();
  ws.commit();
  await wb.commit();
  for (const small of ['乙小平台', '丙小平台']) {
    mkdirSync(path.join(root, small));
    writeFileSync(path.join(root, small, '名单.xlsx'), await xlsx([table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']], { name: '名单' })]));
  }
  const { io, out: printed, err } = capture();
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'hostile-oom-out-')), 'out');
  expect(await runBatch({ dir: root, out, defaultCategory: '技术创新', settings: { year: 2024, manufacturing: false }, jobs: 1, workerHeapMb: 96 }, io)).toBe(0);
  const written = readdirSync(out).filter((f) => f.endsWith('-审核.xlsx')).sort();
  expect(written).toEqual(['丙小平台-审核.xlsx', '乙小平台-审核.xlsx']);
  expect([...printed, ...err].join('\n')).toMatch(/甲大平台.*材料过大，超出单个平台可用的内存（96 MB）/);
}, 120_000);

test('a file whose name is not UTF-8 (a GBK name from a zip made on Chinese Windows) is read, and named in GB18030', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hostile-gbk-'));
  // 「名单」 in GBK: C3 FB B5 A5.
  const gbkName = Buffer.concat([Buffer.from(dir + path.sep), Buffer.from([0xc3, 0xfb, 0xb5, 0xa5]), Buffer.from('.xlsx')]);
  writeFileSync(gbkName, await xlsx([table('4-2-1-2', [[1, '北京甲公司', 'x', '北京'], [2, '北京乙公司', 'x', '北京']], { name: '名单' })]));
  const { io, out, err } = capture();
  expect(await runReview([dir, '--category', '技术创新', '--json', '-'], io)).toBe(0);
  expect(err).toEqual([]);
  const report = JSON.parse(out.join('\n'));
  expect(report.tables.map((t: { file: string }) => t.file)).toEqual(['名单.xlsx']);
  expect(report.indicators.serviceEnterprises).toBe(2);
});

test('a temporary file left by a killed run is cleared by the next write to the same place; a live writer’s is kept', async () => {
  const { writeFileAtomic } = await import('../../src/cli/atomicWrite');
  const dir = mkdtempSync(path.join(tmpdir(), 'hostile-tmp-'));
  // A pid that is not running (beyond the kernel's pid range) and this process's parent, which is.
  writeFileSync(path.join(dir, '.report.json.99999999.1700000000000.tmp'), 'half');
  writeFileSync(path.join(dir, `.report.json.${process.ppid}.1700000000000.tmp`), 'another writer');
  await writeFileAtomic(path.join(dir, 'report.json'), '{}\n');
  expect(readdirSync(dir).sort()).toEqual([`.report.json.${process.ppid}.1700000000000.tmp`, 'report.json']);
  expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('{}\n');
});

test('a review workbook left in a batch platform’s folder is not reviewed as its tables', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'hostile-batch-rw-'));
  cpSync(sample, path.join(root, '星河中小企业公共服务平台'), { recursive: true });
  const outA = path.join(mkdtempSync(path.join(tmpdir(), 'hostile-batch-rw-a-')), 'out');
  const summary: string[] = [];
  const io = { out: (t: string) => summary.push(t), err: () => undefined };
  expect(await runBatch({ dir: root, out: outA, defaultCategory: '技术创新', settings: { year: 2024, manufacturing: false }, jobs: 0 }, io)).toBe(0);
  cpSync(path.join(outA, reviewName), path.join(root, '星河中小企业公共服务平台', '上次的审核.xlsx'));
  const outB = path.join(mkdtempSync(path.join(tmpdir(), 'hostile-batch-rw-b-')), 'out');
  expect(await runBatch({ dir: root, out: outB, defaultCategory: '技术创新', settings: { year: 2024, manufacturing: false }, jobs: 0 }, io)).toBe(0);
  const { readWorkbook } = await import('../../src/workbook/file/reader');
  const rows = async (out: string) => (await readWorkbook(readFileSync(path.join(out, '汇总.xlsx')), '汇总.xlsx'))[0].values.slice(2).map((r) => r.slice(1, 10));
  expect(await rows(outB)).toEqual(await rows(outA));
}, 90_000);
