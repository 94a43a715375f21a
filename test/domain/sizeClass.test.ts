import fc from 'fast-check';
import { classify, INDUSTRIES, resolveIndustry, type Figure, type Figures, type IndustryName } from '../../src/domain/sizeClass';
import type { SizeClass } from '../../src/domain/sizeClassWord';

type Limits = Partial<Record<Figure, number>>;

/**
 * docs/reference.md §2, copied here on its own so the tests check the code against the standard rather
 * than against itself: the SME ceiling (any figure below it), then 中型 and 小型 lower bounds (all of them).
 */
const STANDARD: Record<IndustryName, { ceiling: Limits; medium: Limits; small: Limits }> = {
  '农、林、牧、渔业': { ceiling: { revenue: 20000 }, medium: { revenue: 500 }, small: { revenue: 50 } },
  工业: { ceiling: { employees: 1000, revenue: 40000 }, medium: { employees: 300, revenue: 2000 }, small: { employees: 20, revenue: 300 } },
  建筑业: { ceiling: { revenue: 80000, assets: 80000 }, medium: { revenue: 6000, assets: 5000 }, small: { revenue: 300, assets: 300 } },
  批发业: { ceiling: { employees: 200, revenue: 40000 }, medium: { employees: 20, revenue: 5000 }, small: { employees: 5, revenue: 1000 } },
  零售业: { ceiling: { employees: 300, revenue: 20000 }, medium: { employees: 50, revenue: 500 }, small: { employees: 10, revenue: 100 } },
  交通运输业: { ceiling: { employees: 1000, revenue: 30000 }, medium: { employees: 300, revenue: 3000 }, small: { employees: 20, revenue: 200 } },
  仓储业: { ceiling: { employees: 200, revenue: 30000 }, medium: { employees: 100, revenue: 1000 }, small: { employees: 20, revenue: 100 } },
  邮政业: { ceiling: { employees: 1000, revenue: 30000 }, medium: { employees: 300, revenue: 2000 }, small: { employees: 20, revenue: 100 } },
  住宿业: { ceiling: { employees: 300, revenue: 10000 }, medium: { employees: 100, revenue: 2000 }, small: { employees: 10, revenue: 100 } },
  餐饮业: { ceiling: { employees: 300, revenue: 10000 }, medium: { employees: 100, revenue: 2000 }, small: { employees: 10, revenue: 100 } },
  信息传输业: { ceiling: { employees: 2000, revenue: 100000 }, medium: { employees: 100, revenue: 1000 }, small: { employees: 10, revenue: 100 } },
  软件和信息技术服务业: { ceiling: { employees: 300, revenue: 10000 }, medium: { employees: 100, revenue: 1000 }, small: { employees: 10, revenue: 50 } },
  房地产开发经营: { ceiling: { revenue: 200000, assets: 10000 }, medium: { revenue: 1000, assets: 5000 }, small: { revenue: 100, assets: 2000 } },
  物业管理: { ceiling: { employees: 1000, revenue: 5000 }, medium: { employees: 300, revenue: 1000 }, small: { employees: 100, revenue: 500 } },
  租赁和商务服务业: { ceiling: { employees: 300, assets: 120000 }, medium: { employees: 100, assets: 8000 }, small: { employees: 10, assets: 100 } },
  其他未列明行业: { ceiling: { employees: 300 }, medium: { employees: 100 }, small: { employees: 10 } },
};

const ORDER: Record<SizeClass, number> = { 微型: 0, 小型: 1, 中型: 2, 大型: 3 };
const entries = (l: Limits) => Object.entries(l) as [Figure, number][];

function sizeOf(industry: string, figures: Figures): SizeClass {
  const r = classify(industry, figures);
  if (!r.ok) throw new Error(r.message);
  return r.size;
}

/** The standard read literally, for all figures given. */
function oracle(industry: IndustryName, f: Required<Figures>): SizeClass {
  const row = STANDARD[industry];
  if (!entries(row.ceiling).some(([k, l]) => f[k] < l)) return '大型';
  if (entries(row.medium).every(([k, l]) => f[k] >= l)) return '中型';
  if (entries(row.small).every(([k, l]) => f[k] >= l)) return '小型';
  return '微型';
}

