import { activityQualifies, hasDegree, hasIntermediateTitle, isFree, isOnline } from '../../src/domain/indicators';
import type { TableRow } from '../../src/domain/recognize';
import { reviewFiles, staffSheet, table } from '../helpers/submission';

const service = (rows: unknown[][]) => table('4-2-1-2', rows, { name: '名单' });

describe('counting enterprises without double counting', () => {
  test('distinct enterprises, 京津冀 and byRegion', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        service([
          [1, '北京甲公司', 'x', '北京'],
          [2, '北京甲公司 ', 'x', '北京'],
          [3, '北京乙（中国）公司', 'x', '海淀区'],
          [4, '北京乙(中国)公司', 'x', '海淀区'],
          [5, '天津丙公司', 'x', '天津市河北区'],
          [6, '丁公司', 'x', '雄安新区'],
          [7, '戊公司', 'x', '上海'],
          [8, '己公司', 'x', null],
        ]),
      ],
    });
    expect(r.indicators.serviceEnterprises).toBe(6);
    expect(r.indicators.byRegion).toEqual({ 北京: 2, 天津: 1, 河北: 1 });
    expect(r.indicators.jjjEnterprises).toBe(4);
    expect(r.indicators.satisfactionSampleRequired).toBe(3); // ⌈40% × 6⌉
  });

  test('the same credit code under two names is one enterprise', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        {
          name: '名单',
          rows: [
            ['服务企业名称', '所属省市', '统一社会信用代码'],
            ['北京甲公司', '北京', '91110000600037341L'],
            ['北京甲', '北京', '91110000600037341L'],
          ],
        },
      ],
    });
    expect(r.indicators.serviceEnterprises).toBe(1);
  });
});

describe('门槛5 cooperating institutions', () => {
  test('distinct, signed by the end of the year; 5 counts as 5以上', async () => {
    const rows = [
      [1, '机构A', 'x', 'x', '2023-01-01'],
      [2, '机构Ａ', 'x', 'x', '2024-06-01'], // same institution, full-width letter
      [3, '机构B', 'x', 'x', '2024-12-31'],
      [4, '机构C', 'x', 'x', '2024/2/1'],
      [5, '机构D', 'x', 'x', '2024年3月1日'],
      [6, '机构E', 'x', 'x', '2024.04.01'],
      [7, '机构F', 'x', 'x', '2025-01-01'],
      [8, '机构G', 'x', 'x', null],
    ];
    const r = await reviewFiles({ 'a.xlsx': [table('4-2-1-7', rows)] });
    expect(r.indicators.cooperatingInstitutions).toBe(5);
    expect(r.thresholds.find((t) => t.id === 'T5')).toMatchObject({ status: 'pass', value: 5, required: 5 });
  });
});

describe('门槛8 qualified staff', () => {
  const staff = staffSheet([
    [1, '张一', '经理', '本科', 'x', '无', null, '1'],
    [2, '张二', '顾问', '大专', 'x', '工程师', 'x', '2'],
    [3, '张三', '顾问', '大专', 'x', '助理工程师', 'x', '3'],
    [4, '张四', '顾问', '硕士研究生', 'x', '高级经济师', 'x', '4'],
    [5, '张四', '顾问', '硕士研究生', 'x', '高级经济师', 'x', '4'], // listed twice
    [6, '张五', '顾问', '高中', 'x', null, null, '6'],
  ]);
  test('degree or title (default reading)', async () => {
    const r = await reviewFiles({ 'a.xlsx': [staff] });
    expect(r.tables[0]).toMatchObject({ kind: '4-2-1-1', headerRow: 3 });
    expect(r.indicators.qualifiedStaff).toBe(3);
    expect(r.thresholds.find((t) => t.id === 'T8')?.status).toBe('fail');
  });
  test('degree and title, as an option', async () => {
    const r = await reviewFiles({ 'a.xlsx': [staff] }, { staffRule: 'both' });
    expect(r.indicators.qualifiedStaff).toBe(1);
  });
  test.each([
    ['本科', true],
    ['大学本科', true],
    ['博士研究生', true],
    ['硕士', true],
    ['大专', false],
    ['专科', false],
    ['', false],
  ])('degree %s → %s', (text, expected) => expect(hasDegree(text)).toBe(expected));
  test.each([
    ['工程师', true],
    ['中级经济师', true],
    ['会计师', true],
    ['正高级工程师', true],
    ['副高', true],
    ['助理工程师', false],
    ['助理经济师', false],
    ['初级', false],
    ['技术员', false],
    ['', false],
  ])('title %s → %s', (text, expected) => expect(hasIntermediateTitle(text)).toBe(expected));
});

