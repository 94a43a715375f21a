/**
 * How the pane shows the review's numbers: in the same units and number formats as the 评分表
 * (src/workbook/layout/scoringFormats.ts), so the pane and the workbook read alike.
 */
import { requiredFormat, thresholdFormat } from '../workbook/layout/scoringFormats';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A number as an Excel number format of the 评分表 shows it: `General` or `0.00`, an optional `%`
 * (a share ×100), and an optional quoted unit (`"家"`, `"万元"`, `"%"` for a percentage as typed).
 *
 * @example
 * formatNumber(116, 'General"家"') // '116 家'
 * formatNumber(0.853, '0.0%') // '85.3%'
 * formatNumber(94.81, '0.00"%"') // '94.81%'
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const m = /^(General|0(?:\.(0+))?)(%)?(?:"([^"]*)")?$/.exec(numFmt ?? 'General');
  if (!m) return String(round2(value));
  const [, base, decimals, share, unit] = m;
  const n = share ? value * 100 : value;
  const text = base === 'General' ? String(round2(n)) : n.toFixed(decimals?.length ?? 0);
  if (share || unit === '%') return `${text}%`;
  return unit ? `${text} ${unit}` : text;
}

/** A threshold's 核定值 (or 申报值) in its unit: 116 家, 85.3%, 94.81%. */
export function thresholdValue(id: string, value: number): string {
  return formatNumber(value, thresholdFormat(id));
}

/** A threshold's 要求 in its unit: 100 家, 50%, 90%. */
export function thresholdRequired(id: string, value: number): string {
  return formatNumber(value, requiredFormat(id).numFmt);
}
