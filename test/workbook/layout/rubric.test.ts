import Ajv from 'ajv';
import * as fc from 'fast-check';
import defaultJson from '../../../rubric/default.json';
import schema from '../../../schema/rubric.schema.json';
import { CATEGORIES } from '../../../src/domain/roster';
import {
  DEFAULT_RUBRIC,
  RULE_LABELS,
  RubricError,
  loadRubric,
  rubricItems,
  rubricRow,
  scoreFormula,
  scoreItem,
  scoreRow,
  type RubricItem,
  type RubricRow,
} from '../../../src/workbook/layout';
import { planRubricSheet } from '../../../src/workbook/layout/rubricSheet';
import { engine } from './fixtures';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function problemsOf(json: unknown): string[] {
  try {
    loadRubric(json);
  } catch (err) {
    expect(err).toBeInstanceOf(RubricError);
    return (err as RubricError).problems;
  }
  return [];
}

describe('the default rubric', () => {
  test('is valid under the JSON schema (draft-07)', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(defaultJson)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  test('says plainly that it is an example', () => {
    expect(DEFAULT_RUBRIC.notice).toMatch(/示例/);
    expect(DEFAULT_RUBRIC.notice).toMatch(/非官方/);
    expect(DEFAULT_RUBRIC.name).toMatch(/示例/);
  });

  test.each(CATEGORIES)('%s totals 100 points', (category) => {
    const total = rubricItems(DEFAULT_RUBRIC, category).reduce((s, { item }) => s + item.max, 0);
    expect(total).toBe(100);
  });

  test('items follow the guide: 1–7, the category 8.x, 9–13', () => {
    expect(rubricItems(DEFAULT_RUBRIC, '技术创新').map(({ item }) => item.id)).toEqual([
      '1', '2', '3', '4', '5', '6', '7', '8.3(1)', '8.3(2)', '8.3(3)', '8.3(4)', '9', '10', '11', '12', '13',
    ]);
    const cat = Object.fromEntries(CATEGORIES.map((c) => [c, DEFAULT_RUBRIC.categories[c].items.map((i) => i.indicator)]));
    expect(cat).toEqual({
      综合咨询: ['manual', 'qualifyingActivities', 'jjjOrderEnterprises', 'policyTalks'],
      创业辅导: ['activities', 'manual', 'manual', 'manual'],
      技术创新: ['serviceProducts', 'qualifyingActivities', 'manual', 'manual'],
      数字化应用: ['serviceProducts', 'newBeijingOrderEnterprises', 'manual'],
      人力资源: ['manual', 'qualifyingActivities', 'manual'],
      融资促进: ['smeOrders', 'qualifyingActivities', 'manual'],
    });
    const common = Object.fromEntries(DEFAULT_RUBRIC.items.map((i) => [i.id, i.indicator]));
    expect(common).toMatchObject({ '1': 'manual', '2': 'manual', '3': 'manual', '4': 'manual', '6': 'jjjEnterprises', '13': 'manual' });
  });

  test('an unknown category is a Chinese error', () => {
    expect(() => rubricItems(DEFAULT_RUBRIC, '其他')).toThrow(/服务类别「其他」/);
  });
});

describe('loadRubric rejects broken files with Chinese messages', () => {
  test('not an object', () => {
    expect(() => loadRubric([])).toThrow(/JSON 对象/);
  });

  test('every problem is listed', () => {
    const bad = clone(defaultJson) as Record<string, unknown> & { items: Record<string, unknown>[]; categories: Record<string, unknown> };
    delete bad.notice;
    bad.items[0].max = -1;
    bad.items[1].id = '1';
    bad.items[2].indicator = 'nonsense';
    bad.items[3].rule = { type: 'steps', steps: [{ min: 500, points: 1 }, { min: 300, points: 2 }] };
    bad.items[4].rule = { type: 'linear', per: 1, full: 3 };
    bad.items[5].extra = true;
    bad.items[6].rule = { type: 'linear', per: 1, cap: 50 };
    delete bad.categories['融资促进'];
    bad.categories['其他'] = {};
    const problems = problemsOf(bad);
    const text = problems.join('\n');
    expect(text).toMatch(/缺少说明 notice/);
    expect(text).toMatch(/满分 max 应为大于 0 的数，收到「-1」/);
    expect(text).toMatch(/指标 1）的编号与其他指标重复/);
    expect(text).toMatch(/数据来源 indicator 应为 "manual"/);
    expect(text).toMatch(/第 2 档的起点 300 应大于上一档的起点 500/);
    expect(text).toMatch(/per（每个计几分）或 full（达到多少得满分）之一/);
    expect(text).toMatch(/未知字段「extra」/);
    expect(text).toMatch(/封顶分）50 超过满分 10/);
    expect(text).toMatch(/categories「融资促进」缺失/);
    expect(text).toMatch(/「其他」不是服务类别/);
    expect(() => loadRubric(bad)).toThrow(/^评分细则文件有误：/);
  });

  test('a step worth more than the item is refused; a bad rule type is named', () => {
    const bad = clone(defaultJson) as { items: Record<string, unknown>[] };
    bad.items[0].rule = { type: 'steps', steps: [{ min: 1, points: 99 }] };
    bad.items[1].rule = { type: 'table' };
    const text = problemsOf(bad).join('\n');
    expect(text).toMatch(/得分 99 超过满分 5/);
    expect(text).toMatch(/type 应为 "linear" 或 "steps"，收到「"table"」/);
  });

  test('a valid replacement loads, pass score included', () => {
    const other = clone(defaultJson) as Record<string, unknown>;
    other.notice = '正式评分细则';
    other.passScore = 85;
    const r = loadRubric(other);
    expect(r.passScore).toBe(85);
    expect(r.notice).toBe('正式评分细则');
  });
});

describe('scoring rules', () => {
  const item = (rule: RubricItem['rule'], max = 10): RubricItem => ({ id: 'x', title: 'x', max, indicator: 'manual', rule });

  test('linear per: value × per, capped at cap and max', () => {
    expect(scoreItem(item({ type: 'linear', per: 0.5 }), 12)).toBe(6);
    expect(scoreItem(item({ type: 'linear', per: 0.5 }), 40)).toBe(10);
    expect(scoreItem(item({ type: 'linear', per: 1, cap: 4 }), 9)).toBe(4);
  });

  test('linear full: full marks at N, proportional below', () => {
    expect(scoreItem(item({ type: 'linear', full: 300 }, 15), 100)).toBe(5);
    expect(scoreItem(item({ type: 'linear', full: 300 }, 15), 450)).toBe(15);
    expect(scoreItem(item({ type: 'linear', full: 3 }, 10), 1)).toBe(3.33);
  });

  test('steps: the highest step reached, 0 below the first', () => {
    const r = item({ type: 'steps', steps: [{ min: 100, points: 5 }, { min: 200, points: 8 }] });
    expect(scoreItem(r, 99)).toBe(0);
    expect(scoreItem(r, 100)).toBe(5);
    expect(scoreItem(r, 250)).toBe(8);
  });

  test('no number, no score; negative values score 0', () => {
    expect(scoreItem(item({ type: 'linear', per: 1 }), null)).toBeNull();
    expect(scoreItem(item({ type: 'linear', per: 1 }), -3)).toBe(0);
    expect(scoreRow(rubricRow(item({ type: 'linear', per: 1 }), 3), '12')).toBeNull();
  });
});

describe('the 得分 formula computes what scoreRow computes (HyperFormula)', () => {
  const plan = planRubricSheet(DEFAULT_RUBRIC, '技术创新');

  /** A 评分细则 with one rubric row at the plan's first item row, and a 评分表 with the value and formula. */
  function evaluate(row: RubricRow, value: number | null): unknown {
    const r = plan.rows[0].row;
    const rubricSheet: (string | number | null)[][] = Array.from({ length: r }, () => []);
    const cells: (string | number | null)[] = [];
    cells[3] = row.max as number | null;
    cells[4] = row.type as string | null;
    cells[5] = row.per as number | null;
    cells[6] = row.cap as number | null;
    cells[7] = row.full as number | null;
    row.steps.forEach((s, i) => {
      cells[plan.stepCols[i].min - 1] = s.min as number | null;
      cells[plan.stepCols[i].points - 1] = s.points as number | null;
    });
    rubricSheet[r - 1] = Array.from(cells, (c) => c ?? null);
    const e = engine({ 评分细则: rubricSheet, 评分表: [[value, `=${scoreFormula('A1', plan, r)}`]] });
    return e.get('评分表', 'B1');
  }

  const arbRule = fc.oneof(
    fc.record({ type: fc.constant('linear' as const), per: fc.double({ min: 0.01, max: 5, noNaN: true }), cap: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }) }).map((r) =>
      r.cap === undefined ? { type: 'linear' as const, per: r.per } : r,
    ),
    fc.record({ type: fc.constant('linear' as const), full: fc.integer({ min: 1, max: 1000 }) }),
    fc
      .uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: plan.stepCount })
      .chain((mins) =>
        fc.tuple(fc.constant([...mins].sort((a, b) => a - b)), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: mins.length, maxLength: mins.length })),
      )
      .map(([mins, points]) => ({ type: 'steps' as const, steps: mins.map((min, i) => ({ min, points: points[i] })) })),
  );

  test('for random rules and values', () => {
    fc.assert(
      fc.property(arbRule, fc.integer({ min: 1, max: 20 }), fc.oneof(fc.double({ min: -10, max: 2000, noNaN: true }), fc.constant(null)), (rule, max, value) => {
        const row = rubricRow({ id: 'x', title: 'x', max, indicator: 'manual', rule }, plan.stepCount);
        const expected = scoreRow(row, value);
        const got = evaluate(row, value);
        if (expected === null) expect(got).toBe('');
        else expect(got).toBeCloseTo(expected, 9);
      }),
      { numRuns: 150 },
    );
  });

  test('for edited rubric cells: empty cap, rule type switched, an unknown type scoring by steps', () => {
    const base = rubricRow({ id: 'x', title: 'x', max: 10, indicator: 'manual', rule: { type: 'steps', steps: [{ min: 1, points: 3 }] } }, plan.stepCount);
    for (const row of [
      { ...base, type: RULE_LABELS.per, per: 2 },
      { ...base, type: RULE_LABELS.full, full: 4 },
      { ...base, type: '其他' },
      { ...base, max: null },
      { ...base, type: RULE_LABELS.per, per: 2, cap: 5 },
    ]) {
      for (const v of [0, 1, 3, 10]) expect(evaluate(row, v)).toBeCloseTo(scoreRow(row, v) as number, 9);
    }
  });
});
