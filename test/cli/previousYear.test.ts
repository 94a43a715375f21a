/**
 * `--previous` and `--previous-batch`: the guide's 8.4(2) 「上一年度新增北京市订单企业（不含免费服务）数量」,
 * whose material asks 「提供2023和2024年度服务北京市企业名单，以及相应的合同和发票」, and the form's
 * 「（2）2023年度——」 block of 附件4-2【二】13, from last year's submission on disk.
 */
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runReview } from '../../src/cli/review';
import schema from '../../schema/review-report.schema.json';
import { cellAt } from '../../src/domain/grid';
import { ROSTER } from '../../src/domain/roster';
import { readWorkbook } from '../../src/workbook/file/reader';
import { EXPECTED, YEAR_2023, YEAR_2024 } from '../helpers/twoYears';
import { xlsx, type SheetFixture } from '../helpers/submission';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

async function folder(dir: string, sheets: SheetFixture[], declared?: unknown[][]): Promise<string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, '附表.xlsx'), await xlsx(sheets));
  if (declared) writeFileSync(path.join(dir, '申报数据.xlsx'), await xlsx([{ name: '申报数据', rows: [['编号', '项目', '申报值'], ...declared] }]));
  return dir;
}

const DECLARED = [
  ['一.类别', '申报服务类别', '数字化应用'],
  ['三.4(2)', '上一年度新增北京市订单企业（不含免费服务）数量', 3],
  ['二.13(2).资产总额', '2023年度资产总额', 500],
  ['二.13(2).京津冀', '2023年度服务京津冀企业家数', 8],
  ['二.13(2).北京', '其中北京企业家数', 6],
  ['二.13(2).订单合同数', '2023年度订单合同数', 7],
];

let root: string;
let now: string;
let before: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'previous-'));
  now = await folder(path.join(root, '2024'), YEAR_2024, DECLARED);
  before = await folder(path.join(root, '2023'), YEAR_2023);
});

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

