// 运营单位 and 所属区 on every entry point: the CLI resolves them before the review; the pages pass
// only what the reviewer chose, so reviewSubmission fills the rest the same way.
import { resolvePlatform } from '../../src/domain/platform';
import { ROSTER } from '../../src/domain/roster';
import { reviewFiles, table } from '../helpers/submission';

const service = table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']], { name: '名单' });
const entry = ROSTER[0];

describe('the report names the platform as the CLI would', () => {
  test('a roster name alone: 运营单位 and 所属区 from the roster', async () => {
    const report = await reviewFiles({ 'a.xlsx': [service] }, { platform: { name: entry.platform, category: entry.category } });
    expect(report.platform).toMatchObject({ name: entry.platform, unit: entry.unit, district: entry.district });
    const cli = resolvePlatform({ category: entry.category, platformName: entry.platform });
    expect([report.platform.unit, report.platform.district]).toEqual([cli.unit, cli.district]);
  });

  test('no name: the 申报数据 sheet names the platform, unit and district', async () => {
    const declared = {
      name: '申报数据',
      rows: [
        ['编号', '项目', '申报值'],
        ['一.1', '单位名称', '北京星河科技有限公司'],
        ['一.2', '平台名称', '星河中小企业公共服务平台'],
        ['一.3', '所属区', '海淀区'],
      ],
    };
    const report = await reviewFiles({ 'a.xlsx': [service, declared] }, { platform: { name: null, category: '技术创新' } });
    expect(report.platform).toMatchObject({ name: '星河中小企业公共服务平台', unit: '北京星河科技有限公司', district: '海淀区' });
  });

  test('what the caller gave is kept', async () => {
    const report = await reviewFiles({ 'a.xlsx': [service] }, { platform: { name: entry.platform, category: entry.category, unit: '另填的单位', district: '另填的区' } });
    expect(report.platform).toMatchObject({ unit: '另填的单位', district: '另填的区' });
  });

  test('an unknown name and no 申报数据: nothing is invented', async () => {
    const report = await reviewFiles({ 'a.xlsx': [service] }, { platform: { name: '不存在的服务平台', category: '技术创新' } });
    expect(report.platform).toMatchObject({ name: '不存在的服务平台', unit: null, district: null });
  });

  describe('the title when nothing names the platform', () => {
    const titled = (line: string) => table('4-2-1-2', [[1, '北京甲公司', 'x', '北京']], { name: '名单', title: [['附表4-2-1-2 服务企业名单'], [line]] });

    test.each([
      ['填报单位（盖章）：北京星河企业服务有限公司', '北京星河企业服务有限公司'],
      ['填报单位:  北京乙公司 ', '北京乙公司'],
      ['填报单位(盖章)：北京丙公司', '北京丙公司'],
    ])('a 「填报单位：」 line above a table: %s', async (line, unit) => {
      const report = await reviewFiles({ 'a.xlsx': [titled(line)] }, { platform: { name: null, category: '技术创新', folder: '某文件夹' } });
      expect(report.platform).toMatchObject({ name: unit, unit });
    });

    test('a blank 「填报单位：＿＿＿」 line is not a name: the folder’s name is', async () => {
      const report = await reviewFiles({ 'a.xlsx': [titled('填报单位（盖章）：＿＿＿＿')] }, { platform: { name: null, category: '技术创新', folder: '星河平台材料' } });
      expect(report.platform).toMatchObject({ name: '星河平台材料', unit: null });
    });

    test('申报数据 comes before the 填报单位 line', async () => {
      const declared = { name: '申报数据', rows: [['编号', '项目', '申报值'], ['一.2', '平台名称', '星河中小企业公共服务平台']] };
      const report = await reviewFiles({ 'a.xlsx': [titled('填报单位：北京丁公司'), declared] }, { platform: { name: null, category: '技术创新' } });
      expect(report.platform).toMatchObject({ name: '星河中小企业公共服务平台', unit: '北京丁公司' });
    });
  });
});
