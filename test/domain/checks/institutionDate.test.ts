import { checkTester, table } from '../../helpers/submission';

const inst = (dates: unknown[]) => ({ 'a.xlsx': [table('4-2-1-7', dates.map((d, i) => [i + 1, `机构${i}`, '法律', 'x', d]), { name: '机构' })] });

checkTester('institution-date', {
  valid: [{ name: 'signed before or in the review year', files: inst(['2022-03-01', '2024年12月31日', new Date(Date.UTC(2024, 0, 1))]) }],
  invalid: [
    {
      name: 'no date, after the year, unreadable',
      files: inst([null, '2025-02-01', '去年']),
      findings: [
        { at: '机构!E2', messageId: 'noDate' },
        { at: '机构!E3', messageId: 'afterYear', data: { date: '2025-02-01', year: 2024 } },
        { at: '机构!E4', messageId: 'unreadableDate' },
      ],
    },
  ],
});
