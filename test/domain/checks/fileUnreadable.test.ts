import { checkTester, table } from '../../helpers/submission';

const good = [table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']])];

checkTester('file-unreadable', {
  valid: [{ name: 'a readable workbook', files: { 'a.xlsx': good } }],
  invalid: [
    {
      name: 'random bytes and an empty file beside a good one',
      files: { 'a.xlsx': good, '损坏.xlsx': Buffer.from([1, 2, 3, 4, 5]), '空.xlsx': Buffer.alloc(0) },
      findings: [{ at: '损坏.xlsx', messageId: 'unreadable', data: { reason: expect.stringMatching(/不是有效的 \.xlsx/) } }, { at: '空.xlsx', messageId: 'unreadable', data: { reason: expect.stringMatching(/文件为空/) } }],
    },
    {
      name: 'an .xls signature with nothing after it',
      files: { 'a.xlsx': good, 'old.xlsx': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
      findings: [{ at: 'old.xlsx', messageId: 'unreadable', data: { reason: expect.stringMatching(/Excel 97-2003 文件的内部目录已损坏/) } }],
    },
  ],
});
