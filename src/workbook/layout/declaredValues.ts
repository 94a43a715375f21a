/**
 * Which declared figures (附件4-2, `report.declared`) stand beside which 评分表 row, so 申报值
 * sits next to 核定值. Rubric rows 8.k(n) are the form's 三.k(n); a row fed by several items sums them.
 */
import type { ReviewReport } from '../../domain/report';

const ROWS: Record<string, { ids: string[]; scale?: number }> = {
  T2: { ids: ['二.13(1).资产总额'] },
  T4: { ids: ['二.13(1).京津冀'] },
  T5: { ids: ['二.3'] },
  T8: { ids: ['一.11'] },
  // 核定值 of T9 is a 0–1 share; the form asks for a percentage.
  T9: { ids: ['二.13(1).占比'], scale: 0.01 },
  T11: { ids: ['二.10'] },
  '3': { ids: ['二.4'] },
  '4': { ids: ['二.13(1).营业收入'] },
  '5': { ids: ['二.3'] },
  '6': { ids: ['二.13(1).京津冀'] },
  '7': { ids: ['二.7.创新型中小企业', '二.7.专精特新', '二.7.国家小巨人', '二.7.隐形冠军', '二.7.单项冠军', '二.7.独角兽'] },
  '9': { ids: ['四.1(1)', '四.1(2)', '四.1(3)', '四.1(4)'] },
  '11': { ids: ['四.3'] },
};

/**
 * The declared figure for a 评分表 row (threshold T1…T11 or rubric item id), or null when none was declared.
 *
 * @example
 * declaredFor(report, 'T4') // 130
 * declaredFor(report, '8.3(1)') // the declared 三.3(1)
 */
export function declaredFor(report: ReviewReport, rowId: string): number | null {
  const m = /^8\.(\d)\((\d)\)$/.exec(rowId);
  const spec = m ? { ids: [`三.${m[1]}(${m[2]})`] } : ROWS[rowId];
  if (!spec) return null;
  const values = spec.ids.map((id) => report.declared.find((d) => d.id === id)?.declared ?? null);
  if (values.every((v) => v === null)) return null;
  const sum = values.reduce<number>((s, v) => s + (v ?? 0), 0);
  return spec.scale ? Math.round(sum * spec.scale * 10000) / 10000 : sum;
}
