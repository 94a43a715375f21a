/**
 * What the result panel shows of the scoring: the guide's decision, why (which thresholds are
 * still 待核 or 不符合, how many indicators a reviewer must score), the part of the score the
 * system can compute, and each indicator's points beside its verified figure.
 */
import type { ReviewReport, Verdict } from '../../domain/report';
import { indicatorValue, rubricItems } from '../../domain/rubric';
import { scoreReview, scoredItems } from '../../domain/scoring';
import { declaredFor } from '../../workbook/layout/declaredValues';
import { DEFAULT_RUBRIC } from '../../workbook/layout/rubric';
import { showNumber } from '../../workbook/layout/scoringFormats';
import { strings } from '../strings';

export interface PaneIndicator {
  id: string;
  title: string;
  max: number;
  /** Points under the rubric; null: scored by hand. */
  points: number | null;
  /** The verified figure in its unit (「122 家」); null for a manual item or no value. */
  verified: string | null;
  /** The declared figure (附件4-2) in its unit, when one was declared. */
  declared: string | null;
}

export interface PaneScoring {
  verdict: Verdict;
  /** Points of the computed items (manual ones count 0 until a reviewer scores them). */
  total: number;
  /** The rubric's 满分 for the category. */
  maxTotal: number;
  /** 满分 of the items the system computes: what {@link total} is out of while items are manual. */
  computableMax: number;
  /** Items scored by hand, and their 满分 together. */
  manualCount: number;
  manualMax: number;
  /** Thresholds still 待核, and those 不符合, by id. */
  pending: string[];
  failed: string[];
  passScore: number;
  consequence: string;
  /** One line saying why the verdict is what it is. */
  reason: string;
  indicators: PaneIndicator[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Why the verdict: 「T1、T2 待核；13 项指标需人工核定」, 「T5、T8 不符合」 … */
export function verdictReason(s: Pick<PaneScoring, 'verdict' | 'pending' | 'failed' | 'manualCount' | 'total' | 'passScore'>): string {
  const manual = s.manualCount ? strings.manualItems(s.manualCount) : null;
  if (s.verdict === '不合格') {
    if (s.failed.length) return strings.reasonFailed(s.failed.join('、'));
    return [strings.reasonBelowPass(s.total, s.passScore), manual].filter(Boolean).join('；');
  }
  if (s.verdict === '待定') return [strings.reasonPending(s.pending.join('、')), manual].filter(Boolean).join('；');
  return strings.reasonPassed(s.passScore);
}

/** The scoring the pane shows, decided by the domain under the example rubric (the 评分表 rescores with edits). */
export function paneScoring(report: ReviewReport): PaneScoring {
  const category = report.platform.category;
  const s = report.scoring ?? scoreReview(report.indicators, report.thresholds, category, DEFAULT_RUBRIC);
  const items = rubricItems(DEFAULT_RUBRIC, category).map(({ item }) => item);
  const scored = scoredItems(report.indicators, category, DEFAULT_RUBRIC);
  const indicators = scored.map((ind, i): PaneIndicator => {
    const item = items[i];
    const value = item.indicator === 'manual' ? null : indicatorValue(report.indicators, item.indicator);
    const declared = declaredFor(report, item.id);
    return { ...ind, verified: value === null ? null : showNumber(value, item), declared: declared === null ? null : showNumber(declared, item) };
  });
  const manual = indicators.filter((i) => i.points === null);
  const base = {
    verdict: s.verdict,
    total: s.total,
    maxTotal: s.max,
    computableMax: round2(indicators.filter((i) => i.points !== null).reduce((sum, i) => sum + i.max, 0)),
    manualCount: manual.length,
    manualMax: round2(manual.reduce((sum, i) => sum + i.max, 0)),
    pending: report.thresholds.filter((t) => t.status === 'manual').map((t) => t.id),
    failed: report.thresholds.filter((t) => t.status === 'fail').map((t) => t.id),
    passScore: s.passScore,
    consequence: s.consequence,
    indicators,
  };
  return { ...base, reason: verdictReason(base) };
}
