import { checkTester, HEADERS, type Row, type SheetFixture } from '../../helpers/submission';

const BASE = [...HEADERS['4-2-1-3']];

/**
 * 附表4-2-1-3 with the size columns after the template's seven: each row is
 * [enterprise, 企业划型, 所属行业, ...figures] and the figures follow `extra` in order.
 */
function orders(rows: [string, unknown, unknown, ...unknown[]][], extra: string[] = ['从业人员', '营业收入（万元）', '资产总额（万元）']): Record<string, SheetFixture[]> {
  const header: Row = [...BASE, '所属行业', ...extra];
  const body: Row[] = rows.map(([name, size, industry, ...figures], i) => [i + 1, name, '咨询', size, 10, '2024-03-01', `HT${i}`, industry, ...figures]);
  return { 'a.xlsx': [{ name: '订单', rows: [header, ...body] }] };
}

checkTester('size-class-mismatch', {
  valid: [
    {
      name: 'declared classes that agree with the standard',
      files: orders([
        ['甲公司', '中型', '工业', 300, 2000, null],
        ['乙公司', '小型企业', '制造业', 1200, 1000, null],
        ['丙公司', '微型', '软件和信息技术服务业', 5, 20, null],
        ['丁公司', '大型', '建筑业', null, 80000, 90000],
      ]),
    },
    { name: 'settled without revenue: 工业 with 10 employees is 微型', files: orders([['甲公司', '微型', '工业', 10, null, null]]) },
    {
      name: 'figures that do not settle the class, an unknown industry, an invalid or blank declaration, no industry',
      files: orders([
        ['甲公司', '微型', '工业', 500, null, null],
        ['乙公司', '大型', '批发和零售业', 10, 100, null],
        ['丙公司', '小微', '工业', 300, 2000, null],
        ['丁公司', null, '工业', 300, 2000, null],
        ['戊公司', '微型', null, 300, 2000, null],
      ]),
    },
    {
      name: 'no size columns: nothing to compare',
      files: { 'a.xlsx': [{ name: '订单', rows: [[...BASE, '所属行业'], [1, '甲公司', '咨询', '微型', 10, '2024-03-01', 'HT1', '工业']] }] },
    },
    {
      name: 'the template header without 所属行业',
      files: { 'a.xlsx': [{ name: '订单', rows: [BASE, [1, '甲公司', '咨询', '大型', 10, '2024-03-01', 'HT1']] }] },
    },
    {
      name: '营业收入 in 元 is read in 万元',
      files: orders([['甲公司', '中型', '工业', 300, 20000000]], ['从业人员', '营业收入（元）']),
    },
  ],
  invalid: [
    {
      name: '微型 declared, 中型 by the standard',
      files: orders([['X公司', '微型', '工业', 300, 2000, null]]),
      findings: [
        {
          at: '订单!D2',
          message:
            /^「X公司」申报为微型，按所属行业和规模测算应为中型：工业：从业人员 300 人 < 1000 人、营业收入 2000 万元 < 40000 万元，属中小微企业；从业人员 300 人 ≥ 300 人且营业收入 2000 万元 ≥ 2000 万元，为中型$/,
        },
      ],
    },
    {
      name: 'rows wrong in several ways, each at its 企业划型 cell',
      files: orders([
        ['甲公司', '小型', '工业', 1200, 1000, null],
        ['乙公司', '中型企业', '制造业', 10, null, null],
        ['丙公司', '小型', '信息传输业', 2500, 150000, null],
        ['丁公司', '中型', '租赁和商务服务', null, null, 50],
        ['戊公司', '微型', '其他', '１，２００', null, null],
      ]),
      findings: [
        { at: '订单!D3', messageId: 'mismatch', data: { enterprise: '乙公司', declared: '中型', computed: '微型', reason: expect.stringMatching(/从业人员 10 人 < 20 人，未达小型/) } },
        { at: '订单!D4', messageId: 'mismatch', data: { enterprise: '丙公司', declared: '小型', computed: '大型', reason: expect.stringMatching(/信息传输业：.*不属中小微企业/) } },
        { at: '订单!D5', messageId: 'mismatch', data: { enterprise: '丁公司', declared: '中型', computed: '微型', reason: expect.stringMatching(/资产总额 50 万元 < 100 万元/) } },
        { at: '订单!D6', messageId: 'mismatch', data: { enterprise: '戊公司', declared: '微型', computed: '大型' } },
      ],
    },
    {
      name: 'only 从业人员 given, in a column headed 职工人数',
      files: orders([['甲公司', '小型', '其他未列明行业', 400]], ['职工人数']),
      findings: [{ at: '订单!D2', messageId: 'mismatch', data: { computed: '大型' } }],
    },
  ],
});
