/**
 * Highlighting the rows behind findings: which rows (the worst severity per row, capped), and
 * queueing their fills and the restoring of the fills they replaced.
 */
import { columnLetter, columnNumber } from '../../domain/grid';
import type { Finding, Severity } from '../../domain/report';
import type { CopiedSheet } from '../layout/types';
import type { MarkRecord } from './addinState';
import { formatTargets, type OfficeFeatures } from './drawLayout';

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

export function rowAddress(row: number, firstColumn: number, lastColumn: number): string {
  return `${columnLetter(firstColumn)}${row}:${columnLetter(lastColumn)}${row}`;
}

/** Parse `A5:G5` into its row and columns. */
function parseRow(address: string): { row: number; c1: number; c2: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(address);
  if (!m) return null;
  return { row: Number(m[2]), c1: columnNumber(m[1]), c2: columnNumber(m[3]) };
}

/** Queue restoring the fills a set of marks replaced. */
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

/** Queue highlighting rows, grouped per sheet and severity. */
export function queueMarks(context: Excel.RequestContext, marks: MarkRecord[], features: OfficeFeatures): void {
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

export type CellFill = { format?: { fill?: { color?: string; pattern?: string } } };

/** The worst severity per row, capped. */
export function plannedMarks(requests: MarkRequest[]): { marks: Omit<MarkRecord, 'fills'>[]; unmarked: number } {
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
