/**
 * A sheet's cells, collected as they are read, laid out as the domain's grid. Memory follows the
 * cells present, not their spread: rows missing from the sheet share one empty row, and a row whose
 * few cells lie far apart keeps its gaps as holes instead of allocating every cell between them.
 */
import type { CellValue, SheetGrid } from '../../../domain/grid';
import { Unreadable } from './problem';

/** Excel's own limits: a file beyond them was not written by a spreadsheet. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * One row as read: its cells as parallel lists (column, value, number format), in the order they
 * came, so that a row's memory follows its cells, not their columns.
 */
interface CollectedRow {
  row: number;
  columns: number[];
  values: CellValue[];
  /** Per cell, its number format if it is a number shown in one (absent or shorter: none). */
  formats?: (string | null)[];
  /** Where each column sits, once a cell came out of column order (a row written twice, or backwards). */
  at?: Map<number, number>;
}

/** The shared row of a sheet's missing rows (never written to). */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Gaps in a row are filled when the row is mostly cells, or spans at most this many columns. */
const DENSE_SPREAD = 256;

/**
 * Slots a sheet may spend filling the gaps of rows that are not mostly cells (at least; 8 per cell
 * on a big sheet). Past it such rows keep holes, so a million rows each with a cell in A and one in
 * IV cost their two cells, not 256 slots each.
 */
const DENSE_BUDGET = 1 << 22;

/** Cell visits merged ranges may cost, at least (64 per cell on a big sheet): overlapping ranges are past it. */
const MERGE_BUDGET = 1 << 24;

/** A merged range, 1-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A row or column number beyond Excel's limits, for the reader to turn into a reason. */
export class SheetBoundsError extends Error {
  /**
   * @param shown the number as the file wrote it, when it is too long to be read as one (400 digits
   *   are Infinity to JavaScript, and no reviewer should be told 「行号 Infinity」)
   */
  constructor(
    readonly what: 'row' | 'column',
    readonly value: number,
    readonly shown?: string,
  ) {
    super(`${what} ${value} is beyond Excel's limits`);
    this.name = 'SheetBoundsError';
  }
}