test('there are the 16 rows of the standard', () => {
  expect([...INDUSTRIES]).toEqual(Object.keys(STANDARD));
});

describe('every bound of every industry, on it and one below', () => {
  type Case = [string, IndustryName, Figures, SizeClass];
  const cases: Case[] = [];
  for (const industry of INDUSTRIES) {
    const { ceiling, medium, small } = STANDARD[industry];
    // SME ceiling: the other ceiling figures at or above theirs, so only this one can make the firm SME.
    for (const [fig, limit] of entries(ceiling)) {
      const others = Object.fromEntries(entries(ceiling).filter(([k]) => k !== fig));
      cases.push([`ceiling ${fig} = ${limit}`, industry, { ...others, [fig]: limit }, '大型']);
      cases.push([`ceiling ${fig} = ${limit - 1}`, industry, { ...others, [fig]: limit - 1 }, '中型']);
    }
    // 中型: every bound met is 中型; one figure one below drops to 小型.
    cases.push(['中型 bounds exactly', industry, { ...medium }, '中型']);
    for (const [fig, limit] of entries(medium)) cases.push([`中型 ${fig} = ${limit - 1}`, industry, { ...medium, [fig]: limit - 1 }, '小型']);
    // 小型: likewise, dropping to 微型.
    cases.push(['小型 bounds exactly', industry, { ...small }, '小型']);
    for (const [fig, limit] of entries(small)) cases.push([`小型 ${fig} = ${limit - 1}`, industry, { ...small, [fig]: limit - 1 }, '微型']);
    cases.push(['all zero', industry, { employees: 0, revenue: 0, assets: 0 }, '微型']);
  }

  test.each(cases)('%s: %s %j → %s', (_name, industry, figures, expected) => {
    expect(sizeOf(industry, figures)).toBe(expected);
  });
});

describe('AND within a class, OR for the ceiling', () => {
  test.each<[string, Figures, SizeClass]>([
    ['1,200 employees and 1,000万 revenue: SME by revenue, 小型 (revenue < 2000 rules out 中型)', { employees: 1200, revenue: 1000 }, '小型'],
    ['10 employees and 50,000万 revenue: SME by employees, 微型 (employees < 20)', { employees: 10, revenue: 50000 }, '微型'],
    ['both at the ceiling: 大型', { employees: 1000, revenue: 40000 }, '大型'],
    ['one below the ceiling suffices', { employees: 999, revenue: 400000 }, '中型'],
  ])('工业: %s', (_name, figures, expected) => {
    expect(sizeOf('工业', figures)).toBe(expected);
  });

  test('fractional 万元 just below a bound misses it', () => {
    expect(sizeOf('工业', { employees: 300, revenue: 1999.99 })).toBe('小型');
    expect(sizeOf('工业', { employees: 999, revenue: 39999.99 })).toBe('中型');
  });
});

describe('reason', () => {
  test('names the ceiling met and the class bounds met', () => {
    const r = classify('工业', { employees: 300, revenue: 2000 });
    expect(r).toMatchObject({ ok: true, size: '中型', industry: '工业' });
    if (!r.ok) return;
    expect(r.reason).toMatch(/^工业：从业人员 300 人 < 1000 人/);
    expect(r.reason).toContain('属中小微企业');
    expect(r.reason).toMatch(/从业人员 300 人 ≥ 300 人且营业收入 2000 万元 ≥ 2000 万元，为中型$/);
  });
  test('names the bounds missed', () => {
    const r = classify('工业', { employees: 1200, revenue: 1000 });
    if (!r.ok) throw new Error(r.message);
    expect(r.reason).toBe(
      '工业：营业收入 1000 万元 < 40000 万元，属中小微企业；营业收入 1000 万元 < 2000 万元，未达中型；从业人员 1200 人 ≥ 20 人且营业收入 1000 万元 ≥ 300 万元，为小型',
    );
  });
  test('大型 names both ceilings exceeded', () => {
    const r = classify('建筑业', { revenue: 80000, assets: 90000 });
    if (!r.ok) throw new Error(r.message);
    expect(r.reason).toBe('建筑业：营业收入 80000 万元 ≥ 80000 万元且资产总额 90000 万元 ≥ 80000 万元，不属中小微企业，为大型');
  });
  test('bounds list every test made', () => {
    const r = classify('其他', { employees: 5 });
    if (!r.ok) throw new Error(r.message);
    expect(r.bounds).toEqual([
      { step: 'sme', figure: 'employees', op: '<', limit: 300, value: 5, met: true },
      { step: '中型', figure: 'employees', op: '≥', limit: 100, value: 5, met: false },
      { step: '小型', figure: 'employees', op: '≥', limit: 10, value: 5, met: false },
    ]);
  });
});

