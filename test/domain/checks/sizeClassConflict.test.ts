// 附表4-2-1-3 填表说明：「企业划型填写大型、中型、小型、微型」: one enterprise has one class.
import { checkTester, table } from '../../helpers/submission';

const service = table('4-2-1-2', [[1, '北京甲公司', 'x', '北京'], [2, '北京乙公司', 'x', '北京']], { name: '名单' });

checkTester('size-class-conflict', {
  valid: [
    {
      name: 'each enterprise one class on all its orders (with a suffix, and a blank one)',
      files: {
        'a.xlsx': [
          service,
          table('4-2-1-3', [[1, '北京甲公司', 'x', '小型', 1, '2024-01-01', 'a'], [2, '北京甲公司', 'x', '小型企业', 2, '2024-02-01', 'b'], [3, '北京乙公司', 'x', '中型', 1, '2024-03-01', 'c'], [4, '北京乙公司', 'x', null, 1, '2024-03-02', 'd']], { name: '订单' }),
        ],
      },
    },
  ],
  invalid: [
    {
      name: '北京甲公司 declared 大型 on one order and 小型 on two: one finding naming every row',
      files: {
        'a.xlsx': [
          service,
          table('4-2-1-3', [[1, '北京甲公司', 'x', '小型', 1, '2024-01-01', 'a'], [2, '北京甲公司', 'x', '大型', 2, '2024-02-01', 'b'], [3, '北京甲公司', 'x', '小型', 1, '2024-03-01', 'c']], { name: '订单' }),
        ],
      },
      findings: [{ at: '订单!D2', messageId: 'conflict', data: { enterprise: '北京甲公司', classes: '大型（第3行），小型（第2行、第4行）' } }],
    },
  ],
});
