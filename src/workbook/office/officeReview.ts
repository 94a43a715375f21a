/**
 * The Office adapter's review operations on the workbook open in Excel: read the submission for a
 * review, write the review sheets (keeping the reviewer's entries), highlight the rows behind
 * findings and clear those highlights, select a finding's cell, import submitted .xlsx files.
 *
 * Round trips are counted: a review reads in 2 syncs plus one per chunk of at most 20,000 rows;
 * writing the review sheets and highlights takes 2 syncs plus one per further chunk.
 */
import { columnLetter, columnNumber, type SheetGrid } from '../../domain/grid';
import type { Finding, Severity } from '../../domain/report';
import type { SubmittedFile } from '../../domain/review';
import { extractReviewerInputs, countInputs, type ReviewerInputs, type ValueGrid } from '../layout/inputs';
import { REVIEW_SHEETS, UNKEPT_SHEET, uniqueSheetNames } from '../layout/sheetNames';
import { pageTitlesLike } from '../layout/text';
import { layoutValues, sealLayout, unkeptInReviewSheets } from '../layout/unkept';
import { layoutUnkeptSheet, readUnkeptSheet } from '../layout/unkeptSheet';
import type { CopiedSheet, LayoutScalar, SheetLayout } from '../layout/types';
import { CURRENT_WORKBOOK, EMPTY_STATE, STATE_SHEET, parseState, queueStateWrite, type AddinState, type MarkRecord } from './addinState';
import { ALL_FEATURES, formatTargets, layoutChunks, queueChunk, queueSheetFormats, type OfficeFeatures } from './drawLayout';
import { MAX_CELLS_PER_SYNC, MAX_ROWS_PER_SYNC, defaultRun, readAll, type ExcelRun } from './officeWorkbook';

export { CURRENT_WORKBOOK, STATE_SHEET } from './addinState';

/** Fills of highlighted rows, by severity (light red, light amber, light blue). */
export const MARK_FILLS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** Most rows highlighted in one go; beyond this the 问题清单 still lists every finding. */
export const MAX_MARKED_ROWS = 2000;

/** Where one sheet's used range sits, for highlighting whole rows of it. */
export interface SheetExtent {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** What a review read found in the workbook. */
export interface WorkbookSnapshot {
  /** The submission, worksheets grouped by the file they were imported from. */
  files: SubmittedFile[];
  /** Every submission worksheet: its file, its name in that file, its name here. */
  copied: CopiedSheet[];
  /** Used range of each submission worksheet, by its name here. */
  extents: Record<string, SheetExtent>;
  /** Review sheets (评分表…) that exist. */
  reviewSheets: string[];
  /** The add-in's records; `stateRows` is how many rows the hidden sheet holds (0 = no sheet). */
  state: AddinState;
  stateExists: boolean;
  stateRows: number;
}

/** An operation failed; `message` is Chinese and says what to do. */
export class OfficeOperationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'OfficeOperationError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** Office's error as a short detail: `ItemNotFound：…`. */
export function officeErrorDetail(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    const text = String(message ?? '') || '未知错误';
    return typeof code === 'string' && code && !text.includes(code) ? `${code}：${text}` : text;
  }
  return error === undefined || error === null ? '未知错误' : String(error);
}

function fail(action: string, error: unknown, advice: string): OfficeOperationError {
  if (error instanceof OfficeOperationError) return error;
  return new OfficeOperationError(`${action}失败（${officeErrorDetail(error)}）。${advice}`, { cause: error });
}

/** The sheets the add-in writes (and so never reads as submitted tables). */
const REVIEW_NAMES: readonly string[] = [...Object.values(REVIEW_SHEETS), UNKEPT_SHEET];

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Read the workbook for a review: every visible or hidden worksheet except the review sheets, the
 * imported ones cited by their file and original sheet name. The add-in's hidden records ride
 * along in the reader's second sync.
 */
