import ExcelJS from 'exceljs';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runReview } from '../../src/cli/review';
import { SCORING_COLS } from '../../src/workbook/layout/scoringSheet';

const sample = path.resolve(__dirname, '../../samples/星河中小企业公共服务平台');
const name = '星河中小企业公共服务平台-审核.xlsx';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(SCORING_COLS.id).value === id) found ??= row;
  });
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

test('--out writes <platform>-审核.xlsx beside nothing else, keeps inputs unchanged, and a re-run keeps the reviewer\'s verdict', async () => {
  const input = mkdtempSync(path.join(tmpdir(), 'rw-in-'));
  cpSync(sample, input, { recursive: true });
  const before = readdirSync(input).map((f) => [f, statSync(path.join(input, f)).mtimeMs, readFileSync(path.join(input, f)).length]);
  const out = mkdtempSync(path.join(tmpdir(), 'rw-out-'));
  const first = capture();
  expect(await runReview([input, '--platform', '星河中小企业公共服务平台', '--category', '技术创新', '--out', out], first.io)).toBe(0);
  expect(first.out.join('\n')).toMatch(/审核工作簿已写入/);
  // The platform is not in the roster, so the name given is used.
  expect(readdirSync(out)).toEqual([name]);
  expect(readdirSync(input).map((f) => [f, statSync(path.join(input, f)).mtimeMs, readFileSync(path.join(input, f)).length])).toEqual(before);

  const wb = await open(path.join(out, name));
  expect(wb.worksheets.slice(0, 4).map((w) => w.name)).toEqual(['评分表', '评分细则', '问题清单', '抽查样本']);
  expect(wb.worksheets.length).toBeGreaterThan(8);
  const t1 = rowOf(wb.getWorksheet('评分表')!, 'T1');
  expect(t1.getCell(SCORING_COLS.result).value).toBe('待核');
  t1.getCell(SCORING_COLS.result).value = '符合';
  await wb.xlsx.writeFile(path.join(out, name));

  expect(await runReview([input, '--platform', '星河中小企业公共服务平台', '--category', '技术创新', '--out', out], capture().io)).toBe(0);
  const again = await open(path.join(out, name));
  expect(rowOf(again.getWorksheet('评分表')!, 'T1').getCell(SCORING_COLS.result).value).toBe('符合');
  expect(readdirSync(out)).toEqual([name]); // no temporary file left
}, 60_000);

test('--in-place re-reviews a review workbook without copying its generated sheets, keeping the edits', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'rw-ip-'));
  expect(await runReview([sample, '--category', '技术创新', '--out', out], capture().io)).toBe(0);
  const file = path.join(out, name);
  const wb = await open(file);
  rowOf(wb.getWorksheet('评分表')!, 'T2').getCell(SCORING_COLS.result).value = '不符合';
  await wb.xlsx.writeFile(file);
  const sheetsBefore = wb.worksheets.map((w) => w.name);

  const { io, err } = capture();
  expect(await runReview([file, '--category', '技术创新', '--in-place', '--json', '-'], io)).toBe(0);
  expect(err).toEqual([]);
  const after = await open(file);
  expect(after.worksheets.map((w) => w.name)).toEqual(sheetsBefore);
  expect(rowOf(after.getWorksheet('评分表')!, 'T2').getCell(SCORING_COLS.result).value).toBe('不符合');
}, 60_000);

test('--in-place refuses a file that is not a review workbook', async () => {
  const { io, err } = capture();
  const file = path.join(sample, '满意度调查.xlsx');
  const before = statSync(file).mtimeMs;
  expect(await runReview([file, '--category', '技术创新', '--in-place'], io)).toBe(2);
  expect(err.join('\n')).toMatch(/不是本工具写出的审核工作簿/);
  expect(statSync(file).mtimeMs).toBe(before);
});

