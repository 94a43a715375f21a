import { checkTester, table } from '../../helpers/submission';

checkTester('value-unreadable', {
  valid: [
    {
      name: 'amounts with separators, full-width digits and 万元 suffix',
      files: { 'a.xlsx': [table('4-2-1-3', [[1, '甲', 'x', '小型', '12,345.50', '2024-01-01', 'a'], [2, '甲', 'x', '小型', '１２３', '2024-01-01', 'b'], [3, '甲', 'x', '小型', '5万元', '2024-01-01', 'c']])] },
    },
  ],
  invalid: [
    {
      name: 'an amount and a date that cannot be read',
      files: { 'a.xlsx': [table('4-2-1-3', [[1, '甲', 'x', '小型', '面议', '2024-01-01', 'a'], [2, '甲', 'x', '小型', 3, '上半年', 'b']], { name: '订单' })] },
      findings: [{ at: '订单!E2', messageId: 'unreadable', data: { text: '面议' } }, { at: '订单!F3', messageId: 'unreadable', data: { text: '上半年' } }],
    },
    {
      name: 'an amount beyond 1 万亿元 (1e308 would overflow every total)',
      files: { 'a.xlsx': [table('4-2-1-3', [[1, '甲', 'x', '小型', 1e308, '2024-01-01', 'a'], [2, '甲', 'x', '小型', 3, '2024-01-01', 'b']], { name: '订单' })] },
      findings: [{ at: '订单!E2', messageId: 'unreadable', data: { reason: expect.stringMatching(/超出合理范围（单笔超过 1 万亿元）/) } }],
    },
    {
      name: 'a cached formula error in a name column is no enterprise',
      files: { 'a.xlsx': [table('4-2-1-2', [[1, { formula: 'A99', result: { error: '#REF!' } }, 'x', '北京'], [2, '北京甲公司', 'x', '北京']], { name: '名单' })] },
      findings: [{ at: '名单!B2', messageId: 'unreadable', data: { text: '#REF!', reason: expect.stringMatching(/单元格是 Excel 的错误值/) } }],
    },
  ],
});

test('an error value in the service list is not counted as an enterprise, and 1e308 leaves the totals finite', async () => {
  const { reviewFiles } = await import('../../helpers/submission');
  const r = await reviewFiles({
    'a.xlsx': [
      table('4-2-1-2', [[1, { formula: 'A99', result: { error: '#N/A' } }, 'x', '北京'], [2, '北京甲公司', 'x', '北京']], { name: '名单' }),
      table('4-2-1-3', [[1, '北京甲公司', 'x', '小型', 1e308, '2024-01-01', 'a'], [2, '北京甲公司', 'x', '小型', 3, '2024-01-01', 'b']], { name: '订单' }),
    ],
  });
  expect(r.indicators.serviceEnterprises).toBe(1);
  expect(r.indicators.smeRevenueShare).toBe(1);
  expect(JSON.parse(JSON.stringify(r)).sample[0].amount).toBe(3);
});