describe('industry names', () => {
  test.each<[string, IndustryName]>([
    ['制造业', '工业'],
    ['采矿业', '工业'],
    ['电力、热力、燃气及水生产和供应业', '工业'],
    ['互联网和相关服务', '信息传输业'],
    ['电信、广播电视和卫星传输服务', '信息传输业'],
    ['软件开发', '软件和信息技术服务业'],
    ['信息技术服务', '软件和信息技术服务业'],
    ['软件和信息技术服务', '软件和信息技术服务业'],
    ['农林牧渔业', '农、林、牧、渔业'],
    ['农业', '农、林、牧、渔业'],
    ['交通运输业', '交通运输业'],
    ['道路运输业', '交通运输业'],
    ['房地产开发', '房地产开发经营'],
    ['租赁和商务服务业', '租赁和商务服务业'],
    ['其他未列明行业', '其他未列明行业'],
    ['其他', '其他未列明行业'],
    [' 软件和信息技术服务业 ', '软件和信息技术服务业'],
    ['软件 和 信息技术服务业', '软件和信息技术服务业'],
    ['零售', '零售业'],
    ['建筑', '建筑业'],
    ['农、林、牧、渔', '农、林、牧、渔业'],
    ['工业（制造业）', '工业'],
    ['\u3000工业\u3000', '工业'],
  ])('%s → %s', (text, industry) => {
    expect(resolveIndustry(text)).toBe(industry);
  });

  test('every canonical name resolves to itself', () => {
    for (const name of INDUSTRIES) expect(resolveIndustry(name)).toBe(name);
  });

  test.each(['', '火星采矿', '铁路运输业'])('unknown: «%s» lists the accepted names', (text) => {
    const r = classify(text, { employees: 1 });
    expect(r).toMatchObject({ ok: false, error: 'unknown-industry' });
    if (r.ok) return;
    for (const name of INDUSTRIES) expect(r.message).toContain(name);
  });

  test.each(['金融业', '货币金融服务', '资本市场服务', '保险业'])('«%s» falls under 银发〔2015〕309号, said plainly instead of a guess', (text) => {
    const r = classify(text, { employees: 10, revenue: 100 });
    expect(r).toMatchObject({ ok: false, error: 'other-standard' });
    if (!r.ok) expect(r.message).toMatch(/《金融业企业划型标准规定》（银发〔2015〕309号）/);
  });

  // 「其他未列明行业」 of the 2011 table covers the industries its rows do not list.
  test.each(['科学研究和技术服务业', '专业技术服务业', '科技推广和应用服务业', '水利、环境和公共设施管理业', '居民服务业', '教育', '卫生和社会工作', '文化、体育和娱乐业'])(
    '«%s» is classified under 其他未列明行业',
    (text) => {
      expect(resolveIndustry(text)).toBe('其他未列明行业');
      expect(classify(text, { employees: 150 })).toMatchObject({ ok: true, size: '中型', industry: '其他未列明行业' });
    },
  );

  test('批发和零售业 is two rows: unknown, naming 批发业 and 零售业', () => {
    expect(resolveIndustry('批发和零售业')).toBeNull();
    const r = classify('批发和零售业', { employees: 10, revenue: 100 });
    expect(r).toMatchObject({ ok: false, error: 'unknown-industry', candidates: ['批发业', '零售业'] });
    if (!r.ok) expect(r.message).toMatch(/批发业.*零售业/);
  });
});

