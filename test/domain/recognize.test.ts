import { recognizeTables } from '../../src/domain/recognize';
import { readWorkbook } from '../../src/workbook/file/reader';
import { staffSheet, table, xlsx, type SheetFixture } from '../helpers/submission';

async function read(sheets: SheetFixture[]) {
  return recognizeTables(await readWorkbook(await xlsx(sheets), 'a.xlsx'));
}

test('title rows, a unit line and a stamp line above the header', async () => {
  const { tables } = await read([
    {
      name: 'Sheet1',
      rows: [
        ['附表4-2-1-3'],
        ['2024年度合同订单列表'],
        ['填报单位（盖章）：北京某某有限公司', null, null, '单位：万元'],
        ['序号', '服务企业名称', '服务主要内容', '企业划型', '合同/订单金额（万元）', '合同/订单时间', '合同号/订单号/银行回单号等'],
        [1, '北京甲公司', '检测', '小型', 12.5, '2024/5/12', 'HT-1'],
      ],
    },
  ]);
  expect(tables).toHaveLength(1);
  expect(tables[0]).toMatchObject({ kind: '4-2-1-3', sheet: 'Sheet1', headerRow: 4, headerRows: 1 });
  expect(tables[0].rows.map((r) => r.row)).toEqual([5]);
});

test('a two-row header with merged group cells (附表4-2-1-1)', async () => {
  const { tables } = await read([staffSheet([[1, '张三', '经理', '本科', '北大 计算机', '工程师', '人社局', '138']])]);
  const t = tables[0];
  expect(t).toMatchObject({ kind: '4-2-1-1', headerRow: 3, headerRows: 2 });
  expect(Object.fromEntries(Object.entries(t.columns).map(([k, c]) => [k, c!.column]))).toEqual({
    seq: 1,
    person: 2,
    position: 3,
    education: 4,
    school: 5,
    qualification: 6,
    issuer: 7,
    phone: 8,
  });
  expect(t.rows[0].cells.education?.value).toBe('本科');
  expect(t.rows[0].cells.education?.ref.cell).toBe('D5');
});

test('columns in another order, synonyms, and a header in 元', async () => {
  const { tables } = await read([
    {
      rows: [
        ['合同号', '日期', '金额（元）', '客户名称', '企业类型'],
        ['HT-1', '2024年5月12日', '12,345.00', '北京甲公司', '微型企业'],
      ],
    },
  ]);
  const t = tables[0];
  expect(t.kind).toBe('4-2-1-3');
  expect(t.columns.amount).toMatchObject({ column: 3, unit: '元' });
  expect(t.rows[0].cells.amount?.parsed).toEqual({ state: 'ok', value: 1.2345 });
  expect(t.rows[0].cells.date?.parsed).toMatchObject({ state: 'ok', value: { y: 2024, m: 5, d: 12 } });
});

test('a 单位：元 line above a header without a unit', async () => {
  const { tables } = await read([{ rows: [['单位：元'], ['服务企业名称', '合同金额', '合同时间'], ['甲', 20000, '2024-01-01']] }]);
  expect(tables[0].rows[0].cells.amount?.parsed).toEqual({ state: 'ok', value: 2 });
});

test('合计, 平均满意度, 填表说明 rows are not data; blank rows are skipped', async () => {
  const { tables } = await read([
    table(
      '4-2-1-5',
      [
        [1, '活动1', '2024-01-05', '线下', 30, 40, '免费'],
        [],
        [null, null, null, null, null, null, null],
        [2, '活动2', '2024-02-05', '线上', 20, 60, '免费'],
        ['合计', '——', null, null, 50, 100, null],
        ['填表说明：按日期顺序填写2024年度活动情况'],
        [3, '不是数据', '2024-03-05', '线下', 1, 1, '免费'],
      ],
      { name: '活动' },
    ),
    table('4-2-1-6', [[1, '甲', 'x', '张', '1', 95], ['平均满意度', null, null, null, null, 95]], { name: '满意度' }),
  ]);
  expect(tables[0].rows.map((r) => r.row)).toEqual([2, 5]);
  expect(tables[0].summaryRows.map((r) => [r.row, r.label])).toEqual([[6, '合计']]);
  expect(tables[1].rows).toHaveLength(1);
  expect(tables[1].summaryRows.map((r) => r.label)).toEqual(['平均满意度']);
});

