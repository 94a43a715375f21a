/**
 * The verdict, as the guide decides it, computed once for the report, the 评分表, the pane and 汇总:
 * - 「门槛条件须全部符合，一项不符合即不合格」: any threshold not met → 不合格;
 * - 「得分不足80分的，撤销已授予的“示范平台”称号」: below the pass score (80) → 不合格;
 * - 「对绩效评价得分高于80分的，择优给予服务绩效奖励」: above 80 (80 itself excluded) → may be rewarded.
 * A threshold still to be checked by the reviewer (待核) leaves the verdict 待定.
 */
import type { Indicators, ReportScoring, Threshold, ThresholdStatus, Verdict } from './report';

export type { ReportScoring, Verdict } from './report';
import { indicatorValue, rubricItems, round2, scoreItem, type Rubric } from './rubric';

export const CONSEQUENCES = {
  revoke: '撤销“示范平台”称号',
  pending: '待门槛条件核定后确定',
  keep: '保留称号',
  reward: '保留称号，可参与择优奖励',
} as const;

/**
 * The verdict from the thresholds' conclusions and the total.
 *
 * @example
 * decideVerdict(['pass', 'fail'], 95, 80) // '不合格'
 * decideVerdict(['pass', 'manual'], 95, 80) // '待定'
 * decideVerdict(['pass'], 79.99, 80) // '不合格'
 */
export function decideVerdict(conclusions: readonly ThresholdStatus[], total: number, passScore: number): Verdict {
  if (conclusions.includes('fail')) return '不合格';
  if (conclusions.includes('manual')) return '待定';
  return total >= passScore ? '合格' : '不合格';
}

/** Whether the score opens the reward: strictly above the pass score («高于80分»), thresholds not failed. */
export function isRewardEligible(verdict: Verdict, total: number, passScore: number): boolean {
  return verdict !== '不合格' && total > passScore;
}

/** The verdict's consequence in the guide's words. */
export function consequenceOf(verdict: Verdict, total: number, passScore: number): string {
  if (verdict === '不合格') return CONSEQUENCES.revoke;
  if (verdict === '待定') return CONSEQUENCES.pending;
  return isRewardEligible(verdict, total, passScore) ? CONSEQUENCES.reward : CONSEQUENCES.keep;
}

/**
 * A computed condition's conclusion from its verified value, as the guide's words compare:
 * 不少于 / 不低于 / 以上 are ≥. T11 also needs enough surveys: `alsoMet` carries that.
 * A value that is not a number leaves the condition to the reviewer.
 *
 * @example
 * conclusionOf(116, 100) // 'pass'   门槛4「不少于100家」
 * conclusionOf(99, 100) // 'fail'
 * conclusionOf('见附件', 100) // 'manual'
 */
export function conclusionOf(value: unknown, required: number, alsoMet = true): ThresholdStatus {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'manual';
  return value >= required && alsoMet ? 'pass' : 'fail';
}

/** What the guide decides from the conditions' conclusions and the indicators' points (null: not yet scored). */
export function decideScoring(conclusions: readonly ThresholdStatus[], points: readonly (number | null)[], passScore: number): Pick<ReportScoring, 'total' | 'verdict' | 'rewardEligible' | 'consequence'> {
  const total = round2(points.reduce<number>((s, p) => s + (p ?? 0), 0));
  const verdict = decideVerdict(conclusions, total, passScore);
  return { total, verdict, rewardEligible: isRewardEligible(verdict, total, passScore), consequence: consequenceOf(verdict, total, passScore) };
}

/** Each rubric item of the category with its points under the rubric, before any reviewer edits (null: scored by hand). */
export function scoredItems(indicators: Indicators, category: string, rubric: Rubric): { id: string; title: string; max: number; points: number | null }[] {
  return rubricItems(rubric, category).map(({ item }) => ({
    id: item.id,
    title: item.title,
    max: item.max,
    points: item.indicator === 'manual' ? null : scoreItem(item, indicatorValue(indicators, item.indicator)),
  }));
}

/** Score a review under a rubric, before any reviewer edits (the 评分表 recomputes with them). */
export function scoreReview(indicators: Indicators, thresholds: readonly Threshold[], category: string, rubric: Rubric): ReportScoring {
  const items = scoredItems(indicators, category, rubric);
  const decided = decideScoring(
    thresholds.map((t) => t.status),
    items.map((i) => i.points),
    rubric.passScore,
  );
  // In the report's key order.
  return {
    total: decided.total,
    max: round2(items.reduce((s, i) => s + i.max, 0)),
    passScore: rubric.passScore,
    verdict: decided.verdict,
    rewardEligible: decided.rewardEligible,
    consequence: decided.consequence,
    rubric: { official: !rubric.example, source: rubric.name },
  };
}
