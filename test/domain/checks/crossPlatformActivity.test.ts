import { crossCheckTester } from '../../helpers/crossCheck';
import { table, type Row } from '../../helpers/submission';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const ledger = (rows: Row[]) => ({ 'a.xlsx': [table('4-2-1-5', rows, { name: '活动' })] });
const activity = (name: string, date: string, place: string): Row => [1, name, d(date), place, 30, 40, '免费'];

crossCheckTester('cross-platform-activity', {
  valid: [
    {
      name: 'the same name on other days',
      platforms: { 甲平台: ledger([activity('政策宣讲会', '2024-03-01', '海淀')]), 乙平台: ledger([activity('政策宣讲会', '2024-03-02', '海淀')]) },
    },
    {
      name: 'the same day and place, different activities',
      platforms: { 甲平台: ledger([activity('专精特新政策宣讲会', '2024-03-01', '线上')]), 乙平台: ledger([activity('企业数字化转型沙龙', '2024-03-01', '线上')]) },
    },
  ],
  invalid: [
    {
      name: 'the same name and date (spaces and punctuation aside), places apart',
      platforms: {
        甲平台: ledger([activity('“专精特新”政策 宣讲会', '2024-06-18', '经信局')]),
        乙平台: ledger([activity('知识产权培训', '2024-01-20', '朝阳'), activity('专精特新政策宣讲会', '2024-06-18', '北京市经信局会议室')]),
      },
      findings: [
        { platform: '甲平台', at: '活动!B2', messageId: 'sameName', data: { date: '2024-06-18', others: '「乙平台」第3行' } },
        { platform: '乙平台', at: '活动!B3', messageId: 'sameName', data: { activity: '专精特新政策宣讲会', others: '「甲平台」第2行' } },
      ],
      shared: 1,
    },
    {
      name: 'the same date and place, near-identical names',
      platforms: {
        甲平台: ledger([activity('2024年专精特新政策宣讲会', '2024-06-18', '经信局会议室')]),
        乙平台: ledger([activity('专精特新政策宣讲会', '2024-06-18', '经信局 会议室')]),
      },
      findings: [
        { platform: '甲平台', at: '活动!B2', messageId: 'samePlace', data: { otherName: '「专精特新政策宣讲会」', place: '经信局会议室' } },
        { platform: '乙平台', at: '活动!B2', messageId: 'samePlace', data: { otherName: '「2024年专精特新政策宣讲会」' } },
      ],
      shared: 1,
    },
  ],
});
