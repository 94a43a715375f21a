/**
 * The review's output as data: one report object, findings as records (frictionless-style),
 * so the CLI, the workbook writer and the task pane all read the same thing.
 */
import type { TableKind } from './tableSpecs';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface Finding {
  /** The check's stable id, e.g. `duplicate-enterprise`. */
  check: string;
  severity: Severity;
  /** File, sheet, 1-based row and A1 cell; null where the finding is about a whole file or table. */
  file: string | null;
  sheet: string | null;
  row: number | null;
  cell: string | null;
  /** Chinese, names what is wrong and where to look. */
  message: string;
  /** Which of the check's messages (its `meta.messages`), e.g. `duplicate`. */
  messageId: string;
  /** What the message is filled with: the firm, the rows, the figures. */
  data: Record<string, string | number>;
}

export interface TableSummary {
  kind: TableKind;
  file: string;
  sheet: string;
  headerRow: number;
  dataRows: number;
}

export type Qualification = '创新型中小企业' | '专精特新' | '国家小巨人' | '隐形冠军' | '单项冠军' | '独角兽';

export interface Indicators {
  serviceEnterprises: number;
  /** 门槛4/指标6: listed 京津冀 firms, less those their orders declare 大型 (not 中小企业). */
  jjjEnterprises: number;
  byRegion: Record<'北京' | '天津' | '河北', number>;
  /** Listed 京津冀 firms left out of {@link jjjEnterprises} because every order declares them 大型. */
  jjjLargeExcluded: number;
  /** Rows merged into a counted firm only by their 统一社会信用代码 (their names differ). */
  jjjCreditCodeMerged: number;
  cooperatingInstitutions: number;
  qualifiedStaff: number;
  /** 0–1, or null when there is no in-year order with an amount. */
  smeRevenueShare: number | null;
  /** 0–100, or null when no satisfaction was given. */
  averageSatisfaction: number | null;
  satisfactionSample: number;
  satisfactionSampleRequired: number;
  /**
   * 指标7: listed 北京 firms, each once at its highest qualification (`byQualification`, `total`);
   * 二.7: the same firms counted under every qualification they hold (`heldByQualification`).
   */
  innovativeEnterprises: { total: number; byQualification: Record<Qualification, number>; heldByQualification: Record<Qualification, number> };
  serviceProducts: number;
  /** In-year orders of 附表4-2-1-3 (rows), and those with a 中型/小型/微型 customer (8.6(1)). */
  orders: number;
  smeOrders: number;
  /** Every in-year activity of 附表4-2-1-5. */
  activities: number;
  qualifyingActivities: number;
  policyTalks: number;
  jjjOrderEnterprises: number;
  /**
   * 8.4(2) 「上一年度新增北京市订单企业（不含免费服务）数量」: 北京 firms with a paid order in the review
   * year and none in last year's submission (src/domain/previousYear.ts); null without last year's.
   */
  newBeijingOrderEnterprises: number | null;
  /** Wholly free activities and products (门槛10), and those only partly free, counted apart. */
  freeServices: { activities: number; products: number; total: number; partlyFree: { activities: number; products: number } };
}

/** A Beijing firm with a paid order this year and none last year. */
export interface NewOrderFirm {
  /** As first written in 附表4-2-1-2. */
  name: string;
  creditCode: string | null;
  /** This year's paid orders of the firm, and their amount (万元). */
  orders: number;
  amount: number;
  /** The first of those orders in 附表4-2-1-3. */
  file: string;
  sheet: string;
  row: number;
}

/** What the review says of last year's submission (`report.previousYear`). */
export interface PreviousYearReport {
  /** Last year: the review year less one. */
  year: number;
  /** Where last year's submission came from (its folder's name), when known. */
  source: string | null;
  /** Last year's figures, counted by the same rules as this year's. */
  indicators: Indicators;
  /** Attachment tables found in last year's submission. */
  tables: number;
  /** This year's 北京 firms with a paid order. */
  beijingPaidOrderEnterprises: number;
  /** Of those, the firms with a paid order last year too (not new). */
  returning: number;
  /** Of the returning, those last year's list placed outside 北京 (still not new: the firm had paid orders). */
  returningFromOutside: number;
  /** The new firms, in order of their first paid order this year. */
  newFirms: NewOrderFirm[];
}

export type ThresholdStatus = 'pass' | 'fail' | 'manual';

export interface Threshold {
  /** T1 … T11, the guide's 门槛条件 numbering. */
  id: string;
  /** The condition in the guide's words, shortened. */
  title: string;
  status: ThresholdStatus;
  value: number | null;
  required: number | null;
  /** Chinese explanation of how the value was reached or what the reviewer must check. */
  note: string;
}

export interface EnterpriseSample {
  rank: number;
  enterprise: string;
  /** 万元 */
  amount: number;
  orders: number;
  contracts: string[];
  /** How it was chosen: among the largest amounts, or drawn at random from the rest. */
  selection: 'amount' | 'random';
}

export interface OrderSample {
  rank: number;
  enterprise: string;
  amount: number;
  contract: string;
  file: string;
  sheet: string;
  row: number;
  selection: 'amount' | 'random';
}

/** A declared figure (附件4-2) beside the verified one. */
export interface DeclaredFigure {
  id: string;
  label: string;
  unit: string;
  declared: number | null;
  verified: number | null;
  status: 'match' | 'mismatch' | 'unverified' | 'missing';
  tolerance: string;
  /** Where the declared figure was read: the 申报数据 sheet's cell, or the JSON file. */
  file: string | null;
  sheet: string | null;
  cell: string | null;
}

export type Verdict = '不合格' | '待定' | '合格';

/** The verdict as the guide decides it (src/domain/scoring.ts decides it). */
export interface ReportScoring {
  /** Points of the computed indicators under the rubric (manual items count 0 until a reviewer scores them). */
  total: number;
  /** The rubric's 满分 for the category. */
  max: number;
  passScore: number;
  verdict: Verdict;
  /** 「得分高于80分的，择优给予服务绩效奖励」: above the pass score, and no threshold failed. */
  rewardEligible: boolean;
  /** One Chinese sentence: what the verdict means for the platform. */
  consequence: string;
  rubric: { official: boolean; source: string };
}

export interface ReviewReport {
  schemaVersion: 1;
  platform: { name: string | null; category: string; unit?: string | null; district?: string | null };
  year: number;
  tables: TableSummary[];
  indicators: Indicators;
  thresholds: Threshold[];
  findings: Finding[];
  /** Declared figures paired with verified ones; empty when nothing was declared. */
  declared: DeclaredFigure[];
  sampleRule: { by: 'enterprise' | 'order'; size: number; random: number; seed: number | null; description: string };
  sample: EnterpriseSample[] | OrderSample[];
  /** The verdict as the guide decides it, under the rubric the review was given (null without one). */
  scoring: ReportScoring | null;
  /** Last year's submission beside this one (`--previous`); absent when none was given. */
  previousYear?: PreviousYearReport;
}
