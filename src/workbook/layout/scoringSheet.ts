/**
 * 评分表: the header block, the 门槛条件 table, the 评分指标 table with 得分 formulas reading the
 * 评分细则 sheet, the total and the verdict — all recomputed by Excel when a reviewer changes a
 * 核定值, a 结论 or a rubric cell, with the same numbers computed here as cached results.
 */
import { CONSEQUENCES } from '../../domain/scoring';
import { declaredFor } from './declaredValues';
import type { ReviewReport } from '../../domain/report';
import { edited, pick, rowMark, type ReviewerInputs } from './inputs';
import { INDICATOR_LABELS, RULE_LABELS, type Rubric } from './rubric';
import { RUBRIC_COLS, type RubricPlan } from './rubricSheet';
import { CONCLUSIONS, VERDICTS, alsoMetOf, computeScoring, isComputed, type Scoring, type ScoringContext } from './scoringNumbers';
import { indicatorFormat, requiredFormat, showNumber, thresholdFormat } from './scoringFormats';
import { PREVIOUS_YEAR_SHEET, REVIEW_SHEETS } from './sheetNames';

export { CONCLUSIONS, VERDICTS, computeScoring, derivedConclusion, type ScoredIndicator, type ScoredThreshold, type Scoring, type ScoringContext } from './scoringNumbers';
import { BODY, COLORS, HEADER, INPUT, LINE_HEIGHT, a1, absRef, asText, fitColumns, formulaString, printA4Landscape, range, wrappedHeight, PRINTABLE_HEIGHT } from './text';
import type { LayoutCell, LayoutConditionalFormat, LayoutScalar, SheetLayout } from './types';

/** The red line beside 总分 and 评价结论 while the rubric is the shipped example. */
export const EXAMPLE_RUBRIC_WARNING = '评分细则为示例，非正式细则；正式评审前请替换';

/** Columns of the 评分表. */
export const SCORING_COLS = { mark: 1, id: 2, title: 3, declared: 4, value: 5, result: 6, limit: 7, note: 8, comment: 9, override: 10 } as const;
const LAST_COL = SCORING_COLS.override;
const C = SCORING_COLS;

/** The 得分 formula for a 核定值 cell, reading the item's row on 评分细则. */
export function scoreFormula(valueCell: string, plan: RubricPlan, rubricRow: number): string {
  const R = (col: number) => absRef(plan.sheet, rubricRow, col);
  const v = valueCell;
  let steps = '0';
  for (const c of plan.stepCols) {
    steps = `IF(AND(ISNUMBER(${R(c.min)}),${v}>=${R(c.min)}),${R(c.points)},${steps})`;
  }
  const type = R(RUBRIC_COLS.type);
  const max = R(RUBRIC_COLS.max);
  const cap = R(RUBRIC_COLS.cap);
  const full = R(RUBRIC_COLS.full);
  const raw =
    `IF(${type}=${formulaString(RULE_LABELS.per)},${v}*${R(RUBRIC_COLS.per)},` +
    `IF(${type}=${formulaString(RULE_LABELS.full)},IF(${full}>0,MIN(1,${v}/${full})*${max},0),${steps}))`;
  return `IF(ISNUMBER(${v}),ROUND(MAX(0,MIN(${max},IF(ISNUMBER(${cap}),${cap},${max}),${raw})),2),"")`;
}

/**
 * The 评分表 sheet.
 *
 * @param report the review report
 * @param rubric the rubric also written to 评分细则 (the formulas read that sheet)
 * @param ctx the reviewer's carried edits
 * @example
 * const sheet = layoutScoringSheet(report, DEFAULT_RUBRIC, { inputs });
 */
/** What the 评分表's sections share while they are drawn: the cells so far, the numbers, the row plan. */
interface ScoringDraw {
  put(cell: LayoutCell): void;
  merges: string[];
  heights: { row: number; height: number }[];
  s: Scoring;
  plan: RubricPlan;
  report: ReviewReport;
  inputs?: ReviewerInputs;
  sheet: string;
  rubric: Rubric;
  /** How many thresholds end with this conclusion: 评审结论 where given, else 结论. */
  countOf(word: string): string;
  conclusionRange: string;
  overrideRange: string;
  passRef: string;
  platformName: string;
  metaRows: number;
  META_FIRST: number;
  T_SECTION: number;
  T_HEADER: number;
  T_FIRST: number;
  T_LAST: number;
  I_SECTION: number;
  I_HEADER: number;
  I_FIRST: number;
  I_LAST: number;
  TOTAL_ROW: number;
  VERDICT_ROW: number;
  indicatorRows: number[];
  headingRows: { row: number; text: string; section: boolean }[];
}

