/**
 * The checks across platforms of a batch, end to end: three platforms' folders plant a shared
 * contract (甲 and 乙), a shared activity (乙 and 丙) and a shared person (甲 and 丙); each is found
 * on both sides, in each platform's review workbook (问题清单), and listed on 汇总.xlsx's 交叉核查.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBatch } from '../../src/cli/batch';
import { ROSTER } from '../../src/domain/roster';
import { staffSheet, table, xlsx, type Row } from '../helpers/submission';

const [A, B, C] = [ROSTER[0], ROSTER[1], ROSTER[2]].map((r) => r.platform);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

/** One platform's folder: 名单, 订单, 活动 and 人员 in one workbook. */
async function platform(dir: string, p: { firms: string[]; orders: Row[]; activities: Row[]; staff: Row[] }) {
  mkdirSync(dir, { recursive: true });
  const bytes = await xlsx([
    table('4-2-1-2', p.firms.map((f, i) => [i + 1, f, '咨询', '北京']), { name: '名单' }),
    table('4-2-1-3', p.orders, { name: '订单' }),
    table('4-2-1-5', p.activities, { name: '活动' }),
    staffSheet(p.staff, '人员'),
  ]);
  writeFileSync(path.join(dir, '附表.xlsx'), bytes);
}

const d = (s: string) => new Date(`${s}T00:00:00Z`);

let root: string;
let out: string;
let stdout: string[];
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'cross-'));
  const dir = path.join(root, 'in');
  out = path.join(root, 'out');
  await platform(path.join(dir, A), {
    firms: ['北京甲科技有限公司', '北京共用企业有限公司', '北京子科技有限公司'],
    orders: [
      [1, '北京甲科技有限公司', '咨询', '小型', 12.5, d('2024-03-05'), 'HT-2024-001'],
      [2, '北京子科技有限公司', '咨询', '小型', 3, d('2024-04-01'), 'A-77'],
    ],
    activities: [[1, '企业数字化转型沙龙', d('2024-05-10'), '海淀区', 35, 60, '免费']],
    staff: [
      [1, '张明远', '经理', '本科', '北京大学 经济学', '经济师', '人社局', '13800001111'],
      [2, '李雪', '专员', '硕士', '清华大学 管理', '工程师', '人社局', '13900002222'],
    ],
  });
  await platform(path.join(dir, B), {
    firms: ['北京共用企业有限公司', '北京甲科技有限公司', '北京丑科技有限公司'],
    orders: [
      [1, '北京丑科技有限公司', '培训', '微型', 1, d('2024-02-01'), 'B-1'],
      // The same contract, typed with full-width brackets, spaces and lower case.
      [2, '北京甲科技有限公司 ', '咨询', '小型', 12.5, d('2024-03-06'), 'ht-2024 001'],
    ],
    activities: [
      [1, '知识产权培训', d('2024-01-20'), '朝阳区', 40, 50, '免费'],
      [2, '专精特新政策宣讲会', d('2024-06-18'), '北京市经信局会议室', 45, 80, '免费'],
    ],
    staff: [[1, '王芳', '经理', '本科', '北京工业大学 计算机', '工程师', '人社局', '13700003333']],
  });
  await platform(path.join(dir, C), {
    firms: ['北京共用企业有限公司', '北京寅科技有限公司'],
    orders: [[1, '北京寅科技有限公司', '咨询', '中型', 8, d('2024-07-01'), 'C-9']],
    activities: [[1, '专精特新政策宣讲会', d('2024-06-18'), '经信局会议室', 30, 40, '免费']],
    staff: [
      [1, '赵磊', '经理', '本科', '北京邮电大学 通信', '工程师', '人社局', '13600004444'],
      // The same person as 甲's 张明远: same name and phone (school written differently).
      [2, '张明远', '顾问', '本科', '北大', '经济师', '人社局', '138-0000-1111'],
    ],
  });
  const cap = capture();
  stdout = cap.out;
  expect(await runBatch({ dir, out, defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs: 0 }, cap.io)).toBe(0);
}, 120_000);

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** A review workbook's 问题清单 rows of one check: [工作表, 单元格, 说明]. */
async function findingsOf(name: string, check: string): Promise<[string, string, string][]> {
  const rows = await sheetRows(path.join(out, `${name}-审核.xlsx`), '问题清单');
  const text = (v: unknown) => (v && typeof v === 'object' && 'result' in v ? String((v as { result: unknown }).result) : String(v ?? ''));
  // Columns: mark, 序号, 严重程度, 检查项, 依据条款, 文件, 工作表, 单元格, 说明, 处理意见, 备注.
  return rows.filter((r) => text(r[3]).includes(`（${check}）`)).map((r) => [text(r[6]), text(r[7]), text(r[8])]);
}

