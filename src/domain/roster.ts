/**
 * 附件4-1: the platforms under review, with their registered service category.
 * The data is generated from the guide (scripts/make-roster.ts); this file only looks things up.
 */
import { ROSTER_ROWS, type RosterRow } from './roster.generated';

export const CATEGORIES = ['综合咨询', '创业辅导', '技术创新', '数字化应用', '人力资源', '融资促进'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One platform of 附件4-1: 序号, 运营单位, 平台名称, 服务类别, 所属区. */
export type RosterEntry = RosterRow;

/** Key for tolerant look-up: width folded, no white space, brackets unified, no 示范 prefix words. */
export function rosterKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]/g, '')
    .replace(/[（【〔[]/g, '(')
    .replace(/[）】〕\]]/g, ')')
    .replace(/[“”"'‘’·・]/g, '')
    .toUpperCase();
}

/** Every platform in 附件4-1. */
export const ROSTER: readonly RosterEntry[] = ROSTER_ROWS;

const byKey = new Map<string, RosterEntry>();
for (const r of ROSTER) {
  byKey.set(rosterKey(r.platform), r);
  if (!byKey.has(rosterKey(r.unit))) byKey.set(rosterKey(r.unit), r);
}

/**
 * Find a platform by its platform name or its operating unit's name.
 *
 * @example
 * findPlatform('创业会客厅')?.category // '创业辅导'
 * findPlatform('北京中关村创业大街科技服务有限公司')?.platform // '创业会客厅'
 */
export function findPlatform(name: string): RosterEntry | undefined {
  return byKey.get(rosterKey(name));
}

/** Whether a string names one of the six service categories. */
export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
