/**
 * Small pure helpers shared by the sheet layouts: the text guard, display widths of CJK text,
 * A1 references and formula string literals.
 */
import { a1, columnLetter } from '../../domain/grid';
import type { LayoutCell, LayoutColumn, LayoutStyle, LayoutValue } from './types';

export { a1, columnLetter };

/** Characters that make a spreadsheet read a typed or pasted string as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Whether a string would be taken as a formula if typed into a cell: it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return.
 *
 * @example
 * looksLikeFormula('=HYPERLINK("http://x","y")') // true
 * looksLikeFormula('北京某某科技有限公司') // false
 */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/**
 * Submission text as a cell value that stays text: writers store it as a string with the text
 * number format, so `=…`, `+1`, `-2`, `@SUM(A1)`, `0012` or `2024-01-01` are never turned into a
 * formula, number or date (ExcelJS writes strings as strings; Office.js needs the `@` format).
 * Numbers pass through as numbers; empty values become null.
 *
 * @example
 * asText('=1+1') // { value: '=1+1', text: true }
 * asText(12.5) // { value: 12.5 }
 */
export function asText(value: string | number | null | undefined): Pick<LayoutCell, 'value' | 'text'> {
  if (value === null || value === undefined || value === '') return { value: null };
  if (typeof value === 'number') return { value };
  return { value, text: true };
}

/**
 * Display width of a string in Excel character units: CJK and full-width characters count double.
 *
 * @example
 * displayWidth('abc') // 3
 * displayWidth('企业名称') // 8
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** The text a cell shows, roughly, for measuring. */
function shownText(value: LayoutValue, numFmt: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'object') return shownText(value.result ?? null, numFmt);
  if (typeof value === 'number') {
    if (numFmt?.includes('%')) return `${(value * 100).toFixed(1)}%`;
    if (numFmt?.includes('0.00')) return value.toFixed(2);
    return String(Math.round(value * 100) / 100);
  }
  return String(value);
}

/**
 * Column widths that fit the cells' contents (longest line, CJK counting double, plus padding),
 * within each column's `[min, max]`; wrapped columns take at most `max` and wrap the rest.
 * Cells spanning several columns (merged titles) are ignored via `skip`.
 */
export function fitColumns(
  cells: LayoutCell[],
  limits: { min: number; max: number; hidden?: boolean }[],
  skip: (cell: LayoutCell) => boolean = () => false,
): LayoutColumn[] {
  const widths = limits.map((l) => l.min);
  for (const cell of cells) {
    const i = cell.col - 1;
    if (i >= limits.length || skip(cell)) continue;
    const lines = shownText(cell.value, cell.numFmt).split('\n');
    const w = Math.max(...lines.map(displayWidth)) * (cell.bold ? 1.1 : 1) * ((cell.size ?? 11) / 11) + 2;
    widths[i] = Math.max(widths[i], Math.min(limits[i].max, Math.ceil(w)));
  }
  return limits.map((l, i) => (l.hidden ? { width: widths[i], hidden: true } : { width: widths[i] }));
}

/** Row height (points) for wrapped text of a given display width in a column of `width` units. */
export function wrappedHeight(text: string, width: number, lineHeight = 15): number {
  const usable = Math.max(1, width - 1);
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
  return Math.max(lineHeight, lines * lineHeight);
}

/**
 * Heights of the rows from `first` on whose wrapped text needs more than one line: each cell is
 * looked at once (a per-row scan of every cell was quadratic in the findings of a big submission).
 */
export function wrappedRowHeights(cells: readonly LayoutCell[], columns: readonly LayoutColumn[], first: number): { row: number; height: number }[] {
  const tallest = new Map<number, number>();
  for (const c of cells) {
    if (c.row < first || !c.wrap || typeof c.value !== 'string') continue;
    const h = wrappedHeight(c.value, columns[c.col - 1].width);
    if (h > (tallest.get(c.row) ?? 15)) tallest.set(c.row, h);
  }
  return [...tallest].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/**
 * A sheet name as a formula reference prefix: always quoted, quotes doubled.
 *
 * @example
 * sheetRef("评分细则") // "'评分细则'!"
 */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/**
 * A string literal inside a formula: quoted, inner quotes doubled. Whatever the text holds
 * (`=`, `"`, `)`), it cannot end the literal.
 *
 * @example
 * formulaString('a"b') // '"a""b"'
 */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** An absolute reference to a cell of another sheet, e.g. `'评分细则'!$D$7`. */
export function absRef(sheet: string, row: number, col: number): string {
  return `${sheetRef(sheet)}$${columnLetter(col)}$${row}`;
}

/** A1 range from two corners. */
export function range(r1: number, c1: number, r2: number, c2: number): string {
  return `${a1(r1, c1)}:${a1(r2, c2)}`;
}

/** Palette of the review workbook, so every sheet looks the same. */
export const COLORS = {
  headerFill: 'FFDDEBF7',
  sectionFill: 'FFBDD7EE',
  groupFill: 'FFF2F2F2',
  inputFill: 'FFFFF2CC',
  noticeFill: 'FFFCE4D6',
  noticeText: 'FFC00000',
  okFill: 'FFC6EFCE',
  okText: 'FF006100',
  badFill: 'FFFFC7CE',
  badText: 'FF9C0006',
  pendingFill: 'FFFFEB9C',
  pendingText: 'FF9C5700',
  link: 'FF0563C1',
  muted: 'FF595959',
  dataBar: 'FF5B9BD5',
  tab: 'FF2F5597',
} as const;

/** Header cell style. */
export const HEADER: LayoutStyle = { bold: true, fill: COLORS.headerFill, align: 'center', valign: 'middle', wrap: true, border: true };
/** Body cell style. */
export const BODY: LayoutStyle = { border: true, valign: 'top' };
/** A cell the reviewer fills in. */
export const INPUT: LayoutStyle = { border: true, valign: 'top', fill: COLORS.inputFill };

/** Standard print set-up: A4 landscape, one page wide. */
export const PRINT_A4_LANDSCAPE = { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1 } as const;
