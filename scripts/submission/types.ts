/** The generator's public types: the options, the manifest of planted problems, the stats. */


// Public types
// ---------------------------------------------------------------------------------------------

export type TableId =
  | '4-2-1-1'
  | '4-2-1-2'
  | '4-2-1-3'
  | '4-2-1-4'
  | '4-2-1-5'
  | '4-2-1-6'
  | '4-2-1-7'
  | '4-2-1-8';

export const TABLE_IDS: readonly TableId[] = [
  '4-2-1-1',
  '4-2-1-2',
  '4-2-1-3',
  '4-2-1-4',
  '4-2-1-5',
  '4-2-1-6',
  '4-2-1-7',
  '4-2-1-8',
];

/** The template's table titles (附表4-2-1-2 and 4-2-1-3 carry the year in front in filled-in files). */
export const TABLE_TITLES: Readonly<Record<TableId, string>> = {
  '4-2-1-1': '从事为中小企业服务人员情况表',
  '4-2-1-2': '年度服务企业名单',
  '4-2-1-3': '年度合同订单列表',
  '4-2-1-4': '服务产品（项目）名单',
  '4-2-1-5': '服务活动台账',
  '4-2-1-6': '服务对象满意度调查表',
  '4-2-1-7': '合作服务机构名单',
  '4-2-1-8': '服务创新型高成长中小企业名单',
};

/** The review engine's check ids that the generator can plant. */
export type CheckId =
  | 'duplicate-enterprise'
  | 'possible-duplicate-enterprise'
  | 'region-order'
  | 'region-outside'
  | 'region-unknown'
  | 'credit-code-invalid'
  | 'size-class-invalid'
  | 'date-out-of-year'
  | 'not-in-service-list'
  | 'institution-date'
  | 'qualification-unrecognized'
  | 'activity-order'
  | 'total-mismatch'
  | 'size-class-mismatch'
  | 'declared-mismatch'
  | 'size-class-conflict'
  | 'staff-title-unrecognized'
  | 'activity-topic'
  | 'platform-name-invalid'
  | 'declared-inconsistent'
  | 'file-unreadable';

export type SubmissionLayout = 'one-file-each' | 'one-workbook' | 'mixed';
export type AmountUnit = '万元' | '元';

export interface SubmissionOptions {
  seed: number;
  /** Rows of 附表4-2-1-2 before planted extras. Default 120. */
  enterprises?: number;
  /** Rows of 附表4-2-1-3 before planted extras. Default 150. */
  orders?: number;
  /** Rows of 附表4-2-1-1. Default 12. */
  staff?: number;
  /** Rows of 附表4-2-1-4. Default 8. */
  products?: number;
  /** Rows of 附表4-2-1-5 (without the 合计 row). Default 14. */
  activities?: number;
  /** Rows of 附表4-2-1-6 before planted extras (without the 平均满意度 row). Default 60. */
  survey?: number;
  /** Rows of 附表4-2-1-7. Default 7. */
  institutions?: number;
  /** Rows of 附表4-2-1-8 before planted extras. Default 20. */
  innovative?: number;
  /** Mix in what real files do (title rows, text dates, amounts in 元, blank rows, …). Default false. */
  messy?: boolean;
  /** Plant instances of every checked problem and record them in the manifest. Default false. */
  planted?: boolean;
  /** Also write `损坏的附件.xlsx`, a few random bytes that are no xlsx. Default false. */
  includeBroken?: boolean;
  /** Default 'one-file-each'. */
  layout?: SubmissionLayout;
  /** Default 星河中小企业公共服务平台. */
  platformName?: string;
  /** The review year. Default 2024. */
  year?: number;
  /** Unit of 附表4-2-1-3's amount column. Default 元 when messy (header `合同金额（元）`), else 万元. */
  amountUnit?: AmountUnit;
}

export type ResolvedSubmissionOptions = Required<SubmissionOptions>;

/** A cell value as recorded in the manifest: dates as `YYYY-MM-DD`, formulas as their result. */
export type ManifestValue = string | number | null;

export interface ManifestCellRef {
  /** 1-based sheet row. */
  row: number;
  /** 1-based column, when one cell is meant. */
  column: number | null;
  /** A1 address, when one cell is meant. */
  cell: string | null;
  value: ManifestValue;
}

export interface PlantedItem {
  check: CheckId;
  /** null for `file-unreadable`. */
  table: TableId | null;
  /** File name inside the submission folder. */
  file: string;
  sheet: string | null;
  /** 1-based sheet row showing the problem; null for `file-unreadable`. */
  row: number | null;
  /** 1-based column of the cell showing the problem (null when the whole row is meant). */
  column: number | null;
  cell: string | null;
  /** That cell's value as written. */
  value: ManifestValue;
  /** Other rows involved: the original of a duplicate, the other of a swapped pair, … */
  related: ManifestCellRef[];
  /** Whether this item added a row (so row counts = option count + extras). */
  extraRow: boolean;
  description: string;
}

export interface ManifestTable {
  table: TableId;
  title: string;
  file: string;
  sheet: string;
  /** Rows above the header: titles, stamp and unit lines. */
  titleRows: number[];
  /** One row, or two for the grouped header of 附表4-2-1-1. */
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  /** Data rows, without blank, 合计 / 平均满意度 and note rows. */
  dataRows: number;
  blankRows: number[];
  totalRow: number | null;
  averageRow: number | null;
  noteRow: number | null;
  /** Stable column keys (`enterprise`, `creditCode`, `amount`, …) → 1-based column. */
  columns: Record<string, number>;
  /** Stable column keys → header text as written (leaf header for grouped columns). */
  headers: Record<string, string>;
  amountUnit: AmountUnit | null;
}

export interface ManifestFile {
  file: string;
  tables: TableId[];
  sheets: string[];
  readable: boolean;
}

export interface SubmissionStats {
  /** Rows of 附表4-2-1-2 including planted extras. */
  serviceListRows: number;
  /** 附表4-2-1-2 rows by the region the generator gave them (BJ, TJ, HB, OUT, UNKNOWN). */
  serviceListRowsByRegion: Record<string, number>;
  orderRows: number;
  /** Sum of all 附表4-2-1-3 data rows in 万元 (whatever unit the sheet uses). */
  orderAmountTotalWanYuan: number;
  activityRows: number;
  /** True sums of 参与企业家数 / 参与人数 over the activity rows. */
  activityEnterprisesTotal: number;
  activityPeopleTotal: number;
  surveyRows: number;
  /** True mean of 服务满意度 in percent, rounded to 2 decimals. */
  surveyAverage: number;
  innovativeRows: number;
  institutionRows: number;
}

export interface SubmissionManifest {
  generator: 'scripts/submission.ts';
  formatVersion: 1;
  options: ResolvedSubmissionOptions;
  files: ManifestFile[];
  tables: ManifestTable[];
  planted: PlantedItem[];
  stats: SubmissionStats;
}

// ---------------------------------------------------------------------------------------------
