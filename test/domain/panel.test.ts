import { expertNames, statusOfConclusion } from '../../src/domain/panel';

test('expert names: 评审专家 when filled in, else the file name; duplicates told apart by file', () => {
  expect(expertNames([{ file: 'dir/a.xlsx', reviewer: '张三' }, { file: 'b.xlsx', reviewer: null }, { file: 'c.XLSX', reviewer: '  ' }])).toEqual(['张三', 'b', 'c']);
  expect(expertNames([{ file: 'x.xlsx', reviewer: '张三' }, { file: 'y.xlsx', reviewer: '张三' }])).toEqual(['张三（x）', '张三（y）']);
});

test('conclusions as statuses: only 符合 and 不符合 decide (full-width spaces tolerated)', () => {
  expect(['符合', ' 不符合　', '待核', null, '基本符合'].map(statusOfConclusion)).toEqual(['pass', 'fail', 'manual', 'manual', 'manual']);
});