/** The guide's rule, written after the verdict's consequence. */
const CONSEQUENCE_RULE = '。任一门槛条件“不符合”为不合格；仍有“待核”为待定；门槛条件全部符合时，总分不低于合格分数线为合格，否则不合格；总分高于合格分数线的可参与择优奖励';

export function layoutScoringSheet(report: ReviewReport, rubric: Rubric, ctx: ScoringContext = {}): SheetLayout {
  const { inputs } = ctx;
  const sheet = REVIEW_SHEETS.scoring;
  const s = computeScoring(report, rubric, inputs);
  const plan = s.plan;
  const cells: LayoutCell[] = [];
  const merges: string[] = [];
  const heights: { row: number; height: number }[] = [];
  const put = (cell: LayoutCell) => cells.push(cell);

  // Row positions.
  const metaRows = 7;
  const META_FIRST = 4;
  const T_SECTION = META_FIRST + metaRows + 1;
  const T_HEADER = T_SECTION + 1;
  const T_FIRST = T_HEADER + 1;
  const T_LAST = T_FIRST + s.thresholds.length - 1;
  const I_SECTION = T_LAST + 2;
  const I_HEADER = I_SECTION + 1;
  let row = I_HEADER + 1;
  const indicatorRows: number[] = [];
  const headingRows: { row: number; text: string; section: boolean }[] = [];
  {
    let group: string | undefined;
    let section: string | undefined;
    for (const ind of s.indicators) {
      if (ind.item.group && ind.item.group !== group) {
        headingRows.push({ row: row++, text: ind.item.group, section: false });
        group = ind.item.group;
      }
      const sec = ind.plan.section;
      if (sec && sec.id !== section) headingRows.push({ row: row++, text: `${sec.id} ${sec.title}（${plan.category}类）`, section: true });
      section = sec?.id;
      indicatorRows.push(row++);
    }
  }
  const I_FIRST = indicatorRows[0] ?? row;
  const I_LAST = indicatorRows[indicatorRows.length - 1] ?? row;
  const TOTAL_ROW = row;
  const VERDICT_ROW = row + 1;
  const conclusionRange = range(T_FIRST, C.result, T_LAST, C.result);
  const overrideRange = range(T_FIRST, C.override, T_LAST, C.override);
  // The conclusions that count: 评审结论 where the reviewer gave one, else 结论.
  const countOf = (word: string) => `(COUNTIFS(${overrideRange},"${word}")+COUNTIFS(${overrideRange},"",${conclusionRange},"${word}"))`;
  const passRef = absRef(plan.sheet, plan.passScore.row, plan.passScore.col);

  const d: ScoringDraw = { put, merges, heights, s, plan, report, inputs, sheet, rubric, countOf, conclusionRange, overrideRange, passRef, platformName: report.platform.name ?? '（未指定平台名称）', metaRows, META_FIRST, T_SECTION, T_HEADER, T_FIRST, T_LAST, I_SECTION, I_HEADER, I_FIRST, I_LAST, TOTAL_ROW, VERDICT_ROW, indicatorRows, headingRows };
  drawTitle(d);
  drawHeaderBlock(d);
  drawSummary(d);
  drawThresholds(d);
  drawIndicators(d);
  drawTotals(d);
  drawSignatures(d);
  drawYearComparison(d);

  const columns = fitColumns(
    cells,
    [
      { min: 3, max: 3, hidden: true },
      { min: 9, max: 10 },
      { min: 34, max: 36 },
      // 申报值 shows units (1286.40万元).
      { min: 12, max: 12 },
      { min: 10, max: 12 },
      { min: 9, max: 10 },
      { min: 10, max: 12 },
      // 说明 and 评审意见 wrap: these widths keep the sheet one page wide at a legible scale.
      { min: 40, max: 44 },
      { min: 18, max: 18 },
      { min: 10, max: 10 },
    ],
    (c) => c.row <= 2 || c.row === T_SECTION || c.row === I_SECTION || headingRows.some((h) => h.row === c.row) || (c.row >= META_FIRST && c.row < META_FIRST + metaRows && c.col === C.title) || c.row === VERDICT_ROW,
  );
  for (const c of cells) {
    if ((c.col === C.title || c.col === C.note) && c.row >= T_FIRST && typeof c.value === 'string' && c.row !== VERDICT_ROW) {
      const h = wrappedHeight(c.value, columns[c.col - 1].width);
      if (h > LINE_HEIGHT) heights.push({ row: c.row, height: h });
    }
  }
  // The consequence beside the verdict spans 说明 and 评审意见; the longest one sets the height.
  const consequenceWidth = columns[C.note - 1].width + columns[C.comment - 1].width;
  heights.push({ row: VERDICT_ROW, height: Math.max(30, ...Object.values(CONSEQUENCES).map((c) => wrappedHeight(c + CONSEQUENCE_RULE, consequenceWidth))) });

  const print = printA4Landscape(columns, { titleRows: `${I_HEADER}:${I_HEADER}` });
  const colored = (rng: string, pairs: [string, string, string][]): LayoutConditionalFormat[] =>
    pairs.map(([value, fill, color]) => ({ type: 'equals', range: rng, value, fill, color }));
  const verdictCells = `${a1(VERDICT_ROW, C.result)}:${a1(VERDICT_ROW, C.result)}`;
  return {
    name: sheet,
    columns,
    rowHeights: mergeHeights(heights),
    cells,
    merges,
    // The title and the instructions stay in view while scrolling.
    freeze: { row: 2, col: 0 },
    dataValidations: [
      { range: overrideRange, options: [CONCLUSIONS.pass, CONCLUSIONS.fail, CONCLUSIONS.manual], prompt: '如需改判，选择评审结论：符合、不符合或待核；留空则以“结论”为准' },
      ...s.thresholds.flatMap((t, i) =>
        isComputed(t.threshold) ? [] : [{ range: a1(T_FIRST + i, C.result), options: [CONCLUSIONS.pass, CONCLUSIONS.fail, CONCLUSIONS.manual], prompt: '选择门槛条件结论：符合、不符合或待核' }],
      ),
    ],
    conditionalFormats: [
      { type: 'dataBar', range: range(I_FIRST, C.result, I_LAST, C.result), color: COLORS.dataBar },
      ...[conclusionRange, overrideRange].flatMap((rng) =>
        colored(rng, [
          [CONCLUSIONS.pass, COLORS.okFill, COLORS.okText],
          [CONCLUSIONS.fail, COLORS.badFill, COLORS.badText],
          [CONCLUSIONS.manual, COLORS.pendingFill, COLORS.pendingText],
        ]),
      ),
      ...[verdictCells, a1(META_FIRST + 1, C.note)].flatMap((rng) =>
        colored(rng, [
          [VERDICTS.pass, COLORS.okFill, COLORS.okText],
          [VERDICTS.fail, COLORS.badFill, COLORS.badText],
          [VERDICTS.pending, COLORS.pendingFill, COLORS.pendingText],
        ]),
      ),
    ],
    // The indicators start a page under their headings, which repeat on every later page. The
    // thresholds follow the header block when they fit on its page, else start the next one, so
    // that no threshold page lacks its headings (a sheet repeats only one band of rows).
    print: { ...print, breaksBefore: [...(fitsOnPage(mergeHeights(heights), 1, T_LAST, print.scale) ? [] : [T_SECTION]), I_SECTION] },
    tabColor: COLORS.tab,
  };
}