test('an unreadable file where the review workbook would go is never overwritten', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'rw-block-'));
  writeFileSync(path.join(out, name), 'my notes, not a workbook');
  const { io, err } = capture();
  expect(await runReview([sample, '--category', '技术创新', '--out', out], io)).toBe(1);
  expect(err.join('\n')).toMatch(/已存在但不是可读取的审核工作簿，未覆盖/);
  expect(readFileSync(path.join(out, name), 'utf8')).toBe('my notes, not a workbook');
});

test('--rubric replaces the example rubric; a bad one is refused in Chinese', async () => {
  const rubric = JSON.parse(readFileSync(path.resolve(__dirname, '../../rubric/default.json'), 'utf8'));
  rubric.passScore = 60;
  const dir = mkdtempSync(path.join(tmpdir(), 'rw-rubric-'));
  writeFileSync(path.join(dir, 'r.json'), JSON.stringify(rubric));
  writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ items: 'x' }));
  const out = path.join(dir, 'out');
  expect(await runReview([sample, '--category', '技术创新', '--out', out, '--rubric', path.join(dir, 'r.json')], capture().io)).toBe(0);
  const bad = capture();
  expect(await runReview([sample, '--category', '技术创新', '--out', out, '--rubric', path.join(dir, 'bad.json')], bad.io)).toBe(2);
  expect(bad.err.join('\n')).toMatch(/评分细则文件「.*bad\.json」有误/);
}, 60_000);

test('a re-run says on the terminal when a change the reviewer made cannot be kept, and lists it in 「未保留的修改」', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'rw-unkept-'));
  expect(await runReview([sample, '--category', '技术创新', '--out', out], capture().io)).toBe(0);
  const wb = await open(path.join(out, name));
  wb.getWorksheet('问题清单')!.getCell('I3').value = '评审改写的说明';
  await wb.xlsx.writeFile(path.join(out, name));
  const again = capture();
  expect(await runReview([sample, '--category', '技术创新', '--out', out], again.io)).toBe(0);
  expect(again.err.join('\n')).toMatch(/有 1 处评审修改.*本次未能保留，已原样列在「未保留的修改」工作表中/);
  const listed = (await open(path.join(out, name))).getWorksheet('未保留的修改')!;
  expect([2, 3, 4].map((c) => listed.getRow(4).getCell(c).value)).toEqual(['问题清单', 'I3', '评审改写的说明']);
  // The list is carried into the next run, and the notice with it.
  const third = capture();
  expect(await runReview([sample, '--category', '技术创新', '--out', out], third.io)).toBe(0);
  expect(third.err.join('\n')).toMatch(/有 1 处评审修改/);
}, 120_000);

test('a re-run whose total falls to 0 lists nothing as lost (ExcelJS leaves out formula results of 0)', async () => {
  const list = async (rows: number) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['序号', '服务企业名称', '服务内容', '所属省市']);
    for (let i = 1; i <= rows; i++) ws.addRow([i, `北京甲${i}科技有限公司`, '政策咨询', '北京市']);
    const dir = mkdtempSync(path.join(tmpdir(), 'rw-zero-in-'));
    await wb.xlsx.writeFile(path.join(dir, '附表4-2-1-2.xlsx'));
    return dir;
  };
  const out = mkdtempSync(path.join(tmpdir(), 'rw-zero-'));
  const args = ['--category', '技术创新', '--platform', '测试平台', '--out', out];
  const first = capture();
  expect(await runReview([await list(150), ...args], first.io)).toBe(0);
  expect(first.out.join('\n')).toMatch(/得分 [1-9][\d.]* \/ 100/);
  const again = capture();
  expect(await runReview([await list(1), ...args], again.io)).toBe(0);
  expect(again.out.join('\n')).toMatch(/得分 0 \/ 100/);
  expect(again.err.join('\n')).not.toMatch(/未能保留/);
  expect((await open(path.join(out, '测试平台-审核.xlsx'))).getWorksheet('未保留的修改')).toBeUndefined();
}, 60_000);
