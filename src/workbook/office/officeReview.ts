/**
 * The Office adapter's review operations on the workbook open in Excel: read the submission for a
 * review, write the review sheets (keeping the reviewer's entries), highlight the rows behind
 * findings and clear those highlights, select a finding's cell. Which rows to highlight and how
 * is highlights.ts; importing submitted files is importWorkbooks.ts (both re-exported here).
 *
 * Round trips are counted and bounded in bytes (syncBudget.ts): a review reads in 2 syncs plus one
 * per {@link SYNC_BYTES} of cells; writing takes 4–5 syncs plus one per further {@link SYNC_BYTES}.
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
import { freeSheetNames, renameLayoutSheets } from '../layout/renameSheets';
import {
  CURRENT_WORKBOOK,
  EMPTY_STATE,
  STATE_SHEET,
  loadState,
  parseState,
  queueStateWrite,
  stateRows,
  type AddinState,
  type HighlightRecord,
  type SheetInfo,
} from './addinState';
import { clearHighlightUnits, findingTarget, highlightUnits, plannedMarks, queueFormatIds, queueLegacyFills, queueRestore, type MarkRequest } from './highlights';
import { fail } from './operationError';
import { sameName } from './reviewNames';
import { ALL_FEATURES, formatUnits, valueUnits, type OfficeFeatures } from './drawLayout';
import { defaultRun, readAll, readGrids, type ExcelRun } from './officeWorkbook';
import { commandUnit, countedSync, jsonBytes, syncUnits, type SyncStats, type SyncUnit } from './syncBudget';

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

/** A sheet the add-in wrote, as it is now. */
export interface OwnSheetNow {
  id: string;
  /** The layout it holds (评分表…). */
  layout: string;
  /** Its name now (the reviewer may have renamed it). */
  name: string;
}

/** What a review read found in the workbook. */
export interface WorkbookSnapshot {
  /** The submission, worksheets grouped by the file they were imported from. */
  files: SubmittedFile[];
  /** Every submission worksheet: its file, its name in that file, its name here. */
  copied: CopiedSheet[];
  /** Used range of each submission worksheet, by its name here. */
  extents: Record<string, SheetExtent>;
  /** The add-in's own sheets (评分表…), known by id. */
  own: OwnSheetNow[];
  /** The add-in's records; `stateRows` is how many rows the hidden sheet holds (0 = no sheet). */
  state: AddinState;
  stateExists: boolean;
  stateRows: number;
}

/**
 * Read the workbook for a review: every visible or hidden worksheet except the add-in's own (known
 * by id, so a sheet of the reviewer's called 评分表 is reviewed like any other), the imported ones
 * cited by their file and original sheet name. The add-in's hidden records ride along in the
 * reader's second sync.
 */