/** The title and the line on what to fill in. */
function drawTitle(d: ScoringDraw): void {
  const { put, merges, heights, report } = d;
  // Title.
  const platformName = report.platform.name ?? '（未指定平台名称）';
  put({ row: 1, col: C.id, value: `${platformName} ${report.year} 年度绩效评价评分表`, bold: true, size: 14 });
  merges.push(range(1, C.id, 1, LAST_COL));
  put({
    row: 2,
    col: C.id,
    value: '黄色单元格由评审专家填写或修改（核定值、评审结论、评审意见，需人工核对的门槛条件选择结论）；修改后结论、得分、总分和评价结论自动重算。评分规则见“评分细则”表，问题明细见“问题清单”表。',
    color: COLORS.muted,
    wrap: true,
  });
  merges.push(range(2, C.id, 2, LAST_COL));
  heights.push({ row: 2, height: 30 });
}

/** 平台名称 … 审核日期, with the reviewer's name and date to fill in. */
function drawHeaderBlock(d: ScoringDraw): void {
  const { put, merges, report, inputs, sheet, platformName, META_FIRST } = d;
  // Header block.
  const meta: [string, LayoutScalar, string?][] = [
    ['平台名称', platformName],
    ['运营单位', report.platform.unit ?? null],
    ['服务类别', report.platform.category],
    ['所属区', report.platform.district ?? null],
    ['审核年度', report.year],
    ['评审专家', pick(inputs, sheet, 'reviewer', 'value', null), 'reviewer'],
    ['审核日期', pick(inputs, sheet, 'reviewDate', 'value', null), 'reviewDate'],
  ];
  meta.forEach(([label, value, key], i) => {
    const r = META_FIRST + i;
    put({ row: r, col: C.id, value: label, bold: true, fill: COLORS.headerFill, border: true });
    merges.push(range(r, C.title, r, C.value));
    const style = key ? { ...INPUT } : { ...BODY };
    if (key === 'reviewDate') Object.assign(style, { numFmt: 'yyyy-mm-dd', align: 'left' as const });
    if (typeof value === 'string') put({ row: r, col: C.title, ...asText(value), ...style });
    else put({ row: r, col: C.title, value, ...style, align: 'left' });
    for (let col = C.title + 1; col <= C.value; col++) put({ row: r, col, value: null, ...style });
    if (key) put({ row: r, col: C.mark, value: rowMark(key, { value: [C.title, null] }, [C.id, label]) });
  });
}

