/** Cells, rows and tables: the in-memory model of a submission before it is laid out in sheets. */
import { AmountUnit, CheckId, ResolvedSubmissionOptions, SubmissionOptions, SubmissionStats, TableId } from './types';
import { Rng } from './random';
import { GIVEN, SURNAMES } from './words';
import { Enterprise } from './enterprises';

// Cells, rows and tables (the in-memory model before layout)
// ---------------------------------------------------------------------------------------------

export type Scalar = string | number | Date | null;
export interface CellSpec {
  v: Scalar;
  fmt?: string;
  /** SUM / AVERAGE over the table's data rows in this column; `v` is the cached result. */
  formula?: 'SUM' | 'AVERAGE';
  /** The formula's range, filled in at layout (e.g. `F5:F18`). */
  ref?: string;
}
export type Cell = Scalar | CellSpec;

export function isSpec(c: Cell | undefined): c is CellSpec {
  return c !== null && c !== undefined && typeof c === 'object' && !(c instanceof Date);
}

export type RowKind = 'data' | 'blank' | 'total' | 'average';
export interface RowModel {
  kind: RowKind;
  cells: Record<string, Cell>;
}

export interface ColumnDef {
  key: string;
  header: string;
  width: number;
  /** Group header above this column (two-row header of 附表4-2-1-1). */
  group?: string;
}

export interface TableModel {
  id: TableId;
  columns: ColumnDef[];
  rows: RowModel[];
  /** Lines above the header: titles (merged across the table). */
  titleLines: string[];
  /** Stamp line (left) above the header. */
  stampLine: string | null;
  /** Unit line (right) above the header. */
  unitLine: string | null;
  note: string | null;
  amountUnit: AmountUnit | null;
}

export interface Draft {
  check: CheckId;
  table: TableId | null;
  row: RowModel | null;
  key: string | null;
  related: { row: RowModel; key?: string }[];
  extraRow: boolean;
  description: string;
  file?: string;
}

export const DAY_MS = 86400000;

export function utcDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function randomDateInYear(rng: Rng, year: number, from = 1, to = 366): Date {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  const day = rng.int(Math.max(1, from), Math.min(days, to)) - 1;
  return new Date(Date.UTC(year, 0, 1) + day * DAY_MS);
}

export const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]);
}

export function withThousands(n: number, decimals = 2): string {
  const [int, frac] = n.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export const DATE_FORMATS = ['yyyy-mm-dd', 'yyyy/m/d', 'yyyy"年"m"月"d"日"'];

/** A date as an Excel date (clean) or, when messy, also as text in the forms people type. */
export function dateCell(rng: Rng, d: Date, messy: boolean): Cell {
  if (!messy) return { v: d, fmt: 'yyyy-mm-dd' };
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const p2 = (n: number) => String(n).padStart(2, '0');
  return rng.weighted<Cell>([
    [{ v: d, fmt: rng.pick(DATE_FORMATS) }, 11],
    [`${y}/${m}/${day}`, 3],
    [`${y}.${p2(m)}.${p2(day)}`, 2],
    [`${y}年${m}月${day}日`, 3],
    [`${y}-${p2(m)}-${p2(day)}`, 2],
  ]);
}

/** A satisfaction percentage (e.g. 95) as 95, "95%" or 0.95 formatted as a percentage. */
export function percentCell(rng: Rng, pct: number, messy: boolean): Cell {
  if (!messy) return pct;
  const whole = Number.isInteger(pct);
  return rng.weighted<Cell>([
    [pct, 6],
    [`${pct}%`, 2],
    [{ v: Number((pct / 100).toFixed(4)), fmt: whole ? '0%' : '0.0%' }, 2],
  ]);
}

export function amountCell(rng: Rng, wan: number, unit: AmountUnit, messy: boolean): Cell {
  if (unit === '万元') {
    if (!messy) return { v: wan, fmt: '0.00' };
    return rng.weighted<Cell>([
      [{ v: wan, fmt: '0.00' }, 15],
      [wan.toFixed(2), 2],
      [toFullWidthDigits(String(wan)), 2],
      [`${wan}万元`, 2],
    ]);
  }
  const yuan = Math.round(wan * 10000);
  if (!messy) return { v: yuan, fmt: '#,##0.00' };
  return rng.weighted<Cell>([
    [{ v: yuan, fmt: '#,##0.00' }, 14],
    [withThousands(yuan), 3],
    [toFullWidthDigits(String(yuan)), 2],
    [`${yuan}元`, 2],
    // The suffix states its own unit, even in a column headed （元）.
    [`${wan}万元`, 1],
  ]);
}

/** The same name typed differently: other brackets or stray spaces (ASCII or U+3000). */
export function nameVariant(rng: Rng, name: string): string {
  if (name.includes('（') && rng.chance(0.6)) return name.replace('（', '(').replace('）', ')');
  return rng.weighted([
    [`${name} `, 2],
    [`\u3000${name}`, 2],
    [`${name}\u3000`, 1],
    [name.length > 4 ? `${name.slice(0, 2)} ${name.slice(2)}` : ` ${name}`, 2],
  ] as const);
}

export function messyName(rng: Rng, name: string, messy: boolean, p = 0.12): string {
  return messy && rng.chance(p) ? nameVariant(rng, name) : name;
}

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.65) ? rng.pick(GIVEN) : '');
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

