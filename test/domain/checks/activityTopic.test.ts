// 8.6(2)：「上一年度组织融资促进相关活动（参与人数不少于10人）的次数」; 8.3(2)：「技术创新相关服务活动」.
import { checkTester, table } from '../../helpers/submission';

const activities = table(
  '4-2-1-5',
  [
    [1, '银企融资对接会', '2024-03-01', '线下', 12, 40, '免费'],
    [2, '财税实务培训', '2024-04-01', '线下', 12, 40, '免费'],
    [3, '知识产权线上沙龙', '2024-05-01', '线上', null, 60, '免费'],
    [4, '小型座谈', '2024-06-01', '线下', 2, 5, '免费'],
  ],
  { name: '活动' },
);

checkTester('activity-topic', {
  valid: [
    { name: '综合咨询 counts 「各类服务活动」: no topic', files: { 'a.xlsx': [activities] }, options: { platform: { name: null, category: '综合咨询' } } },
    {
      name: '融资促进 with financing activities only (and one too small, which the size bar leaves out)',
      files: { 'a.xlsx': [table('4-2-1-5', [[1, '银企融资对接会', '2024-03-01', '线下', 12, 40, '免费'], [2, '小型座谈', '2024-06-01', '线下', 2, 5, '免费']], { name: '活动' })] },
      options: { platform: { name: null, category: '融资促进' } },
    },
  ],
  invalid: [
    {
      name: '融资促进: 财税实务培训 and 知识产权线上沙龙 are not financing activities',
      files: { 'a.xlsx': [activities] },
      options: { platform: { name: null, category: '融资促进' } },
      findings: [
        { at: '活动!B3', messageId: 'offTopic', data: { activity: '财税实务培训', item: '8.6(2) 融资促进相关活动' } },
        { at: '活动!B4', messageId: 'offTopic', data: { activity: '知识产权线上沙龙' } },
      ],
    },
    {
      name: '技术创新: 财税实务培训 is not a technical-innovation activity',
      files: { 'a.xlsx': [activities] },
      options: { platform: { name: null, category: '技术创新' } },
      findings: [{ at: '活动!B2', messageId: 'offTopic', data: { activity: '银企融资对接会', item: '8.3(2) 技术创新相关服务活动' } }, { at: '活动!B3', messageId: 'offTopic', data: { activity: '财税实务培训' } }],
    },
  ],
});