/** 总分, 评价结论, the thresholds' count and the pass score at the top right, read from the cells below; the example-rubric warning. */
function drawSummary(d: ScoringDraw): void {
  const { put, merges, s, rubric, countOf, conclusionRange, passRef, META_FIRST, TOTAL_ROW, VERDICT_ROW } = d;
  // Summary at the top right, referencing the totals below.
  const passed = s.thresholds.filter((t) => t.conclusion === CONCLUSIONS.pass).length;
  const failed = s.thresholds.filter((t) => t.conclusion === CONCLUSIONS.fail).length;
  const summary: [string, LayoutCell['value'], string?][] = [
    ['总分', { formula: a1(TOTAL_ROW, C.result), result: s.total }, '0.00'],
    ['评价结论', { formula: a1(VERDICT_ROW, C.result), result: s.verdict }],
    [
      '门槛条件',
      {
        formula:
          `"符合 "&${countOf(CONCLUSIONS.pass)}&" 项，不符合 "&${countOf(CONCLUSIONS.fail)}` +
          `&" 项，待核 "&(ROWS(${conclusionRange})-${countOf(CONCLUSIONS.pass)}-${countOf(CONCLUSIONS.fail)})&" 项"`,
        result: `符合 ${passed} 项，不符合 ${failed} 项，待核 ${s.thresholds.length - passed - failed} 项`,
      },
    ],
    ['合格分数线', { formula: passRef, result: s.passScore }],
  ];
  summary.forEach(([label, value, numFmt], i) => {
    const r = META_FIRST + i;
    put({ row: r, col: C.limit, value: label, bold: true, fill: COLORS.headerFill, border: true });
    put({ row: r, col: C.note, value, bold: i < 2, border: true, align: 'left', ...(numFmt ? { numFmt } : {}) });
  });
  if (rubric.example) {
    // Where the verdict is read: results under the example rubric are not official.
    const r = META_FIRST + summary.length;
    put({ row: r, col: C.limit, value: EXAMPLE_RUBRIC_WARNING, bold: true, color: COLORS.noticeText, fill: COLORS.noticeFill, wrap: true });
    merges.push(range(r, C.limit, r + 1, C.comment));
  }
}