/** A number or reference as written, cut to a readable length. */
export function shortened(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/**
 * The reviewer's reason for a row or column beyond Excel's limits, in every format's words alike:
 * the sheet (or, for a CSV, the file) and the number past the limit.
 */
export function boundsReason(err: SheetBoundsError, sheet: string | null): string {
  const number = Number.isFinite(err.value) && err.value < 1e9 ? String(err.value) : (err.shown ?? String(err.value));
  const what = err.what === 'row' ? `行号 ${number}` : `列号 ${number}`;
  const limit = err.what === 'row' ? `${MAX_ROWS.toLocaleString('en-US')} 行` : `${MAX_COLUMNS.toLocaleString('en-US')} 列`;
  // Numbering starts at 1: a 0 is no row at all (a CSV never has one).
  if (err.value < 1) return `工作表「${sheet ?? ''}」的${what} 无效（应从 1 开始），文件不是由电子表格软件正常保存的`;
  return sheet === null
    ? `CSV 文件的${what} 超出 Excel 的上限（${limit}），Excel 也无法完整打开，请拆分后重新提交`
    : `工作表「${sheet}」的${what} 超出 Excel 的上限（${limit}），文件不是由电子表格软件正常保存的`;
}

export class GridBuilder {
  private rows: CollectedRow[] = [];
  private current: CollectedRow | undefined;
  private sorted = true;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
  ) {}

  /** Start a row (1-based). Cells added after this belong to it. */
  startRow(row: number): void {
    if (!(row >= 1 && row <= MAX_ROWS)) throw new SheetBoundsError('row', row);
    this.endRow();
    this.current = { row, columns: [], values: [] };
  }

  /** A non-empty value at a 1-based column of the current row; a later value at the same cell wins. */
  add(column: number, value: CellValue, format?: string | null): void {
    if (!(column >= 1 && column <= MAX_COLUMNS)) throw new SheetBoundsError('column', column);
    if (this.current) put(this.current, column, value, format && typeof value === 'number' ? format : null);
  }

  /** Finish the current row (also done by the next {@link startRow} and by {@link build}). */
  endRow(): void {
    const r = this.current;
    this.current = undefined;
    if (!r || r.columns.length === 0) return;
    const last = this.rows[this.rows.length - 1];
    if (last && last.row === r.row) {
      // The same row twice: its cells join the first reading, later values winning.
      join(last, r);
      return;
    }
    if (last && last.row > r.row) this.sorted = false;
    this.rows.push(r);
  }

  /**
   * Clear every cell of a merged range but its top-left one, as Excel and Office.js show it.
   * Call after all rows are added.
   * @throws Unreadable when the ranges overlap so much that clearing them would cost more than the cells
   */
  applyMerges(merges: MergedRange[]): void {
    this.endRow();
    if (merges.length === 0) return;
    this.sortRows();
    const rows = this.rows;
    let budget = Math.max(MERGE_BUDGET, 64 * cellsIn(rows));
    const seen = new Set<string>();
    for (const m of merges) {
      // A range listed twice clears nothing more.
      const key = `${m.top},${m.left},${m.bottom},${m.right}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Rows are sorted: start at the merge's top row, stop past its bottom (not every row per merge).
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (rows[mid].row < m.top) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < rows.length && rows[i].row <= m.bottom; i++) {
        const r = rows[i];
        budget -= r.columns.length;
        if (budget < 0) throw new Unreadable(`工作表「${this.sheet}」的合并单元格区域相互重叠或多得异常（${merges.length.toLocaleString('en-US')} 处），文件不是由电子表格软件正常保存的`);
        for (let k = 0; k < r.columns.length; k++) {
          const c = r.columns[k];
          if (c < m.left || c > m.right || (r.row === m.top && c === m.left)) continue;
          r.values[k] = null;
        }
      }
    }
    for (const r of rows) {
      if (!r.values.includes(null)) continue;
      const kept: CollectedRow = { row: r.row, columns: [], values: [] };
      for (let k = 0; k < r.columns.length; k++) if (r.values[k] !== null) put(kept, r.columns[k], r.values[k], r.formats?.[k] ?? null);
      r.columns = kept.columns;
      r.values = kept.values;
      r.formats = kept.formats;
      r.at = kept.at;
    }
    this.rows = rows.filter((r) => r.columns.length > 0);
  }

  /** Rows in sheet order, a row read in two places joined into one (later values winning). */
  private sortRows(): void {
    if (this.sorted) return;
    // A stable sort keeps a row's readings in reading order, so the later one still wins.
    this.rows.sort((a, b) => a.row - b.row);
    const joined: CollectedRow[] = [];
    for (const r of this.rows) {
      const last = joined[joined.length - 1];
      if (last && last.row === r.row) join(last, r);
      else joined.push(r);
    }
    this.rows = joined;
    this.sorted = true;
  }

  build(): SheetGrid {
    this.endRow();
    this.sortRows();
    const { rows, file, sheet } = this;
    if (rows.length === 0) return { file, sheet, firstRow: 1, firstColumn: 1, values: [], numberFormats: [] };
    let firstColumn = Infinity;
    for (const r of rows) for (const c of r.columns) if (c < firstColumn) firstColumn = c;
    const firstRow = rows[0].row;
    const height = rows[rows.length - 1].row - firstRow + 1;
    const values: CellValue[][] = new Array(height);
    const numberFormats: (string | null)[][] = new Array(height);
    let slots = Math.max(DENSE_BUDGET, 8 * cellsIn(rows));
    for (const r of rows) {
      let last = 0;
      for (const c of r.columns) if (c > last) last = c;
      const length = last - firstColumn + 1;
      // Mostly cells (at most 8 slots a cell) is always filled; a narrow row while the budget lasts.
      const dense = r.columns.length * 8 >= length || (length <= DENSE_SPREAD && slots >= length);
      if (dense && r.columns.length * 8 < length) slots -= length;
      // A row whose cells run unbroken from the first column is already laid out: kept as it came.
      const asRead = !r.at && r.columns.length === length && r.columns[0] === firstColumn;
      values[r.row - firstRow] = asRead ? r.values : layRow(r.values, r.columns, firstColumn, length, dense);
      if (r.formats?.some((f) => f)) numberFormats[r.row - firstRow] = asRead ? filled(r.formats, length) : layRow(r.formats, r.columns, firstColumn, length, dense);
    }
    for (let i = 0; i < height; i++) {
      values[i] ??= EMPTY_ROW;
      numberFormats[i] ??= EMPTY_ROW as (string | null)[];
    }
    this.rows = [];
    return { file, sheet, firstRow, firstColumn, values, numberFormats };
  }
}

function cellsIn(rows: readonly CollectedRow[]): number {
  let n = 0;
  for (const r of rows) n += r.columns.length;
  return n;
}

/** A list `length` long with its holes and missing end as null. */
function filled<T>(list: (T | null | undefined)[], length: number): (T | null)[] {
  for (let k = 0; k < length; k++) list[k] ??= null;
  list.length = length;
  return list as (T | null)[];
}

/** A cell into a collected row: appended when its column comes after the row's last, else found and replaced. */
function put(r: CollectedRow, column: number, value: CellValue, format: string | null): void {
  const { columns } = r;
  const n = columns.length;
  let k = n;
  // In column order a column after the last is new; once out of order, only the index knows.
  if (r.at || (n > 0 && column <= columns[n - 1])) {
    if (!r.at) {
      r.at = new Map();
      for (let i = 0; i < n; i++) r.at.set(columns[i], i);
    }
    k = r.at.get(column) ?? n;
  }
  if (k === n) {
    columns.push(column);
    r.at?.set(column, k);
  }
  r.values[k] = value;
  if (format) (r.formats ??= [])[k] = format;
  else if (r.formats && k < r.formats.length) r.formats[k] = null;
}

/** A second reading of a row into the first: its cells in order, later values winning. */
function join(into: CollectedRow, r: CollectedRow): void {
  for (let k = 0; k < r.columns.length; k++) put(into, r.columns[k], r.values[k], r.formats?.[k] ?? null);
}

/**
 * One collected row as a grid row from `firstColumn`, `length` long (to its own last cell). Filled,
 * its gaps are null; else they stay holes (read back as undefined, that is empty), and the array
 * is made sparse from the start, since V8 gives an array a slot for every index up to about a
 * thousand past its last before it keeps only the elements present.
 */
function layRow<T>(cells: readonly (T | null | undefined)[], columns: readonly number[], firstColumn: number, length: number, dense: boolean): (T | null)[] {
  let out: (T | null)[];
  if (dense) {
    out = new Array<T | null>(length).fill(null);
  } else {
    out = [];
    out[length + 2048] = null; // an index far past any capacity: V8 switches the array to keeping only its elements
  }
  for (let k = 0; k < columns.length; k++) {
    const v = cells[k];
    if (v !== undefined && v !== null) out[columns[k] - firstColumn] = v;
    else if (dense) out[columns[k] - firstColumn] = null;
  }
  if (!dense) out.length = length;
  return out;
}