test('the shared contract is an error on both platforms, each naming the other', async () => {
  const a = await findingsOf(A, 'cross-platform-order');
  const b = await findingsOf(B, 'cross-platform-order');
  expect(a).toEqual([['订单', 'G2', expect.stringContaining(`「${B}」第3行`)]]);
  expect(b).toEqual([['订单', 'G3', expect.stringContaining(`「${A}」第2行`)]]);
  expect(a[0][2]).toMatch(/「北京甲科技有限公司」的合同\/订单「HT-2024-001」.*服务企业和合同号都相同/);
  expect(await findingsOf(C, 'cross-platform-order')).toEqual([]);
});

test('the shared activity is a warning on both platforms', async () => {
  expect(await findingsOf(B, 'cross-platform-activity')).toEqual([['活动', 'B3', expect.stringMatching(new RegExp(`专精特新政策宣讲会.*「${C}」第2行.*名称和日期相同`))]]);
  expect(await findingsOf(C, 'cross-platform-activity')).toEqual([['活动', 'B2', expect.stringContaining(`「${B}」第3行`)]]);
  expect(await findingsOf(A, 'cross-platform-activity')).toEqual([]);
});

test('the shared person is a warning on both platforms', async () => {
  expect(await findingsOf(A, 'cross-platform-staff')).toEqual([['人员', 'B5', expect.stringMatching(new RegExp(`「张明远」（联系电话 13800001111）.*「${C}」第6行`))]]);
  expect(await findingsOf(C, 'cross-platform-staff')).toEqual([['人员', 'B6', expect.stringContaining(`「${A}」第5行`)]]);
  expect(await findingsOf(B, 'cross-platform-staff')).toEqual([]);
});

test('交叉核查 lists each shared item once, linking every platform’s review workbook', async () => {
  const rows = await sheetRows(path.join(out, '汇总.xlsx'), '交叉核查');
  const items = rows.slice(2);
  expect(items.map((r) => [r[1], r[2], r[5]])).toEqual([
    ['多个平台申报同一合同订单（cross-platform-order）', '错误', 2],
    ['多个平台申报同一活动（cross-platform-activity）', '警告', 2],
    ['多个平台申报同一人员（cross-platform-staff）', '警告', 2],
  ]);
  const linked = (r: unknown[]) => [r[6], r[8]].map((c) => c as { text: string; hyperlink: string });
  // Platforms in the batch's order (folders sorted as Chinese text).
  expect(linked(items[0]).map((l) => l.text).sort()).toEqual([A, B].sort());
  for (const r of items) for (const l of linked(r)) expect(decodeURI(l.hyperlink)).toBe(`${l.text}-审核.xlsx`);
  // Named as the first platform in the batch's order wrote it.
  expect(['「北京甲科技有限公司」合同号「HT-2024-001」', '「北京甲科技有限公司」合同号「ht-2024 001」']).toContain(items[0][3]);
  expect([items[0][7], items[0][9]].sort()).toEqual(['附表.xlsx »「订单」G2', '附表.xlsx »「订单」G3']);
  expect(readdirSync(out)).toEqual(expect.arrayContaining([`${A}-审核.xlsx`, `${B}-审核.xlsx`, `${C}-审核.xlsx`, '汇总.xlsx']));
});

test('the firms served by several platforms are counted, for information only', async () => {
  const rows = await sheetRows(path.join(out, '汇总.xlsx'), '多平台服务企业');
  const flat = rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)));
  // 共用企业 by all three; 甲科技 by 甲 and 乙; 子, 丑 and 寅 by one each.
  expect(flat[0][0]).toMatch(/共 5 家企业/);
  expect(flat).toEqual(expect.arrayContaining([['', '1 个平台', '', 3], ['', '2 个平台', '', 1], ['', '3 个平台', '', 1]]));
  expect(flat).toEqual(expect.arrayContaining([[1, '北京共用企业有限公司', '', 3, [A, B, C].sort((x, y) => x.localeCompare(y, 'zh-CN')).join('、')]]));
  expect(stdout.join('\n')).toMatch(/交叉核查：同一合同订单 1 项、同一活动 1 项、同一人员 1 项，涉及 3 个平台/);
});

