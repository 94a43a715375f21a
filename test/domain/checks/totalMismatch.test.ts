import { checkTester, table } from '../../helpers/submission';

const acts = (total: unknown[]) => ({
  'a.xlsx': [
    table('4-2-1-5', [[1, '活动1', '2024-01-05', '线下', 30, 40, '免费'], [2, '活动2', '2024-02-05', '线下', 20, 25, '500元'], ['合计', '——', null, null, ...total]], {
      name: '活动',
    }),
  ],
});
const survey = (avg: unknown) => ({
  'a.xlsx': [table('4-2-1-6', [[1, '甲', 'x', '张', '1', 90], [2, '乙', 'x', '李', '2', '95%'], ['平均满意度', null, null, null, null, avg]], { name: '满意度' })],
});

checkTester('total-mismatch', {
  valid: [
    { name: 'a right 合计', files: acts([50, 65]) },
    { name: 'a right 平均满意度', files: survey(92.5) },
    { name: 'a right 平均满意度 as a formatted fraction', files: { 'a.xlsx': [{ ...survey(0.925)['a.xlsx'][0], formats: { F4: '0.0%' } }] } },
  ],
  invalid: [
    { name: '参与人数 off by 10', files: acts([50, 75]), findings: [{ at: '活动!F4', messageId: 'sum', data: { column: '参与人数', stated: '75', computed: '65', unit: '人' } }] },
    { name: '平均满意度 off', files: survey('96%'), findings: [{ at: '满意度!F4', messageId: 'average', data: { stated: '96', surveys: 2, computed: '92.5' } }] },
  ],
});
