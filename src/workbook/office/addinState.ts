/**
 * What the add-in remembers inside the workbook, in a very hidden worksheet (the readers skip very
 * hidden sheets, so it is never reviewed): which worksheets it imported from which file, and which
 * rows it highlighted with what fills they had before, so 清除标记 restores exactly those.
 */
import type { Severity } from '../../domain/report';
import type { CopiedSheet } from '../layout/types';

/** The very hidden worksheet holding the add-in's records. */
export const STATE_SHEET = '审核助手记录';

/** The file name findings cite for worksheets the add-in did not import (the reviewer's own). */
export const CURRENT_WORKBOOK = '当前工作簿';

/** One highlighted row range and the fills its cells had before (null = no fill). */
export interface MarkRecord {
  /** The worksheet's name in this workbook. */
  sheet: string;
  /** A1 range of one row, e.g. `A5:G5`. */
  address: string;
  severity: Severity;
  fills: (string | null)[];
}

export interface AddinState {
  copied: CopiedSheet[];
  marks: MarkRecord[];
}

export const EMPTY_STATE: AddinState = { copied: [], marks: [] };

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];

/** The state from the hidden sheet's values; rows it does not understand are skipped. */
export function parseState(values: readonly (readonly unknown[])[] | null | undefined): AddinState {
  const state: AddinState = { copied: [], marks: [] };
  for (const row of values ?? []) {
    const [kind, a, b, c, d] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (kind === 'copied' && a && b && c) state.copied.push({ file: a, sheet: b, name: c });
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
    ...state.copied.map((c) => ['copied', c.file, c.sheet, c.name, '']),
    ...state.marks.map((m) => ['mark', m.sheet, m.address, m.severity, JSON.stringify(m.fills)]),
  ];
}

export const STATE_COLUMNS = 5;

/**
 * Queue writing the state: into the existing hidden sheet (clearing `previousRows` rows first) or
 * into a new one made very hidden. Every cell is text.
 */
export function queueStateWrite(context: Excel.RequestContext, state: AddinState, existing: { exists: boolean; rows: number }): void {
  const rows = stateRows(state);
  const sheet = existing.exists ? context.workbook.worksheets.getItem(STATE_SHEET) : context.workbook.worksheets.add(STATE_SHEET);
  if (existing.exists && existing.rows > 0) sheet.getRangeByIndexes(0, 0, existing.rows, STATE_COLUMNS).clear();
  const range = sheet.getRangeByIndexes(0, 0, rows.length, STATE_COLUMNS);
  range.numberFormat = rows.map((r) => r.map(() => '@'));
  range.values = rows;
  if (!existing.exists) sheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
}

/** Read the add-in's records (2 syncs: whether the hidden sheet exists, then its values). */
export async function loadState(context: Excel.RequestContext): Promise<{ state: AddinState; exists: boolean; rows: number; names: string[] }> {
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
