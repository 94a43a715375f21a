/**
 * Highlighting the rows behind findings: which rows (the worst severity per row, capped), the
 * conditional formats that highlight them, and removing those again. Fills made by an earlier
 * version (by address) are restored where they still show the highlight colour.
 */
import { columnLetter, columnNumber } from '../../domain/grid';
import type { Finding, Severity } from '../../domain/report';
import type { CopiedSheet } from '../layout/types';
import type { HighlightRecord, MarkRecord, SheetInfo } from './addinState';
import { formatTargets, type OfficeFeatures } from './drawLayout';
import { commandUnit, type SyncUnit } from './syncBudget';

/** Fills of highlighted rows, by severity (light red, light amber, light blue). */
export const MARK_FILLS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** Most rows highlighted in one go; beyond this the 问题清单 still lists every finding. */
export const MAX_MARKED_ROWS = 2000;

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

/** Parse `A5:G5` into its row and columns. */
function parseRow(address: string): { row: number; c1: number; c2: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(address);
  if (!m) return null;
  return { row: Number(m[2]), c1: columnNumber(m[1]), c2: columnNumber(m[3]) };
}

/** Queue restoring the fills a set of (legacy, fill-based) marks replaced. */
export function queueRestore(context: Excel.RequestContext, marks: MarkRecord[], existing: Set<string>, features: OfficeFeatures): void {
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

/**
 * Highlights as conditional formats: one per run of adjacent rows of the same severity and width, a
 * `Custom` rule that is always true with the severity's fill. Excel moves them with the rows when
 * the reviewer inserts or deletes rows, shows them over the cells' own fills without changing those,
 * and they are removed by id. Each unit records its format's id once its sync succeeded.
 */
export function highlightUnits(plans: readonly HighlightPlan[], made: HighlightRecord[]): SyncUnit[] {
  return plans.map((plan) =>
    commandUnit(5, plan.address.length, (batch) => {
      const format = batch.sheet(plan.sheetId).getRange(plan.address).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      format.custom.rule.formula = '=TRUE';
      format.custom.format.fill.color = MARK_FILLS[plan.severity];
      format.load('id');
      return () => made.push({ sheetId: plan.sheetId, id: format.id, severity: plan.severity, address: plan.address });
    }),
  );
}

/** Per sheet id, its conditional formats (ids loaded), to find which recorded highlights still exist. */
export type LoadedFormats = Map<string, Excel.ConditionalFormatCollection>;

/** Queue loading the conditional format ids of every sheet that has recorded highlights. */
export function queueFormatIds(context: Excel.RequestContext, records: readonly HighlightRecord[], sheets: readonly SheetInfo[]): LoadedFormats {
  const bySheet = new Map<string, Excel.ConditionalFormatCollection>();
  for (const r of records) {
    if (bySheet.has(r.sheetId) || !sheets.some((s) => s.id === r.sheetId)) continue;
    const formats = context.workbook.worksheets.getItem(r.sheetId).getRange().conditionalFormats;
    formats.load('items/id');
    bySheet.set(r.sheetId, formats);
  }
  return bySheet;
}

/**
 * Units deleting the recorded highlights that still exist. Those on protected sheets are kept
 * (returned) for a later clear; those the reviewer already removed are forgotten.
 */
export function clearHighlightUnits(
  records: readonly HighlightRecord[],
  loaded: LoadedFormats,
  sheets: readonly SheetInfo[],
): { units: SyncUnit[]; kept: HighlightRecord[]; cleared: number } {
  const units: SyncUnit[] = [];
  const kept: HighlightRecord[] = [];
  let cleared = 0;
  for (const r of records) {
    const sheet = sheets.find((s) => s.id === r.sheetId);
    const formats = loaded.get(r.sheetId);
    if (!sheet || !formats || !formats.items.some((f) => f.id === r.id)) continue;
    if (sheet.protected) {
      kept.push(r);
      continue;
    }
    cleared++;
    units.push(commandUnit(2, r.id.length, () => formats.getItem(r.id).delete()));
  }
  return { units, kept, cleared };
}

/** A run of rows to highlight in one conditional format. */
export interface HighlightPlan {
  /** The worksheet's id, and its name for messages. */
  sheetId: string;
  sheet: string;
  /** A1 range, e.g. `A5:G9`. */
  address: string;
  severity: Severity;
}

/**
 * The rows to highlight: the worst severity per row, errors first, capped at {@link MAX_MARKED_ROWS}
 * rows; adjacent rows of the same sheet, severity and width joined into one range.
 */
export function plannedMarks(requests: MarkRequest[], sheetIdOf: (name: string) => string | undefined): { plans: HighlightPlan[]; marked: number; unmarked: number } {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const byRow = new Map<string, MarkRequest>();
  for (const m of requests) {
    const k = `${m.sheet.toLowerCase()}\u0000${m.row}`;
    const prev = byRow.get(k);
    if (!prev || rank[m.severity] < rank[prev.severity]) byRow.set(k, m);
  }
  const all = [...byRow.values()].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const kept = all.slice(0, MAX_MARKED_ROWS).filter((m) => sheetIdOf(m.sheet) !== undefined);
  kept.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.severity.localeCompare(b.severity) || a.firstColumn - b.firstColumn || a.lastColumn - b.lastColumn || a.row - b.row);
  const plans: HighlightPlan[] = [];
  let run: { m: MarkRequest; last: number } | null = null;
  const close = () => {
    if (!run) return;
    const { m, last } = run;
    plans.push({ sheetId: sheetIdOf(m.sheet) as string, sheet: m.sheet, severity: m.severity, address: `${columnLetter(m.firstColumn)}${m.row}:${columnLetter(m.lastColumn)}${last}` });
  };
  for (const m of kept) {
    const p = run?.m;
    if (run && p && p.sheet === m.sheet && p.severity === m.severity && p.firstColumn === m.firstColumn && p.lastColumn === m.lastColumn && run.last + 1 === m.row) {
      run.last = m.row;
      continue;
    }
    close();
    run = { m, last: m.row };
  }
  close();
  return { plans, marked: kept.length, unmarked: all.length - Math.min(all.length, MAX_MARKED_ROWS) };
}

/**
 * Highlights an earlier version made as fills, by address: queue reading each row's fill. A row
 * whose fill no longer shows the highlight colour was changed since (rows inserted above it, or the
 * reviewer's own fill), so it is left as it is; rows on protected sheets are kept for later.
 */
export function queueLegacyFills(
  context: Excel.RequestContext,
  marks: readonly MarkRecord[],
  sheets: readonly SheetInfo[],
): { restorable(): MarkRecord[]; kept: MarkRecord[] } {
  const reads: { mark: MarkRecord; range: Excel.Range }[] = [];
  const kept: MarkRecord[] = [];
  for (const m of marks) {
    const sheet = sheets.find((s) => s.name.toLowerCase() === m.sheet.toLowerCase());
    if (!sheet) continue;
    if (sheet.protected) {
      kept.push(m);
      continue;
    }
    const range = context.workbook.worksheets.getItem(sheet.id).getRange(m.address);
    range.load('format/fill/color');
    reads.push({ mark: m, range });
  }
  return {
    kept,
    restorable: () => reads.filter((r) => (r.range.format.fill.color ?? '').toUpperCase() === MARK_FILLS[r.mark.severity].toUpperCase()).map((r) => r.mark),
  };
}
