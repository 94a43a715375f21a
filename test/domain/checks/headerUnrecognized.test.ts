import { checkTester, table } from '../../helpers/submission';

checkTester('header-unrecognized', {
  valid: [
    { name: 'a recognised table', files: { 'a.xlsx': [table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']])] } },
    { name: 'an empty sheet is not reported', files: { 'a.xlsx': [table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']]), { name: '空白', rows: [] }] } },
  ],
  invalid: [
    {
      name: 'a service list without 所属省市, and a sheet of notes',
      files: {
        'a.xlsx': [
          { name: '名单', rows: [['年度服务企业名单'], ['序号', '服务企业名称', '服务内容'], [1, '北京甲公司', 'x']] },
          { name: '说明', rows: [['本表由平台填报'], ['联系人：张三']] },
        ],
      },
      findings: [{ at: '名单!A2', messageId: 'missingColumns', data: { sheet: '名单', row: 2, missing: '所属省市' } }, { at: '说明!', messageId: 'noHeader', data: { sheet: '说明' } }],
    },
  ],
});
