/**
 * The 评分表's numbers with the reviewer's edits, as its formulas compute them: each threshold's
 * 结论 (computed from 核定值 where the tables decide it, else the reviewer's), each indicator's
 * 得分, the total and the verdict. The guide's decisions are the domain's (src/domain/scoring.ts);
 * this module only reads the sheet's cells for them. The sheet caches these results beside its formulas.
 */
import type { ReviewReport, Threshold, ThresholdStatus } from '../../domain/report';
import { conclusionOf, decideScoring } from '../../domain/scoring';
import { declaredFor } from './declaredValues';
import { edited, pick, type ReviewerInputs } from './inputs';
import { indicatorValue, scoreRow, type Rubric, type RubricItem } from './rubric';
import { planRubricSheet, type RubricPlan, type RubricPlanRow } from './rubricSheet';
import { REVIEW_SHEETS } from './sheetNames';
import type { LayoutScalar } from './types';

/** Words of the 结论 drop-down. */
export const CONCLUSIONS = { pass: '符合', fail: '不符合', manual: '待核' } as const satisfies Record<ThresholdStatus, string>;
/** Words of the overall verdict. */
export const VERDICTS = { pass: '合格', fail: '不合格', pending: '待定' } as const;

export interface ScoringContext {
  /** The reviewer's edits carried over from an earlier review workbook. */
  inputs?: ReviewerInputs;
}

export interface ScoredThreshold {
  threshold: Threshold;
  declared: LayoutScalar;
  value: LayoutScalar;
  /** What the 结论 cell shows: derived from 核定值 and 要求 for a computed condition, the reviewer's choice for a manual one. */
  derived: LayoutScalar;
  /** The reviewer's 评审结论 overruling it, or null. */
  override: LayoutScalar;
  /** The conclusion that counts: the override when given, else the derived one. */
  conclusion: LayoutScalar;
  comment: LayoutScalar;
}

/**
 * A computed condition's 结论 from its 核定值, as the guide's words compare: 不少于/不低于/以上 are ≥.
 * T11 also needs enough surveys, which the sheet does not hold: `alsoMet` carries it.
 */
export function derivedConclusion(value: LayoutScalar, required: number, alsoMet = true): string {
  return CONCLUSIONS[conclusionOf(value, required, alsoMet)];
}

/** Whether the tables decide a condition (its 结论 then follows its 核定值). */
export const isComputed = (t: Threshold) => t.status !== 'manual' && t.required !== null;

/** T11's second requirement (enough surveys), fixed when the sheet is drawn. */
export const alsoMetOf = (report: ReviewReport, t: Threshold) =>
  t.id === 'T11' ? report.indicators.satisfactionSample >= report.indicators.satisfactionSampleRequired : true;

export interface ScoredIndicator {
  item: RubricItem;
  plan: RubricPlanRow;
  /** From the report, or null for a manual indicator. */
  computed: number | null;
  declared: LayoutScalar;
  /** 核定值: the computed value or the reviewer's override. */
  value: LayoutScalar;
  points: number | null;
  comment: LayoutScalar;
}

/** The 评分表's numbers, as its formulas compute them. */
export interface Scoring {
  plan: RubricPlan;
  thresholds: ScoredThreshold[];
  indicators: ScoredIndicator[];
  total: number;
  maxTotal: number;
  passScore: LayoutScalar;
  verdict: (typeof VERDICTS)[keyof typeof VERDICTS];
  /** Decided by the domain (src/domain/scoring.ts), from this sheet's conclusions and total. */
  rewardEligible: boolean;
  consequence: string;
}

/**
 * Score a report under a rubric, with the reviewer's carried edits: what the 评分表 shows.
 *
 * @example
 * computeScoring(report, DEFAULT_RUBRIC).verdict // '待定' while manual thresholds are 待核
 */
export function computeScoring(report: ReviewReport, rubric: Rubric, inputs?: ReviewerInputs): Scoring {
  const sheet = REVIEW_SHEETS.scoring;
  const plan = planRubricSheet(rubric, report.platform.category, inputs);
  const thresholds = report.thresholds.map((t): ScoredThreshold => {
    const value = pick(inputs, sheet, t.id, 'value', t.value);
    const computed = isComputed(t);
    const derived = computed ? derivedConclusion(value, t.required!, alsoMetOf(report, t)) : pick(inputs, sheet, t.id, 'conclusion', CONCLUSIONS[t.status]);
    // A conclusion typed into 结论 in a workbook written before 评审结论 existed is carried as the override.
    const legacy = computed && edited(inputs, sheet, t.id, 'conclusion') ? pick(inputs, sheet, t.id, 'conclusion', null) : null;
    const override = pick(inputs, sheet, t.id, 'override', legacy);
    const blank = override === null || (typeof override === 'string' && override.trim() === '');
    return {
      threshold: t,
      declared: pick(inputs, sheet, t.id, 'declared', declaredFor(report, t.id)),
      value,
      derived,
      override: blank ? null : override,
      conclusion: blank ? derived : override,
      comment: pick(inputs, sheet, t.id, 'comment', null),
    };
  });
  const indicators = plan.rows.map((p) => {
    const computed = p.item.indicator === 'manual' ? null : indicatorValue(report.indicators, p.item.indicator);
    const value = pick(inputs, sheet, p.item.id, 'value', computed);
    return {
      item: p.item,
      plan: p,
      computed,
      declared: pick(inputs, sheet, p.item.id, 'declared', declaredFor(report, p.item.id)),
      value,
      points: scoreRow(p.values, value),
      comment: pick(inputs, sheet, p.item.id, 'comment', null),
    };
  });
  const maxTotal = plan.rows.reduce((s, r) => s + (typeof r.values.max === 'number' ? r.values.max : 0), 0);
  // A conclusion a reviewer typed other than 符合/不符合 leaves the condition open, as 待核 does.
  const statuses = thresholds.map((t): ThresholdStatus => (t.conclusion === CONCLUSIONS.fail ? 'fail' : t.conclusion === CONCLUSIONS.pass ? 'pass' : 'manual'));
  const passScore = plan.passScore.value;
  // The guide's decision is the domain's (src/domain/scoring.ts); this sheet only supplies its cells.
  const decided = decideScoring(
    statuses,
    indicators.map((i) => i.points),
    typeof passScore === 'number' ? passScore : Number.NaN,
  );
  return { plan, thresholds, indicators, maxTotal, passScore, ...decided };
}
