import { checkTester, table } from '../../helpers/submission';

const list = (rows: unknown[][]) => ({ 'a.xlsx': [table('4-2-1-2', rows, { name: '名单' })] });

checkTester('region-unknown', {
  valid: [
    { name: 'blank province, place in the name', files: list([[1, '北京甲公司', 'x', null], [2, '乙（天津）科技有限公司', 'x', '']]) },
  ],
  invalid: [
    {
      name: 'blank province and a name without a place; a garbage province',
      files: list([[1, '星河科技有限公司', 'x', null], [2, '乙公司', 'x', 'xx']]),
      findings: [{ at: '名单!D2', messageId: 'blank' }, { at: '名单!D3', messageId: 'unreadable', data: { province: 'xx' } }],
    },
  ],
});
