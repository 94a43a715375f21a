/** The size rules of docs/reference.md §2 the generator uses, written out again as an independent check. */
import { Rng } from './random';

// Enterprise size classes (工信部联企业〔2011〕300号), for the 所属行业/从业人员/营业收入 trio
// ---------------------------------------------------------------------------------------------

export type SizeClass = '大型' | '中型' | '小型' | '微型';
export type IndustryKey =
  | 'industry'
  | 'wholesale'
  | 'retail'
  | 'transport'
  | 'warehouse'
  | 'hotel'
  | 'catering'
  | 'telecom'
  | 'software'
  | 'property'
  | 'agriculture'
  | 'other';

export interface Bounds {
  emp?: number;
  rev?: number;
}
export interface SizeRule {
  label: string;
  ceilEmp?: number;
  ceilRev?: number;
  mid: Bounds;
  small: Bounds;
}

/**
 * The rules of docs/reference.md §2 for the industries the generator uses (employees, 营业收入 in 万元).
 * Written out again here, not taken from src/domain/sizeClass.ts, on purpose: the sample's planted
 * size classes are then an independent check on the domain's table, not the domain checking itself.
 */
export const SIZE_RULES: Readonly<Record<IndustryKey, SizeRule>> = {
  agriculture: { label: '农、林、牧、渔业', ceilRev: 20000, mid: { rev: 500 }, small: { rev: 50 } },
  industry: { label: '工业', ceilEmp: 1000, ceilRev: 40000, mid: { emp: 300, rev: 2000 }, small: { emp: 20, rev: 300 } },
  wholesale: { label: '批发业', ceilEmp: 200, ceilRev: 40000, mid: { emp: 20, rev: 5000 }, small: { emp: 5, rev: 1000 } },
  retail: { label: '零售业', ceilEmp: 300, ceilRev: 20000, mid: { emp: 50, rev: 500 }, small: { emp: 10, rev: 100 } },
  transport: { label: '交通运输业', ceilEmp: 1000, ceilRev: 30000, mid: { emp: 300, rev: 3000 }, small: { emp: 20, rev: 200 } },
  warehouse: { label: '仓储业', ceilEmp: 200, ceilRev: 30000, mid: { emp: 100, rev: 1000 }, small: { emp: 20, rev: 100 } },
  hotel: { label: '住宿业', ceilEmp: 300, ceilRev: 10000, mid: { emp: 100, rev: 2000 }, small: { emp: 10, rev: 100 } },
  catering: { label: '餐饮业', ceilEmp: 300, ceilRev: 10000, mid: { emp: 100, rev: 2000 }, small: { emp: 10, rev: 100 } },
  telecom: { label: '信息传输业', ceilEmp: 2000, ceilRev: 100000, mid: { emp: 100, rev: 1000 }, small: { emp: 10, rev: 100 } },
  software: { label: '软件和信息技术服务业', ceilEmp: 300, ceilRev: 10000, mid: { emp: 100, rev: 1000 }, small: { emp: 10, rev: 50 } },
  property: { label: '物业管理', ceilEmp: 1000, ceilRev: 5000, mid: { emp: 300, rev: 1000 }, small: { emp: 100, rev: 500 } },
  other: { label: '其他未列明行业', ceilEmp: 300, mid: { emp: 100 }, small: { emp: 10 } },
};

/** Industry labels as they appear in messy files (all read as the same rule). */
export const INDUSTRY_MESSY_LABELS: Readonly<Record<IndustryKey, readonly string[]>> = {
  agriculture: ['农、林、牧、渔业', '农业'],
  industry: ['工业', '制造业'],
  wholesale: ['批发业'],
  retail: ['零售业'],
  transport: ['交通运输业'],
  warehouse: ['仓储业'],
  hotel: ['住宿业'],
  catering: ['餐饮业'],
  telecom: ['信息传输业'],
  software: ['软件和信息技术服务业'],
  property: ['物业管理'],
  other: ['其他未列明行业'],
};

/** Size class of an enterprise by docs/reference.md §2 (employees, revenue in 万元). */
export function classifySize(rule: SizeRule, employees: number, revenue: number): SizeClass {
  const sme =
    (rule.ceilEmp !== undefined && employees < rule.ceilEmp) || (rule.ceilRev !== undefined && revenue < rule.ceilRev);
  if (!sme) return '大型';
  const meets = (b: Bounds) => (b.emp === undefined || employees >= b.emp) && (b.rev === undefined || revenue >= b.rev);
  if (meets(rule.mid)) return '中型';
  if (meets(rule.small)) return '小型';
  return '微型';
}

/** Finds the rule for an industry label written by the generator. */
export function sizeRuleForLabel(label: string): SizeRule | undefined {
  for (const key of Object.keys(INDUSTRY_MESSY_LABELS) as IndustryKey[]) {
    if (INDUSTRY_MESSY_LABELS[key].includes(label)) return SIZE_RULES[key];
  }
  return undefined;
}

export interface Profile {
  industry: IndustryKey;
  employees: number;
  revenue: number;
  sizeClass: SizeClass;
}

export const CLASS_RANGES: Readonly<Record<SizeClass, { emp: [number, number]; rev: [number, number] }>> = {
  微型: { emp: [2, 30], rev: [5, 400] },
  小型: { emp: [10, 160], rev: [60, 3000] },
  中型: { emp: [60, 900], rev: [600, 30000] },
  大型: { emp: [300, 6000], rev: [10000, 400000] },
};

export function thresholds(rule: SizeRule): number[] {
  return [rule.ceilEmp, rule.ceilRev, rule.mid.emp, rule.mid.rev, rule.small.emp, rule.small.rev].filter(
    (x): x is number => x !== undefined,
  );
}

/** Employees and revenue that give the target class (clear of every threshold), if one is found. */
export function makeProfile(rng: Rng, industry: IndustryKey, target: SizeClass): Profile {
  const rule = SIZE_RULES[industry];
  const limits = thresholds(rule);
  let last: Profile | null = null;
  for (let attempt = 0; attempt < 400; attempt++) {
    const r = CLASS_RANGES[target];
    const employees = Math.max(1, Math.round(rng.logUniform(r.emp[0], r.emp[1])));
    const revenue = Math.round(rng.logUniform(r.rev[0], r.rev[1]) * 10) / 10;
    if (limits.some((t) => Math.abs(employees - t) < 2 || Math.abs(revenue - t) < 1)) continue;
    const sizeClass = classifySize(rule, employees, revenue);
    last = { industry, employees, revenue, sizeClass };
    if (sizeClass === target) return last;
  }
  return last ?? { industry, employees: 5, revenue: 10, sizeClass: classifySize(rule, 5, 10) };
}

// ---------------------------------------------------------------------------------------------
