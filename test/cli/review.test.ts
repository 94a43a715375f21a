import Ajv from 'ajv';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runReview } from '../../src/cli/review';
import schema from '../../schema/review-report.schema.json';
import { staffSheet, table, xlsx } from '../helpers/submission';

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

async function submissionDir(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'review-cli-'));
  writeFileSync(
    path.join(dir, '人员和名单.xlsx'),
    await xlsx([
      staffSheet([[1, '张三', '经理', '本科', 'x', '工程师', 'x', '1']]),
      table('4-2-1-2', [[1, '北京甲公司', 'x', '北京'], [2, '天津乙公司', 'x', '天津'], [3, '北京甲公司', 'x', '北京']], { name: '名单' }),
    ]),
  );
  writeFileSync(path.join(dir, '订单.xlsx'), await xlsx([table('4-2-1-3', [[1, '北京甲公司', 'x', '小型', 10, '2024-05-01', 'HT-1'], [2, '天津乙公司', 'x', '大型', 5, '2024-06-01', 'HT-2']])]));
  return dir;
}

test('a folder of files: a Chinese summary, exit 0, inputs untouched', async () => {
  const dir = await submissionDir();
  const before = readdirSync(dir).map((f) => [f, statSync(path.join(dir, f)).mtimeMs]);
  const { io, out, err } = capture();
  const code = await runReview([dir, '--category', '技术创新'], io);
  expect(code).toBe(0);
  expect(err).toEqual([]);
  const text = out.join('\n');
  expect(text).toMatch(/服务类别：技术创新/);
  expect(text).toMatch(/附表4-2-1-2 年度服务企业名单：人员和名单\.xlsx ›「名单」/);
  // 天津乙公司's order declares it 大型: not a 京津冀中小企业 (门槛4).
  expect(text).toMatch(/服务企业 2 家，其中京津冀 1 家/);
  expect(text).toMatch(/duplicate-enterprise：1 条/);
  expect(readdirSync(dir).map((f) => [f, statSync(path.join(dir, f)).mtimeMs])).toEqual(before);
});

test('--json FILE writes a report that validates against the schema', async () => {
  const dir = await submissionDir();
  const json = path.join(mkdtempSync(path.join(tmpdir(), 'review-out-')), 'sub', 'report.json');
  const { io, out } = capture();
  expect(await runReview([dir, '--platform', '创业会客厅', '--json', json, '--sample-by', 'order', '--random', '1', '--seed', '3'], io)).toBe(0);
  const report = JSON.parse(readFileSync(json, 'utf8'));
  expect(validate(report)).toBe(true);
  expect(validate.errors ?? []).toEqual([]);
  expect(report.platform).toEqual({ name: '创业会客厅', category: '创业辅导', unit: '北京中关村创业大街科技服务有限公司', district: '海淀区' });
  expect(report.indicators.serviceEnterprises).toBe(2);
  expect(report.sampleRule).toMatchObject({ by: 'order', random: 1, seed: 3 });
  expect(report.sample.map((s: { contract: string }) => s.contract)).toEqual(['HT-1', 'HT-2']);
  expect(out.join('\n')).toMatch(/审核报告已写入/);
  expect(readdirSync(path.dirname(json))).toEqual(['report.json']); // no temporary file left behind
});

test('the schema rejects a report that breaks it (the validation can fail)', async () => {
  const dir = await submissionDir();
  const { io, out } = capture();
  await runReview([dir, '--category', '技术创新', '--json', '-'], io);
  const report = JSON.parse(out.join('\n'));
  expect(validate(report)).toBe(true);
  expect(validate({ ...report, year: '2024' })).toBe(false);
  expect(validate({ ...report, findings: [{ ...report.findings[0], severity: 'fatal' }] })).toBe(false);
  expect(validate({ ...report, thresholds: report.thresholds.slice(1) })).toBe(false);
});

test('an unreadable file among readable ones: a finding and a line on stderr', async () => {
  const dir = await submissionDir();
  writeFileSync(path.join(dir, '坏.xlsx'), 'not a workbook');
  writeFileSync(path.join(dir, '旧.xls'), 'x');
  const { io, out, err } = capture();
  expect(await runReview([dir, '--category', '技术创新', '--json', '-'], io)).toBe(0);
  expect(err).toEqual([expect.stringMatching(/^无法读取「坏\.xlsx」：/), expect.stringMatching(/^无法读取「旧\.xls」：不是有效的 \.xls 文件/)]);
  const report = JSON.parse(out.join('\n'));
  expect(report.findings.filter((f: { check: string }) => f.check === 'file-unreadable').map((f: { file: string }) => f.file)).toEqual(['坏.xlsx', '旧.xls']);
  expect(report.indicators.serviceEnterprises).toBe(2);
});

