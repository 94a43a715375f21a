import { checkTester, table } from '../../helpers/submission';

checkTester('date-out-of-year', {
  valid: [
    {
      name: 'dates in 2024 in every form',
      files: {
        'a.xlsx': [
          table('4-2-1-3', [
            [1, '甲', 'x', '小型', 1, '2024/5/12', 'a'],
            [2, '甲', 'x', '小型', 1, '2024.05.12', 'b'],
            [3, '甲', 'x', '小型', 1, '2024年5月12日', 'c'],
            [4, '甲', 'x', '小型', 1, '2024-05-12', 'd'],
            [5, '甲', 'x', '小型', 1, new Date(Date.UTC(2024, 11, 31)), 'e'],
          ]),
        ],
      },
    },
    { name: 'another review year', options: { year: 2025 }, files: { 'a.xlsx': [table('4-2-1-5', [[1, '活动', '2025-01-03', '线上', 5, 60, '免费']])] } },
  ],
  invalid: [
    {
      name: 'an order of 2023 and an activity of 2025; a missing date',
      files: {
        'a.xlsx': [
          table('4-2-1-3', [[1, '甲', 'x', '小型', 1, '2023-12-28', 'a'], [2, '乙', 'x', '小型', 1, null, 'b']], { name: '订单' }),
          table('4-2-1-5', [[1, '政策宣讲会', '2025年1月3日', '线上', 5, 60, '免费']], { name: '活动' }),
        ],
      },
      findings: [
        { at: '订单!F2', messageId: 'outOfYear', data: { what: '合同/订单', date: '2023-12-28', year: 2024 } },
        { at: '订单!F3', messageId: 'noDate', data: { what: '合同/订单', year: 2024 } },
        { at: '活动!C2', messageId: 'outOfYear', data: { what: '活动', date: '2025-01-03', year: 2024 } },
      ],
    },
  ],
});
