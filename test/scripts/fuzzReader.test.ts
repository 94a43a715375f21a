// scripts/fuzz-reader/ (`npm run fuzz`), the reader's fuzzer: a short run with a fixed seed must read
// its 100 cases with nothing found; the same seed and index make the same file in any process; bad
// arguments get one Chinese line and exit 2; and the classifier tells the reader's own Chinese
// reasons, product names and all, from English that leaked into one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkbookReadError } from '../../src/workbook/port';

/* eslint-disable @typescript-eslint/no-require-imports */
const { judgeError, judgeGrids } = require('../../scripts/fuzz-reader/classify.js') as {
  judgeError(err: unknown, fileName: string): { outcome: string; finding?: string; why?: string };
  judgeGrids(grids: unknown, fileName: string): { outcome: string; finding?: string; why?: string };
};
const { CASES } = require('../../scripts/fuzz-reader/crafted.js') as { CASES: { desc: string; expect?: { read?: boolean; reason?: RegExp } }[] };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, '../..');
const RUN = path.join(ROOT, 'scripts', 'fuzz-reader', 'run.js');
const run = (...args: string[]) => spawnSync(process.execPath, [RUN, ...args], { cwd: ROOT, encoding: 'utf8' });
let out: string;
/** The short run, once: it also bundles the reader and writes the generated seeds to build/fuzz/. */
let r: ReturnType<typeof run>;

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'fuzz-reader-'));
  r = run('--kinds', 'byte:30,xml:30,csv:20,legacy:20', '--seed', '1', '--out', out);
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('100 cases with seed 1: every one read or refused with a Chinese reason, exit 0', () => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('读取器模糊测试（种子 1）：共 100 例');
  for (const [kind, n] of [
    ['byte', 30],
    ['xml', 30],
    ['csv', 20],
    ['legacy', 20],
  ]) {
    expect(r.stdout).toMatch(new RegExp(`${kind} +${n} 例.*；发现 0`));
  }
  expect(r.stdout).toContain('没有发现。');
  const results = readFileSync(path.join(out, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { kind: string; outcome: string; finding?: string });
  expect(results).toHaveLength(100);
  expect(results.filter((x) => x.finding)).toEqual([]);
  // Both outcomes occur, in every kind: the cases are neither all broken nor all intact.
  for (const kind of ['byte', 'xml', 'csv', 'legacy']) {
    expect(new Set(results.filter((x) => x.kind === kind).map((x) => x.outcome))).toEqual(new Set(['read', 'refused']));
  }
});

test('the same seed and case index make the same file, in separate processes; another seed another file', () => {
  const worker = path.join(ROOT, 'scripts', 'fuzz-reader', 'worker.js');
  const save = (seed: string, stem: string) => {
    const saved = spawnSync(process.execPath, [worker, 'save', 'xml', '7', seed, path.join(out, stem)], { cwd: ROOT, encoding: 'utf8' });
    expect(saved.status).toBe(0);
    return readFileSync(saved.stdout.trim());
  };
  const first = save('1', 'a');
  expect(save('1', 'b').equals(first)).toBe(true);
  expect(save('2', 'c').equals(first)).toBe(false);
});

test.each([
  [['--bogus'], /^不认识的选项 --bogus（可用：/],
  [['--kinds', 'byte:10,pdf:3'], /^不认识的用例种类「pdf」（可用：byte、xml、csv、legacy、crafted）$/],
  [['--kinds', 'xml'], /^「xml」应写成 xml:数量（正整数）$/],
  [['--hang-ms', 'soon'], /^--hang-ms 应为/],
  [['--seed'], /^选项 --seed 缺少值$/],
])('%j is refused with one Chinese line and exit 2', (args, line) => {
  const refused = run(...args);
  expect(refused.status).toBe(2);
  expect(refused.stdout).toBe('');
  expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
  expect(refused.stderr).toMatch(/[\u4e00-\u9fff]/);
});

test('the reader’s own reasons are no finding, product and part names included', () => {
  const name = '附表.xlsx';
  for (const reason of [
    '压缩包中的「xl/worksheets/sheet1.xml」校验失败（CRC 或长度不符），文件已损坏',
    '是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后重新提交',
    'OpenDocument 表格中重复的单元格展开后超过 2,000,000 个，超出可处理的范围，请在 Excel 或 WPS 中另存为 .xlsx 后重新提交',
    '压缩包中没有 Excel 工作簿（缺少 workbook.xml），不是有效的 .xlsx 文件',
    'OpenDocument 表格中缺少 content.xml，文件已损坏',
    '「xl/_rels/workbook.xml.rels」中的 XML 元素嵌套超过 256 层，文件已损坏',
    '不是有效的 .xlsx 文件：ZIP64 目录损坏',
    'Excel 97-2003 文件已损坏或格式不受支持，无法读取',
    '是 Apple Numbers 文件，请导出为 .xlsx 后重新提交',
    '工作表「Sheet1」的单元格引用「NaN」无效，文件不是由电子表格软件正常保存的',
  ]) {
    expect(judgeError(new WorkbookReadError(name, `无法读取「${name}」：${reason}`), name)).toMatchObject({ outcome: 'refused' });
  }
});

test('English, JavaScript and a wrong error are findings', () => {
  const name = '表格.ods';
  const judge = (err: unknown) => judgeError(err, name).finding;
  const refusal = (reason: string) => new WorkbookReadError(name, `无法读取「${name}」：${reason}`);
  expect(judge(refusal('OpenDocument 表格文件已损坏或格式不受支持，无法读取（Cannot create a string longer than 0x1fffffe8 characters）'))).toBe('english');
  expect(judge(refusal('工作表「S」的行号 Infinity 超出 Excel 的上限（1,048,576 行）'))).toBe('english');
  expect(judge(refusal('文件已损坏：TypeError: x is not a function'))).toBe('internal');
  expect(judge(refusal('工作表「undefined」的数据缺失'))).toBe('internal');
  expect(judge(refusal('Bad zip'))).toBe('no-chinese');
  expect(judge(new WorkbookReadError(name, `无法读取「other.ods」：文件已损坏`))).toBe('bad-prefix');
  expect(judge(new RangeError('Invalid array length'))).toBe('wrong-error');
  expect(judge('thrown string')).toBe('wrong-error');
});

test('grids must keep the SheetGrid contract; holes between far-apart cells are empty', () => {
  const grid = (over: object) => [{ file: 'a.xlsx', sheet: 'S', firstRow: 1, firstColumn: 1, values: [[1, 'x', null]], ...over }];
  const holes: unknown[] = [];
  holes[300] = 2;
  expect(judgeGrids(grid({ values: [[1], holes] }), 'a.xlsx')).toMatchObject({ outcome: 'read', cells: 2 });
  expect(judgeGrids(grid({ firstRow: 1.5 }), 'a.xlsx').finding).toBe('bad-grid');
  expect(judgeGrids(grid({ values: [[Infinity]] }), 'a.xlsx').finding).toBe('bad-grid');
  expect(judgeGrids(grid({ values: [[undefined]] }), 'a.xlsx').finding).toBe('bad-grid');
  expect(judgeGrids(grid({ file: 'b.xlsx' }), 'a.xlsx').finding).toBe('bad-grid');
});

test('every crafted case states its expected outcome', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(23);
  for (const c of CASES) expect(c.expect?.read === true || c.expect?.reason instanceof RegExp).toBe(true);
});