describe('门槛9 SME revenue share', () => {
  test('in-year orders only; invalid classes in the denominator only; amounts in 元 converted', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        {
          name: '订单',
          rows: [
            ['序号', '服务企业名称', '企业划型', '合同金额（元）', '合同/订单时间'],
            [1, '甲', '小型', '300,000', '2024-01-01'],
            [2, '乙', '大型', 100000, '2024-02-01'],
            [3, '丙', '小微', 100000, '2024-03-01'],
            [4, '丁', '微型', 900000, '2023-12-31'],
            ['合计', null, null, 1400000, null],
          ],
        },
      ],
    });
    expect(r.indicators.smeRevenueShare).toBeCloseTo(30 / 50, 10);
    expect(r.thresholds.find((t) => t.id === 'T9')).toMatchObject({ status: 'pass', required: 0.5 });
  });
  test('no order → null and a failed threshold', async () => {
    const r = await reviewFiles({ 'a.xlsx': [service([[1, '北京甲公司', 'x', '北京']])] });
    expect(r.indicators.smeRevenueShare).toBeNull();
    expect(r.thresholds.find((t) => t.id === 'T9')?.status).toBe('fail');
  });
});

describe('门槛11 satisfaction', () => {
  test('95, "95%" and 0.95 formatted as a percentage read alike; one answer per enterprise', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        service([[1, '北京甲公司', 'x', '北京'], [2, '北京乙公司', 'x', '北京'], [3, '北京丙公司', 'x', '北京']]),
        {
          ...table('4-2-1-6', [[1, '北京甲公司', 'x', '张', '1', 95], [2, '北京乙公司', 'x', '李', '2', '85%'], [3, '北京丙公司', 'x', '王', '3', 0.95], [4, '北京甲公司', 'x', '张', '1', 50]], {
            name: '满意度',
          }),
          formats: { F4: '0%' },
        },
      ],
    });
    expect(r.indicators.averageSatisfaction).toBeCloseTo(275 / 3, 10);
    expect(r.indicators.satisfactionSample).toBe(3);
    expect(r.indicators.satisfactionSampleRequired).toBe(2);
    expect(r.thresholds.find((t) => t.id === 'T11')?.status).toBe('pass');
  });
});

describe('指标7 innovative enterprises', () => {
  test('北京 only, once each at the highest tier', async () => {
    const r = await reviewFiles({
      'a.xlsx': [
        service([[1, '北京甲公司', 'x', '北京'], [2, '乙公司', 'x', '北京'], [3, '天津丙公司', 'x', '天津']]),
        table('4-2-1-8', [
          [1, '北京甲公司', '专精特新', 'x'],
          [2, '北京甲公司', '国家小巨人', 'x'],
          [3, '乙公司', '创新型中小企业、专精特新', 'x'],
          [4, '天津丙公司', '单项冠军', 'x'],
          [5, '北京丁公司', '独角兽', 'x'],
          [6, '北京戊公司', '高新技术企业', 'x'],
        ]),
      ],
    });
    // 北京丁公司 is not on the service list: reported by not-in-service-list, not counted.
    expect(r.indicators.innovativeEnterprises).toEqual({
      total: 2,
      byQualification: { 创新型中小企业: 0, 专精特新: 1, 国家小巨人: 1, 隐形冠军: 0, 单项冠军: 0, 独角兽: 0 },
      heldByQualification: { 创新型中小企业: 1, 专精特新: 2, 国家小巨人: 1, 隐形冠军: 0, 单项冠军: 0, 独角兽: 0 },
    });
  });
  test('the tier order is configurable', async () => {
    const r = await reviewFiles(
      { 'a.xlsx': [service([[1, '北京甲公司', 'x', '北京']]), table('4-2-1-8', [[1, '北京甲公司', '专精特新', 'x'], [2, '北京甲公司', '国家小巨人', 'x']])] },
      { qualificationOrder: ['专精特新', '国家小巨人', '单项冠军', '隐形冠军', '独角兽', '创新型中小企业'] },
    );
    expect(r.indicators.innovativeEnterprises.byQualification.专精特新).toBe(1);
    expect(r.indicators.innovativeEnterprises.byQualification.国家小巨人).toBe(0);
  });
});

