import {
  CONCLUSIONS,
  DEFAULT_RUBRIC,
  SCORING_COLS,
  VERDICTS,
  computeScoring,
  layoutRubricSheet,
  layoutScoringSheet,
  loadRubric,
  scoreItem,
  type LayoutCell,
  type ReviewerInputs,
  type SheetLayout,
} from '../../../src/workbook/layout';
import { round2 } from '../../../src/workbook/layout/rubric';
import { cellAt, engine, expectOnePageWide, layoutToSheet, makeReport } from './fixtures';

function rowOf(layout: SheetLayout, id: string): number {
  const c = layout.cells.find((x) => x.col === SCORING_COLS.id && x.value === id);
  if (!c) throw new Error(`no row ${id}`);
  return c.row;
}

function at(layout: SheetLayout, row: number, col: number): LayoutCell | undefined {
  return layout.cells.find((c) => c.row === row && c.col === col);
}

function rowWithText(layout: SheetLayout, col: number, text: string): number {
  const c = layout.cells.find((x) => x.col === col && x.value === text);
  if (!c) throw new Error(text);
  return c.row;
}

const report = makeReport();
const scoring = layoutScoringSheet(report, DEFAULT_RUBRIC);
const rubricSheet = layoutRubricSheet(DEFAULT_RUBRIC, '技术创新');