/** 一、门槛条件: one row per threshold, its 结论 a formula of 核定值 where the tables decide it. */
function drawThresholds(d: ScoringDraw): void {
  const { put, merges, s, report, inputs, sheet, T_SECTION, T_HEADER, T_FIRST } = d;
  // 门槛条件.
  put({ row: T_SECTION, col: C.id, value: '一、门槛条件（须全部符合，一项不符合即不合格）', bold: true, fill: COLORS.sectionFill, border: true });
  merges.push(range(T_SECTION, C.id, T_SECTION, LAST_COL));
  const tHeaders = ['编号', '门槛条件', '申报值', '核定值', '结论', '要求', '说明', '评审意见', '评审结论'];
  tHeaders.forEach((h, i) => put({ row: T_HEADER, col: C.id + i, value: h, ...HEADER }));
  s.thresholds.forEach((t, i) => {
    const r = T_FIRST + i;
    const th = t.threshold;
    const numFmt = thresholdFormat(th.id);
    const computed = isComputed(th);
    put({
      row: r,
      col: C.mark,
      value: rowMark(
        th.id,
        {
          declared: [C.declared, declaredFor(report, th.id)],
          value: [C.value, th.value],
          // A computed 结论 is a formula of 核定值: the reviewer overrules it in 评审结论, not here.
          ...(computed ? {} : { conclusion: [C.result, CONCLUSIONS[th.status]] as [number, LayoutScalar] }),
          comment: [C.comment, null],
          override: [C.override, null],
        },
        [C.id, th.id],
      ),
    });
    put({ row: r, col: C.id, value: th.id, ...BODY, align: 'center' });
    put({ row: r, col: C.title, value: th.title, ...BODY, wrap: true });
    put({ row: r, col: C.declared, ...valueCell(t.declared), ...INPUT, ...(numFmt ? { numFmt } : {}) });
    put({ row: r, col: C.value, ...valueCell(t.value), ...INPUT, ...(numFmt ? { numFmt } : {}) });
    if (computed) {
      const value = a1(r, C.value);
      const required = a1(r, C.limit);
      const also = alsoMetOf(report, th) ? '' : ',FALSE';
      put({
        row: r,
        col: C.result,
        value: { formula: `IF(ISNUMBER(${value}),IF(AND(${value}>=${required}${also}),"${CONCLUSIONS.pass}","${CONCLUSIONS.fail}"),"${CONCLUSIONS.manual}")`, result: t.derived as string },
        ...BODY,
        align: 'center',
        bold: true,
      });
    } else put({ row: r, col: C.result, ...valueCell(t.derived), ...INPUT, align: 'center', bold: true });
    put({ row: r, col: C.override, ...valueCell(t.override), ...INPUT, align: 'center', bold: true });
    // The requirement in its unit; T2's is written for the reviewer even though it is checked by hand.
    const required = th.id === 'T2' ? '300万元' : th.required;
    put({ row: r, col: C.limit, ...(typeof required === 'string' ? asText(required) : { value: required }), ...BODY, align: 'center', ...requiredFormat(th.id) });
    const notes = [th.note];
    if (edited(inputs, sheet, th.id, 'value')) notes.push(`核定值已由评审修改（系统计算值 ${th.value === null ? '—' : th.value}）`);
    if (t.override !== null) notes.push(`评审结论为「${t.override}」（按核定值判定：${t.derived}）`);
    else if (!computed && edited(inputs, sheet, th.id, 'conclusion')) notes.push(`结论已由评审修改（系统判定：${CONCLUSIONS[th.status]}）`);
    else if (!computed) notes.push('请核对材料后选择结论');
    else notes.push('结论随核定值重算；如需改判，请在“评审结论”列选择');
    const note = notes.join('；');
    put({ row: r, col: C.note, value: note, ...BODY, wrap: true });
    put({ row: r, col: C.comment, ...valueCell(t.comment), ...INPUT, wrap: true });
  });
}

