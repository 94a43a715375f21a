import { checkTester, table } from '../../helpers/submission';

const list = (rows: unknown[][]) => ({ 'a.xlsx': [table('4-2-1-2', rows, { name: '名单' })] });

checkTester('region-order', {
  valid: [
    {
      name: '北京, 天津, 河北, then others',
      files: list([[1, '甲公司', 'x', '北京'], [2, '乙公司', 'x', '天津市'], [3, '丙公司', 'x', '河北省廊坊市'], [4, '丁公司', 'x', '上海']]),
    },
    { name: '天津市河北区 is 天津, not 河北', files: list([[1, '甲公司', 'x', '天津市和平区'], [2, '乙公司', 'x', '天津市河北区'], [3, '丙公司', 'x', '石家庄']]) },
  ],
  invalid: [
    {
      name: 'a 北京 row among 天津 rows: only that row is reported',
      files: list([[1, '甲公司', 'x', '北京'], [2, '乙公司', 'x', '天津'], [3, '丙公司', 'x', '北京'], [4, '丁公司', 'x', '天津'], [5, '戊公司', 'x', '河北']]),
      findings: [{ at: '名单!D4', messageId: 'outOfOrder', data: { enterprise: '丙公司', region: '北京', place: '排在天津企业（第3行）之后' } }],
    },
    {
      name: 'a 河北 row first: the fewest moves is that one row',
      files: list([[1, '甲公司', 'x', '河北'], [2, '乙公司', 'x', '北京'], [3, '丙公司', 'x', '北京'], [4, '丁公司', 'x', '天津']]),
      findings: [{ at: '名单!D2', messageId: 'outOfOrder', data: { region: '河北', place: '排在北京企业（第3行）之前' } }],
    },
    {
      name: 'region read from the name when 所属省市 is blank',
      files: list([[1, '天津甲公司', 'x', null], [2, '北京乙公司', 'x', null]]),
      findings: [{ at: '名单!D3' }],
    },
  ],
});