describe('评分表 layout', () => {
  test('header block: platform, unit, category, district, year; reviewer and date left for the reviewer', () => {
    const labels = ['平台名称', '运营单位', '服务类别', '所属区', '审核年度', '评审专家', '审核日期'];
    const values = labels.map((l) => at(scoring, rowWithText(scoring, SCORING_COLS.id, l), SCORING_COLS.title)?.value ?? null);
    expect(values).toEqual(['测试平台', '测试单位有限公司', '技术创新', '海淀区', 2024, null, null]);
    const reviewer = at(scoring, rowWithText(scoring, SCORING_COLS.id, '评审专家'), SCORING_COLS.title);
    expect(reviewer?.fill).toBe('FFFFF2CC');
    expect(JSON.parse(String(at(scoring, reviewer!.row, 1)?.value))).toEqual({ k: 'reviewer', f: { value: [SCORING_COLS.title, null] }, a: [SCORING_COLS.id, '评审专家'] });
  });

  test('门槛条件: T1–T11; a computed 结论 is a formula of 核定值 and 要求, a manual one has a drop-down; 评审结论 beside them all', () => {
    const ids = report.thresholds.map((t) => t.id);
    const rows = ids.map((id) => rowOf(scoring, id));
    expect(rows).toEqual(rows.map((_, i) => rows[0] + i));
    const shown = (v: unknown) => (v !== null && typeof v === 'object' ? (v as { result: unknown }).result : v);
    const conclusions = rows.map((r) => shown(at(scoring, r, SCORING_COLS.result)?.value));
    expect(conclusions).toEqual(['待核', '待核', '待核', '符合', '符合', '待核', '待核', '不符合', '符合', '符合', '符合']);
    // 「不少于100家」: T4's 结论 compares E with G.
    const t4 = at(scoring, rowOf(scoring, 'T4'), SCORING_COLS.result)?.value as { formula: string };
    expect(t4.formula).toBe(`IF(ISNUMBER(E${rows[3]}),IF(AND(E${rows[3]}>=G${rows[3]}),"符合","不符合"),"待核")`);
    expect(at(scoring, rowOf(scoring, 'T1'), SCORING_COLS.result)?.value).toBe('待核');
    expect(rows.map((r) => at(scoring, r, SCORING_COLS.override)?.value ?? null)).toEqual(rows.map(() => null));
    expect(at(scoring, rowOf(scoring, 'T4'), SCORING_COLS.value)?.value).toBe(240);
    expect(at(scoring, rowOf(scoring, 'T9'), SCORING_COLS.value)).toMatchObject({ value: 0.8528960039849461, numFmt: '0.0%' });
    expect(at(scoring, rowOf(scoring, 'T1'), SCORING_COLS.value)?.value).toBeNull();
    expect(at(scoring, rowOf(scoring, 'T4'), SCORING_COLS.declared)?.value).toBeNull();
    expect(scoring.dataValidations).toContainEqual(
      expect.objectContaining({ range: `J${rows[0]}:J${rows[10]}`, options: ['符合', '不符合', '待核'] }),
    );
    // Manual conditions keep their drop-down in 结论; computed ones have none there.
    expect(scoring.dataValidations.map((v) => v.range)).toEqual(expect.arrayContaining([`F${rows[0]}`, `F${rows[1]}`, `F${rows[2]}`, `F${rows[5]}`, `F${rows[6]}`]));
    expect(scoring.dataValidations.map((v) => v.range)).not.toContain(`F${rows[3]}`);
    const header = rows[0] - 1;
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => at(scoring, header, c)?.value)).toEqual(['编号', '门槛条件', '申报值', '核定值', '结论', '要求', '说明', '评审意见', '评审结论']);
  });

  test('评分指标: 核定值 from the indicators, 得分 and 满分 as formulas reading 评分细则', () => {
    const r6 = rowOf(scoring, '6');
    expect(at(scoring, r6, SCORING_COLS.value)?.value).toBe(240);
    const score = at(scoring, r6, SCORING_COLS.result)?.value as { formula: string; result: number };
    expect(score.formula).toMatch(/^IF\(ISNUMBER\(E\d+\),ROUND\(/);
    expect(score.formula).toContain("'评分细则'!$D$");
    const item6 = DEFAULT_RUBRIC.items.find((i) => i.id === '6')!;
    expect(score.result).toBe(scoreItem(item6, 240));
    const max = at(scoring, r6, SCORING_COLS.limit)?.value as { formula: string; result: number };
    expect(max.formula).toMatch(/^'评分细则'!\$D\$\d+$/);
    expect(max.result).toBe(15);
    // A manual indicator: empty 核定值, blank 得分.
    const r1 = rowOf(scoring, '1');
    expect(at(scoring, r1, SCORING_COLS.value)?.value).toBeNull();
    expect((at(scoring, r1, SCORING_COLS.result)?.value as { result: unknown }).result).toBe('');
    expect(String(at(scoring, r1, SCORING_COLS.note)?.value)).toMatch(/^人工核定/);
    // The category's sub-indicators are there, under their 8.3 heading.
    expect(rowOf(scoring, '8.3(1)')).toBeGreaterThan(rowOf(scoring, '7'));
    expect(scoring.cells.some((c) => String(c.value).startsWith('8.3 上年度开展技术创新服务成效'))).toBe(true);
    expect(at(scoring, rowOf(scoring, '8.3(1)'), SCORING_COLS.value)?.value).toBe(10);
  });

  test('total is a SUM, verdict a formula; results computed in TypeScript', () => {
    const s = computeScoring(report, DEFAULT_RUBRIC);
    const totalRow = rowWithText(scoring, SCORING_COLS.title, '合计');
    const total = at(scoring, totalRow, SCORING_COLS.result)?.value as { formula: string; result: number };
    expect(total.formula).toMatch(/^ROUND\(SUM\(F\d+:F\d+\),2\)$/);
    expect(total.result).toBe(s.total);
    const expected = round2(
      s.indicators.reduce((sum, i) => sum + (i.value === null ? 0 : (scoreItem(i.item, i.value as number) ?? 0)), 0),
    );
    expect(s.total).toBe(expected);
    const verdict = at(scoring, totalRow + 1, SCORING_COLS.result)?.value as { formula: string; result: string };
    expect(verdict.formula).toContain('COUNTIFS(');
    expect(verdict.formula).toContain('"不符合"');
    expect(verdict.result).toBe(VERDICTS.fail); // T8 is 不符合
    expect((at(scoring, totalRow, SCORING_COLS.limit)?.value as { result: number }).result).toBe(100);
  });

  test('data bars on 得分; 结论 coloured; A4 landscape one page wide; key column hidden', () => {
    const r1 = rowOf(scoring, '1');
    const r13 = rowOf(scoring, '13');
    expect(scoring.conditionalFormats).toContainEqual({ type: 'dataBar', range: `F${r1}:F${r13}`, color: expect.any(String) });
    expect(scoring.conditionalFormats.filter((c) => c.type === 'equals').map((c) => (c as { value: string }).value)).toEqual(
      expect.arrayContaining(['符合', '不符合', '待核', '合格', '不合格', '待定']),
    );
    expect(scoring.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4' });
    expectOnePageWide(scoring);
    expect(scoring.columns[0]).toMatchObject({ hidden: true });
    expect(scoring.columns.length).toBe(10);
    expect(scoring.freeze).toEqual({ row: 2, col: 0 });
  });
});

describe('formulas recompute (HyperFormula over the layouts)', () => {
  function setup(layout = scoring, rubric = rubricSheet) {
    return engine({ 评分表: layoutToSheet(layout), 评分细则: layoutToSheet(rubric) });
  }
  const totalRow = rowWithText(scoring, SCORING_COLS.title, '合计');
  const verdictAt = `F${totalRow + 1}`;
  const totalAt = `F${totalRow}`;
  const conclusionAt = (id: string) => `F${rowOf(scoring, id)}`;
  const valueAt = (id: string) => `E${rowOf(scoring, id)}`;

  test('every formula gives the result written with it', () => {
    for (const [name, layout] of [
      ['评分表', scoring],
      ['评分细则', rubricSheet],
    ] as const) {
      const e = setup();
      for (const c of layout.cells) {
        if (c.value === null || typeof c.value !== 'object') continue;
        const got = e.get(name, `${String.fromCharCode(64 + c.col)}${c.row}`);
        const want = c.value.result;
        if (typeof want === 'number') expect(got).toBeCloseTo(want, 9);
        else expect(got).toBe(want);
      }
    }
  });

  test('a 结论 changed: 不符合 → 不合格, 待核 → 待定, all 符合 → by the total', () => {
    const e = setup();
    expect(e.get('评分表', verdictAt)).toBe('不合格');
    e.set('评分表', conclusionAt('T8'), '符合');
    expect(e.get('评分表', verdictAt)).toBe('待定');
    for (const t of report.thresholds) e.set('评分表', conclusionAt(t.id), '符合');
    // Manual indicators still blank: the total is below 80.
    const total = e.get('评分表', totalAt) as number;
    expect(total).toBeLessThan(80);
    expect(e.get('评分表', verdictAt)).toBe('不合格');
    // Fill every indicator with a large value: full marks.
    for (const id of computeScoring(report, DEFAULT_RUBRIC).indicators.map((i) => i.item.id)) e.set('评分表', valueAt(id), 100000);
    expect(e.get('评分表', totalAt)).toBe(100);
    expect(e.get('评分表', verdictAt)).toBe('合格');
    e.set('评分表', conclusionAt('T4'), '不符合');
    expect(e.get('评分表', verdictAt)).toBe('不合格');
    e.set('评分表', conclusionAt('T4'), '待核');
    expect(e.get('评分表', verdictAt)).toBe('待定');
    e.set('评分表', conclusionAt('T4'), null);
    expect(e.get('评分表', verdictAt)).toBe('待定');
  });

  test('a computed threshold\'s 结论 follows its 核定值; 评审结论 overrides it for the verdict', () => {
    const e = setup();
    const row = rowOf(scoring, 'T4');
    const required = e.get('评分表', `G${row}`) as number;
    expect(typeof required).toBe('number');
    for (const t of report.thresholds) if (t.id !== 'T4') e.set('评分表', `J${rowOf(scoring, t.id)}`, '符合');
    for (const id of computeScoring(report, DEFAULT_RUBRIC).indicators.map((i) => i.item.id)) e.set('评分表', valueAt(id), 100000);
    e.set('评分表', valueAt('T4'), required - 1);
    expect(e.get('评分表', conclusionAt('T4'))).toBe('不符合');
    expect(e.get('评分表', verdictAt)).toBe('不合格');
    e.set('评分表', valueAt('T4'), required);
    expect(e.get('评分表', conclusionAt('T4'))).toBe('符合');
    expect(e.get('评分表', verdictAt)).toBe('合格');
    e.set('评分表', valueAt('T4'), '待补充');
    expect(e.get('评分表', conclusionAt('T4'))).toBe('待核');
    expect(e.get('评分表', verdictAt)).toBe('待定');
    // The reviewer's own word wins over the derived one, both ways.
    e.set('评分表', `J${row}`, '符合');
    expect(e.get('评分表', verdictAt)).toBe('合格');
    e.set('评分表', valueAt('T4'), required);
    e.set('评分表', `J${row}`, '不符合');
    expect(e.get('评分表', conclusionAt('T4'))).toBe('符合');
    expect(e.get('评分表', verdictAt)).toBe('不合格');
  });

  test('the consequence beside the verdict follows it: 「得分不足80分的，撤销…称号」「得分高于80分的，择优给予服务绩效奖励」', () => {
    const e = setup();
    const consequenceAt = `H${totalRow + 1}`;
    const consequence = () => String(e.get('评分表', consequenceAt)).split('。')[0];
    expect(consequence()).toBe('撤销“示范平台”称号'); // T8 不符合
    for (const t of report.thresholds) e.set('评分表', conclusionAt(t.id), '符合');
    for (const id of computeScoring(report, DEFAULT_RUBRIC).indicators.map((i) => i.item.id)) e.set('评分表', valueAt(id), 100000);
    expect(e.get('评分表', totalAt)).toBe(100);
    expect(consequence()).toBe('保留称号，可参与择优奖励');
    // A total equal to the pass score: 合格, but not 高于 it.
    e.set('评分细则', 'D3', 100);
    expect(e.get('评分表', verdictAt)).toBe('合格');
    expect(consequence()).toBe('保留称号');
    e.set('评分表', conclusionAt('T1'), '待核');
    expect(consequence()).toBe('待门槛条件核定后确定');
  });

  test('a 核定值 changed rescales its 得分 and the total; a rubric point changed does too', () => {
    const e = setup();
    const r6 = rowOf(scoring, '6');
    const before = e.get('评分表', totalAt) as number;
    expect(e.get('评分表', `F${r6}`)).toBe(8); // 240 reaches the 200 step
    e.set('评分表', valueAt('6'), 350);
    expect(e.get('评分表', `F${r6}`)).toBe(11);
    expect(e.get('评分表', totalAt)).toBeCloseTo(before + 3, 9);
    // The 200 step now worth 9 on 评分细则.
    e.set('评分表', valueAt('6'), 240);
    const rubricRow6 = rubricSheet.cells.find((c) => c.col === 2 && c.value === '6')!.row;
    e.set('评分细则', `L${rubricRow6}`, 9);
    expect(e.get('评分表', `F${r6}`)).toBe(9);
    // 满分 of 6 lowered to 7: the step's 9 is capped at 7, and 满分 follows.
    e.set('评分细则', `D${rubricRow6}`, 7);
    expect(e.get('评分表', `F${r6}`)).toBe(7);
    expect(e.get('评分表', `G${r6}`)).toBe(7);
    // The pass score lowered on 评分细则 makes the same total pass.
    for (const t of report.thresholds) e.set('评分表', conclusionAt(t.id), '符合');
    e.set('评分细则', 'D3', 10);
    expect(e.get('评分表', verdictAt)).toBe('合格');
  });

  test('text typed into a 核定值 scores blank, not an error', () => {
    const e = setup();
    e.set('评分表', valueAt('6'), '待补充');
    expect(e.get('评分表', `F${rowOf(scoring, '6')}`)).toBe('');
    expect(typeof e.get('评分表', totalAt)).toBe('number');
  });
});

describe('carried reviewer edits', () => {
  const inputs: ReviewerInputs = {
    评分表: {
      T1: { conclusion: '符合', comment: '已核对营业执照' },
      T8: { conclusion: '符合' },
      '6': { value: 500 },
      '1': { value: 3 },
      reviewer: { value: '张三' },
    },
    评分细则: { '7': { max: 12 }, passScore: { value: 60 } },
  };
  const s = computeScoring(report, DEFAULT_RUBRIC, inputs);
  const layout = layoutScoringSheet(report, DEFAULT_RUBRIC, { inputs });

  test('override the generated values; marks keep the generated ones', () => {
    expect(at(layout, rowOf(layout, 'T1'), SCORING_COLS.result)?.value).toBe('符合');
    expect(at(layout, rowOf(layout, 'T1'), SCORING_COLS.comment)?.value).toBe('已核对营业执照');
    expect(at(layout, rowOf(layout, '6'), SCORING_COLS.value)?.value).toBe(500);
    expect(String(at(layout, rowOf(layout, '6'), SCORING_COLS.note)?.value)).toMatch(/系统计算.*240.*核定值已由评审修改/);
    // T8 is computed: a conclusion carried from an older workbook becomes its 评审结论.
    expect(String(at(layout, rowOf(layout, 'T8'), SCORING_COLS.note)?.value)).toMatch(/评审结论为「符合」（按核定值判定：不符合）/);
    expect(at(layout, rowOf(layout, 'T8'), SCORING_COLS.override)?.value).toBe('符合');
    expect(JSON.parse(String(at(layout, rowOf(layout, '6'), 1)?.value)).f.value).toEqual([SCORING_COLS.value, 240]);
    expect(JSON.parse(String(at(layout, rowOf(layout, 'T8'), 1)?.value)).f.override).toEqual([SCORING_COLS.override, null]);
    expect(JSON.parse(String(at(layout, rowOf(layout, 'T1'), 1)?.value)).f.conclusion).toEqual([SCORING_COLS.result, '待核']);
    expect(at(layout, rowWithText(layout, SCORING_COLS.id, '评审专家'), SCORING_COLS.title)?.value).toBe('张三');
  });

  test('scores use the edits: 6 at 500 → 13, 1 at 3 → 5, 7 worth 12 → 6 (12 × 0.5), pass score 60', () => {
    const pts = Object.fromEntries(s.indicators.map((i) => [i.item.id, i.points]));
    expect(pts['6']).toBe(13);
    expect(pts['1']).toBe(5);
    expect(pts['7']).toBe(6);
    expect(s.passScore).toBe(60);
    expect(s.verdict).toBe(VERDICTS.pending); // T2, T3, T6, T7 still 待核
    const all: ReviewerInputs = { 评分表: Object.fromEntries(report.thresholds.map((t) => [t.id, { conclusion: CONCLUSIONS.pass }])) };
    const passing = computeScoring(report, loadRubric({ ...JSON.parse(JSON.stringify(DEFAULT_RUBRIC)), passScore: 1 }), all);
    expect(passing.verdict).toBe(VERDICTS.pass);
  });

  test('HyperFormula agrees with the TypeScript results under edits', () => {
    const e = engine({ 评分表: layoutToSheet(layout), 评分细则: layoutToSheet(layoutRubricSheet(DEFAULT_RUBRIC, '技术创新', inputs)) });
    const totalRow = rowWithText(layout, SCORING_COLS.title, '合计');
    expect(e.get('评分表', `F${totalRow}`)).toBeCloseTo(s.total, 9);
    expect(e.get('评分表', `F${totalRow + 1}`)).toBe(s.verdict);
    expect(e.get('评分表', cellAddress(layout, rowWithText(layout, SCORING_COLS.limit, '合格分数线'), SCORING_COLS.note))).toBe(60);
  });

  test('a report without a platform name still lays out', () => {
    const l = layoutScoringSheet(makeReport({ platform: { name: null, category: '融资促进' } }), DEFAULT_RUBRIC);
    expect(String(cellAt(l, 'B1')?.value)).toMatch(/未指定平台名称/);
    expect(l.cells.some((c) => c.value === '8.6(1)')).toBe(true);
  });
});

function cellAddress(_layout: SheetLayout, row: number, col: number): string {
  return `${String.fromCharCode(64 + col)}${row}`;
}

test('while the rubric is the example, a red line beside 总分 and 评价结论 says so; an official rubric has none', () => {
  const warning = (l: ReturnType<typeof layoutScoringSheet>) => l.cells.filter((c) => c.value === '评分细则为示例，非正式细则；正式评审前请替换');
  const example = warning(layoutScoringSheet(report, DEFAULT_RUBRIC));
  expect(example).toHaveLength(1);
  expect(example[0].color).toBe('FFC00000');
  // Beside the summary: in its columns, in the rows just below 总分 … 合格分数线.
  const total = scoring.cells.find((c) => c.value === '总分')!;
  expect(example[0].col).toBe(total.col);
  expect(example[0].row).toBe(total.row + 4);
  expect(warning(layoutScoringSheet(report, { ...DEFAULT_RUBRIC, example: false }))).toHaveLength(0);
});

test('units: T11 shows its percentage like T9, T2 asks 300万元, a threshold checked by hand asks nothing', () => {
  const cell = (id: string, col: number) => scoring.cells.find((c) => c.row === rowOf(scoring, id) && c.col === col);
  expect(cell('T11', SCORING_COLS.value)?.numFmt).toBe('0.00"%"');
  expect(cell('T11', SCORING_COLS.limit)).toMatchObject({ value: 90, numFmt: '0"%"' });
  expect(cell('T9', SCORING_COLS.limit)?.numFmt).toBe('0%');
  expect(cell('T2', SCORING_COLS.limit)?.value).toBe('300万元');
  for (const id of ['T1', 'T3', 'T6', 'T7']) expect(cell(id, SCORING_COLS.limit)?.value ?? null).toBeNull();
});

test('declared and verified values and the requirements carry their units, and stay numbers', () => {
  const cell = (id: string, col: number) => scoring.cells.find((c) => c.row === rowOf(scoring, id) && c.col === col);
  // 门槛4 「不少于100家」, 门槛5 「5家以上」, 门槛8 「不少于8人」, 门槛2 「不低于300万元」.
  for (const [id, unit] of [
    ['T4', '家'],
    ['T5', '家'],
    ['T8', '人'],
  ]) {
    for (const col of [SCORING_COLS.declared, SCORING_COLS.value, SCORING_COLS.limit]) expect(cell(id, col)?.numFmt).toBe(`General"${unit}"`);
    expect(typeof cell(id, SCORING_COLS.limit)?.value).toBe('number');
  }
  expect(cell('T2', SCORING_COLS.declared)?.numFmt).toBe('0.00"万元"');
  // Indicators in the rubric item's unit: 4 上年度营业收入 in 万元, 6 京津冀中小企业 in 家; 12 服务协同 is a score, no unit.
  expect(cell('4', SCORING_COLS.declared)?.numFmt).toBe('0.00"万元"');
  expect(cell('6', SCORING_COLS.value)?.numFmt).toBe('General"家"');
  expect(cell('12', SCORING_COLS.value)?.numFmt).toBeUndefined();
});
