/**
 * One platform's submission after reading: its tables by kind, and the service list (附表4-2-1-2)
 * as an index of distinct enterprises that every other table is matched against.
 */
import { checkCreditCode } from './creditCode';
import type { DeclaredFigures } from './declared';
import { normalizeName } from './enterpriseName';
import type { RecognizedTable, TableCell, TableRow, UnrecognizedSheet } from './recognize';
import { resolveRegion, type Region } from './region';
import type { Indicators } from './report';
import type { TableKind } from './tableSpecs';
import { isExcelError } from './values';

/** A cell's text, trimmed; '' for blank. Dates and numbers come back as typed. */
export function cellText(cell: TableCell | undefined): string {
  if (!cell || cell.value === null) return '';
  // An Excel error value (#REF!) is no text: value-unreadable names it, and nothing counts it.
  if (cell.parsed?.state === 'error' && isExcelError(cell.value)) return '';
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return String(cell.value).trim();
}

/** A distinct enterprise of the service list, with every row that names it. */
export interface ServiceEnterprise {
  /** 0-based, in order of first appearance. */
  index: number;
  /** The name as first written. */
  name: string;
  key: string;
  creditCode: string | null;
  region: Region;
  regionBasis: 'province' | 'name' | 'none';
  table: RecognizedTable;
  /** The first row; later rows naming the same enterprise are duplicates. */
  row: TableRow;
  rows: TableRow[];
}

export interface DuplicateRow {
  table: RecognizedTable;
  row: TableRow;
  first: ServiceEnterprise;
  /** Same normalised name, or same 统一社会信用代码 under another name. */
  by: 'name' | 'creditCode';
}

export interface ServiceList {
  enterprises: ServiceEnterprise[];
  duplicates: DuplicateRow[];
  /** Find the service-list enterprise a name (or credit code) from another table refers to. */
  lookup(name: string, creditCode?: string): ServiceEnterprise | undefined;
  /** The service-list enterprise a row of another table names (looked up once per row). */
  enterpriseOf(row: TableRow): ServiceEnterprise | undefined;
}

/** A usable credit code for identity: 18 characters after normalisation (a failed check still identifies). */
function identityCode(raw: string): string | null {
  if (!raw) return null;
  const { normalized } = checkCreditCode(raw);
  return normalized.length === 18 ? normalized : null;
}

/** Build the index of distinct enterprises from every 附表4-2-1-2 table, in order. */
export function buildServiceList(tables: RecognizedTable[]): ServiceList {
  const enterprises: ServiceEnterprise[] = [];
  const duplicates: DuplicateRow[] = [];
  const byKey = new Map<string, ServiceEnterprise>();
  const byCode = new Map<string, ServiceEnterprise>();
  for (const table of tables) {
    for (const row of table.rows) {
      const name = cellText(row.cells.enterprise);
      if (!name) continue;
      const key = normalizeName(name);
      const code = identityCode(cellText(row.cells.creditCode));
      const sameName = byKey.get(key);
      const sameCode = code ? byCode.get(code) : undefined;
      const first = sameName ?? sameCode;
      if (first) {
        first.rows.push(row);
        duplicates.push({ table, row, first, by: sameName ? 'name' : 'creditCode' });
        if (!byKey.has(key)) byKey.set(key, first);
        if (code && !byCode.has(code)) byCode.set(code, first);
        continue;
      }
      const { region, basis } = resolveRegion(cellText(row.cells.province), name);
      const e: ServiceEnterprise = {
        index: enterprises.length,
        name,
        key,
        creditCode: code,
        region,
        regionBasis: basis,
        table,
        row,
        rows: [row],
      };
      enterprises.push(e);
      byKey.set(key, e);
      if (code) byCode.set(code, e);
    }
  }
  const lookup = (name: string, creditCode?: string) => {
    const hit = name ? byKey.get(normalizeName(name)) : undefined;
    if (hit) return hit;
    const code = creditCode ? identityCode(creditCode) : null;
    return code ? byCode.get(code) : undefined;
  };
  // A plain Map (faster than a WeakMap here): it lives only as long as the submission and its rows.
  const ofRow = new Map<TableRow, ServiceEnterprise | null>();
  return {
    enterprises,
    duplicates,
    lookup,
    enterpriseOf(row: TableRow) {
      let e = ofRow.get(row);
      if (e === undefined) {
        e = lookup(cellText(row.cells.enterprise), cellText(row.cells.creditCode)) ?? null;
        ofRow.set(row, e);
      }
      return e ?? undefined;
    },
  };
}

export interface ReviewOptions {
  /** The review year (上年度): 2024 for the 2024 evaluation. */
  year: number;
  category: string;
  /** 门槛4 relaxed to 50 for platforms serving manufacturing stages (小试中试、概念验证、智能制造…). */
  manufacturing: boolean;
  /** 门槛8: count a person with a degree OR a title (the guide's wording read as either), or only with both. */
  staffRule: 'either' | 'both';
  /** Highest first: an enterprise with several qualifications counts once, at the first of these it holds. */
  qualificationOrder: readonly string[];
  /** The platform reviewed, and its category in 附件4-1 when it is listed there. */
  platformName: string | null;
  rosterCategory: string | null;
}

/** A file given for review: read (with its sheet names) or not, with the Chinese reason. */
export interface GivenFile {
  file: string;
  sheets?: string[];
  error?: string;
}

export interface Submission {
  files: GivenFile[];
  tables: RecognizedTable[];
  /** Sheets that hold no recognisable table. */
  unrecognized: UnrecognizedSheet[];
  serviceList: ServiceList;
  options: ReviewOptions;
  /** What the platform declared (附件4-2), when a 申报数据 sheet or JSON was given. */
  declared: DeclaredFigures | null;
  /** Set by the review once computed, for checks that compare against them. */
  indicators?: Indicators;
  /** Last year's figures (`--previous`), set by the review when last year's submission is given. */
  previousIndicators?: Indicators;
  /** Every table of one kind, in reading order. */
  ofKind(kind: TableKind): RecognizedTable[];
}

export function buildSubmission(
  files: GivenFile[],
  recognized: { tables: RecognizedTable[]; unrecognized: UnrecognizedSheet[] },
  options: ReviewOptions,
  declared: DeclaredFigures | null = null,
): Submission {
  const { tables, unrecognized } = recognized;
  const ofKind = (kind: TableKind) => tables.filter((t) => t.kind === kind);
  return { files, tables, unrecognized, serviceList: buildServiceList(ofKind('4-2-1-2')), options, declared, ofKind };
}

/** Whether a parsed date cell falls in the review year. */
export function inYear(cell: TableCell | undefined, year: number): boolean {
  const p = cell?.parsed;
  return !!p && p.state === 'ok' && typeof p.value === 'object' && p.value.y === year;
}

/** A parsed number from an amount, percent or count cell, or undefined. */
export function numberOf(cell: TableCell | undefined): number | undefined {
  const p = cell?.parsed;
  return p && p.state === 'ok' && typeof p.value === 'number' ? p.value : undefined;
}
