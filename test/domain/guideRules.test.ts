// The guide's finer counting rules, each table headed by the sentence it implements
// (2024年度绩效评价申报指南, docs/guide/).
import { readEducation, readTitle } from '../../src/domain/staffRules';
import { readQualifications } from '../../src/domain/qualification';
import { consequenceOf, decideVerdict, isRewardEligible } from '../../src/domain/scoring';
import type { ThresholdStatus } from '../../src/domain/report';
import { reviewFiles, staffSheet, table } from '../helpers/submission';

const service = (rows: unknown[][]) => table('4-2-1-2', rows, { name: '名单' });
const orders = (rows: unknown[][]) => table('4-2-1-3', rows, { name: '订单' });

describe('门槛4：「上年度服务京津冀中小企业家数指上一年度通过合同、活动等形式收费、免费服务的全部京津冀中小企业家数」', () => {
  const list = service([
    [1, '北京甲公司', 'x', '北京'],
    [2, '北京乙公司', 'x', '北京'],
    [3, '天津丙公司', 'x', '天津'],
    [4, '河北丁公司', 'x', '河北'],
    [5, '北京戊公司', 'x', '北京'],
    [6, '上海己公司', 'x', '上海'],
  ]);
  test.each([
    ['a firm every order declares 大型 is not a 中小企业', [[1, '北京甲公司', 'x', '大型', 1, '2024-01-01', 'a'], [2, '北京甲公司', 'x', '大型企业', 1, '2024-02-01', 'b']], { 北京: 2, 天津: 1, 河北: 1 }, 1],
    ['a firm with no order, or a blank or invalid 划型, still counts: it is listed as served', [[1, '北京乙公司', 'x', null, 1, '2024-01-01', 'a'], [2, '天津丙公司', 'x', '小微', 1, '2024-01-01', 'b']], { 北京: 3, 天津: 1, 河北: 1 }, 0],
    ['a firm declared 大型 and 小型 counts (size-class-conflict asks which)', [[1, '河北丁公司', 'x', '大型', 1, '2024-01-01', 'a'], [2, '河北丁公司', 'x', '小型', 1, '2024-02-01', 'b']], { 北京: 3, 天津: 1, 河北: 1 }, 0],
    ['a firm outside 京津冀 declared 大型 changes nothing', [[1, '上海己公司', 'x', '大型', 1, '2024-01-01', 'a']], { 北京: 3, 天津: 1, 河北: 1 }, 0],
  ])('%s', async (_name, orderRows, byRegion, excluded) => {
    const r = await reviewFiles({ 'a.xlsx': [list, orders(orderRows)] });
    expect(r.indicators.byRegion).toEqual(byRegion);
    expect(r.indicators.jjjEnterprises).toBe(byRegion.北京 + byRegion.天津 + byRegion.河北);
    expect(r.indicators.jjjLargeExcluded).toBe(excluded);
    const t4 = r.thresholds.find((t) => t.id === 'T4')!;
    expect(t4.value).toBe(r.indicators.jjjEnterprises);
    if (excluded) expect(t4.note).toContain(`另有 ${excluded} 家在附表4-2-1-3 中申报为大型，不属中小企业，未计入`);
    else expect(t4.note).not.toContain('申报为大型');
  });

  test('the declared 二.13(1) 京津冀 and 北京 are compared with the 中小企业 counts', async () => {
    const r = await reviewFiles({
      'a.xlsx': [list, orders([[1, '北京甲公司', 'x', '大型', 1, '2024-01-01', 'a']]), { name: '申报数据', rows: [['编号', '项目', '申报值'], ['二.13(1).京津冀', '京津冀', 4], ['二.13(1).北京', '北京', 2]] }],
    });
    expect(r.declared.filter((d) => d.id === '二.13(1).京津冀' || d.id === '二.13(1).北京').map((d) => [d.id, d.verified, d.status])).toEqual([
      ['二.13(1).京津冀', 4, 'match'],
      ['二.13(1).北京', 2, 'match'],
    ]);
  });

  test('when the result hinges on rows merged by 统一社会信用代码, the note says so', async () => {
    const rows: unknown[][] = [['服务企业名称', '所属省市', '统一社会信用代码']];
    for (let i = 0; i < 99; i++) rows.push([`北京企业${i}有限公司`, '北京', null]);
    rows.push(['北京甲有限公司', '北京', '91110000600037341L'], ['北京甲', '北京', '91110000600037341L']);
    const r = await reviewFiles({ 'a.xlsx': [{ name: '名单', rows }] });
    expect(r.indicators.jjjEnterprises).toBe(100);
    expect(r.indicators.jjjCreditCodeMerged).toBe(1);
    // 100 passes either way: no hinge, no note.
    expect(r.thresholds.find((t) => t.id === 'T4')!.note).not.toContain('统一社会信用代码');
    rows.splice(1, 1);
    const hinge = await reviewFiles({ 'a.xlsx': [{ name: '名单', rows }] });
    expect(hinge.indicators.jjjEnterprises).toBe(99);
    expect(hinge.thresholds.find((t) => t.id === 'T4')).toMatchObject({ status: 'fail' });
    expect(hinge.thresholds.find((t) => t.id === 'T4')!.note).toContain('结论取决于按统一社会信用代码合并的 1 行（名称不同、代码相同）：不合并则为 100 家');
  });
});