export async function readForReview(run: ExcelRun = defaultRun): Promise<WorkbookSnapshot> {
  try {
    return await run(async (context) => {
      let stateRange: Excel.Range | null = null;
      const ids: Record<string, string> = {};
      const grids = await readAll(context, CURRENT_WORKBOOK, {
        afterSheets(sheets) {
          for (const s of sheets) ids[s.name] = s.id;
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
      return snapshotOf(grids, state, stateExists, stateValues.length, ids);
    });
  } catch (error) {
    throw fail('读取工作簿', error, '请确认工作簿未处于单元格编辑状态，然后重试“开始审核”。');
  }
}

/** Group grids into files by the add-in's import records, leaving out the add-in's own sheets. */
export function snapshotOf(grids: SheetGrid[], state: AddinState, stateExists: boolean, stateRows: number, ids: Record<string, string> = {}): WorkbookSnapshot {
  const files: SubmittedFile[] = [];
  const byFile = new Map<string, SubmittedFile>();
  const copied: CopiedSheet[] = [];
  const extents: Record<string, SheetExtent> = {};
  const own: OwnSheetNow[] = [];
  for (const grid of grids) {
    const id = ids[grid.sheet];
    const mine = id !== undefined ? state.own.find((o) => o.id === id) : undefined;
    if (mine) {
      own.push({ id: mine.id, layout: mine.layout, name: grid.sheet });
      continue;
    }
    const record = state.copied.find((c) => (c.id && id !== undefined ? c.id === id : sameName(c.name, grid.sheet)));
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
  return { files, copied, extents, own, state, stateExists, stateRows };
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
  /** Custom document properties to set (ExcelApi 1.7), as the file writer sets them. */
  properties?: Readonly<Record<string, string | boolean>>;
  features?: OfficeFeatures;
}

export interface WriteReviewResult {
  /** The review sheets written, by their names here, in tab order. */
  sheets: string[];
  /** Review sheets written under another name because a sheet not the add-in's held theirs. */
  renamed: Record<string, string>;
  /** How many reviewer entries were carried over. */
  keptInputs: number;
  /** How many of the reviewer's changes could not be kept (listed on 「未保留的修改」). */
  unkept: number;
  /** Rows highlighted. */
  marked: number;
  /** Rows not highlighted because of the {@link MAX_MARKED_ROWS} cap. */
  unmarked: number;
  /** Protected sheets whose rows were not highlighted (or whose highlights stay until unprotected). */
  protectedSheets: string[];
  /** Excel calculates manually, so the workbook was recalculated after writing. */
  recalculated: boolean;
  /** Round trips, and syncs Excel refused as too large and that were redone in halves. */
  syncs: SyncStats;
  /** What the workbook now holds, for the next write. */
  snapshot: Pick<WorkbookSnapshot, 'state' | 'stateExists' | 'stateRows'>;
}

/** A sheet's values as a grid from A1, for reading reviewer entries and row marks. */
function fromA1(grid: SheetGrid): ValueGrid {
  const out: LayoutScalar[][] = [];
  for (let r = 1; r < grid.firstRow; r++) out.push([]);
  for (const row of grid.values) {
    const line: LayoutScalar[] = new Array(grid.firstColumn - 1).fill(null);
    for (const v of row) line.push(v instanceof Date ? null : v);
    out.push(line);
  }
  return out;
}

/** A name no sheet holds, for an old review sheet to step aside under until the new one is written. */
function tempName(i: number, taken: Set<string>): string {
  let temp = `审核助手旧表${i + 1}`;
  for (let n = 2; taken.has(temp.toLowerCase()); n++) temp = `审核助手旧表${i + 1}_${n}`;
  taken.add(temp.toLowerCase());
  return temp;
}

/** Names of the protected sheets among those the marks are on. */
function protectedAmong(marks: readonly MarkRequest[], sheets: readonly SheetInfo[]): string[] {
  const names = new Set<string>();
  for (const m of marks) {
    const s = sheets.find((x) => sameName(x.name, m.sheet));
    if (s?.protected) names.add(s.name);
  }
  return [...names];
}

/**
 * Write the review sheets and highlight the rows behind findings.
 *
 * 1. The worksheets (ids, names, protection), the calculation mode and the add-in's records.
 * 2. The add-in's own sheets as they are now (for the reviewer's entries, matched by each row's
 *    key as the file writer does), in syncs of about {@link SYNC_BYTES}; with them, which of its
 *    highlights still exist.
 * 3. The old sheets step aside under temporary names and the new ones are added; a sheet not the
 *    add-in's that holds a review sheet's name keeps it, and the review sheet takes a free name.
 * 4. Values (number formats, then formulas), formats, links, old highlights removed and new ones
 *    made, in syncs of about {@link SYNC_BYTES} each, halved when Excel refuses one as too large.
 * 5. The records, the old sheets deleted, document properties, and a recalculation when Excel
 *    calculates manually.
 * The old sheets (with the reviewer's entries) stay until the last step, so a failure loses nothing.
 *
 * @throws OfficeOperationError with a Chinese message saying what to do
 */
export async function writeReview(request: WriteReviewRequest, run: ExcelRun = defaultRun): Promise<WriteReviewResult> {
  const features = request.features ?? ALL_FEATURES;
  try {
    return await run(async (context) => {
      const stats: SyncStats = { syncs: 0, retried: 0 };
      const application = context.workbook.application;
      application.load('calculationMode');
      const { state, exists, rows, sheets } = await loadState(context, stats);
      const worksheets = context.workbook.worksheets;
      const byId = new Map(sheets.map((s) => [s.id, s]));
      const own: OwnSheetNow[] = state.own.filter((o) => byId.has(o.id)).map((o) => ({ ...o, name: (byId.get(o.id) as SheetInfo).name }));
      const ownIds = new Set(own.map((o) => o.id));

      const formatIds = queueFormatIds(context, state.highlights, sheets);
      const legacy = queueLegacyFills(context, state.marks, sheets);
      const proxies = own.map((o) => {
        const sheet = worksheets.getItem(o.id);
        sheet.load('name');
        return sheet;
      });
      const ownGrids = await readGrids(context, proxies, CURRENT_WORKBOOK, false, stats);
      // Without own sheets to read, the loads just queued still need their sync.
      if (proxies.length === 0 && (formatIds.size > 0 || state.marks.length > 0)) await countedSync(context, stats);
      const grids: Record<string, ValueGrid> = {};
      ownGrids.forEach((g, i) => (grids[own[i].layout] = fromA1(g)));
      const { inputs, layouts: built, unkept } = sheetsToWrite(request, grids);

      // A sheet of the reviewer's or the platform's keeps its name; the review sheet takes a free one.
      const foreign = sheets.filter((s) => !ownIds.has(s.id)).map((s) => s.name);
      const renames = freeSheetNames(built.map((l) => l.name), [...foreign, STATE_SHEET]);
      const layouts = renameLayoutSheets(built, renames);
      const taken = new Set([...sheets.map((s) => s.name.toLowerCase()), ...layouts.map((l) => l.name.toLowerCase())]);
      const temps = own.map((o, i) => {
        const temp = tempName(i, taken);
        worksheets.getItem(o.id).name = temp;
        return temp;
      });
      const added = layouts.map((layout, i) => {
        const sheet = worksheets.add(layout.name);
        sheet.position = i;
        sheet.load('id');
        return sheet;
      });
      await countedSync(context, stats);
      const ids = added.map((s) => s.id);

      const units: SyncUnit[] = [];
      layouts.forEach((layout, i) => units.push(...valueUnits(() => ids[i], layout)));
      layouts.forEach((layout, i) => units.push(...formatUnits(() => ids[i], layout, features)));
      const cleared = clearHighlightUnits(state.highlights, formatIds, sheets);
      units.push(...cleared.units);
      const restorable = legacy.restorable();
      if (restorable.length > 0) {
        const existing = new Set(sheets.map((s) => s.name.toLowerCase()));
        units.push(commandUnit(restorable.length * 4, 0, (batch) => queueRestore(batch.context, restorable, existing, features)));
      }
      const sheetIdOf = (name: string) => {
        const s = sheets.find((x) => sameName(x.name, name));
        return s && !s.protected && !ownIds.has(s.id) ? s.id : undefined;
      };
      const planned = plannedMarks(request.marks, sheetIdOf);
      const made: HighlightRecord[] = [];
      units.push(...highlightUnits(planned.plans, made));
      await syncUnits(context, units, { stats });

      const newState: AddinState = {
        copied: state.copied,
        own: built.map((l, i) => ({ id: ids[i], layout: l.name })),
        highlights: [...cleared.kept, ...made],
        marks: legacy.kept,
      };
      const recalculated = application.calculationMode === 'Manual';
      const newRows = stateRows(newState);
      const last = commandUnit(8 + temps.length, jsonBytes(newRows), (batch) => {
        queueStateWrite(batch.context, newState, { exists, rows });
        for (const temp of temps) worksheets.getItem(temp).delete();
        for (const [key, value] of Object.entries(request.properties ?? {})) context.workbook.properties.custom.add(key, value);
        if (added.length) batch.sheet(ids[0]).activate();
        // Manual calculation would leave the new formulas showing nothing until F9.
        if (recalculated) application.calculate('Recalculate' as Excel.CalculationType);
      });
      await syncUnits(context, [last], { stats });

      return {
        sheets: layouts.map((l) => l.name),
        renamed: Object.fromEntries(renames),
        keptInputs: countInputs(inputs),
        unkept: unkept.length,
        marked: planned.marked,
        unmarked: planned.unmarked,
        protectedSheets: [...new Set([...protectedAmong(request.marks, sheets), ...cleared.kept.map((h) => (byId.get(h.sheetId) as SheetInfo).name)])],
        recalculated,
        syncs: stats,
        snapshot: { state: newState, stateExists: true, stateRows: newRows.length },
      };
    });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ItemNotFound') {
      throw fail('写入审核表', error, '工作簿中的工作表在审核后有变化，请重新点击“开始审核”，再写入审核表。');
    }
    throw fail('写入审核表', error, '原有的审核表（连同评审填写的内容）仍在工作簿中，可能已改名为“审核助手旧表…”。请确认工作簿未处于单元格编辑状态，然后重试。');
  }
}

/** What 清除标记 did. */
export interface ClearResult {
  /** Highlights removed (conditional formats, or rows of fills an earlier version made). */
  cleared: number;
  /** Protected sheets whose highlights stay until they are unprotected. */
  protectedSheets: string[];
}

/**
 * Remove the highlights the add-in made: its conditional formats, by id (the reviewer's fills and
 * formats are not touched), and fills an earlier version made where they still show. 3–4 syncs.
 */
export async function clearMarks(run: ExcelRun = defaultRun, features: OfficeFeatures = ALL_FEATURES): Promise<ClearResult> {
  try {
    return await run(async (context) => {
      const { state, exists, rows, sheets } = await loadState(context);
      if (state.highlights.length === 0 && state.marks.length === 0) return { cleared: 0, protectedSheets: [] };
      const formatIds = queueFormatIds(context, state.highlights, sheets);
      const legacy = queueLegacyFills(context, state.marks, sheets);
      await context.sync();
      const cleared = clearHighlightUnits(state.highlights, formatIds, sheets);
      const restorable = legacy.restorable();
      const existing = new Set(sheets.map((s) => s.name.toLowerCase()));
      const units = [...cleared.units];
      if (restorable.length > 0) units.push(commandUnit(restorable.length * 4, 0, (batch) => queueRestore(batch.context, restorable, existing, features)));
      const newState: AddinState = { ...state, highlights: cleared.kept, marks: legacy.kept };
      units.push(
        commandUnit(4, jsonBytes(stateRows(newState)), (batch) => {
          queueStateWrite(batch.context, newState, { exists, rows });
        }),
      );
      await syncUnits(context, units);
      const byId = new Map(sheets.map((s) => [s.id, s.name]));
      const protectedSheets = [...new Set([...cleared.kept.map((h) => byId.get(h.sheetId) ?? ''), ...legacy.kept.map((m) => m.sheet)])].filter(Boolean);
      return { cleared: cleared.cleared + restorable.length, protectedSheets };
    });
  } catch (error) {
    throw fail('清除标记', error, '请确认工作簿未处于单元格编辑状态，然后重试。');
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
