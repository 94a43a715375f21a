/**
 * Draws a {@link SheetLayout} (the pure grid description shared with the ExcelJS writer) onto a
 * worksheet through Office.js: values as whole 2D arrays first — number formats, then formulas —
 * then formats grouped into as few ranges as the styles allow, then merges, widths, frozen panes,
 * filter, drop-downs, conditional formats and page set-up. Everything is made as sync units whose
 * payload is estimated, so the caller can keep each sync within Excel's limits (syncBudget.ts).
 *
 * Text guard: Office.js turns a string starting with `=`, `+`, `-` or `@` (and strings that read
 * as numbers, dates or booleans) into a formula or a number. Such cells, and every cell the layout
 * marks as text, get the text number format `@` in the number-format array written *before* the
 * values, so Excel stores the string as it is.
 */
import { a1, columnLetter } from '../../domain/grid';
import { PAGE_MARGINS, PAGE_NUMBER_SECTION, headerFooterSection, looksLikeFormula } from '../layout/text';
import { COMMAND_BYTES, MAX_UNIT_CELLS, commandUnit, jsonBytes, type SyncUnit } from './syncBudget';
import type { LayoutCell, LayoutScalar, LayoutStyle, SheetLayout } from '../layout/types';

/** What the host supports beyond the manifest's floor (ExcelApi 1.7). */
export interface OfficeFeatures {
  /** ExcelApi 1.8: Range.dataValidation (the drop-downs of 结论 and 核验). */
  api18: boolean;
  /** ExcelApi 1.9: RangeAreas (`getRanges`), autoFilter, pageLayout, horizontalPageBreaks. */
  api19: boolean;
}

export const ALL_FEATURES: OfficeFeatures = { api18: true, api19: true };

/** The floor: what every host the manifest admits has. */
export const BASE_FEATURES: OfficeFeatures = { api18: false, api19: false };

/** A cell value as written through `range.formulas`. */
export type WrittenValue = string | number | boolean;

/** A block of whole rows of a layout, written by one `numberFormat` and one `formulas` assignment. */
export interface LayoutChunk {
  /** 1-based first row. */
  firstRow: number;
  rowCount: number;
  columnCount: number;
  numberFormats: string[][];
  formulas: WrittenValue[][];
}

/** Strings Excel would not keep as typed in a General cell: formulas, numbers, dates, percentages, booleans. */
const CONVERTED = /^\s*([+-]?[\d.,]+%?|[+-]?\d+(\.\d+)?[eE][+-]?\d+|\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?|\d{1,2}:\d{2}(:\d{2})?|true|false)\s*$/i;

/**
 * Whether a string written to a General cell would not stay the same text: it would become a
 * formula (`=…`, `+…`, `-…`, `@…`), a number (`0012`, `1,200`, `95%`), a date (`2024-01-01`), a
 * boolean, or lose a leading apostrophe.
 */
export function needsTextFormat(value: string): boolean {
  // A leading apostrophe is Excel's "keep as text" prefix and would be swallowed.
  return looksLikeFormula(value) || value.startsWith("'") || CONVERTED.test(value);
}

/** The number format a layout cell is written with. */
export function cellNumberFormat(cell: LayoutCell): string {
  const v = cell.value;
  if (v !== null && typeof v === 'object') return cell.numFmt && cell.numFmt !== '@' ? cell.numFmt : 'General';
  if (typeof v === 'string' && (cell.text || needsTextFormat(v))) return '@';
  return cell.numFmt ?? 'General';
}

/** The value a layout cell is written with through `range.formulas`. */
export function cellFormula(cell: LayoutCell): WrittenValue {
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'object') return `=${v.formula}`;
  return v;
}

/** Size of a layout: the last row and column holding a cell. */
export function layoutSize(layout: SheetLayout): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  for (const c of layout.cells) {
    if (c.row > rows) rows = c.row;
    if (c.col > columns) columns = c.col;
  }
  return { rows, columns };
}

/**
 * The layout's values and number formats as whole-row blocks of at most `maxRows` rows and
 * `maxCells` cells each (Excel refuses oversized requests).
 */
export function layoutChunks(layout: SheetLayout, maxRows: number, maxCells: number): LayoutChunk[] {
  const { rows, columns } = layoutSize(layout);
  const formats: string[][] = new Array(rows);
  const values: WrittenValue[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    formats[r] = new Array(columns).fill('General');
    values[r] = new Array(columns).fill('');
  }
  for (const cell of layout.cells) {
    formats[cell.row - 1][cell.col - 1] = cellNumberFormat(cell);
    values[cell.row - 1][cell.col - 1] = cellFormula(cell);
  }
  const perChunk = Math.max(1, Math.min(maxRows, Math.floor(maxCells / columns)));
  const chunks: LayoutChunk[] = [];
  for (let start = 0; start < rows; start += perChunk) {
    const count = Math.min(perChunk, rows - start);
    chunks.push({
      firstRow: start + 1,
      rowCount: count,
      columnCount: columns,
      numberFormats: formats.slice(start, start + count),
      formulas: values.slice(start, start + count),
    });
  }
  return chunks;
}

