import { checkTester, table } from '../../helpers/submission';

const service = table('4-2-1-2', [[1, '北京甲（中国）科技有限公司', 'x', '北京'], [2, '北京乙公司', 'x', '北京']], { name: '名单' });

checkTester('not-in-service-list', {
  valid: [
    {
      name: 'every enterprise listed, names typed another way',
      files: {
        'a.xlsx': [
          service,
          table('4-2-1-3', [[1, '北京甲(中国)科技有限公司', 'x', '小型', 1, '2024-01-01', 'a']], { name: '订单' }),
          table('4-2-1-6', [[1, '北京乙公司 ', 'x', '张', '1', 95]], { name: '满意度' }),
          table('4-2-1-8', [[1, '北京乙公司', '专精特新', 'x']], { name: '创新' }),
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'an order, a survey and an innovative enterprise not in the list',
      files: {
        'a.xlsx': [
          service,
          table('4-2-1-3', [[1, '北京丙公司', 'x', '小型', 1, '2024-01-01', 'a']], { name: '订单' }),
          table('4-2-1-6', [[1, '北京丁公司', 'x', '张', '1', 95]], { name: '满意度' }),
          table('4-2-1-8', [[1, '北京戊公司', '专精特新', 'x']], { name: '创新' }),
        ],
      },
      findings: [{ at: '订单!B2' }, { at: '满意度!B2' }, { at: '创新!B2', messageId: 'notListed', data: { table: '附表4-2-1-8', enterprise: '北京戊公司' } }],
    },
  ],
});
