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
      findings: [{ at: '订单!E2', message: /「面议」/ }, { at: '订单!F3', message: /「上半年」/ }],
    },
  ],
});
