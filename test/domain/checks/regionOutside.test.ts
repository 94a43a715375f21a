import { checkTester, table } from '../../helpers/submission';

const list = (rows: unknown[][]) => ({ 'a.xlsx': [table('4-2-1-2', rows, { name: '名单' })] });

checkTester('region-outside', {
  valid: [{ name: '京津冀 only', files: list([[1, '甲公司', 'x', '北京'], [2, '乙公司', 'x', '雄安新区'], [3, '丙公司', 'x', '朝阳区']]) }],
  invalid: [
    {
      name: 'enterprises in 上海 and 辽宁省朝阳市',
      files: list([[1, '甲公司', 'x', '北京'], [2, '乙公司', 'x', '上海市'], [3, '丙公司', 'x', '辽宁省朝阳市']]),
      findings: [{ at: '名单!D3', messageId: 'outside' }, { at: '名单!D4' }],
    },
  ],
});
