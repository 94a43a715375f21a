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

/** Score a review under a rubric, before any reviewer edits (the 评分表 recomputes with them). */
export function scoreReview(indicators: Indicators, thresholds: readonly Threshold[], category: string, rubric: Rubric): ReportScoring {
  const items = rubricItems(rubric, category);
  let total = 0;
  let max = 0;
  for (const { item } of items) {
    max += item.max;
    const value = item.indicator === 'manual' ? null : indicatorValue(indicators, item.indicator);
    total += scoreItem(item, value) ?? 0;
  }
  total = round2(total);
  const verdict = decideVerdict(
    thresholds.map((t) => t.status),
    total,
    rubric.passScore,
  );
  return {
    total,
    max: round2(max),
    passScore: rubric.passScore,
    verdict,
    rewardEligible: isRewardEligible(verdict, total, rubric.passScore),
    consequence: consequenceOf(verdict, total, rubric.passScore),
    rubric: { official: !rubric.example, source: rubric.name },
  };
}