export async function readForReview(run: ExcelRun = defaultRun): Promise<WorkbookSnapshot> {
  try {
    return await run(async (context) => {
      let stateRange: Excel.Range | null = null;
      const grids = await readAll(context, CURRENT_WORKBOOK, {
        afterSheets(sheets) {
          const state = sheets.find((s) => s.name === STATE_SHEET);
          if (state) {
            stateRange = state.getUsedRangeOrNullObject(true);
            stateRange.load('values');
          }
        },
      });
      const range = stateRange as Excel.Range | null;
      const stateExists = range !== null;
      const stateValues = range && range.isNullObject === false ? (range.values as unknown[][]) : [];
      const state = stateExists ? parseState(stateValues) : EMPTY_STATE;
      return snapshotOf(grids, state, stateExists, stateValues.length);
    });
  } catch (error) {
    throw fail('读取工作簿', error, '请确认工作簿未处于单元格编辑状态，然后重试“开始审核”。');
  }
}

/** Group grids into files by the add-in's import records. */
export function snapshotOf(grids: SheetGrid[], state: AddinState, stateExists: boolean, stateRows: number): WorkbookSnapshot {
  const files: SubmittedFile[] = [];
  const byFile = new Map<string, SubmittedFile>();
  const copied: CopiedSheet[] = [];
  const extents: Record<string, SheetExtent> = {};
  const reviewSheets: string[] = [];
  for (const grid of grids) {
    if (REVIEW_NAMES.some((n) => sameName(n, grid.sheet))) {
      reviewSheets.push(grid.sheet);
      continue;
    }
    const record = state.copied.find((c) => sameName(c.name, grid.sheet));
    const file = record?.file ?? CURRENT_WORKBOOK;
    const original = record?.sheet ?? grid.sheet;
    copied.push({ file, sheet: original, name: grid.sheet });
    const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
    extents[grid.sheet] = {
      firstRow: grid.firstRow,
      lastRow: grid.firstRow + grid.values.length - 1,
      firstColumn: grid.firstColumn,
      lastColumn: grid.firstColumn + Math.max(1, width) - 1,
    };
    let entry = byFile.get(file);
    if (!entry) {
      entry = { file, grids: [] };
      byFile.set(file, entry);
      files.push(entry);
    }
    entry.grids?.push({ ...grid, file, sheet: original });
  }
  return { files, copied, extents, reviewSheets, state, stateExists, stateRows };
}

/** A row to highlight: a worksheet (its name here), a 1-based row, and the worst severity found there. */
export interface MarkRequest {
  sheet: string;
  row: number;
  firstColumn: number;
  lastColumn: number;
  severity: Severity;
}

/** Where a finding points in this workbook: the worksheet's name here and an A1 cell, or null. */
export function findingTarget(finding: Finding, copied: readonly CopiedSheet[]): { sheet: string; address: string } | null {
  if (finding.file === null || finding.sheet === null) return null;
  const sheet = copied.find((c) => c.file === finding.file && c.sheet === finding.sheet);
  if (!sheet) return null;
  const address = finding.cell ?? (finding.row !== null ? `A${finding.row}` : 'A1');
  return { sheet: sheet.name, address };
}

/** The rows to highlight for a report's findings: each finding's row across its sheet's used range. */
export function marksForFindings(findings: readonly Finding[], snapshot: Pick<WorkbookSnapshot, 'copied' | 'extents'>): MarkRequest[] {
  const marks: MarkRequest[] = [];
  for (const f of findings) {
    if (f.row === null) continue;
    const target = findingTarget(f, snapshot.copied);
    const extent = target ? snapshot.extents[target.sheet] : undefined;
    if (!target || !extent) continue;
    marks.push({ sheet: target.sheet, row: f.row, firstColumn: extent.firstColumn, lastColumn: extent.lastColumn, severity: f.severity });
  }
  return marks;
}

