import { checkTester, table } from '../../helpers/submission';

const list = (rows: unknown[][]) => ({ 'a.xlsx': [table('4-2-1-2', rows, { name: '名单' })] });

checkTester('possible-duplicate-enterprise', {
  valid: [
    { name: 'unrelated names', files: list([[1, '北京甲科技有限公司', '检测', '北京'], [2, '北京乙科技有限责任公司', '检测', '北京']]) },
    { name: 'a branch whose parent is not listed', files: list([[1, '天津丙科技有限公司北京分公司', '检测', '北京']]) },
  ],
  invalid: [
    {
      name: '有限公司 vs 有限责任公司',
      files: list([[1, '北京甲科技有限公司', '检测', '北京'], [2, '北京甲科技有限责任公司', '检测', '北京']]),
      findings: [{ at: '名单!B3', messageId: 'companyForm', data: { firstRow: 2 } }],
    },
    {
      name: 'a parent and its branch',
      files: list([[1, '北京甲科技有限公司', '检测', '北京'], [2, '北京甲科技有限公司海淀分公司', '检测', '北京']]),
      findings: [{ at: '名单!B3', messageId: 'branch', data: { parentRow: 2 } }],
    },
  ],
});
