import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROSTER, findPlatform } from '../../src/domain/roster';
import { parseRoster } from '../../scripts/make-roster';

const guide = path.resolve(__dirname, '../../docs/guide/2024年度绩效评价申报指南.txt');

test('附件4-1 has 175 platforms, numbered 1…175, and the committed data matches the guide', () => {
  expect(ROSTER).toHaveLength(175);
  expect(ROSTER.map((r) => r.no)).toEqual(Array.from({ length: 175 }, (_, i) => i + 1));
  expect(parseRoster(readFileSync(guide, 'utf8'))).toEqual(ROSTER);
});

test.each([
  [1, '黑钻石（北京）文化传媒股份有限公司', '黑钻石中小企业公共服务平台', '创业辅导', '丰台区'],
  [5, '北京中关村创业大街科技服务有限公司', '创业会客厅', '创业辅导', '海淀区'],
  [118, '用友网络科技股份有限公司', '用友数字化服务平台', '数字化应用', '海淀区'],
  [175, '中岚兴业（北京）国际企业管理服务集团有限公司', '中岚兴业综合咨询服务平台', '综合咨询', '房山区'],
])('row %i', (no, unit, platform, category, district) => {
  expect(ROSTER[no - 1]).toEqual({ no, unit, platform, category, district });
});

test('look-up by platform or unit name, tolerant of spaces, brackets and width', () => {
  expect(findPlatform('创业会客厅')?.no).toBe(5);
  expect(findPlatform(' 创业 会客厅 ')?.no).toBe(5);
  expect(findPlatform('黑钻石(北京)文化传媒股份有限公司')?.no).toBe(1);
  expect(findPlatform('ＺｈｅｎＨＲ真之聘中小企业服务平台')?.platform).toBe('ZhenHR真之聘中小企业服务平台');
  expect(findPlatform('不存在的平台')).toBeUndefined();
});

test('every category of the roster is one of the six', () => {
  const categories = new Set(ROSTER.map((r) => r.category));
  expect([...categories].sort()).toEqual(['人力资源', '创业辅导', '技术创新', '数字化应用', '综合咨询', '融资促进'].sort());
});
