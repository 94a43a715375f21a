/** How the 评分表 shows its numbers: each threshold's and indicator's unit, as the guide words it. */
import type { RubricItem } from './rubric';

/** Number format of a threshold's value: T9 a share, T11 a percentage as typed (94.81), T2 万元. */
/** The unit of a threshold's 申报值, 核定值 and 要求, as the guide words it. */
const THRESHOLD_UNITS: Record<string, string> = { T2: '万元', T4: '家', T5: '家', T8: '人', T10: '项' };

/** A number format that shows `unit` after the number and leaves the cell a number (formulas still compare it). */
export function withUnit(unit: string | undefined, base = 'General'): string | undefined {
  const clean = unit?.replace(/["\\]/g, '').trim();
  return clean ? `${base}"${clean}"` : undefined;
}

export function thresholdFormat(id: string): string | undefined {
  if (id === 'T9') return '0.0%';
  if (id === 'T11') return '0.00"%"';
  return withUnit(THRESHOLD_UNITS[id], id === 'T2' ? '0.00' : 'General');
}

/** Number format of a threshold's 要求, in the same units as its value. */
export function requiredFormat(id: string): { numFmt?: string } {
  if (id === 'T9') return { numFmt: '0%' };
  if (id === 'T11') return { numFmt: '0"%"' };
  const numFmt = withUnit(THRESHOLD_UNITS[id]);
  return numFmt ? { numFmt } : {};
}

/** 申报值 and 核定值 of an indicator, in the rubric item's unit. */
export function indicatorFormat(item: RubricItem): string | undefined {
  if (item.indicator === 'smeRevenueShare') return '0.0%';
  if (item.indicator === 'averageSatisfaction') return '0.00';
  if (item.unit === '万元' || item.unit === '亿元') return withUnit(item.unit, '0.00');
  // A score (分) is a number of points, not a quantity: no unit beside it.
  return item.unit === '分' ? undefined : withUnit(item.unit);
}

export function showNumber(v: number | null, item: RubricItem): string {
  if (v === null) return '—';
  if (item.indicator === 'smeRevenueShare') return `${(v * 100).toFixed(1)}%`;
  return `${Math.round(v * 100) / 100}${item.unit ? ` ${item.unit}` : ''}`;
}