/** 二、评分指标: the indicators under their group and 8.x headings, 得分 and 满分 read from 评分细则. */
function drawIndicators(d: ScoringDraw): void {
  const { put, merges, s, plan, report, inputs, sheet, I_SECTION, I_HEADER, indicatorRows, headingRows } = d;
  // 评分指标.
  put({ row: I_SECTION, col: C.id, value: `二、评分指标（满分 ${s.maxTotal} 分；计分规则见“评分细则”表）`, bold: true, fill: COLORS.sectionFill, border: true });
  merges.push(range(I_SECTION, C.id, I_SECTION, LAST_COL));
  const iHeaders = ['编号', '评分指标', '申报值', '核定值', '得分', '满分', '说明', '评审意见'];
  iHeaders.forEach((h, i) => put({ row: I_HEADER, col: C.id + i, value: h, ...HEADER }));
  for (const h of headingRows) {
    put({ row: h.row, col: C.id, value: h.text, bold: true, fill: h.section ? COLORS.groupFill : COLORS.headerFill, border: true });
    merges.push(range(h.row, C.id, h.row, LAST_COL));
  }
  s.indicators.forEach((ind, i) => {
    const r = indicatorRows[i];
    const { item } = ind;
    const numFmt = indicatorFormat(item);
    put({
      row: r,
      col: C.mark,
      value: rowMark(item.id, { declared: [C.declared, declaredFor(report, item.id)], value: [C.value, ind.computed], comment: [C.comment, null] }, [C.id, item.id]),
    });
    put({ row: r, col: C.id, value: item.id, ...BODY, align: 'center' });
    put({ row: r, col: C.title, value: item.title, ...BODY, wrap: true });
    put({ row: r, col: C.declared, ...valueCell(ind.declared), ...INPUT, ...(numFmt ? { numFmt } : {}) });
    put({ row: r, col: C.value, ...valueCell(ind.value), ...INPUT, ...(numFmt ? { numFmt } : {}) });
    put({
      row: r,
      col: C.result,
      value: { formula: scoreFormula(a1(r, C.value), plan, ind.plan.row), result: ind.points ?? '' },
      ...BODY,
      numFmt: '0.00',
      align: 'center',
    });
    put({
      row: r,
      col: C.limit,
      value: { formula: absRef(plan.sheet, ind.plan.row, RUBRIC_COLS.max), result: ind.plan.values.max },
      ...BODY,
      align: 'center',
    });
    let note: string;
    if (item.indicator === 'manual') {
      note = `人工核定：请核对材料后在“核定值”栏填写${item.unit ? `（单位：${item.unit}）` : '数值'}`;
    } else if (item.indicator === 'newBeijingOrderEnterprises' && !report.previousYear) {
      // 8.4(2) needs last year's submission: without it the reviewer counts by hand.
      note = `需上一年度材料：审核时未给出（命令行 --previous），请核对2023和2024年度服务北京市企业名单后在“核定值”栏填写${item.unit ? `（单位：${item.unit}）` : ''}`;
    } else {
      note = `系统计算：${INDICATOR_LABELS[item.indicator] ?? item.indicator} ${showNumber(ind.computed, item)}`;
      if (item.indicator === 'newBeijingOrderEnterprises') note += `（名单见“${PREVIOUS_YEAR_SHEET}”表）`;
    }
    if (edited(inputs, sheet, item.id, 'value') && item.indicator !== 'manual') note += '；核定值已由评审修改';
    if (item.note) note += `。${item.note}`;
    put({ row: r, col: C.note, value: note, ...BODY, wrap: true });
    put({ row: r, col: C.comment, ...valueCell(ind.comment), ...INPUT, wrap: true });
  });
}

