import { reviewFiles, staffSheet, table } from '../../helpers/submission';
import { checkTester } from '../../helpers/submission';

const all = {
  'a.xlsx': [
    staffSheet([[1, '张三', '经理', '本科', 'x', '工程师', 'x', '1']]),
    table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']]),
    table('4-2-1-3', [[1, '北京甲公司', 'x', '小型', 1, '2024-01-01', 'a']]),
    table('4-2-1-4', [[1, '产品', '检测', 'x', '免费']]),
    table('4-2-1-5', [[1, '活动', '2024-01-01', '线下', 1, 1, '免费']]),
    table('4-2-1-6', [[1, '北京甲公司', 'x', '张', '1', 95]]),
    table('4-2-1-7', [[1, '机构', 'x', 'x', '2024-01-01']]),
    table('4-2-1-8', [[1, '北京甲公司', '专精特新', 'x']]),
  ],
};

checkTester('table-missing', {
  valid: [{ name: 'all eight tables in one workbook', files: all }],
  invalid: [
    {
      name: 'only the service list',
      files: { 'a.xlsx': [table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']])] },
      findings: [
        { at: 'a.xlsx', messageId: 'missing', data: { table: '附表4-2-1-1' } },
        { at: 'a.xlsx', messageId: 'missing', data: { table: '附表4-2-1-3' } },
        { at: 'a.xlsx', messageId: 'missing', data: { table: '附表4-2-1-5' } },
        { at: 'a.xlsx', messageId: 'missing', data: { table: '附表4-2-1-6' } },
        { at: 'a.xlsx', messageId: 'missing', data: { table: '附表4-2-1-7' } },
        { at: 'a.xlsx', messageId: 'missing', data: { table: '附表4-2-1-4' } },
        { at: 'a.xlsx', messageId: 'missing', data: { table: '附表4-2-1-8' } },
      ],
    },
  ],
});

test('products and innovative enterprises missing are warnings, the rest errors', async () => {
  const report = await reviewFiles({ 'a.xlsx': [table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']])] });
  const missing = report.findings.filter((f) => f.check === 'table-missing');
  expect(missing.filter((f) => f.severity === 'warning').map((f) => /附表4-2-1-\d/.exec(f.message)?.[0])).toEqual(['附表4-2-1-4', '附表4-2-1-8']);
});
