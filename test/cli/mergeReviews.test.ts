/** `npm run merge-reviews`: arguments, refusals in Chinese, the atomic write, and the built bin. */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MERGE_USAGE, parseMergeArgs, runMergeReviews } from '../../src/cli/mergeReviews';
import { PANEL_SHEET } from '../../src/workbook/layout/panelSheet';
import { baseWorkbook, threeCopies } from '../helpers/panelCopies';
import { makeReport } from '../workbook/layout/fixtures';

const ROOT = path.resolve(__dirname, '../..');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

async function copiesIn(dir: string): Promise<string[]> {
  const files = await threeCopies();
  return files.map((f) => {
    const p = path.join(dir, f.file);
    writeFileSync(p, f.bytes);
    return p;
  });
}

test('arguments: --gap as a share or a percentage; refusals in Chinese', () => {
  expect(parseMergeArgs(['a.xlsx', 'b.xlsx', '--out', 'x.xlsx'])).toEqual({ files: ['a.xlsx', 'b.xlsx'], out: 'x.xlsx', gap: 0.2 });
  expect(parseMergeArgs(['a.xlsx', 'b.xlsx', '--out', 'x.xlsx', '--gap', '25%'])).toMatchObject({ gap: 0.25 });
  expect(parseMergeArgs(['a.xlsx', 'b.xlsx', '--out', 'x.xlsx', '--gap', '０.１'])).toMatchObject({ gap: 0.1 });
  expect(parseMergeArgs(['-h'])).toBe('help');
  expect(() => parseMergeArgs(['a.xlsx', 'b.xlsx'])).toThrow('请用 --out 指定合议表写到哪个文件');
  expect(() => parseMergeArgs(['a.xlsx', '--out', 'x.xlsx'])).toThrow('请给出至少两位专家的审核工作簿（收到 1 个）');
  expect(() => parseMergeArgs(['a.xlsx', './a.xlsx', '--out', 'x.xlsx'])).toThrow('「./a.xlsx」给出了两次');
  expect(() => parseMergeArgs(['a.xlsx', 'b.xlsx', '--out', 'x.xlsx', '--gap', '20'])).toThrow('--gap 应为 0 到 1 之间的比例');
  expect(() => parseMergeArgs(['a.xlsx', 'b.xlsx', '--out', 'x.xlsx', '--gap', 'abc'])).toThrow('收到「abc」');
  expect(() => parseMergeArgs(['a.xlsx', 'b.xlsx', '--out', 'x.xlsx', '--gaps', '1'])).toThrow('不认识的选项 --gaps');
});

test('writes the 合议表, says what the panel must discuss, and never touches the copies', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'merge-'));
  const inputs = await copiesIn(dir);
  const before = inputs.map((f) => readFileSync(f));
  const out = path.join(dir, 'out');
  const c = capture();
  expect(await runMergeReviews([...inputs, '--out', path.join(out, '合议.xlsx')], c.io)).toBe(0);
  expect(c.err).toEqual([]);
  const text = c.out.join('\n');
  expect(text).toContain('专家：张三（79.50 分，不合格）、李四（80.00 分，不合格）、专家C-王五（79.50 分，不合格）');
  expect(text).toContain('合议总分 80.84（满分 100），合议结论：待定');
  expect(text).toContain('需合议 T3 无失信：张三 符合，李四 不符合，专家C-王五 符合');
  expect(text).toContain('需合议 指标 1：张三 5.00，李四 2.00，专家C-王五 4.00（分差 3.00）');
  expect(text).toContain(`合议表已写入 ${path.join(out, '合议.xlsx')}`);
  expect(readdirSync(out)).toEqual(['合议.xlsx']);
  expect(inputs.map((f) => readFileSync(f))).toEqual(before);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, '合议.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual([PANEL_SHEET]);

  // Again onto the same 合议表: replaced. Into a folder: named after the platform.
  expect(await runMergeReviews([...inputs, '--out', path.join(out, '合议.xlsx')], capture().io)).toBe(0);
  expect(await runMergeReviews([...inputs, '--out', out], capture().io)).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['合议.xlsx', '测试平台-合议表.xlsx']);
}, 60_000);

test('refusals: not a 合议表 in the way, an input as output, another platform, a missing file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'merge-no-'));
  const inputs = await copiesIn(dir);
  const other = path.join(dir, '别的.xlsx');
  writeFileSync(other, 'not a workbook');
  let c = capture();
  expect(await runMergeReviews([...inputs, '--out', other], c.io)).toBe(1);
  expect(c.err).toEqual([`「${other}」已存在但不是合议表，未覆盖：请换一个 --out 文件，或先移走该文件`]);
  expect(readFileSync(other, 'utf8')).toBe('not a workbook');

  c = capture();
  expect(await runMergeReviews([...inputs, '--out', inputs[0]], c.io)).toBe(2);
  expect(c.err[0]).toContain('是要合并的审核工作簿，不会被覆盖');

  const foreign = path.join(dir, '另一平台.xlsx');
  writeFileSync(foreign, await baseWorkbook(makeReport({ platform: { name: '另一平台', category: '技术创新', unit: null, district: null } })));
  c = capture();
  expect(await runMergeReviews([inputs[0], foreign, '--out', path.join(dir, 'x.xlsx')], c.io)).toBe(2);
  expect(c.err[0]).toMatch(/^「另一平台\.xlsx」与「测试平台-审核-张三\.xlsx」不是同一平台的审核工作簿，不能合并/);

  c = capture();
  expect(await runMergeReviews([inputs[0], path.join(dir, '没有.xlsx'), '--out', path.join(dir, 'x.xlsx')], c.io)).toBe(2);
  expect(c.err[0]).toMatch(/^无法读取「.*没有\.xlsx」：路径不存在（ENOENT）$/);
  c = capture();
  expect(await runMergeReviews([inputs[0], dir, '--out', path.join(dir, 'x.xlsx')], c.io)).toBe(2);
  expect(c.err[0]).toContain('不是文件');
  c = capture();
  expect(await runMergeReviews([inputs[0], other, '--out', path.join(dir, 'x.xlsx')], c.io)).toBe(2);
  expect(c.err[0]).toContain('「别的.xlsx」无法作为审核工作簿打开');
  expect(readdirSync(dir).filter((f) => f.startsWith('x'))).toEqual([]);
}, 60_000);

test('bin/merge-reviews.js runs the built command: --help, and a merge', async () => {
  const help = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'merge-reviews.js'), '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(help.trim()).toBe(MERGE_USAGE.trim());
  const dir = mkdtempSync(path.join(tmpdir(), 'merge-bin-'));
  const inputs = await copiesIn(dir);
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'merge-reviews.js'), ...inputs, '--out', path.join(dir, 'p.xlsx'), '--gap', '10%'], { cwd: ROOT, encoding: 'utf8' });
  expect(out).toContain('需合议 指标 6');
  expect(readdirSync(dir)).toContain('p.xlsx');
}, 120_000);