/** 合计, 评价结论 and its consequence, as formulas of the cells above. */
function drawTotals(d: ScoringDraw): void {
  const { put, merges, s, countOf, conclusionRange, passRef, I_FIRST, I_LAST, TOTAL_ROW, VERDICT_ROW } = d;
  // Total and verdict.
  put({ row: TOTAL_ROW, col: C.title, value: '合计', bold: true, border: true, align: 'right' });
  put({
    row: TOTAL_ROW,
    col: C.result,
    value: { formula: `ROUND(SUM(${range(I_FIRST, C.result, I_LAST, C.result)}),2)`, result: s.total },
    bold: true,
    border: true,
    numFmt: '0.00',
    align: 'center',
  });
  put({
    row: TOTAL_ROW,
    col: C.limit,
    value: { formula: `SUM(${range(I_FIRST, C.limit, I_LAST, C.limit)})`, result: s.maxTotal },
    bold: true,
    border: true,
    align: 'center',
  });
  put({ row: VERDICT_ROW, col: C.title, value: '评价结论', bold: true, border: true, align: 'right' });
  put({
    row: VERDICT_ROW,
    col: C.result,
    value: {
      formula:
        `IF(${countOf(CONCLUSIONS.fail)}>0,"${VERDICTS.fail}",` +
        `IF(${countOf(CONCLUSIONS.pass)}<ROWS(${conclusionRange}),"${VERDICTS.pending}",` +
        `IF(${a1(TOTAL_ROW, C.result)}>=${passRef},"${VERDICTS.pass}","${VERDICTS.fail}")))`,
      result: s.verdict,
    },
    bold: true,
    border: true,
    align: 'center',
  });
  merges.push(range(VERDICT_ROW, C.result, VERDICT_ROW, C.limit));
  // What the verdict means for the platform, as src/domain/scoring.ts decides it, recomputed with the sheet.
  const verdictRef = a1(VERDICT_ROW, C.result);
  put({
    row: VERDICT_ROW,
    col: C.note,
    value: {
      formula:
        `IF(${verdictRef}="${VERDICTS.fail}","${CONSEQUENCES.revoke}",IF(${verdictRef}="${VERDICTS.pending}","${CONSEQUENCES.pending}",` +
        `IF(${a1(TOTAL_ROW, C.result)}>${passRef},"${CONSEQUENCES.reward}","${CONSEQUENCES.keep}")))&"${CONSEQUENCE_RULE}"`,
      result: `${s.consequence}${CONSEQUENCE_RULE}`,
    },
    bold: false,
    wrap: true,
  });
  merges.push(range(VERDICT_ROW, C.note, VERDICT_ROW, C.comment));
}

/** The signature line: 评审专家, 日期, 复核人. */
function drawSignatures(d: ScoringDraw): void {
  const { put, merges, heights, VERDICT_ROW } = d;
  // Signatures: the sheet is printed, signed and handed in.
  // A line of underscores to sign on: plain text, the same in the file and in Excel.
  const SIGN_ROW = VERDICT_ROW + 2;
  const LINE = '＿'.repeat(10);
  put({ row: SIGN_ROW, col: C.title, value: `评审专家（签字）：${LINE}`, bold: true, valign: 'bottom' });
  put({ row: SIGN_ROW, col: C.value, value: `日期：${LINE}`, bold: true, valign: 'bottom' });
  merges.push(range(SIGN_ROW, C.value, SIGN_ROW, C.limit));
  put({ row: SIGN_ROW, col: C.note, value: `复核人（签字）：${LINE}`, bold: true, valign: 'bottom' });
  heights.push({ row: SIGN_ROW, height: 36 });
}

/** The rows of the 年度对比 block: the figure, its unit and number format. */
const COMPARED: { key: string; label: string; unit: string; numFmt: string; value: (i: ReviewReport['indicators']) => number | null; note: string }[] = [
  { key: 'serviceEnterprises', label: '服务企业', unit: '家', numFmt: 'General"家"', value: (i) => i.serviceEnterprises, note: '附表4-2-1-2 去重后的服务企业' },
  { key: 'jjjEnterprises', label: '京津冀中小企业', unit: '家', numFmt: 'General"家"', value: (i) => i.jjjEnterprises, note: '门槛4：去重后的京津冀中小企业' },
  { key: 'orders', label: '订单数', unit: '个', numFmt: 'General"个"', value: (i) => i.orders, note: '附表4-2-1-3 当年度的订单合同数' },
  { key: 'smeRevenueShare', label: '中小企业收入占比', unit: '%', numFmt: '0.0%', value: (i) => i.smeRevenueShare, note: '门槛9：中小企业订单金额占比；变化为百分点' },
  { key: 'averageSatisfaction', label: '满意度', unit: '%', numFmt: '0.00"%"', value: (i) => i.averageSatisfaction, note: '门槛11：附表4-2-1-6 平均满意度；变化为百分点' },
];