test('dates as Excel dates and as text in every form', async () => {
  const dates = [new Date(Date.UTC(2024, 4, 12)), '2024/5/12', '2024.05.12', '2024年5月12日', '2024-05-12'];
  const { tables } = await read([table('4-2-1-7', dates.map((d, i) => [i + 1, `机构${i}`, 'x', 'x', d]))]);
  for (const r of tables[0].rows) expect(r.cells.signDate?.parsed).toMatchObject({ state: 'ok', value: { iso: '2024-05-12' } });
});

test('amounts as text: thousands separators, full-width digits, a 万元 suffix', async () => {
  const amounts = ['1,234.5', '１２３４.５', '1234.5万元', ' 1234.5 '];
  const { tables } = await read([table('4-2-1-3', amounts.map((a, i) => [i + 1, '甲', 'x', '小型', a, '2024-01-01', 'x']))]);
  for (const r of tables[0].rows) expect(r.cells.amount?.parsed).toEqual({ state: 'ok', value: 1234.5 });
});

test('percentages as 95, "95%" and 0.95 formatted as a percentage', async () => {
  const { tables } = await read([{ ...table('4-2-1-6', [[1, '甲', 'x', '张', '1', 95], [2, '乙', 'x', '李', '2', '95%'], [3, '丙', 'x', '王', '3', 0.95]]), formats: { F4: '0.00%' } }]);
  for (const r of tables[0].rows) expect(r.cells.satisfaction?.parsed).toEqual({ state: 'ok', value: 95 });
});

test('all eight tables in one workbook, in any sheet names', async () => {
  const { tables, unrecognized } = await read([
    staffSheet([[1, '张三', '经理', '本科', 'x', '工程师', 'x', '1']], 'Sheet1'),
    table('4-2-1-2', [[1, '甲', 'x', '北京']], { name: 'Sheet2' }),
    table('4-2-1-3', [[1, '甲', 'x', '小型', 1, '2024-01-01', 'a']], { name: 'Sheet3' }),
    table('4-2-1-4', [[1, '产品', '检测', 'x', '免费']], { name: 'Sheet4' }),
    table('4-2-1-5', [[1, '活动', '2024-01-01', '线下', 1, 1, '免费']], { name: 'Sheet5' }),
    table('4-2-1-6', [[1, '甲', 'x', '张', '1', 95]], { name: 'Sheet6' }),
    table('4-2-1-7', [[1, '机构', 'x', 'x', '2024-01-01']], { name: 'Sheet7' }),
    table('4-2-1-8', [[1, '甲', '专精特新', 'x']], { name: 'Sheet8' }),
    { name: '封面', rows: [['北京市中小企业公共服务示范平台'], ['2024年度绩效评价材料']] },
  ]);
  expect(tables.map((t) => [t.sheet, t.kind])).toEqual([
    ['Sheet1', '4-2-1-1'],
    ['Sheet2', '4-2-1-2'],
    ['Sheet3', '4-2-1-3'],
    ['Sheet4', '4-2-1-4'],
    ['Sheet5', '4-2-1-5'],
    ['Sheet6', '4-2-1-6'],
    ['Sheet7', '4-2-1-7'],
    ['Sheet8', '4-2-1-8'],
  ]);
  expect(unrecognized.map((u) => u.sheet)).toEqual(['封面']);
});

test('a header below row 15 is not looked for', async () => {
  const rows: unknown[][] = Array.from({ length: 15 }, (_, i) => [`说明第${i + 1}行`]);
  const { tables } = await read([{ rows: [...rows, ['服务企业名称', '所属省市'], ['甲', '北京']] }]);
  expect(tables).toHaveLength(0);
});