describe('missing figures', () => {
  test('nothing given: both ceiling figures are needed', () => {
    const r = classify('工业', {});
    expect(r).toMatchObject({ ok: false, error: 'missing-figure', missing: ['employees', 'revenue'] });
    if (!r.ok) expect(r.message).toContain('缺少从业人员、营业收入');
  });
  test('employees above the ceiling: revenue decides whether SME', () => {
    const r = classify('工业', { employees: 1200 });
    expect(r).toMatchObject({ ok: false, error: 'missing-figure', missing: ['revenue'] });
    if (!r.ok) expect(r.message).toMatch(/从业人员 1200 人 ≥ 1000 人，缺少营业收入，无法判断是否属中小微企业/);
  });
  test('SME settled, 中型 needs revenue', () => {
    const r = classify('工业', { employees: 500 });
    expect(r).toMatchObject({ ok: false, error: 'missing-figure', missing: ['revenue'] });
    if (!r.ok) expect(r.message).toMatch(/属中小微企业；.*缺少营业收入，无法判断是否为中型/);
  });
  test('not 中型, 小型 needs assets', () => {
    const r = classify('建筑业', { revenue: 1000 });
    expect(r).toMatchObject({ ok: false, error: 'missing-figure', missing: ['assets'] });
    if (!r.ok) expect(r.message).toContain('缺少资产总额');
  });
  test('NaN counts as not given', () => {
    expect(classify('其他未列明行业', { employees: NaN })).toMatchObject({ ok: false, missing: ['employees'] });
  });
});

describe('settled without a figure', () => {
  test.each<[string, string, Figures, SizeClass]>([
    ['工业 with 10 employees: SME, not 中型, not 小型', '工业', { employees: 10 }, '微型'],
    ['工业 with 100 revenue', '工业', { revenue: 100 }, '微型'],
    ['软件开发 with 5 employees, revenue unknown', '软件开发', { employees: 5 }, '微型'],
    ['信息传输业 with 2000 employees and 100000 revenue, assets unknown', '信息传输业', { employees: 2000, revenue: 100000 }, '大型'],
    ['建筑业 with 100 revenue, assets unknown', '建筑业', { revenue: 100 }, '微型'],
    ['租赁和商务服务业 with 50 assets, employees unknown', '租赁和商务服务业', { assets: 50 }, '微型'],
    ['房地产开发经营 with large revenue and assets', '房地产开发经营', { revenue: 200000, assets: 10000 }, '大型'],
    ['农业 by revenue alone, other figures ignored', '农业', { revenue: 600, employees: 99999 }, '中型'],
  ])('%s', (_name, industry, figures, expected) => {
    expect(sizeOf(industry, figures)).toBe(expected);
  });
});

describe('properties', () => {
  const limits = [...new Set(Object.values(STANDARD).flatMap((row) => [row.ceiling, row.medium, row.small].flatMap((l) => Object.values(l))))];
  /** Figures spread over the whole range, and clustered at the bounds where mistakes hide. */
  const value = fc.oneof(
    fc.integer({ min: 0, max: 400000 }),
    fc.constantFrom(...limits).chain((l) => fc.integer({ min: Math.max(0, l - 2), max: l + 1 })),
  );
  const figures = fc.record({ employees: value, revenue: value, assets: value });
  const industry = fc.constantFrom(...INDUSTRIES);
  const figure = fc.constantFrom<Figure>('employees', 'revenue', 'assets');

  test('the class is the standard read literally', () => {
    fc.assert(
      fc.property(industry, figures, (ind, f) => {
        expect(sizeOf(ind, f)).toBe(oracle(ind, f));
      }),
    );
  });

  test('raising any figure never lowers the class, for every industry', () => {
    fc.assert(
      fc.property(industry, figures, figure, fc.integer({ min: 0, max: 300000 }), (ind, f, which, by) => {
        const raised = { ...f, [which]: f[which] + by };
        expect(ORDER[sizeOf(ind, raised)]).toBeGreaterThanOrEqual(ORDER[sizeOf(ind, f)]);
      }),
    );
  });

  test('an answer given with figures left out agrees with the answer given all of them', () => {
    fc.assert(
      fc.property(industry, figures, fc.subarray<Figure>(['employees', 'revenue', 'assets']), (ind, f, drop) => {
        const partial: Figures = { ...f };
        for (const k of drop) delete partial[k];
        const r = classify(ind, partial);
        if (r.ok) expect(r.size).toBe(sizeOf(ind, f));
        else expect(r.missing!.every((k) => drop.includes(k))).toBe(true);
      }),
    );
  });
});
