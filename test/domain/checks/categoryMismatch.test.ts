import { checkTester, table } from '../../helpers/submission';

const service = table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']], { name: '名单' });

checkTester('category-mismatch', {
  valid: [
    { name: 'a listed platform reviewed in its own category', files: { 'a.xlsx': [service] }, options: { platform: { name: '创业会客厅', category: '创业辅导' } } },
    {
      name: 'declared category (with a ticked box) equal to the roster',
      files: { 'a.xlsx': [service, { name: '申报数据', rows: [['编号', '项目', '申报值'], ['一.类别', '申报服务类别', '☑创业辅导']] }] },
      options: { platform: { name: '创业会客厅', category: '创业辅导' } },
    },
    { name: 'an unlisted platform', files: { 'a.xlsx': [service] }, options: { platform: { name: '不在名录的平台', category: '技术创新' } } },
  ],
  invalid: [
    {
      name: 'reviewed in another category than the roster',
      files: { 'a.xlsx': [service] },
      options: { platform: { name: '创业会客厅', category: '技术创新' } },
      findings: [{ at: 'a.xlsx', messageId: 'rosterCategory', data: { rosterCategory: '创业辅导', category: '技术创新' } }],
    },
    {
      name: 'the 申报数据 sheet declares another category',
      files: { 'a.xlsx': [service, { name: '申报数据', rows: [['编号', '项目', '申报值'], ['一.类别', '申报服务类别', '技术创新']] }] },
      options: { platform: { name: '创业会客厅', category: '创业辅导' } },
      findings: [{ at: '申报数据!', messageId: 'declaredVsRoster', data: { declared: '技术创新', rosterCategory: '创业辅导' } }],
    },
  ],
});