test('nothing readable: exit 2, one line per file, nothing written', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'review-bad-'));
  writeFileSync(path.join(dir, 'a.xlsx'), '');
  writeFileSync(path.join(dir, 'b.xlsx'), 'garbage');
  const json = path.join(dir, 'report.json');
  const { io, out, err } = capture();
  expect(await runReview([dir, path.join(dir, 'missing.xlsx'), '--category', '技术创新', '--json', json], io)).toBe(2);
  expect(out).toEqual([]);
  expect(err).toEqual([
    expect.stringMatching(/找不到「.*missing\.xlsx」/),
    expect.stringMatching(/无法读取「a\.xlsx」：文件为空/),
    expect.stringMatching(/无法读取「b\.xlsx」：不是有效的 \.xlsx/),
    '没有可读取的表格，未生成审核报告。',
  ]);
  expect(readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.xlsx']);
});

test('no category anywhere: exit 2 naming the three ways to give one', async () => {
  const dir = await submissionDir();
  const { io, err, out } = capture();
  expect(await runReview([dir], io)).toBe(2);
  expect(err.join('\n')).toMatch(/请用 --category 指定服务类别.*--platform.*申报数据/);
  expect(out).toEqual([]);
});

test.each([
  [['x.xlsx', '--category', '咨询'], /服务类别「咨询」无效/],
  [['x.xlsx', '--platform', '不存在的平台'], /名录中没有平台「不存在的平台」/],
  [['x.xlsx', '--category', '技术创新', '--year', '24'], /--year 应为/],
  [['x.xlsx', '--category', '技术创新', '--bogus'], /不认识的选项 --bogus/],
  [['--category', '技术创新'], /请给出要审核的文件或文件夹/],
])('usage error %j → exit 2 with a Chinese message', async (argv, message) => {
  const { io, err } = capture();
  expect(await runReview(argv, io)).toBe(2);
  expect(err.join('\n')).toMatch(message);
  expect(err.join('\n')).not.toMatch(/at .*\.ts:\d+/);
});

test('--platform fills the category from 附件4-1, tolerant of width and spaces', async () => {
  const dir = await submissionDir();
  const { io, out } = capture();
  expect(await runReview([dir, '--platform', ' 中关村芯园集成电路中小企业服务平台 ', '--json', '-'], io)).toBe(0);
  expect(JSON.parse(out.join('\n')).platform.category).toBe('技术创新');
});

test('--manufacturing lowers 门槛4 to 50', async () => {
  const dir = await submissionDir();
  const { io, out } = capture();
  await runReview([dir, '--category', '技术创新', '--manufacturing', '--json', '-'], io);
  expect(JSON.parse(out.join('\n')).thresholds.find((t: { id: string }) => t.id === 'T4').required).toBe(50);
});

test('--qualification-order changes the tier an enterprise is counted at; a bad order is refused', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'review-q-'));
  writeFileSync(
    path.join(dir, 'a.xlsx'),
    await xlsx([table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']], { name: '名单' }), table('4-2-1-8', [[1, '北京甲公司', '专精特新', 'x'], [2, '北京甲公司', '国家小巨人', 'x']])]),
  );
  const run = async (order?: string) => {
    const { io, out, err } = capture();
    const code = await runReview([dir, '--category', '技术创新', '--json', '-', ...(order ? ['--qualification-order', order] : [])], io);
    return { code, report: code === 0 ? JSON.parse(out.join('\n')) : null, err: err.join('\n') };
  };
  expect((await run()).report.indicators.innovativeEnterprises.byQualification).toMatchObject({ 国家小巨人: 1, 专精特新: 0 });
  expect((await run('专精特新,国家小巨人,单项冠军,隐形冠军,独角兽,创新型中小企业')).report.indicators.innovativeEnterprises.byQualification).toMatchObject({
    国家小巨人: 0,
    专精特新: 1,
  });
  const bad = await run('专精特新,国家小巨人');
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/--qualification-order 应把/);
});