/** `FFDDEBF7` (ARGB, as layouts give colours) → `#DDEBF7`. */
export function officeColor(argb: string): string {
  const hex = argb.replace(/^#/, '');
  return `#${(hex.length === 8 ? hex.slice(2) : hex).toUpperCase()}`;
}

const STYLE_KEYS: (keyof LayoutStyle)[] = ['bold', 'italic', 'color', 'size', 'fill', 'align', 'valign', 'wrap', 'border'];

/** A cell's formatting as the file writer applies it (alignment defaults, links underlined). */
type DrawStyle = LayoutStyle & { underline?: boolean };

function styleOf(cell: LayoutCell): DrawStyle | null {
  const style: DrawStyle = {};
  let any = false;
  for (const k of STYLE_KEYS) {
    if (cell[k] !== undefined && cell[k] !== false) {
      (style as Record<string, unknown>)[k] = cell[k];
      any = true;
    }
  }
  // As in writeReview.ts: aligned or wrapped cells sit at the top when wrapped, else in the middle.
  if (style.align || style.valign || style.wrap) style.valign = style.valign ?? (style.wrap ? 'top' : 'middle');
  if (cell.hyperlink) {
    style.underline = true;
    any = true;
  }
  return any ? style : null;
}

/** A rectangle of cells, 1-based. */
interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function rectAddress(r: Rect): string {
  return r.r1 === r.r2 && r.c1 === r.c2 ? a1(r.r1, r.c1) : `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
}

/**
 * Cells grouped by style into rectangles: runs of rows per column, then runs of columns with the
 * same row span merged, so a 50,000-row table takes a handful of ranges.
 */
export function styleGroups(layout: SheetLayout): { style: DrawStyle; rects: Rect[] }[] {
  const groups = new Map<string, { style: DrawStyle; cells: Map<number, number[]> }>();
  for (const cell of layout.cells) {
    const style = styleOf(cell);
    if (!style) continue;
    const key = JSON.stringify(style);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { style, cells: new Map() }));
    let rows = g.cells.get(cell.col);
    if (!rows) g.cells.set(cell.col, (rows = []));
    rows.push(cell.row);
  }
  const out: { style: DrawStyle; rects: Rect[] }[] = [];
  for (const g of groups.values()) {
    // Row runs per column.
    const runs: Rect[] = [];
    for (const [col, rows] of [...g.cells.entries()].sort((a, b) => a[0] - b[0])) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      let prev = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        const r = rows[i];
        if (r === prev || r === prev + 1) {
          prev = r;
          continue;
        }
        runs.push({ r1: start, c1: col, r2: prev, c2: col });
        start = prev = r;
      }
    }
    // Merge runs with the same rows in adjacent columns.
    const bySpan = new Map<string, Rect[]>();
    for (const run of runs) {
      const k = `${run.r1}:${run.r2}`;
      const list = bySpan.get(k);
      const last = list?.[list.length - 1];
      if (last && last.c2 + 1 === run.c1) last.c2 = run.c1;
      else if (list) list.push({ ...run });
      else bySpan.set(k, [{ ...run }]);
    }
    out.push({ style: g.style, rects: [...bySpan.values()].flat() });
  }
  return out;
}

/** Split addresses into comma-joined lists short enough for one `getRanges` call. */
export function addressLists(addresses: string[], maxLength = 2000): string[] {
  const lists: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + a.length + 1 > maxLength) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

/** Targets for a set of addresses: RangeAreas where supported, else one Range per address. */
export function formatTargets(sheet: Excel.Worksheet, addresses: string[], features: OfficeFeatures): { format: Excel.RangeFormat }[] {
  if (features.api19) return addressLists(addresses).map((list) => sheet.getRanges(list));
  return addresses.map((a) => sheet.getRange(a));
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Border colour of the file writer's thin borders. */
const BORDER_COLOR = '#BFBFBF';

function applyStyle(format: Excel.RangeFormat, style: DrawStyle, edges: string[]): void {
  if (style.fill) format.fill.color = officeColor(style.fill);
  if (style.bold) format.font.bold = true;
  if (style.underline) format.font.underline = 'Single' as Excel.RangeUnderlineStyle;
  if (style.italic) format.font.italic = true;
  if (style.color) format.font.color = officeColor(style.color);
  if (style.size) format.font.size = style.size;
  if (style.align) format.horizontalAlignment = H_ALIGN[style.align] as Excel.HorizontalAlignment;
  if (style.valign) format.verticalAlignment = V_ALIGN[style.valign] as Excel.VerticalAlignment;
  if (style.wrap) format.wrapText = true;
  for (const edge of edges) {
    const border = format.borders.getItem(edge as Excel.BorderIndex);
    border.style = 'Continuous' as Excel.BorderLineStyle;
    border.weight = 'Thin' as Excel.BorderWeight;
    border.color = BORDER_COLOR;
  }
}

/** Excel column width (characters of the default font) → Office.js points. */
export function columnPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Queue one chunk's number formats, then its values and formulas. */
export function queueChunk(sheet: Excel.Worksheet, chunk: LayoutChunk): void {
  const range = sheet.getRangeByIndexes(chunk.firstRow - 1, 0, chunk.rowCount, chunk.columnCount);
  range.numberFormat = chunk.numberFormats;
  range.formulas = chunk.formulas;
}

/** A layout's values as sync units of at most {@link MAX_UNIT_CELLS} cells, each split in halves if Excel refuses it. */
export function valueUnits(sheetKey: () => string, layout: SheetLayout): SyncUnit[] {
  const unit = (chunk: LayoutChunk): SyncUnit => ({
    bytes: 3 * COMMAND_BYTES + jsonBytes(chunk.numberFormats) + jsonBytes(chunk.formulas),
    queue: (batch) => queueChunk(batch.sheet(sheetKey()), chunk),
    split: () => {
      if (chunk.rowCount < 2) return [];
      const half = Math.ceil(chunk.rowCount / 2);
      const part = (from: number, to: number): LayoutChunk => ({
        firstRow: chunk.firstRow + from,
        rowCount: to - from,
        columnCount: chunk.columnCount,
        numberFormats: chunk.numberFormats.slice(from, to),
        formulas: chunk.formulas.slice(from, to),
      });
      return [unit(part(0, half)), unit(part(half, chunk.rowCount))];
    },
  });
  return layoutChunks(layout, Number.MAX_SAFE_INTEGER, MAX_UNIT_CELLS).map(unit);
}

/** Properties a style sets (each one command). */
function styleCommands(style: DrawStyle, edges: number): number {
  return Object.values(style).filter((v) => v !== undefined).length + edges * 3;
}

/**
 * Everything but the values, as sync units: formats, merges, widths, heights, links, panes,
 * filter, drop-downs, conditional formats, print set-up. `sheetKey` gives the sheet's id once it
 * exists. Drop-downs need ExcelApi 1.8, the filter and page set-up 1.9; older hosts skip them.
 */
export function formatUnits(sheetKey: () => string, layout: SheetLayout, features: OfficeFeatures): SyncUnit[] {
  const units: SyncUnit[] = [];
  const on = (commands: number, bytes: number, queue: (sheet: Excel.Worksheet) => void) => {
    units.push(
      commandUnit(commands, bytes, (batch) => {
        queue(batch.sheet(sheetKey()));
      }),
    );
  };
  const styled = (addresses: string[], style: DrawStyle, edges: string[]) => {
    const lists = features.api19 ? addressLists(addresses) : addresses;
    for (const list of lists) {
      on(1 + styleCommands(style, edges.length), list.length, (sheet) => {
        const target = features.api19 ? sheet.getRanges(list) : sheet.getRange(list);
        applyStyle(target.format, style, edges);
      });
    }
  };
  for (const { style, rects } of styleGroups(layout)) {
    const plain = { ...style, border: undefined };
    if (Object.values(plain).some((v) => v !== undefined)) styled(rects.map(rectAddress), plain, []);
    if (style.border) {
      // Inside borders only where an area has inside lines; Excel rejects them on a single cell.
      const classes = new Map<string, Rect[]>();
      for (const r of rects) {
        const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
        if (r.r2 > r.r1) edges.push('InsideHorizontal');
        if (r.c2 > r.c1) edges.push('InsideVertical');
        const k = edges.join(',');
        classes.set(k, [...(classes.get(k) ?? []), r]);
      }
      for (const [k, list] of classes) styled(list.map(rectAddress), {}, k.split(','));
    }
  }
  for (const m of layout.merges) on(2, m.length, (sheet) => sheet.getRange(m).merge(false));
  layout.columns.forEach((col, i) => {
    const letter = columnLetter(i + 1);
    on(col.hidden ? 3 : 2, 8, (sheet) => {
      const range = sheet.getRange(`${letter}:${letter}`);
      range.format.columnWidth = columnPoints(col.width);
      if (col.hidden) range.columnHidden = true;
    });
  });
  for (const h of layout.rowHeights) on(2, 8, (sheet) => (sheet.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height));
  for (const cell of layout.cells) {
    if (!cell.hyperlink) continue;
    const text = cellText(cell.value);
    const link: Excel.RangeHyperlink =
      'url' in cell.hyperlink
        ? { address: cell.hyperlink.url, textToDisplay: text }
        : { documentReference: `'${cell.hyperlink.sheet.replace(/'/g, "''")}'!${cell.hyperlink.cell}`, textToDisplay: text };
    const address = a1(cell.row, cell.col);
    on(2, jsonBytes(link), (sheet) => (sheet.getRange(address).hyperlink = link));
  }
  if (layout.freeze && (layout.freeze.row > 0 || layout.freeze.col > 0)) {
    const { row, col } = layout.freeze;
    on(2, 0, (sheet) => {
      if (col === 0) sheet.freezePanes.freezeRows(row);
      else if (row === 0) sheet.freezePanes.freezeColumns(col);
      else sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, row, col));
    });
  }
  const filter = layout.autoFilter;
  if (filter && features.api19) on(2, filter.length, (sheet) => sheet.autoFilter.apply(sheet.getRange(filter)));
  if (features.api18) {
    for (const v of layout.dataValidations) {
      on(3, jsonBytes(v.options) + jsonBytes(v.prompt ?? ''), (sheet) => {
        const range = sheet.getRange(v.range);
        range.dataValidation.rule = { list: { inCellDropDown: true, source: v.options.join(',') } };
        if (v.prompt) range.dataValidation.prompt = { showPrompt: true, title: '', message: v.prompt };
      });
    }
  }
  for (const cf of layout.conditionalFormats) {
    on(5, 64, (sheet) => {
      const range = sheet.getRange(cf.range);
      if (cf.type === 'dataBar') {
        const f = range.conditionalFormats.add('DataBar' as Excel.ConditionalFormatType);
        f.dataBar.positiveFormat.fillColor = officeColor(cf.color);
        f.dataBar.lowerBoundRule = { type: 'Number' as Excel.ConditionalFormatRuleType, formula: '0' };
      } else {
        const f = range.conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
        f.cellValue.format.fill.color = officeColor(cf.fill);
        if (cf.color) f.cellValue.format.font.color = officeColor(cf.color);
        f.cellValue.rule = { formula1: `="${cf.value.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      }
    });
  }
  if (features.api19) on(20, 256, (sheet) => queuePrint(sheet, layout));
  if (layout.tabColor) {
    const color = officeColor(layout.tabColor);
    on(1, 8, (sheet) => (sheet.tabColor = color));
  }
  return units;
}

/** Page set-up (ExcelApi 1.9): A4, orientation, the layout's fixed scale and margins, print titles, breaks, header and footer. */
function queuePrint(sheet: Excel.Worksheet, layout: SheetLayout): void {
  const page = sheet.pageLayout;
  page.orientation = (layout.print.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
  page.paperSize = 'A4' as Excel.PaperType;
  // A fixed scale, not "fit to one page wide": fitting would shrink a wide sheet's text below 8 pt.
  page.zoom = { scale: layout.print.scale };
  // The scale was computed for these margins (Excel's default is 0.7 in at the sides); points here.
  const points = (inches: number) => Math.round(inches * 72 * 100) / 100;
  page.leftMargin = points(PAGE_MARGINS.left);
  page.rightMargin = points(PAGE_MARGINS.right);
  page.topMargin = points(PAGE_MARGINS.top);
  page.bottomMargin = points(PAGE_MARGINS.bottom);
  page.headerMargin = points(PAGE_MARGINS.header);
  page.footerMargin = points(PAGE_MARGINS.footer);
  if (layout.print.titleRows) {
    const [from, to = from] = layout.print.titleRows.split(':');
    page.setPrintTitleRows(`$${from}:$${to}`);
  }
  if (layout.print.titleColumns) {
    const [from, to = from] = layout.print.titleColumns.split(':');
    page.setPrintTitleColumns(`$${from}:$${to}`);
  }
  for (const r of layout.print.breaksBefore ?? []) sheet.horizontalPageBreaks.add(`A${r}`);
  const sections = page.headersFooters.defaultForAllPages;
  if (layout.print.header) sections.centerHeader = headerFooterSection(layout.print.header);
  sections.leftFooter = headerFooterSection(layout.print.footer ?? layout.name);
  sections.rightFooter = PAGE_NUMBER_SECTION;
}

function cellText(value: LayoutCell['value']): string {
  const v: LayoutScalar = value !== null && typeof value === 'object' ? (value.result ?? null) : value;
  return v === null ? '' : String(v);
}
