import { crossCheckTester } from '../../helpers/crossCheck';
import { table, type Row } from '../../helpers/submission';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
/** A platform with a 名单 of its order firms and an 订单 sheet. */
const platform = (orders: Row[], extra: Row[] = []) => ({
  'a.xlsx': [
    table('4-2-1-2', [...new Set(orders.map((o) => String(o[1]).trim()))].map((f, i) => [i + 1, f, '咨询', '北京']), { name: '名单' }),
    table('4-2-1-3', [...orders, ...extra], { name: '订单' }),
  ],
});
const order = (firm: string, amount: number, date: string, contract: string): Row => [1, firm, '咨询', '小型', amount, d(date), contract];

crossCheckTester('cross-platform-order', {
  valid: [
    {
      name: 'the same contract number with different firms',
      platforms: { 甲平台: platform([order('北京甲科技有限公司', 10, '2024-03-01', 'HT-001')]), 乙平台: platform([order('北京乙科技有限公司', 10, '2024-03-01', 'HT-001')]) },
    },
    {
      name: 'the same firm, another contract, another amount or date',
      platforms: {
        甲平台: platform([order('北京甲科技有限公司', 10, '2024-03-01', 'HT-001')]),
        乙平台: platform([order('北京甲科技有限公司', 10, '2024-03-02', 'B-7'), order('北京甲科技有限公司', 11, '2024-03-01', 'B-8')]),
      },
    },
    {
      name: 'a placeholder contract number (无) identifies nothing',
      platforms: { 甲平台: platform([order('北京甲科技有限公司', 10, '2024-03-01', '无')]), 乙平台: platform([order('北京甲科技有限公司', 12, '2024-05-01', '无')]) },
    },
    {
      name: 'two folders of one platform are not compared with each other',
      platforms: { 甲平台: platform([order('北京甲科技有限公司', 10, '2024-03-01', 'HT-001')]) },
    },
  ],
  invalid: [
    {
      name: 'the same contract number and firm, typed differently, on both sides',
      platforms: {
        甲平台: platform([order('北京甲（中国）科技有限公司', 10, '2024-03-01', 'HT-2024-001')]),
        乙平台: platform([order('北京丙科技有限公司', 1, '2024-01-01', 'X-1'), order('北京甲(中国)科技有限公司', 9, '2024-04-01', 'ht 2024 001')]),
      },
      findings: [
        { platform: '甲平台', at: '订单!G2', messageId: 'contract', data: { enterprise: '北京甲（中国）科技有限公司', contract: 'HT-2024-001', others: '「乙平台」第3行' } },
        { platform: '乙平台', at: '订单!G3', messageId: 'contract', data: { contract: 'ht 2024 001', others: '「甲平台」第2行' } },
      ],
      shared: 1,
    },
    {
      name: 'the same firm, amount and date under different contract numbers; without a contract number the amount cell is cited',
      platforms: {
        甲平台: platform([order('北京甲科技有限公司', 12.5, '2024-03-05', 'A-101')]),
        乙平台: platform([order('北京甲科技有限公司', 12.5, '2024-03-05', 'B-909')]),
        丙平台: platform([order('北京甲科技有限公司', 12.5, '2024-03-05', '')]),
      },
      findings: [
        { platform: '甲平台', at: '订单!G2', messageId: 'amountDate', data: { date: '2024-03-05', amount: '12.5', others: '「乙平台」第2行、「丙平台」第2行' } },
        { platform: '乙平台', at: '订单!G2', messageId: 'amountDate' },
        { platform: '丙平台', at: '订单!E2', messageId: 'amountDate', message: /「北京甲科技有限公司」2024-03-05 金额 12\.5 万元的订单也由「甲平台」第2行、「乙平台」第2行在附表4-2-1-3 中申报/ },
      ],
      shared: 1,
    },
    {
      name: 'one firm by its credit code under two names',
      platforms: {
        甲平台: {
          'a.xlsx': [
            { name: '名单', rows: [['序号', '服务企业名称', '服务内容', '所属省市', '统一社会信用代码'], [1, '北京甲科技有限公司', '咨询', '北京', '91110000600037341L']] },
            table('4-2-1-3', [order('北京甲科技有限公司', 3, '2024-02-01', 'HT-9')], { name: '订单' }),
          ],
        },
        乙平台: {
          'a.xlsx': [
            { name: '名单', rows: [['序号', '服务企业名称', '服务内容', '所属省市', '统一社会信用代码'], [1, '甲科技（北京）有限公司', '咨询', '北京', '91110000600037341L']] },
            table('4-2-1-3', [order('甲科技（北京）有限公司', 4, '2024-02-02', 'HT-9')], { name: '订单' }),
          ],
        },
      },
      findings: [
        { platform: '甲平台', at: '订单!G2', messageId: 'contract' },
        { platform: '乙平台', at: '订单!G2', messageId: 'contract', data: { enterprise: '甲科技（北京）有限公司' } },
      ],
      shared: 1,
    },
  ],
});