test('the summary counts the findings across platforms among each platform’s errors and warnings', async () => {
  const rows = (await sheetRows(path.join(out, '汇总.xlsx'), '汇总')).slice(2);
  const errorsOf = (name: string) => rows.find((r) => r[1] === name)![8] as number;
  const { io } = capture();
  const plain = path.join(root, 'out-plain');
  expect(await runBatch({ dir: path.join(root, 'in'), out: plain, defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs: 0, crossCheck: false }, io)).toBe(0);
  const before = (await sheetRows(path.join(plain, '汇总.xlsx'), '汇总')).slice(2);
  const plainErrors = (name: string) => before.find((r) => r[1] === name)![8] as number;
  expect(errorsOf(A) - plainErrors(A)).toBe(1);
  expect(errorsOf(B) - plainErrors(B)).toBe(1);
  expect(errorsOf(C) - plainErrors(C)).toBe(0);
  // Without the checks there is no 交叉核查.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(plain, '汇总.xlsx'));
  expect(wb.getWorksheet('交叉核查')).toBeUndefined();
}, 120_000);

test('worker threads find the same across platforms as in-process', async () => {
  const threads = path.join(root, 'out-threads');
  const { io } = capture();
  expect(await runBatch({ dir: path.join(root, 'in'), out: threads, defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs: 2 }, io)).toBe(0);
  expect(await sheetRows(path.join(threads, '汇总.xlsx'), '交叉核查')).toEqual(await sheetRows(path.join(out, '汇总.xlsx'), '交叉核查'));
  for (const name of [A, B, C]) {
    const a = await sheetRows(path.join(threads, `${name}-审核.xlsx`), '问题清单');
    const b = await sheetRows(path.join(out, `${name}-审核.xlsx`), '问题清单');
    expect(a).toEqual(b);
  }
}, 120_000);

test('a reviewer’s 处理意见 on a finding across platforms is kept when the batch runs again', async () => {
  const again = path.join(root, 'out-again');
  const { io } = capture();
  const run = () => runBatch({ dir: path.join(root, 'in'), out: again, defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs: 2 }, io);
  expect(await run()).toBe(0);
  const file = path.join(again, `${A}-审核.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('问题清单')!;
  let edited = 0;
  ws.eachRow((row) => {
    if (String(row.getCell(4).value).includes('（cross-platform-order）')) {
      row.getCell(10).value = '属实';
      row.getCell(11).value = '已电话核实，两平台均称签订';
      edited++;
    }
  });
  expect(edited).toBe(1);
  await wb.xlsx.writeFile(file);
  expect(await run()).toBe(0);
  const rows = (await sheetRows(file, '问题清单')).filter((r) => String(r[3]).includes('（cross-platform-order）'));
  expect(rows).toHaveLength(1);
  expect(rows[0][9]).toBe('属实');
  expect(rows[0][10]).toBe('已电话核实，两平台均称签订');
  expect(String(rows[0][8])).not.toMatch(/本次未再出现/);
}, 180_000);

test('a platform held by a worker that then fails is reviewed and written again, in one go', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cross-crash-'));
  // The batch takes folders in this order: the small platform first, held by the worker that dies next.
  const [small, big] = [A, B].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const firms = ['北京甲科技有限公司', '北京乙科技有限公司'];
  await platform(path.join(dir, 'in', small), {
    firms,
    orders: [[1, firms[0], '咨询', '小型', 10, d('2024-03-01'), 'HT-1']],
    activities: [[1, '政策宣讲会', d('2024-04-01'), '北京', 20, 30, '免费']],
    staff: [[1, '张三', '经理', '本科', '北京大学', '', '', '13800000001']],
  });
  // A list too big for the worker's heap: the worker that holds A dies reviewing it.
  mkdirSync(path.join(dir, 'in', big), { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['序号', '服务企业名称', '服务内容', '所属省市']);
  for (let i = 1; i <= 150_000; i++) ws.addRow([i, `北京测试${i}号科技发展有限公司`, '政策咨询、融资对接与知识产权服务', '北京市']);
  await wb.xlsx.writeFile(path.join(dir, 'in', big, '附表4-2-1-2.xlsx'));

  const out = path.join(dir, 'out');
  const cap = capture();
  await runBatch({ dir: path.join(dir, 'in'), out, defaultCategory: '综合咨询', settings: { year: 2024, manufacturing: false }, jobs: 1, workerHeapMb: 96 }, cap.io);
  const text = [...cap.out, ...cap.err].join('\n');
  expect(text).toMatch(/材料过大/);
  // The small platform was held by the worker that died, and still has its workbook.
  expect(readdirSync(out).some((f) => f.startsWith(small) && f.endsWith('-审核.xlsx'))).toBe(true);
  expect(text).not.toMatch(/没有该平台的审核结果/);
}, 240_000);
