/**
 * A sheet's cells, collected as they are read, laid out as the domain's grid. Memory follows the
 * cells present, not their spread: rows missing from the sheet share one empty row, and a row whose
 * few cells lie far apart keeps its gaps as holes instead of allocating every cell between them.
 */
import type { CellValue, SheetGrid } from '../../../domain/grid';

/** Excel's own limits: a file beyond them was not written by a spreadsheet. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** One row: values at index column − 1, the columns present in the order they came. */
interface CollectedRow {
  row: number;
  values: CellValue[];
  columns: number[];
  formats?: (string | null)[];
}

/** The shared row of a sheet's missing rows (never written to). */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Gaps in a row are filled when the row is mostly cells; past this spread they stay holes. */
const DENSE_SPREAD = 256;

/** A row or column number beyond Excel's limits, for the reader to turn into a reason. */
export class SheetBoundsError extends Error {
  constructor(readonly what: 'row' | 'column', readonly value: number) {
    super(`${what} ${value} is beyond Excel's limits`);
    this.name = 'SheetBoundsError';
  }
}

/**
 * The reviewer's reason for a row or column beyond Excel's limits, in every format's words alike:
 * the sheet (or, for a CSV, the file) and the number past the limit.
 */
export function boundsReason(err: SheetBoundsError, sheet: string | null): string {
  const what = err.what === 'row' ? `行号 ${err.value}` : `列号 ${err.value}`;
  const limit = err.what === 'row' ? `${MAX_ROWS.toLocaleString('en-US')} 行` : `${MAX_COLUMNS.toLocaleString('en-US')} 列`;
  return sheet === null
    ? `CSV 文件的${what} 超出 Excel 的上限（${limit}），Excel 也无法完整打开，请拆分后重新提交`
    : `工作表「${sheet}」的${what} 超出 Excel 的上限（${limit}），文件不是由电子表格软件正常保存的`;
}

export class GridBuilder {
  private rows: CollectedRow[] = [];
  private current: CollectedRow | undefined;
  private firstColumn = Infinity;
  private lastColumn = 0;
  private sorted = true;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
  ) {}

  /** Start a row (1-based). Cells added after this belong to it. */
  startRow(row: number): void {
    if (!(row >= 1 && row <= MAX_ROWS)) throw new SheetBoundsError('row', row);
    this.endRow();
    this.current = { row, values: [], columns: [] };
  }

  /** A non-empty value at a 1-based column of the current row; a later value at the same cell wins. */
  add(column: number, value: CellValue, format?: string | null): void {
    if (!(column >= 1 && column <= MAX_COLUMNS)) throw new SheetBoundsError('column', column);
    const r = this.current;
    if (!r) return;
    if (r.values[column - 1] === undefined) r.columns.push(column);
    r.values[column - 1] = value;
    if (format && typeof value === 'number') (r.formats ??= [])[column - 1] = format;
    else if (r.formats) r.formats[column - 1] = null;
  }

  /** Finish the current row (also done by the next {@link startRow} and by {@link build}). */
  endRow(): void {
    const r = this.current;
    this.current = undefined;
    if (!r || r.columns.length === 0) return;
    const last = this.rows[this.rows.length - 1];
    if (last && last.row >= r.row) {
      if (last.row === r.row) {
        // The same row twice: its cells join the first reading, later values winning.
        for (const c of r.columns) {
          if (last.values[c - 1] === undefined) last.columns.push(c);
          last.values[c - 1] = r.values[c - 1];
          const f = r.formats?.[c - 1];
          if (f) (last.formats ??= [])[c - 1] = f;
          else if (last.formats) last.formats[c - 1] = null;
        }
        this.track(r.columns);
        return;
      }
      this.sorted = false;
    }
    this.track(r.columns);
    this.rows.push(r);
  }

  private track(columns: number[]): void {
    for (const c of columns) {
      if (c < this.firstColumn) this.firstColumn = c;
      if (c > this.lastColumn) this.lastColumn = c;
    }
  }

  /**
   * Clear every cell of a merged range but its top-left one, as Excel and Office.js show it.
   * Call after all rows are added.
   */
  applyMerges(merges: { top: number; left: number; bottom: number; right: number }[]): void {
    this.endRow();
    if (merges.length === 0) return;
    this.sortRows();
    const rows = this.rows;
    for (const m of merges) {
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
        for (const c of r.columns) {
          if (c < m.left || c > m.right || (r.row === m.top && c === m.left)) continue;
          r.values[c - 1] = null;
        }
      }
    }
    for (const r of this.rows) {
      const kept = r.columns.filter((c) => r.values[c - 1] !== null);
      if (kept.length !== r.columns.length) {
        for (const c of r.columns) if (r.values[c - 1] === null) delete r.values[c - 1];
        r.columns = kept;
      }
    }
    this.rows = this.rows.filter((r) => r.columns.length > 0);
    this.firstColumn = Infinity;
    this.lastColumn = 0;
    for (const r of this.rows) this.track(r.columns);
  }

  private sortRows(): void {
    if (!this.sorted) {
      this.rows.sort((a, b) => a.row - b.row);
      this.sorted = true;
    }
  }

  build(): SheetGrid {
    this.endRow();
    this.sortRows();
    const { rows, file, sheet, firstColumn } = this;
    if (rows.length === 0) return { file, sheet, firstRow: 1, firstColumn: 1, values: [], numberFormats: [] };
    const firstRow = rows[0].row;
    const height = rows[rows.length - 1].row - firstRow + 1;
    const values: CellValue[][] = new Array(height);
    const numberFormats: (string | null)[][] = new Array(height);
    for (const r of rows) {
      values[r.row - firstRow] = layRow(r.values, r.columns, firstColumn, null);
      if (r.formats) numberFormats[r.row - firstRow] = layRow(r.formats, r.columns, firstColumn, null);
    }
    for (let i = 0; i < height; i++) {
      values[i] ??= EMPTY_ROW;
      numberFormats[i] ??= EMPTY_ROW as (string | null)[];
    }
    this.rows = [];
    return { file, sheet, firstRow, firstColumn, values, numberFormats };
  }
}

/**
 * One collected row as a grid row from `firstColumn`: as long as its own last cell. Gaps are null
 * when the row is dense; a sparse row keeps them as holes (read back as undefined, that is empty).
 */
function layRow<T>(collected: (T | null)[], columns: number[], firstColumn: number, blank: null): (T | null)[] {
  let last = 0;
  for (const c of columns) if (c > last) last = c;
  const length = last - firstColumn + 1;
  const dense = length <= DENSE_SPREAD || columns.length * 8 >= length;
  if (firstColumn === 1) {
    if (dense) for (let k = 0; k < length; k++) if (collected[k] === undefined) collected[k] = blank;
    collected.length = length;
    return collected;
  }
  const out: (T | null)[] = dense ? new Array<T | null>(length).fill(blank) : [];
  for (const c of columns) out[c - firstColumn] = collected[c - 1] ?? blank;
  if (!dense) out.length = length;
  return out;
}