export interface WriteReviewRequest {
  /** The review sheets in tab order, laid out with the reviewer's entries read back from the workbook. */
  build(inputs: ReviewerInputs): SheetLayout[];
  /** Rows to highlight (at most {@link MAX_MARKED_ROWS} are). */
  marks: MarkRequest[];
  /** What the last read (or write) knew about the workbook. */
  snapshot: Pick<WorkbookSnapshot, 'reviewSheets' | 'state' | 'stateExists' | 'stateRows'>;
  /** Custom document properties to set (ExcelApi 1.7), as the file writer sets them. */
  properties?: Readonly<Record<string, string | boolean>>;
  features?: OfficeFeatures;
}

export interface WriteReviewResult {
  /** The review sheets written, in tab order. */
  sheets: string[];
  /** How many reviewer entries were carried over. */
  keptInputs: number;
  /** How many of the reviewer's changes could not be kept (listed on 「未保留的修改」). */
  unkept: number;
  marked: number;
  /** Rows not highlighted because of the {@link MAX_MARKED_ROWS} cap. */
  unmarked: number;
  /** What the workbook now holds, for the next write. */
  snapshot: Pick<WorkbookSnapshot, 'reviewSheets' | 'state' | 'stateExists' | 'stateRows'>;
}

/** `values` of a used range as a grid from A1, for reading row marks. */
function fromA1(values: unknown[][], rowIndex: number, columnIndex: number): ValueGrid {
  const out: LayoutScalar[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push([]);
  for (const row of values) {
    const line: LayoutScalar[] = new Array(columnIndex).fill(null);
    for (const v of row) line.push(v === '' || v === undefined ? null : (v as LayoutScalar));
    out.push(line);
  }
  return out;
}

function rowAddress(row: number, firstColumn: number, lastColumn: number): string {
  return `${columnLetter(firstColumn)}${row}:${columnLetter(lastColumn)}${row}`;
}

/** Parse `A5:G5` into its row and columns. */
function parseRow(address: string): { row: number; c1: number; c2: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(address);
  if (!m) return null;
  return { row: Number(m[2]), c1: columnNumber(m[1]), c2: columnNumber(m[3]) };
}

/** Queue restoring the fills a set of marks replaced. */
function queueRestore(context: Excel.RequestContext, marks: MarkRecord[], existing: Set<string>, features: OfficeFeatures): void {
  const bySheet = new Map<string, Map<string | null, string[]>>();
  for (const m of marks) {
    if (!existing.has(m.sheet.toLowerCase())) continue;
    const pos = parseRow(m.address);
    if (!pos) continue;
    let groups = bySheet.get(m.sheet);
    if (!groups) bySheet.set(m.sheet, (groups = new Map()));
    const width = pos.c2 - pos.c1 + 1;
    const fills = m.fills.length === width ? m.fills : new Array<string | null>(width).fill(m.fills.length === 1 ? m.fills[0] : null);
    // Runs of the same fill along the row.
    let start = 0;
    for (let i = 1; i <= width; i++) {
      if (i < width && fills[i] === fills[start]) continue;
      const addr = `${columnLetter(pos.c1 + start)}${pos.row}:${columnLetter(pos.c1 + i - 1)}${pos.row}`;
      const key = fills[start];
      groups.set(key, [...(groups.get(key) ?? []), addr]);
      start = i;
    }
  }
  for (const [sheetName, groups] of bySheet) {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    for (const [fill, addresses] of groups) {
      for (const t of formatTargets(sheet, addresses, features)) {
        if (fill === null) t.format.fill.clear();
        else t.format.fill.color = fill;
      }
    }
  }
}

/** Queue highlighting rows, grouped per sheet and severity. */
function queueMarks(context: Excel.RequestContext, marks: MarkRecord[], features: OfficeFeatures): void {
  const groups = new Map<string, { sheet: string; severity: Severity; addresses: string[] }>();
  for (const m of marks) {
    const k = `${m.sheet}\u0000${m.severity}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { sheet: m.sheet, severity: m.severity, addresses: [] }));
    g.addresses.push(m.address);
  }
  for (const g of groups.values()) {
    const sheet = context.workbook.worksheets.getItem(g.sheet);
    for (const t of formatTargets(sheet, g.addresses, features)) t.format.fill.color = MARK_FILLS[g.severity];
  }
}

type CellFill = { format?: { fill?: { color?: string; pattern?: string } } };

/** The worst severity per row, capped. */
function plannedMarks(requests: MarkRequest[]): { marks: Omit<MarkRecord, 'fills'>[]; unmarked: number } {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const byRow = new Map<string, MarkRequest>();
  for (const m of requests) {
    const k = `${m.sheet.toLowerCase()}\u0000${m.row}`;
    const prev = byRow.get(k);
    if (!prev || rank[m.severity] < rank[prev.severity]) byRow.set(k, m);
  }
  const all = [...byRow.values()].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const kept = all.slice(0, MAX_MARKED_ROWS);
  return {
    marks: kept.map((m) => ({ sheet: m.sheet, address: rowAddress(m.row, m.firstColumn, m.lastColumn), severity: m.severity })),
    unmarked: all.length - kept.length,
  };
}

/**
 * Write the review sheets and highlight the rows behind findings.
 *
 * Sync 1 reads the sheet names, the existing review sheets (for the reviewer's entries, matched
 * by each row's key as the file writer does) and the current fills of the rows to highlight.
 * Sync 2 renames the old review sheets away, adds the new ones, writes each sheet's values (number
 * formats, then formulas, as whole arrays) and then its formats, restores the old highlights,
 * applies the new ones, records them, and deletes the old sheets. Sheets of more than 20,000 rows
 * (or 100,000 cells) take one more sync per further chunk.
 *
 * @throws OfficeOperationError with a Chinese message saying what to do
 */
export async function writeReview(request: WriteReviewRequest, run: ExcelRun = defaultRun): Promise<WriteReviewResult> {
  const features = request.features ?? ALL_FEATURES;
  const known = request.snapshot;
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      const readReview = (names: string[]) =>
        names.map((name) => {
          const r = worksheets.getItem(name).getUsedRangeOrNullObject(true);
          r.load('values,rowIndex,columnIndex');
          return { name, range: r };
        });
      const reviewRanges = readReview(known.reviewSheets);
      let stateRange: Excel.Range | null = null;
      if (known.stateExists) {
        stateRange = worksheets.getItem(STATE_SHEET).getUsedRangeOrNullObject(true);
        stateRange.load('values');
      }
      const planned = plannedMarks(request.marks);
      const fillReads = planned.marks.map((m) => {
        const range = worksheets.getItem(m.sheet).getRange(m.address);
        if (features.api19) return { mark: m, props: range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) };
        range.load('format/fill/color');
        return { mark: m, range };
      });
      await context.sync();

      const names = worksheets.items.map((s) => s.name);
      const existing = new Set(names.map((n) => n.toLowerCase()));
      // A review sheet made since the last read: read it too before replacing it.
      const unknown = names.filter((n) => REVIEW_NAMES.some((r) => sameName(r, n)) && !known.reviewSheets.some((k) => sameName(k, n)));
      const lateRanges = unknown.length ? readReview(unknown) : [];
      if (lateRanges.length) await context.sync();

      const grids: Record<string, ValueGrid> = {};
      for (const { name, range } of [...reviewRanges, ...lateRanges]) {
        if (range.isNullObject) continue;
        const canonical = REVIEW_NAMES.find((r) => sameName(r, name)) ?? name;
        grids[canonical] = fromA1(range.values as unknown[][], range.rowIndex, range.columnIndex);
      }
      const inputs = extractReviewerInputs(grids);
      // Marks sealed with their rows' fingerprints; what the reviewer changed outside the yellow
      // cells, which the new sheets cannot keep, is listed on 「未保留的修改」.
      const built = request.build(inputs).map(sealLayout);
      const unkept = [
        ...readUnkeptSheet(grids[UNKEPT_SHEET] ?? []),
        ...unkeptInReviewSheets(grids, Object.fromEntries(built.map((l) => [l.name, layoutValues(l)]))),
      ];
      const layouts = unkept.length > 0 && built.length > 0 ? [...built, withPageTitles(layoutUnkeptSheet(unkept), built[0])] : built;

      const stateRange2 = stateRange as Excel.Range | null;
      const stateValues = stateRange2 && !stateRange2.isNullObject ? (stateRange2.values as unknown[][]) : [];
      const state = known.stateExists ? parseState(stateValues) : EMPTY_STATE;

      // Previous fills: for rows already highlighted, what they had before the add-in's mark.
      const remembered = new Map(state.marks.map((m) => [`${m.sheet.toLowerCase()}\u0000${m.address}`, m.fills]));
      const newMarks: MarkRecord[] = fillReads.map((read) => {
        const key = `${read.mark.sheet.toLowerCase()}\u0000${read.mark.address}`;
        let fills: (string | null)[];
        if (remembered.has(key)) fills = remembered.get(key) as (string | null)[];
        else if ('props' in read && read.props) {
          fills = ((read.props.value as CellFill[][])[0] ?? []).map((c) =>
            c.format?.fill?.pattern === 'None' || !c.format?.fill?.color ? null : c.format.fill.color,
          );
        } else {
          const color = (read as { range: Excel.Range }).range.format.fill.color;
          fills = [color && color.toUpperCase() !== '#FFFFFF' ? color : null];
        }
        return { ...read.mark, fills };
      });

      // Old review sheets step aside under temporary names, deleted once the new ones exist.
      const temps: string[] = [];
      const old = names.filter((n) => layouts.some((l) => sameName(l.name, n)));
      old.forEach((name, i) => {
        let temp = `审核助手旧表${i + 1}`;
        for (let n = 2; existing.has(temp.toLowerCase()); n++) temp = `审核助手旧表${i + 1}_${n}`;
        worksheets.getItem(name).name = temp;
        temps.push(temp);
      });
      const added = layouts.map((layout, i) => {
        const sheet = worksheets.add(layout.name);
        sheet.position = i;
        return sheet;
      });

      // Values in chunks within the request budget; a sheet's formats follow its last chunk.
      let rows = 0;
      let cells = 0;
      for (let i = 0; i < layouts.length; i++) {
        const chunks = layoutChunks(layouts[i], MAX_ROWS_PER_SYNC, MAX_CELLS_PER_SYNC);
        for (const chunk of chunks) {
          const size = chunk.rowCount * chunk.columnCount;
          if ((rows > 0 || cells > 0) && (rows + chunk.rowCount > MAX_ROWS_PER_SYNC || cells + size > MAX_CELLS_PER_SYNC)) {
            await context.sync();
            rows = 0;
            cells = 0;
          }
          queueChunk(added[i], chunk);
          rows += chunk.rowCount;
          cells += size;
        }
        queueSheetFormats(added[i], layouts[i], features);
      }

      queueRestore(context, state.marks, existing, features);
      queueMarks(context, newMarks, features);
      const newState: AddinState = { copied: state.copied, marks: newMarks };
      queueStateWrite(context, newState, { exists: known.stateExists, rows: stateValues.length });
      for (const temp of temps) worksheets.getItem(temp).delete();
      for (const [key, value] of Object.entries(request.properties ?? {})) context.workbook.properties.custom.add(key, value);
      if (added.length) added[0].activate();
      await context.sync();

      return {
        sheets: layouts.map((l) => l.name),
        keptInputs: countInputs(inputs),
        unkept: unkept.length,
        marked: newMarks.length,
        unmarked: planned.unmarked,
        snapshot: {
          reviewSheets: layouts.map((l) => l.name),
          state: newState,
          stateExists: true,
          stateRows: newState.copied.length + newState.marks.length + 1,
        },
      };
    });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ItemNotFound') {
      throw fail('写入审核表', error, '工作簿中的工作表在审核后有变化，请重新点击“开始审核”，再写入审核表。');
    }
    throw fail('写入审核表', error, '请确认工作簿未受保护、未处于单元格编辑状态，然后重试。');
  }
}

/** Read the add-in's records (2 syncs: whether the hidden sheet exists, then its values). */
async function loadState(context: Excel.RequestContext): Promise<{ state: AddinState; exists: boolean; rows: number; names: string[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  const names = worksheets.items.map((s) => s.name);
  if (!names.includes(STATE_SHEET)) return { state: EMPTY_STATE, exists: false, rows: 0, names };
  const range = worksheets.getItem(STATE_SHEET).getUsedRangeOrNullObject(true);
  range.load('values');
  await context.sync();
  const values = range.isNullObject ? [] : (range.values as unknown[][]);
  return { state: parseState(values), exists: true, rows: values.length, names };
}

/**
 * Remove the highlights the add-in made, restoring each cell's earlier fill; nothing else is
 * touched. Returns how many rows were restored. 3 syncs.
 */
export async function clearMarks(run: ExcelRun = defaultRun, features: OfficeFeatures = ALL_FEATURES): Promise<number> {
  try {
    return await run(async (context) => {
      const { state, exists, rows, names } = await loadState(context);
      if (state.marks.length === 0) return 0;
      const existing = new Set(names.map((n) => n.toLowerCase()));
      queueRestore(context, state.marks, existing, features);
      queueStateWrite(context, { copied: state.copied, marks: [] }, { exists, rows });
      await context.sync();
      return state.marks.filter((m) => existing.has(m.sheet.toLowerCase())).length;
    });
  } catch (error) {
    throw fail('清除标记', error, '请确认工作簿未受保护、未处于单元格编辑状态，然后重试。');
  }
}

/**
 * Go to a cell: activate its worksheet and select it (1 sync).
 *
 * @param sheet the worksheet's name in this workbook
 * @param address an A1 cell or range
 */
export async function selectCell(sheet: string, address: string, run: ExcelRun = defaultRun): Promise<void> {
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  } catch (error) {
    throw fail(`定位到「${sheet}」${address} `, error, '该工作表可能已被删除、改名或隐藏；请重新点击“开始审核”。');
  }
}

/** One submitted file to import, already read in the pane (so it is known to be readable). */
export interface ImportSource {
  file: string;
  /** Base64 of the .xlsx, for `insertWorksheetsFromBase64`. */
  base64: string;
  /** The file's worksheets as read in the pane, for the fallback and for the sheet names. */
  grids: SheetGrid[];
  /** The attachment table each worksheet holds, by sheet name, to name clashing sheets by it (`4-2-1-2 名单`). */
  kinds?: Record<string, string>;
}

export interface ImportResult {
  /** The imported worksheets: file, name in the file, name here. */
  imported: CopiedSheet[];
  /** Files inserted by Excel itself (keeping formats and formulas) rather than written as values. */
  inserted: string[];
}

/** Excel date serial for a Date (1900 system). */
function dateSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Queue writing one grid into a new worksheet as values (the fallback when Excel cannot insert the file). */
function queueGridWrite(context: Excel.RequestContext, name: string, grid: SheetGrid): void {
  const sheet = context.workbook.worksheets.add(name);
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (grid.values.length === 0 || width === 0) return;
  const formats: string[][] = [];
  const values: (string | number | boolean)[][] = [];
  grid.values.forEach((row, r) => {
    const f: string[] = [];
    const v: (string | number | boolean)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      const fmt = grid.numberFormats?.[r]?.[c] ?? null;
      if (cell instanceof Date) {
        v.push(dateSerial(cell));
        f.push(fmt && fmt !== 'General' ? fmt : 'yyyy-mm-dd');
      } else if (typeof cell === 'string') {
        // Submitted text stays text, whatever it starts with.
        v.push(cell);
        f.push('@');
      } else {
        v.push(cell === null ? '' : cell);
        f.push(fmt ?? 'General');
      }
    }
    formats.push(f);
    values.push(v);
  });
  const rowsPer = Math.max(1, Math.min(MAX_ROWS_PER_SYNC, Math.floor(MAX_CELLS_PER_SYNC / width)));
  for (let start = 0; start < values.length; start += rowsPer) {
    const count = Math.min(rowsPer, values.length - start);
    const range = sheet.getRangeByIndexes(grid.firstRow - 1 + start, grid.firstColumn - 1, count, width);
    range.numberFormat = formats.slice(start, start + count);
    range.values = values.slice(start, start + count);
  }
}

/**
 * Import submitted workbooks as new worksheets at the end: inserted by Excel where it can
 * (`insertWorksheetsFromBase64`, ExcelApi 1.13), otherwise written from the grids read in the pane.
 * Names are made unique (nothing is overwritten) and recorded, so findings cite each sheet's file.
 *
 * @param canInsert whether the host supports ExcelApi 1.13
 */
export async function importWorkbooks(sources: ImportSource[], canInsert: boolean, run: ExcelRun = defaultRun): Promise<ImportResult> {
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const { state, exists, rows, names } = await loadState(context);
      const sheets = sources.flatMap((s) => s.grids.map((g) => ({ file: s.file, sheet: g.sheet, kind: s.kinds?.[g.sheet] })));
      const wanted = uniqueSheetNames(sheets, [...names, ...REVIEW_NAMES, STATE_SHEET]);
      const imported: CopiedSheet[] = [];
      const inserted: string[] = [];
      const renames: { id: string; name: string }[] = [];
      for (const source of sources) {
        const targets = wanted.filter((w) => w.file === source.file);
        let ids: string[] | null = null;
        if (canInsert) {
          try {
            // Only the sheets read in the pane (very hidden ones are not part of the submission).
            const result = context.workbook.insertWorksheetsFromBase64(source.base64, {
              positionType: 'End' as Excel.WorksheetPositionType,
              sheetNamesToInsert: source.grids.map((g) => g.sheet),
            });
            await context.sync();
            ids = result.value;
          } catch {
            // Excel could not take the file as it is: fall back to writing the values read in the pane.
            ids = null;
          }
        }
        if (ids) {
          inserted.push(source.file);
          ids.slice(0, targets.length).forEach((id, i) => renames.push({ id, name: targets[i].name }));
        } else {
          source.grids.forEach((g, i) => queueGridWrite(context, targets[i].name, g));
          await context.sync();
        }
        imported.push(...targets);
      }
      // Two steps so that no rename meets a name another inserted sheet still holds.
      renames.forEach((r, i) => {
        worksheets.getItem(r.id).name = `审核助手导入${i + 1}_${Date.now() % 100000}`;
      });
      for (const r of renames) worksheets.getItem(r.id).name = r.name;
      const copied = [...state.copied.filter((c) => !imported.some((i) => sameName(i.name, c.name))), ...imported];
      queueStateWrite(context, { copied, marks: state.marks }, { exists, rows });
      await context.sync();
      return { imported, inserted };
    });
  } catch (error) {
    throw fail('导入平台材料', error, '已导入的工作表保持不变；请确认工作簿未受保护后重试。');
  }
}

/** A sheet laid out on its own, given the workbook's header and footer. */
function withPageTitles(layout: SheetLayout, like: SheetLayout): SheetLayout {
  return { ...layout, print: { ...layout.print, ...pageTitlesLike(like.print, layout.name) } };
}