describe('activities by category', () => {
  const acts = [
    [1, '政策宣讲会', '2024-01-05', '线下', 30, 50, '免费'],
    [2, '线上创业沙龙', '2024-02-05', '线上', 5, 50, '免费'],
    [3, '线上政策解读', '2024-03-05', '腾讯会议', null, 51, '100元'],
    [4, '技术对接会', '2024-04-05', '线下', 3, 10, '200元'],
    [5, '银企融资座谈', '2024-05-05', '线下', 2, 9, '免费'],
    [6, '往年活动', '2023-05-05', '线下', 100, 100, '免费'],
  ];
  // 综合咨询: rows 1 (30 firms) and 3 (online, firms blank, 51 people); 人力资源 also needs its topic
  // (宣讲 fits, 政策解读 does not); 技术创新: ≥ 10 people and a technical topic (row 4 only);
  // 融资促进: row 5 is about financing but has 9 people; 创业辅导: its topic only (row 2, and row 5's 融资).
  test.each([
    ['综合咨询', 2],
    ['人力资源', 1],
    ['技术创新', 1],
    ['融资促进', 0],
    ['创业辅导', 2],
  ])('%s qualifies %i', async (category, n) => {
    const r = await reviewFiles({ 'a.xlsx': [table('4-2-1-5', acts)] }, { platform: { name: null, category } });
    expect(r.indicators.activities).toBe(5);
    expect(r.indicators.qualifyingActivities).toBe(n);
    expect(r.indicators.policyTalks).toBe(2);
    expect(r.indicators.freeServices.activities).toBe(3);
  });
  test('「参与企业家数不少于30家，如为线上形式无法确认企业家数，则需超过50人」', () => {
    const row = (enterprises: number | null, people: number, place: string): TableRow => ({
      row: 2,
      cells: {
        activity: { value: '服务活动', ref: ref() },
        ...(enterprises === null ? {} : { enterprises: { value: enterprises, ref: ref(), parsed: { state: 'ok', value: enterprises } } }),
        people: { value: people, ref: ref(), parsed: { state: 'ok', value: people } },
        place: { value: place, ref: ref() },
      },
    });
    expect(activityQualifies('综合咨询', row(30, 0, '线下'))).toBe(true);
    expect(activityQualifies('综合咨询', row(29, 100, '线下'))).toBe(false);
    expect(activityQualifies('综合咨询', row(null, 50, '线上'))).toBe(false);
    expect(activityQualifies('综合咨询', row(null, 51, '线上'))).toBe(true);
    // The firm count is filled: only ≥ 30 firms qualifies, however many people were online.
    expect(activityQualifies('综合咨询', row(0, 51, '线上'))).toBe(false);
    expect(activityQualifies('综合咨询', row(12, 500, '线上'))).toBe(false);
    expect(activityQualifies('综合咨询', row(30, 5, '线上'))).toBe(true);
    // Offline with the firm count blank: no way to qualify.
    expect(activityQualifies('综合咨询', row(null, 500, '线下'))).toBe(false);
  });
});

test('products, free products and free services', async () => {
  const r = await reviewFiles({
    'a.xlsx': [table('4-2-1-4', [[1, '检测服务', '检测', 'x', '免费'], [2, '检测服务', '检测', 'x', '免费'], [3, '咨询', '咨询', 'x', '5000元/次']])],
  });
  expect(r.indicators.serviceProducts).toBe(2);
  expect(r.indicators.freeServices).toEqual({ activities: 0, products: 1, total: 1, partlyFree: { activities: 0, products: 0 } });
  // 「…占比说明（需明确具体占比数字并加盖公章）」: left to the reviewer, with what the tables show.
  expect(r.thresholds.find((t) => t.id === 'T10')).toMatchObject({ status: 'manual', value: 1 });
});

test('8.1(3) 京津冀 order enterprises take their region from the service list', async () => {
  const r = await reviewFiles({
    'a.xlsx': [
      service([[1, '甲公司', 'x', '北京'], [2, '乙公司', 'x', '上海'], [3, '丙公司', 'x', '河北']]),
      table('4-2-1-3', [
        [1, '甲公司', 'x', '小型', 1, '2024-01-01', 'a'],
        [2, '甲公司', 'x', '小型', 1, '2024-02-01', 'b'],
        [3, '乙公司', 'x', '小型', 1, '2024-02-01', 'c'],
        [4, '丙公司', 'x', '小型', 1, '2023-02-01', 'd'],
      ]),
    ],
  });
  expect(r.indicators.jjjOrderEnterprises).toBe(1);
});

test.each([
  ['线上', true],
  ['腾讯会议', true],
  ['北京市海淀区', false],
])('online %s → %s', (place, expected) => expect(isOnline(place)).toBe(expected));
test.each([
  ['免费', true],
  ['0', true],
  ['公益', true],
  ['500元', false],
])('free %s → %s', (text, expected) => expect(isFree(text)).toBe(expected));

function ref() {
  return { file: 'a.xlsx', sheet: 's', row: 2, column: 1, cell: 'A2' };
}