/** 三、年度对比: last year's figures beside this year's, with the change; only when last year's submission was given. */
function drawYearComparison(d: ScoringDraw): void {
  const { put, merges, report, VERDICT_ROW } = d;
  const prev = report.previousYear;
  if (!prev) return;
  // Below the signatures, so the signature line keeps its place whether or not last year is given.
  const SECTION = VERDICT_ROW + 4;
  const HEAD = SECTION + 1;
  // Every row of the block is marked: on a re-run without last year, its generated text is known as
  // generated (not as a reviewer's typing to list on 「未保留的修改」).
  for (const [r, key] of [
    [SECTION, '年度对比'],
    [HEAD, '年度对比:表头'],
  ] as const) put({ row: r, col: C.mark, value: rowMark(key, {}) });
  put({ row: SECTION, col: C.id, value: `三、年度对比（${prev.year}年度材料：${prev.source ?? '上一年度文件夹'}；按同样的规则计算）`, bold: true, fill: COLORS.sectionFill, border: true });
  merges.push(range(SECTION, C.id, SECTION, LAST_COL));
  const headers = ['序号', '项目', `${prev.year}年度`, `${report.year}年度`, '变化', '单位', '说明'];
  headers.forEach((h, i) => put({ row: HEAD, col: C.id + i, value: h, ...HEADER }));
  COMPARED.forEach((item, i) => {
    const r = HEAD + 1 + i;
    const before = item.value(prev.indicators);
    const now = item.value(report.indicators);
    const change = before !== null && now !== null ? Math.round((now - before) * 1e6) / 1e6 : '';
    // Marked, so a re-run knows these generated rows (and a reviewer's edit in them) by key.
    put({ row: r, col: C.mark, value: rowMark(`年度对比:${item.key}`, {}, [C.title, item.label]) });
    put({ row: r, col: C.id, value: i + 1, ...BODY, align: 'center' });
    put({ row: r, col: C.title, value: item.label, ...BODY });
    put({ row: r, col: C.declared, value: before, ...BODY, numFmt: item.numFmt });
    put({ row: r, col: C.value, value: now, ...BODY, numFmt: item.numFmt });
    const D = a1(r, C.declared);
    const E = a1(r, C.value);
    put({ row: r, col: C.result, value: { formula: `IF(AND(ISNUMBER(${D}),ISNUMBER(${E})),${E}-${D},"")`, result: change }, ...BODY, numFmt: item.unit === '%' ? (item.key === 'smeRevenueShare' ? '+0.0%;-0.0%;0.0%' : '+0.00;-0.00;0.00') : '+0;-0;0', align: 'center' });
    put({ row: r, col: C.limit, value: item.unit, ...BODY, align: 'center' });
    put({ row: r, col: C.note, value: before === null || now === null ? `${item.note}；${before === null ? `${prev.year}年度` : `${report.year}年度`}无法计算` : item.note, ...BODY, wrap: true });
  });
  const after = HEAD + 1 + COMPARED.length;
  put({ row: after, col: C.mark, value: rowMark('年度对比:新增', {}) });
  put({
    row: after,
    col: C.id,
    value: `新增北京市订单企业（指标8.4(2)，不含免费服务）：${report.year}年度有付费订单的北京企业 ${prev.beijingPaidOrderEnterprises} 家，其中 ${prev.returning} 家${prev.year}年度已有付费订单，新增 ${prev.newFirms.length} 家，名单见“${PREVIOUS_YEAR_SHEET}”表`,
    color: COLORS.muted,
    wrap: true,
  });
  merges.push(range(after, C.id, after, LAST_COL));
  d.heights.push({ row: after, height: 30 });
}

/** A carried or generated value; strings typed by a reviewer stay text. */
function valueCell(v: LayoutScalar): Pick<LayoutCell, 'value' | 'text'> {
  return typeof v === 'string' ? asText(v) : { value: v };
}

/**
 * Whether rows `first`..`last` fit on one A4 landscape page at `scale` percent (`PRINTABLE_HEIGHT`, the
 * page less its margins), rows without a set height counted at 16 pt (above the default 15,
 * for renderers' rounding).
 */
function fitsOnPage(heights: { row: number; height: number }[], first: number, last: number, scale: number): boolean {
  const set = new Map(heights.map((h) => [h.row, h.height]));
  let total = 0;
  for (let r = first; r <= last; r++) total += set.get(r) ?? LINE_HEIGHT;
  return (total * scale) / 100 <= PRINTABLE_HEIGHT * 0.95;
}

function mergeHeights(heights: { row: number; height: number }[]): { row: number; height: number }[] {
  const by = new Map<number, number>();
  for (const h of heights) by.set(h.row, Math.max(by.get(h.row) ?? 0, h.height));
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

