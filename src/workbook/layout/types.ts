/**
 * A plain grid description of one output sheet: values, formulas, styles, merges, frozen panes,
 * filters, drop-downs, conditional formats and print set-up. Built by the pure `layout*Sheet`
 * functions and drawn by a writer: ExcelJS (`src/workbook/file/writeReview.ts`) or Office.js.
 *
 * Rows and columns are 1-based. Colours are ARGB hex (`FFDDEBF7`).
 */

/** A constant cell value. */
export type LayoutScalar = string | number | boolean | null;

/**
 * A formula without the leading `=` (as ExcelJS takes it; an Office.js writer prepends `=`),
 * with the value computed in TypeScript so viewers that do not recalculate show the right number.
 */
export interface LayoutFormula {
  formula: string;
  result?: LayoutScalar;
}

export type LayoutValue = LayoutScalar | LayoutFormula;

/** A link inside the workbook (to a sheet and cell) or to an external address. */
export type LayoutHyperlink = { sheet: string; cell: string } | { url: string };

export interface LayoutStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font colour. */
  color?: string;
  /** Font size in points; the writer's default (11) when absent. */
  size?: number;
  /** Solid background fill. */
  fill?: string;
  /** Excel number format: `0.00` for 万元, `0.0%` for shares, `@` for text. */
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
}

export interface LayoutCell extends LayoutStyle {
  row: number;
  col: number;
  value: LayoutValue;
  /**
   * Text from a submission (or anything else that must never become a formula, number or date):
   * writers store it as a string with the text number format `@` (Office.js: set `numberFormat`
   * to `@` before the value). Set by {@link asText}.
   */
  text?: boolean;
  /** Clicking the cell goes there. For an internal link the writer builds `#'<sheet>'!<cell>`. */
  hyperlink?: LayoutHyperlink;
}

/** A list drop-down on every cell of `range` (A1 range, e.g. `F14:F24`). */
export interface LayoutValidation {
  range: string;
  options: string[];
  /** Shown when the cell is selected. */
  prompt?: string;
}

export type LayoutConditionalFormat =
  /** Data bars scaled from 0 to the largest value in the range. */
  | { type: 'dataBar'; range: string; color: string }
  /** Fill (and font colour) cells whose value equals `value`. */
  | { type: 'equals'; range: string; value: string; fill: string; color?: string };

export interface LayoutPrint {
  orientation: 'landscape' | 'portrait';
  paperSize: 'A4';
  /**
   * Print scale in percent, fixed rather than "fit to one page wide", so that text never prints
   * below the size `MIN_PRINT_SCALE` (text.ts) allows: the largest scale at which the columns fit one page
   * wide, or that floor when they do not (the sheet then prints over several pages across).
   */
  scale: number;
  /** Rows repeated at the top of every printed page, e.g. `1:2`. */
  titleRows?: string;
  /** Columns repeated at the left of every page when the sheet prints more than one page wide, e.g. `B:C`. */
  titleColumns?: string;
  /** A new printed page starts at each of these rows. */
  breaksBefore?: number[];
  /** Centred at the top of every page (plain text: the writer escapes it). */
  header?: string;
  /** At the bottom left of every page, with 第 N 页 共 M 页 at the right. */
  footer?: string;
}

export interface LayoutColumn {
  /** Excel character units. */
  width: number;
  hidden?: boolean;
}

export interface SheetLayout {
  name: string;
  /** Column 1 first. */
  columns: LayoutColumn[];
  /** Row heights in points where the default does not fit. */
  rowHeights: { row: number; height: number }[];
  cells: LayoutCell[];
  /** A1 ranges, e.g. `B1:I1`. */
  merges: string[];
  /** Keep the first `row` rows and first `col` columns in view (0 = none). */
  freeze?: { row: number; col: number };
  /** A1 range of the filtered table including its header row. */
  autoFilter?: string;
  dataValidations: LayoutValidation[];
  conditionalFormats: LayoutConditionalFormat[];
  print: LayoutPrint;
  tabColor?: string;
}

/** Where a submission's worksheet went in the review workbook. */
export interface CopiedSheet {
  /** The submitted file's name as in findings. */
  file: string;
  /** The worksheet's name in the submitted file. */
  sheet: string;
  /** The worksheet's (unique) name in the review workbook. */
  name: string;
}