describe('--previous', () => {
  test('the JSON report: 3 new 北京 firms (stated by hand in test/helpers/twoYears.ts), 三.4(2) and 二.13(2) paired', async () => {
    const { io, out, err } = capture();
    expect(await runReview([now, '--previous', before, '--json', '-'], io)).toBe(0);
    expect(err).toEqual([]);
    const report = JSON.parse(out.join(''));
    expect(validate(report)).toBe(true);
    expect(report.indicators.newBeijingOrderEnterprises).toBe(3);
    expect(report.previousYear.newFirms.map((f: { name: string }) => f.name)).toEqual(EXPECTED.newFirms);
    expect(report.previousYear.source).toBe('2023');
    const byId = Object.fromEntries(report.declared.map((d: { id: string }) => [d.id, d]));
    expect(byId['三.4(2)']).toMatchObject({ declared: 3, verified: 3, status: 'match' });
    expect(byId['二.13(2).资产总额']).toMatchObject({ declared: 500, status: 'unverified' });
    expect(byId['二.13(2).京津冀']).toMatchObject({ declared: 8, verified: 8, status: 'match' });
    expect(byId['二.13(2).北京']).toMatchObject({ declared: 6, verified: 7, status: 'mismatch', file: '申报数据.xlsx', cell: 'C6' });
    expect(byId['二.13(2).订单合同数']).toMatchObject({ declared: 7, verified: 7, status: 'match' });
    expect(byId['二.13(2).营业收入']).toMatchObject({ declared: null, status: 'missing' });
  });

  test('without --previous the report validates, 8.4(2) is null and has no previousYear', async () => {
    const { io, out } = capture();
    expect(await runReview([now, '--json', '-'], io)).toBe(0);
    const report = JSON.parse(out.join(''));
    expect(validate(report)).toBe(true);
    expect(report.indicators.newBeijingOrderEnterprises).toBeNull();
    expect(report.previousYear).toBeUndefined();
    expect(report.declared.find((d: { id: string }) => d.id === '三.4(2)')).toMatchObject({ declared: 3, verified: null, status: 'unverified' });
  });

  test('the review workbook: 新增订单企业 lists the 3 firms; 8.4(2) scored from it; 年度对比 on the 评分表', async () => {
    const outDir = path.join(root, 'out');
    const { io } = capture();
    expect(await runReview([now, '--previous', before, '--out', outDir], io)).toBe(0);
    const [file] = readdirSync(outDir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, file));
    expect(wb.worksheets.map((w) => w.name).slice(0, 5)).toEqual(['评分表', '评分细则', '问题清单', '抽查样本', '新增订单企业']);
    const firms = wb.getWorksheet('新增订单企业')!;
    expect(String(firms.getCell('B1').value)).toMatch(/3 家/);
    expect([7, 8, 9].map((r) => firms.getCell(r, 3).value)).toEqual(EXPECTED.newFirms);
    expect(firms.getCell(10, 3).value).toBeNull();
    // The first paid order links to its row in the copied sheet.
    expect(firms.getCell(7, 7).value).toMatchObject({ formula: `HYPERLINK("#'订单'!A4","附表.xlsx / 订单 第4行")`, result: '附表.xlsx / 订单 第4行' });
    const scoring = wb.getWorksheet('评分表')!;
    const rows: unknown[][] = [];
    scoring.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const line84 = rows.find((r) => r[1] === '8.4(2)')!;
    expect(line84[4]).toBe(3); // 核定值
    expect(line84[3]).toBe(3); // 申报值
    const at = rows.findIndex((r) => typeof r[1] === 'string' && r[1].startsWith('三、年度对比'));
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1].slice(1, 8)).toEqual(['序号', '项目', '2023年度', '2024年度', '变化', '单位', '说明']);
    // Read with this project's reader: ExcelJS reads a cached 0 as no result.
    const grids = await readWorkbook(readFileSync(path.join(outDir, file)), file);
    const g = grids.find((x) => x.sheet === '评分表')!;
    let row0 = g.firstRow;
    while (!String(cellAt(g, row0, 2) ?? '').startsWith('三、年度对比')) row0++;
    row0 += 2;
    const block = [0, 1, 2, 3, 4].map((i) => [3, 4, 5, 6].map((c) => cellAt(g, row0 + i, c)));
    expect(block).toEqual([
      ['服务企业', 8, 14, 6],
      ['京津冀中小企业', 8, 14, 6],
      ['订单数', 7, 14, 7],
      ['中小企业收入占比', 1, 1, 0],
      ['满意度', null, null, null],
    ]);
  });

  test('re-run onto the same --out without last year: the sheet and the block go, and nothing is reported as an unkept edit', async () => {
    const outDir = path.join(root, 'rerun');
    expect(await runReview([now, '--previous', before, '--out', outDir], capture().io)).toBe(0);
    const again = capture();
    expect(await runReview([now, '--out', outDir], again.io)).toBe(0);
    expect(again.err.join('\n')).not.toMatch(/未能保留/);
    const [file] = readdirSync(outDir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, file));
    expect(wb.getWorksheet('新增订单企业')).toBeUndefined();
    expect(wb.getWorksheet('未保留的修改')).toBeUndefined();
  });

  test.each([
    [['--batch', 'x', '--out', 'y', '--previous', 'z'], /--previous-batch/],
    [['a', '--previous-batch', 'z'], /只用于批量审核（--batch）/],
    [['--template', 'x', '--previous', 'z'], /--template 只写出空白的申报数据表/],
    [['a', '--previous', 'a'], /同一位置或互相包含/],
    [['a', '--previous', 'a/2023'], /同一位置或互相包含/],
    [['a/2024', '--previous', 'a'], /同一位置或互相包含/],
    [['a', '--previous', 'b', '--out', 'b/out'], /--out 不能是 --previous 的文件夹或在其中/],
    [['--batch', 'x', '--out', 'y', '--previous-batch', 'x'], /不能与 --batch 是同一个文件夹/],
    [['--batch', 'x', '--out', 'y', '--previous-batch', 'y'], /不能与 --out 是同一个文件夹/],
  ])('refused: %j', async (argv, message) => {
    const { io, err } = capture();
    expect(await runReview(argv, io)).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });

  test('last year\'s folder with nothing readable: exit 2, a Chinese reason, nothing written', async () => {
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    const { io, err } = capture();
    expect(await runReview([now, '--previous', empty, '--out', path.join(root, 'never')], io)).toBe(2);
    expect(err.join('\n')).toMatch(/上一年度材料「.*empty」中没有可读取的表格/);
    expect(readdirSync(root)).not.toContain('never');
  });
});

describe('--previous-batch', () => {
  test('matched by roster name (last year\'s folder named by the unit); a platform without last year is reviewed and named', async () => {
    const [a, b] = ROSTER.filter((r) => r.category === '数字化应用');
    const batch = path.join(root, 'batch');
    const prevBatch = path.join(root, 'batch-2023');
    await folder(path.join(batch, a.platform), YEAR_2024);
    await folder(path.join(batch, b.platform), YEAR_2024);
    // Last year's folder for a carries its 运营单位's name: the roster names the same platform.
    await folder(path.join(prevBatch, a.unit), YEAR_2023);
    await folder(path.join(prevBatch, '别的平台'), YEAR_2023);
    const outDir = path.join(root, 'batch-out');
    const { io, out } = capture();
    expect(await runReview(['--batch', batch, '--out', outDir, '--previous-batch', prevBatch, '--jobs', '0'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/上一年度材料：1 个平台找到对应的文件夹，1 个没有/);
    expect(text).toContain(`上一年度无对应材料：${b.platform}`);
    const sheets = async (name: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(outDir, `${name}-审核.xlsx`));
      return wb;
    };
    const wa = await sheets(a.platform);
    expect(wa.getWorksheet('新增订单企业')?.getCell('B1').value).toMatch(/3 家/);
    const wbB = await sheets(b.platform);
    expect(wbB.getWorksheet('新增订单企业')).toBeUndefined();
    const rowsB: unknown[][] = [];
    wbB.getWorksheet('评分表')!.eachRow((row) => rowsB.push((row.values as unknown[]).slice(1)));
    expect(String(rowsB.find((r) => r[1] === '8.4(2)')?.[7])).toMatch(/需上一年度材料/);
  }, 60_000);
});
