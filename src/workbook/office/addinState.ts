/**
 * What the add-in remembers inside the workbook, in a very hidden worksheet (the readers skip very
 * hidden sheets, so it is never reviewed): which worksheets it imported from which file, which
 * sheets are its own (by id), and the conditional formats it highlighted rows with (by id), so
 * 清除标记 removes exactly those.
 */
import type { Severity } from '../../domain/report';
import type { CopiedSheet } from '../layout/types';
import { countedSync, type SyncStats } from './syncBudget';

/** The very hidden worksheet holding the add-in's records. */
export const STATE_SHEET = '审核助手记录';

/** The file name findings cite for worksheets the add-in did not import (the reviewer's own). */
export const CURRENT_WORKBOOK = '当前工作簿';

/**
 * One highlighted row range, as an earlier version stored it: by address, with the fills its cells
 * had before (null = no fill). Only cleared now, never made.
 */
export interface MarkRecord {
  /** The worksheet's name in this workbook. */
  sheet: string;
  /** A1 range of one row, e.g. `A5:G5`. */
  address: string;
  severity: Severity;
  fills: (string | null)[];
}

/**
 * One highlight: a conditional format the add-in added over rows behind findings. It moves with
 * the rows when the reviewer inserts or deletes some, and shows over the cells' own fills without
 * changing them; clearing deletes it by its id.
 */
export interface HighlightRecord {
  /** The worksheet's id (names change; ids do not). */
  sheetId: string;
  /** The conditional format's id. */
  id: string;
  severity: Severity;
  /** Where it was made, for messages. */
  address: string;
}

/** A sheet the add-in wrote (评分表…), known by id so that a user's sheet of the same name is left alone. */
export interface OwnSheet {
  id: string;
  /** The layout it was written from (评分表, 问题清单…), whatever the reviewer renamed it to since. */
  layout: string;
}

/** A submitted worksheet the add-in imported; `id` when known (older records lack it). */
export type ImportedSheet = CopiedSheet & { id?: string };

export interface AddinState {
  copied: ImportedSheet[];
  own: OwnSheet[];
  highlights: HighlightRecord[];
  /** Highlights made as fills by an earlier version. */
  marks: MarkRecord[];
}

export const EMPTY_STATE: AddinState = { copied: [], own: [], highlights: [], marks: [] };

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];

/** The state from the hidden sheet's values; rows it does not understand are skipped. */
export function parseState(values: readonly (readonly unknown[])[] | null | undefined): AddinState {
  const state: AddinState = { copied: [], own: [], highlights: [], marks: [] };
  for (const row of values ?? []) {
    const [kind, a, b, c, d] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (kind === 'copied' && a && b && c) state.copied.push(d ? { file: a, sheet: b, name: c, id: d } : { file: a, sheet: b, name: c });
    else if (kind === 'own' && a && b) state.own.push({ id: a, layout: b });
    else if (kind === 'highlight' && a && b && SEVERITIES.includes(c)) state.highlights.push({ sheetId: a, id: b, severity: c as Severity, address: d });
    else if (kind === 'mark' && a && b && SEVERITIES.includes(c)) {
      let fills: (string | null)[] = [];
      try {
        const parsed = JSON.parse(d || '[]') as unknown;
        if (Array.isArray(parsed)) fills = parsed.map((f) => (typeof f === 'string' ? f : null));
      } catch {
        fills = [];
      }
      state.marks.push({ sheet: a, address: b, severity: c as Severity, fills });
    }
  }
  return state;
}

/** The hidden sheet's rows for a state: five text columns. */
export function stateRows(state: AddinState): string[][] {
  return [
    ['kind', 'a', 'b', 'c', 'd'],
    ...state.copied.map((c) => ['copied', c.file, c.sheet, c.name, c.id ?? '']),
    ...state.own.map((o) => ['own', o.id, o.layout, '', '']),
    ...state.highlights.map((h) => ['highlight', h.sheetId, h.id, h.severity, h.address]),
    ...state.marks.map((m) => ['mark', m.sheet, m.address, m.severity, JSON.stringify(m.fills)]),
  ];
}

export const STATE_COLUMNS = 5;

/**
 * Queue writing the state: into the existing hidden sheet (clearing `previousRows` rows first) or
 * into a new one made very hidden. Every cell is text. Returns how many rows it writes.
 */
export function queueStateWrite(context: Excel.RequestContext, state: AddinState, existing: { exists: boolean; rows: number }): number {
  const rows = stateRows(state);
  // (Its size is bounded: at most MAX_MARKED_ROWS highlights and one row per sheet.)
  const sheet = existing.exists ? context.workbook.worksheets.getItem(STATE_SHEET) : context.workbook.worksheets.add(STATE_SHEET);
  if (existing.exists && existing.rows > 0) sheet.getRangeByIndexes(0, 0, existing.rows, STATE_COLUMNS).clear();
  const range = sheet.getRangeByIndexes(0, 0, rows.length, STATE_COLUMNS);
  range.numberFormat = rows.map((r) => r.map(() => '@'));
  range.values = rows;
  if (!existing.exists) sheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
  return rows.length;
}

/** A worksheet as the add-in sees it before writing. */
export interface SheetInfo {
  id: string;
  name: string;
  visibility: string;
  /** Protected with or without a password: cells cannot be formatted. */
  protected: boolean;
}

/** Queue loading every worksheet's id, name, visibility and protection; read them after the sync. */
export function queueSheetInfo(context: Excel.RequestContext): () => SheetInfo[] {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/id,items/protection/protected');
  return () =>
    worksheets.items.map((s) => ({ id: s.id, name: s.name, visibility: String(s.visibility), protected: s.protection.protected === true }));
}

/** Read the add-in's records (2 syncs: the worksheets, then the hidden sheet's values; counted in `stats`). */
export async function loadState(context: Excel.RequestContext, stats?: SyncStats): Promise<{ state: AddinState; exists: boolean; rows: number; sheets: SheetInfo[]; names: string[] }> {
  const info = queueSheetInfo(context);
  await countedSync(context, stats);
  const sheets = info();
  const names = sheets.map((s) => s.name);
  if (!names.includes(STATE_SHEET)) return { state: EMPTY_STATE, exists: false, rows: 0, sheets, names };
  const range = context.workbook.worksheets.getItem(STATE_SHEET).getUsedRangeOrNullObject(true);
  range.load('values');
  await countedSync(context, stats);
  const values = range.isNullObject ? [] : (range.values as unknown[][]);
  return { state: parseState(values), exists: true, rows: values.length, sheets, names };
}
