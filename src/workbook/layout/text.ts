/**
 * Small pure helpers shared by the sheet layouts: the text guard, display widths of CJK text,
 * A1 references and formula string literals.
 */
import { a1, columnLetter } from '../../domain/grid';
import type { LayoutCell, LayoutColumn, LayoutPrint, LayoutStyle, LayoutValue } from './types';

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

/**
 * Row height (points) for wrapped text in a column of `width` units. The line count is estimated
 * from the text's display width with a margin: CJK glyphs print slightly wider than two digits, and
 * lines break at whole words, so a line holds less than the column's width. A row a little too tall
 * costs paper; one too short clips the text on the printed page.
 */
export function wrappedHeight(text: string, width: number, lineHeight = LINE_HEIGHT): number {
  const usable = Math.max(1, (width - 1) * WRAP_FILL);
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
  return Math.max(lineHeight, lines * lineHeight);
}

/**
 * Points per wrapped line of 11 pt text: CJK fonts (Noto Sans CJK, 等线) set lines about 1.45 em
 * apart, taller than Excel's 15 pt default row.
 */
export const LINE_HEIGHT = 16;

/** The share of a column's width a wrapped line is assumed to fill (see {@link wrappedHeight}). */
const WRAP_FILL = 0.88;

/**
 * Heights of the rows from `first` on whose wrapped text needs more than one line: each cell is
 * looked at once (a per-row scan of every cell was quadratic in the findings of a big submission).
 */
export function wrappedRowHeights(cells: readonly LayoutCell[], columns: readonly LayoutColumn[], first: number): { row: number; height: number }[] {
  const tallest = new Map<number, number>();
  for (const c of cells) {
    if (c.row < first || !c.wrap || typeof c.value !== 'string') continue;
    const h = wrappedHeight(c.value, columns[c.col - 1].width);
    if (h > (tallest.get(c.row) ?? LINE_HEIGHT)) tallest.set(c.row, h);
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

/** The file writer's page margins in inches, which the printable sizes below assume. */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** The printable width of an A4 landscape page in points: 297 mm less the side margins. */
export const PRINTABLE_WIDTH = (297 / 25.4) * 72 - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72;

/** The printable height of an A4 landscape page in points: 210 mm less the top and bottom margins. */
export const PRINTABLE_HEIGHT = (210 / 25.4) * 72 - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72;

/**
 * No sheet prints smaller than this percentage: the body's 11 pt text stays at 9 pt or more (the
 * rubric must print at ≥ 9 pt; nothing may print below 8 pt), and the header and footer likewise.
 */
export const MIN_PRINT_SCALE = 82;

/**
 * A column's printed width in points at 100 %, the wider of two renderers' readings of `width`
 * characters: Excel's (the default font's 7 px digit, Calibri 11, plus 5 px padding, at 96 dpi) and
 * LibreOffice's (the exact advance of Calibri's or Carlito's digit at 11 pt, 5.58 pt).
 */
export function columnPoints(width: number): number {
  return Math.max(Math.trunc(width * 7 + 5) * 0.75, width * 5.6);
}

/** Room left on the page for renderers' rounding of column widths. */
const WIDTH_SAFETY = 0.98;

/**
 * The largest whole-percent scale (≤ 100) at which the visible columns fit one page wide, but never
 * below {@link MIN_PRINT_SCALE}.
 *
 * @example
 * printScale([{ width: 200 }]) // 82: too wide, so it prints over two pages across at 82 %
 */
export function printScale(columns: readonly LayoutColumn[], printable = PRINTABLE_WIDTH): number {
  const width = columns.reduce((sum, c) => (c.hidden ? sum : sum + columnPoints(c.width)), 0);
  if (width <= 0) return 100;
  return Math.max(MIN_PRINT_SCALE, Math.min(100, Math.floor(((printable * WIDTH_SAFETY) / width) * 100)));
}

/**
 * The last column (1-based) that prints on a sheet's first page at `scale` percent: text meant to be
 * read in one piece (a notice, a heading) is merged across these columns only, not split over pages.
 */
export function firstPageColumns(columns: readonly LayoutColumn[], scale: number, printable = PRINTABLE_WIDTH): number {
  let used = 0;
  for (let i = 0; i < columns.length; i++) {
    if (columns[i].hidden) continue;
    used += columnPoints(columns[i].width);
    if (used > (printable * WIDTH_SAFETY * 100) / scale) return i;
  }
  return columns.length;
}

/** A4 landscape at the largest legible scale that fits `columns` one page wide. */
export function printA4Landscape(columns: readonly LayoutColumn[], extra: Omit<LayoutPrint, 'orientation' | 'paperSize' | 'scale'> = {}): LayoutPrint {
  return { orientation: 'landscape', paperSize: 'A4', scale: printScale(columns), ...extra };
}

/**
 * The printed header (the review year) and footer (platform · sheet) of every sheet of the review
 * workbook; the writers add 第 N 页 共 M 页.
 */
export function pageTitles(platform: string | null, year: number, sheet: string): { header: string; footer: string } {
  return { header: `${year} 年度绩效评价审核`, footer: `${platform ?? '（未指定平台名称）'}${FOOTER_SEPARATOR}${sheet}` };
}

const FOOTER_SEPARATOR = ' · ';

/**
 * Text for a header or footer section in Excel's codes: 11 pt (`&11`, scaling with the page like the
 * cells' text), then the current font (`&"-,Regular"`), which ends the size code so a text starting
 * with digits (the year) stays text; `&` is the codes' escape, so a name holding one is written `&&`.
 * Both writers use it, so the file and the pane print the same.
 */
export function headerFooterSection(text: string): string {
  return `&11&"-,Regular"${text.replace(/&/g, '&&')}`;
}

/** The right footer of every page: 第 N 页 共 M 页 (`&P`, `&N` left as codes). */
export const PAGE_NUMBER_SECTION = '&11&"-,Regular"第 &P 页 共 &N 页';

/** The header and footer of another sheet of the same workbook as `print`. */
export function pageTitlesLike(print: LayoutPrint, sheet: string): { header?: string; footer: string } {
  const platform = print.footer?.includes(FOOTER_SEPARATOR) ? print.footer.slice(0, print.footer.lastIndexOf(FOOTER_SEPARATOR)) : null;
  return { ...(print.header ? { header: print.header } : {}), footer: platform ? `${platform}${FOOTER_SEPARATOR}${sheet}` : sheet };
}
