// 附件4-2【一】2：「平台名称…不得带有"示范"字样，需与认定或上年度绩效评价公示名单中的内容一致」
import { checkTester, table } from '../../helpers/submission';

const service = table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']], { name: '名单' });

checkTester('platform-name-invalid', {
  valid: [
    { name: 'a roster name, typed with other spaces and widths', files: { 'a.xlsx': [service] }, options: { platform: { name: ' 创业 会客厅 ', category: '创业辅导' } } },
    { name: 'no platform name given', files: { 'a.xlsx': [service] }, options: { platform: { name: null, category: '技术创新' } } },
  ],
  invalid: [
    {
      name: 'a name with 示范 that is not in the roster either',
      files: { 'a.xlsx': [service] },
      options: { platform: { name: '星河示范平台', category: '技术创新' } },
      findings: [
        { at: 'a.xlsx', messageId: 'demonstration', data: { name: '星河示范平台' } },
        { at: 'a.xlsx', messageId: 'notInRoster', data: { name: '星河示范平台' } },
      ],
    },
    {
      name: 'the 申报数据 sheet names a platform the roster does not hold',
      files: { 'a.xlsx': [service, { name: '申报数据', rows: [['编号', '项目', '申报值'], ['一.2', '平台名称', '不存在的服务平台']] }] },
      options: { platform: { name: null, category: '技术创新' } },
      findings: [{ at: '申报数据!', messageId: 'notInRoster', data: { name: '不存在的服务平台' } }],
    },
  ],
});
