import { checkTester, table } from '../../helpers/submission';

const acts = (dates: unknown[]) => ({ 'a.xlsx': [table('4-2-1-5', dates.map((d, i) => [i + 1, `活动${i + 1}`, d, '线下', 30, 40, '免费']), { name: '活动' })] });

checkTester('activity-order', {
  valid: [{ name: 'in date order, mixed forms, same day twice', files: acts(['2024-01-05', '2024/1/5', '2024年3月1日', new Date(Date.UTC(2024, 5, 1))]) }],
  invalid: [
    {
      name: 'two swapped: one of them is reported',
      files: acts(['2024-01-05', '2024-03-01', '2024-02-01', '2024-04-01']),
      findings: [{ at: '活动!C4', messageId: 'outOfOrder', data: { activity: '活动3' } }],
    },
  ],
});