describe('declared figures (附件4-2)', () => {
  test('--template writes an empty 申报数据 workbook, atomically, and never overwrites one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'review-tpl-'));
    const { io, out } = capture();
    expect(await runReview(['--template', dir], io)).toBe(0);
    expect(out.join('\n')).toMatch(/申报数据\.xlsx/);
    expect(readdirSync(dir)).toEqual(['申报数据.xlsx']);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '申报数据.xlsx'));
    const ws = wb.getWorksheet('申报数据')!;
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '栏目', '项目', '申报值', '单位', '说明']);
    const ids = ws.getColumn(1).values.slice(2);
    expect(ids).toContain('一.类别');
    expect(ids).toContain('二.13(1).京津冀');
    // 附件4-2【二】13「上两年度运营数据：（1）2024年度——…（2）2023年度——资产总额（万元）…订单合同数」: both blocks, in the form's order.
    const block2023 = ['资产总额', '营业收入', '服务中小企业收入', '占比', '京津冀', '北京', '订单合同数'].map((k) => `二.13(2).${k}`);
    const at = ids.indexOf('二.13(1).订单合同数');
    expect(ids.slice(at + 1, at + 8)).toEqual(block2023);
    const labels = ws.getColumn(3).values;
    expect(labels[ids.indexOf('二.13(2).资产总额') + 2]).toBe('2023年度资产总额');
    expect(ws.getCell(ids.indexOf('二.13(2).京津冀') + 2, 6).value).toMatch(/--previous/);
    const again = capture();
    expect(await runReview(['--template', dir], again.io)).toBe(2);
    expect(again.err.join('\n')).toMatch(/已存在，未覆盖/);
  });

  test('a filled template beside the tables: category from it, figures paired, mismatches reported', async () => {
    const dir = await submissionDir();
    const tplDir = mkdtempSync(path.join(tmpdir(), 'review-tpl-'));
    await runReview(['--template', tplDir], capture().io);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tplDir, '申报数据.xlsx'));
    const ws = wb.getWorksheet('申报数据')!;
    ws.eachRow((row) => {
      const id = row.getCell(1).value;
      if (id === '一.类别') row.getCell(4).value = '技术创新';
      if (id === '二.13(1).京津冀') row.getCell(4).value = 1;
      if (id === '二.13(1).北京') row.getCell(4).value = 5;
    });
    await wb.xlsx.writeFile(path.join(dir, '申报数据.xlsx'));
    const { io, out } = capture();
    expect(await runReview([dir, '--json', '-'], io)).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(validate(report)).toBe(true);
    expect(report.platform.category).toBe('技术创新');
    const byId = Object.fromEntries(report.declared.map((d: { id: string }) => [d.id, d]));
    // 京津冀中小企业: 天津乙公司 is declared 大型, so 1.
    expect(byId['二.13(1).京津冀']).toMatchObject({ declared: 1, verified: 1, status: 'match', file: '申报数据.xlsx', sheet: '申报数据' });
    expect(byId['二.13(1).北京']).toMatchObject({ declared: 5, verified: 1, status: 'mismatch' });
    expect(byId['一.9']).toMatchObject({ declared: null, status: 'missing' });
    const mismatch = report.findings.filter((f: { check: string }) => f.check === 'declared-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ file: '申报数据.xlsx', sheet: '申报数据' });
    // The 申报数据 sheet is not mistaken for an attachment table.
    expect(report.findings.filter((f: { check: string }) => f.check === 'header-unrecognized')).toEqual([]);
  });

  test('--declared FILE.json: keys by id or label; platform from it fills the category', async () => {
    const dir = await submissionDir();
    const json = path.join(mkdtempSync(path.join(tmpdir(), 'review-dec-')), '申报.json');
    writeFileSync(json, JSON.stringify({ platform: '创业会客厅', items: { '2024年度服务京津冀企业家数': 3, '二.13(1).北京': 1 } }));
    const { io, out } = capture();
    expect(await runReview([dir, '--declared', json, '--json', '-'], io)).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report.platform).toMatchObject({ name: '创业会客厅', category: '创业辅导' });
    expect(report.declared.find((d: { id: string }) => d.id === '二.13(1).京津冀')).toMatchObject({ declared: 3, verified: 1, status: 'mismatch', file: '申报.json', cell: null });
  });

  test.each([
    ['{ not json', /不是有效的 JSON/],
    ['[1,2]', /应是一个 JSON 对象/],
  ])('a bad --declared file %s → exit 2', async (content, message) => {
    const dir = await submissionDir();
    const json = path.join(mkdtempSync(path.join(tmpdir(), 'review-dec-')), 'bad.json');
    writeFileSync(json, content);
    const { io, err } = capture();
    expect(await runReview([dir, '--category', '技术创新', '--declared', json], io)).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });
});

test('a list with one stray value in XFD1048576: reviewed and written, the copy holding both cells', async () => {
  const { edit } = await import('../helpers/grids');
  const { readWorkbook } = await import('../../src/workbook/file/reader');
  const dir = mkdtempSync(path.join(tmpdir(), 'review-sparse-'));
  const base = await xlsx([table('4-2-1-2', [[1, '北京甲科技有限公司', '咨询', '北京']], { name: '名单' })]);
  const data = edit(base, {
    'xl/worksheets/sheet1.xml': (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>'),
  });
  writeFileSync(path.join(dir, '名单.xlsx'), data);
  const out = path.join(dir, 'out');
  const { io } = capture();
  expect(await runReview([path.join(dir, '名单.xlsx'), '--category', '技术创新', '--out', out], io)).toBe(0);
  const [written] = readdirSync(out);
  const copied = (await readWorkbook(readFileSync(path.join(out, written)), written)).find((g) => g.sheet === '名单')!;
  expect(copied.values[1][1]).toBe('北京甲科技有限公司');
  expect(copied.firstRow + copied.values.length - 1).toBe(1048576);
  expect(copied.values[copied.values.length - 1][16383]).toBe(7);
}, 60_000);
