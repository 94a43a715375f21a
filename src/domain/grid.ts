/**
 * A sheet as the domain sees it: plain values read by a workbook adapter (ExcelJS or Office.js),
 * with enough position to name every cell in a finding.
 */

/** A cell value as both adapters deliver it. Formulas arrive as their cached result. */
export type CellValue = string | number | boolean | Date | null;

/** One sheet's used range. `values[0][0]` is the cell at (`firstRow`, `firstColumn`). */
export interface SheetGrid {
  /** The submitted file's name (as the user gave it, without folders), e.g. `附表4-2-1-2.xlsx`. */
  file: string;
  /** The worksheet's name. */
  sheet: string;
  /** 1-based sheet row of `values[0]`. */
  firstRow: number;
  /** 1-based sheet column of `values[r][0]`. */
  firstColumn: number;
  values: CellValue[][];
  /**
   * Number formats, same shape as `values` where known (`General`, `0.00%`, `yyyy-mm-dd`…).
   * A percentage typed as 0.95 is only recognisable by its format.
   */
  numberFormats?: (string | null | undefined)[][];
}

/** Where a value came from, so every number can be traced back to its cell. */
export interface CellRef {
  file: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column. */
  column: number;
  /** A1 address, e.g. `C12`. */
  cell: string;
}

/**
 * Column letters for a 1-based column number.
 *
 * @example
 * columnLetter(1) // 'A'
 * columnLetter(28) // 'AB'
 */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The 1-based column number of the letters that start an A1 reference (either case);
 * 0 when it starts with no letter.
 *
 * @example
 * columnNumber('AB12') // 28
 * columnNumber('c') // 3
 */
export function columnNumber(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper-case an ASCII letter
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

/**
 * An A1 range's corners (`$` allowed, corners in any order); a single cell is a 1×1 range; null when not a range.
 *
 * @example
 * parseRange('B3:A1') // { top: 1, left: 1, bottom: 3, right: 2 }
 */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * The A1 address of a 1-based row and column.
 *
 * @example
 * a1(12, 3) // 'C12'
 */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** The value at a 1-based sheet position, or null outside the used range. */
export function cellAt(grid: SheetGrid, row: number, column: number): CellValue {
  const r = grid.values[row - grid.firstRow];
  if (!r) return null;
  const v = r[column - grid.firstColumn];
  return v === undefined ? null : v;
}

/** The last 1-based sheet row of the used range. */
export function lastRow(grid: SheetGrid): number {
  return grid.firstRow + grid.values.length - 1;
}

const widths = new WeakMap<CellValue[][], number>();

/** The last 1-based sheet column of the used range (the width is measured once per grid). */
export function lastColumn(grid: SheetGrid): number {
  let width = widths.get(grid.values);
  if (width === undefined) {
    width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
    widths.set(grid.values, width);
  }
  return grid.firstColumn + width - 1;
}