export function phone(rng: Rng): string {
  return rng.chance(0.75) ? mobile(rng) : `010-${rng.int(5, 8)}${String(rng.int(0, 9999999)).padStart(7, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Building the tables
// ---------------------------------------------------------------------------------------------

export const DEFAULTS: Omit<ResolvedSubmissionOptions, 'seed' | 'amountUnit'> = {
  enterprises: 120,
  orders: 150,
  staff: 12,
  products: 8,
  activities: 14,
  survey: 60,
  institutions: 7,
  innovative: 20,
  messy: false,
  planted: false,
  includeBroken: false,
  layout: 'one-file-each',
  platformName: '星河中小企业公共服务平台',
  year: 2024,
};

export function resolveOptions(options: SubmissionOptions): ResolvedSubmissionOptions {
  const o: ResolvedSubmissionOptions = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    amountUnit: options.amountUnit ?? (options.messy ? '元' : '万元'),
  } as ResolvedSubmissionOptions;
  if (!Number.isInteger(o.seed)) throw new Error('seed must be an integer');
  const min = o.planted
    ? { enterprises: 20, orders: 20, staff: 1, products: 1, activities: 6, survey: 3, institutions: 3, innovative: 3 }
    : { enterprises: 1, orders: 1, staff: 1, products: 1, activities: 1, survey: 1, institutions: 1, innovative: 1 };
  for (const [key, lo] of Object.entries(min)) {
    const v = o[key as keyof typeof min];
    if (!Number.isInteger(v) || v < lo) {
      throw new Error(`option ${key} must be an integer ≥ ${lo}${o.planted ? ' when planted' : ''} (got ${v})`);
    }
  }
  return o;
}

export interface Order {
  ent: Enterprise;
  /** The name as typed in this row. */
  name: string;
  service: string;
  sizeClass: string | null;
  wan: number;
  date: Date;
  contractNo: string;
  trio: boolean;
}

export interface BuildResult {
  tables: Record<TableId, TableModel>;
  drafts: Draft[];
  stats: SubmissionStats;
}

export function operatorName(platformName: string): string {
  return `北京${platformName.slice(0, 2)}企业服务有限公司`;
}

export function seqCells(rows: RowModel[]): void {
  let n = 0;
  for (const r of rows) if (r.kind === 'data') r.cells.seq = ++n;
}

export function insertAt<T>(list: T[], index: number, item: T): void {
  list.splice(Math.max(0, Math.min(index, list.length)), 0, item);
}


