/**
 * The Office adapter's review operations on the workbook open in Excel: read the submission for a
 * review, write the review sheets (keeping the reviewer's entries), highlight the rows behind
 * findings and clear those highlights, select a finding's cell. Which rows to highlight and how
 * is highlights.ts; importing submitted files is importWorkbooks.ts (both re-exported here).
 *
 * Round trips are counted: a review reads in 2 syncs plus one per chunk of at most 20,000 rows;
 * writing the review sheets and highlights takes 2 syncs plus one per further chunk.
 */
import type { SheetGrid } from '../../domain/grid';
import type { Finding } from '../../domain/report';
import type { SubmittedFile } from '../../domain/review';
import { extractReviewerInputs, countInputs, type ReviewerInputs, type ValueGrid } from '../layout/inputs';
import { UNKEPT_SHEET } from '../layout/sheetNames';
import { pageTitlesLike } from '../layout/text';
import { layoutValues, sealLayout, unkeptInReviewSheets } from '../layout/unkept';
import { layoutUnkeptSheet, readUnkeptSheet } from '../layout/unkeptSheet';
import type { CopiedSheet, LayoutScalar, SheetLayout } from '../layout/types';
import { CURRENT_WORKBOOK, EMPTY_STATE, STATE_SHEET, loadState, parseState, queueStateWrite, type AddinState, type MarkRecord } from './addinState';
import { findingTarget, plannedMarks, queueMarks, queueRestore, type CellFill, type MarkRequest } from './highlights';
import { fail } from './operationError';
import { REVIEW_NAMES, sameName } from './reviewNames';
import { ALL_FEATURES, layoutChunks, queueChunk, queueSheetFormats, type OfficeFeatures } from './drawLayout';
import { MAX_CELLS_PER_SYNC, MAX_ROWS_PER_SYNC, defaultRun, readAll, type ExcelRun } from './officeWorkbook';

export { CURRENT_WORKBOOK, STATE_SHEET } from './addinState';
export { MARK_FILLS, MAX_MARKED_ROWS, findingTarget, type MarkRequest } from './highlights';
export { importWorkbooks, type ImportResult, type ImportSource } from './importWorkbooks';
export { OfficeOperationError, officeErrorDetail } from './operationError';

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
      const { inputs, layouts, unkept } = sheetsToWrite(request, grids);

      const stateRange2 = stateRange as Excel.Range | null;
      const stateValues = stateRange2 && !stateRange2.isNullObject ? (stateRange2.values as unknown[][]) : [];
      const state = known.stateExists ? parseState(stateValues) : EMPTY_STATE;

      const newMarks = marksWithFills(fillReads, state.marks);

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

/** A sheet laid out on its own, given the workbook's header and footer. */
function withPageTitles(layout: SheetLayout, like: SheetLayout): SheetLayout {
  return { ...layout, print: { ...layout.print, ...pageTitlesLike(like.print, layout.name) } };
}

/**
 * The sheets to write, laid out with the reviewer's entries read back; their row marks sealed with
 * their rows' fingerprints, and what the reviewer changed outside the yellow cells, which the new
 * sheets cannot keep, listed on 「未保留的修改」 after them.
 */
function sheetsToWrite(request: WriteReviewRequest, grids: Record<string, ValueGrid>) {
  const inputs = extractReviewerInputs(grids);
  const built = request.build(inputs).map(sealLayout);
  const unkept = [...readUnkeptSheet(grids[UNKEPT_SHEET] ?? []), ...unkeptInReviewSheets(grids, Object.fromEntries(built.map((l) => [l.name, layoutValues(l)])))];
  const layouts = unkept.length > 0 && built.length > 0 ? [...built, withPageTitles(layoutUnkeptSheet(unkept), built[0])] : built;
  return { inputs, layouts, unkept };
}

/** A row to mark and its current fills as queued for reading: cell properties (ExcelApi 1.9) or the range's fill. */
type FillRead = { mark: Omit<MarkRecord, 'fills'> } & ({ props: { value: unknown } } | { range: Excel.Range });

/** Each row to mark with the fills it had before: remembered for rows already marked, else as read. */
function marksWithFills(reads: readonly FillRead[], previous: readonly MarkRecord[]): MarkRecord[] {
  const remembered = new Map(previous.map((m) => [`${m.sheet.toLowerCase()}\u0000${m.address}`, m.fills]));
  return reads.map((read) => {
    const key = `${read.mark.sheet.toLowerCase()}\u0000${read.mark.address}`;
    let fills: (string | null)[];
    if (remembered.has(key)) fills = remembered.get(key) as (string | null)[];
    else if ('props' in read && read.props) {
      fills = ((read.props.value as CellFill[][])[0] ?? []).map((c) => (c.format?.fill?.pattern === 'None' || !c.format?.fill?.color ? null : c.format.fill.color));
    } else {
      const color = (read as { range: Excel.Range }).range.format.fill.color;
      fills = [color && color.toUpperCase() !== '#FFFFFF' ? color : null];
    }
    return { ...read.mark, fills };
  });
}