describe('指标7：「提供上一年度服务的北京市的创新型中小企业…名单…同一企业多种资质不重复计分」', () => {
  test('only listed Beijing firms count; 二.7 per qualification, 指标7 once at the highest', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        service([[1, '北京甲公司', 'x', '北京'], [2, '北京乙公司', 'x', '北京']]),
        table('4-2-1-8', [
          [1, '北京甲公司', '创新型中小企业（2024年）、北京市专精特新中小企业', 'x'],
          [2, '北京乙公司', '2024年创新型中小企业', 'x'],
          [3, '北京丙公司', '国家级专精特新“小巨人”企业', 'x'],
        ]),
      ],
    });
    expect(r.indicators.innovativeEnterprises.total).toBe(2);
    expect(r.indicators.innovativeEnterprises.byQualification).toMatchObject({ 专精特新: 1, 创新型中小企业: 1, 国家小巨人: 0 });
    expect(r.indicators.innovativeEnterprises.heldByQualification).toMatchObject({ 专精特新: 1, 创新型中小企业: 2, 国家小巨人: 0 });
    expect(r.findings.filter((f) => f.check === 'not-in-service-list').map((f) => f.cell)).toEqual(['B4']);
    expect(r.findings.filter((f) => f.check === 'qualification-unrecognized')).toEqual([]);
  });

  // 附表4-2-1-8 填表说明：「企业资质填写创新型、专精特新、国家小巨人、隐形冠军、单项冠军、独角兽等」
  test.each([
    ['创新型中小企业（2024年）', ['创新型中小企业']],
    ['2024年创新型中小企业', ['创新型中小企业']],
    ['北京市专精特新中小企业', ['专精特新']],
    ['国家级专精特新“小巨人”企业', ['国家小巨人']],
    ['2023年度北京市专精特新中小企业（第二批）', ['专精特新']],
    ['制造业单项冠军企业', ['单项冠军']],
    ['高新技术企业', []],
  ])('%s → %j', (text, found) => expect(readQualifications(text).found).toEqual(found));
});

describe('门槛11：「提供上一年度满意度调查…数量不少于服务企业数的40%，最多100家」', () => {
  test('the survey counts listed firms only, once each; strangers are reported and left out', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        service([[1, '北京甲公司', 'x', '北京'], [2, '北京乙公司', 'x', '北京']]),
        table('4-2-1-6', [[1, '北京甲公司', 'x', '张', '1', 90], [2, '北京甲公司', 'x', '张', '1', 100], [3, '北京丙公司', 'x', '李', '2', 50]], { name: '满意度' }),
      ],
    });
    expect(r.indicators.satisfactionSample).toBe(1);
    expect(r.indicators.averageSatisfaction).toBe(90);
    expect(r.findings.filter((f) => f.check === 'not-in-service-list').map((f) => f.cell)).toEqual(['B4']);
  });
});

describe('门槛8：「本科及以上学历和中级及以上技术职称专业人员不少于8人」', () => {
  test.each([
    ['本科', 'counts'],
    ['大学本科', 'counts'],
    ['学士', 'counts'],
    ['专升本', 'counts'],
    ['硕士', 'counts'],
    ['研究生', 'counts'],
    ['博士', 'counts'],
    ['MBA', 'counts'],
    ['大专', 'not'],
    ['专科', 'not'],
    ['高职', 'not'],
    ['中专', 'not'],
    ['高中', 'not'],
    ['进修', 'unknown'],
  ])('学历 %s → %s', (text, expected) => expect(readEducation(text)).toBe(expected));
  test.each([
    ['工程师', 'counts'],
    ['高级工程师', 'counts'],
    ['正高级工程师', 'counts'],
    ['经济师', 'counts'],
    ['会计师', 'counts'],
    ['统计师', 'counts'],
    ['审计师', 'counts'],
    ['讲师', 'counts'],
    ['副教授', 'counts'],
    ['教授', 'counts'],
    ['助理研究员', 'counts'],
    ['副研究员', 'counts'],
    ['研究员', 'counts'],
    ['三级律师', 'counts'],
    ['二级律师', 'counts'],
    ['一级律师', 'counts'],
    ['助理工程师', 'not'],
    ['初级会计师', 'not'],
    ['助理经济师', 'not'],
    ['技术员', 'not'],
    ['初级工', 'not'],
    ['中级工', 'not'],
    ['高级工', 'not'],
    ['技师', 'not'],
    ['高级技师', 'not'],
    ['心理咨询师', 'not'],
    ['人力资源管理师', 'not'],
    ['某某证书', 'unknown'],
  ])('职称 %s → %s', (text, expected) => expect(readTitle(text)).toBe(expected));

  test('a skill level or an occupational qualification does not make the count; a real title does', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        staffSheet([
          [1, '甲', 'x', '大专', 'x', '高级技师', 'x', '1'],
          [2, '乙', 'x', '大专', 'x', '人力资源管理师', 'x', '2'],
          [3, '丙', 'x', '大专', 'x', '助理研究员', 'x', '3'],
        ]),
      ],
    });
    expect(r.indicators.qualifiedStaff).toBe(1);
  });
});

describe('门槛10：「提供上一年度为企业提供的公益性免费服务在总服务量中的占比说明（需明确具体占比数字并加盖公章）」', () => {
  test('left to the reviewer: the free services found, 部分免费 apart, and the declared 二.8 shown', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        table('4-2-1-5', [[1, '政策宣讲', '2024-01-01', '线下', 30, 50, '免费'], [2, '培训', '2024-02-01', '线下', 30, 50, '部分免费']], { name: '活动' }),
        table('4-2-1-4', [[1, '检测', '检测', 'x', '免费']], { name: '产品' }),
        { name: '申报数据', rows: [['编号', '项目', '申报值'], ['二.8', '公益性免费服务占比', '30%']] },
      ],
    });
    expect(r.indicators.freeServices).toEqual({ activities: 1, products: 1, total: 2, partlyFree: { activities: 1, products: 0 } });
    const t10 = r.thresholds.find((t) => t.id === 'T10')!;
    expect(t10).toMatchObject({ status: 'manual', value: 2, required: null });
    expect(t10.note).toBe('附表中免费活动 1 次、免费服务产品 1 项；部分免费的活动 1 次、产品 0 项（另计）；申报的公益性免费服务占比 30%（二.8）；请核对盖章的占比说明');
  });
});

describe('评价结论：「门槛条件须全部符合，一项不符合即不合格」「得分不足80分的，撤销…称号」「得分高于80分的，择优给予服务绩效奖励」', () => {
  test.each<[ThresholdStatus[], number, string, boolean, string]>([
    [['pass', 'fail'], 95, '不合格', false, '撤销“示范平台”称号'],
    [['pass', 'manual'], 95, '待定', true, '待门槛条件核定后确定'],
    [['pass', 'pass'], 79.99, '不合格', false, '撤销“示范平台”称号'],
    [['pass', 'pass'], 80, '合格', false, '保留称号'],
    [['pass', 'pass'], 80.01, '合格', true, '保留称号，可参与择优奖励'],
  ])('%j, total %d → %s', (statuses, total, verdict, reward, consequence) => {
    const v = decideVerdict(statuses, total, 80);
    expect(v).toBe(verdict);
    expect(isRewardEligible(v, total, 80)).toBe(reward);
    expect(consequenceOf(v, total, 80)).toBe(consequence);
  });

  test('the report carries one scoring: total, max, verdict, reward, consequence and whether the rubric is official', async () => {
    const r = await reviewFiles({ 'a.xlsx': [service([[1, '北京甲公司', 'x', '北京']])] });
    expect(r.scoring).toMatchObject({ max: 100, passScore: 80, verdict: '不合格', rewardEligible: false, consequence: '撤销“示范平台”称号', rubric: { official: false, source: '示例评分细则（非官方）' } });
  });
});
