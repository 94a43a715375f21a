/**
 * The findings panel's state: the severity and table filters, which check groups are open, and
 * what they leave shown, grouped by check in the 问题清单's order (sortFindingsForSheet, the
 * sheet's own ordering).
 */
import { useMemo, useState } from 'react';
import type { Finding, ReviewReport, Severity } from '../../domain/report';
import { sortFindingsForSheet } from '../../workbook/layout/findingsSheet';
import type { CopiedSheet } from '../../workbook/layout/types';
import { strings } from '../strings';

/** A table the findings point to: an attachment table, the 申报数据 sheet, an unreadable file… */
export interface TableOption {
  key: string;
  label: string;
  file: string | null;
  sheet: string | null;
}

const keyOf = (file: string | null, sheet: string | null) => JSON.stringify([file, sheet]);

/** Table number of an attachment table: 4-2-1-3 → 3. */
function tableNumber(kind: string): number {
  const n = Number(/(\d+)$/.exec(kind)?.[1]);
  return Number.isFinite(n) ? n : 99;
}

/**
 * The tables that have findings, in table-number order (附表4-2-1-1 … 4-2-1-8), then the 申报数据
 * sheet, then other sheets, then files that could not be read, then findings about no file.
 */
export function tableOptions(report: ReviewReport): TableOption[] {
  const declared = report.declared.find((d) => d.file !== null && d.sheet !== null);
  const unreadable = new Set(report.findings.filter((f) => f.check === 'file-unreadable').map((f) => f.file));
  const options = new Map<string, TableOption & { rank: number; order: number }>();
  report.findings.forEach((f, order) => {
    const key = keyOf(f.file, f.sheet);
    if (options.has(key)) return;
    const table = report.tables.find((t) => t.file === f.file && t.sheet === f.sheet);
    let rank: number;
    let label: string;
    if (table) [rank, label] = [tableNumber(table.kind), `附表${table.kind}（${table.sheet}）`];
    else if (declared && f.file === declared.file && f.sheet === declared.sheet) [rank, label] = [100, strings.declaredTable(f.sheet ?? '')];
    else if (f.file !== null && f.sheet !== null) [rank, label] = [200, `${f.file} › ${f.sheet}`];
    else if (f.file !== null) [rank, label] = [300, unreadable.has(f.file) ? strings.unreadableTable(f.file) : f.file];
    else [rank, label] = [400, strings.wholeSubmission];
    options.set(key, { key, label, file: f.file, sheet: f.sheet, rank, order });
  });
  return [...options.values()].sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ key, label, file, sheet }) => ({ key, label, file, sheet }));
}

/**
 * Where the review workbook puts each sheet, when the port does not know (the standalone page):
 * the files in the order held, each file's sheets in the order the review met them.
 */
export function sheetOrder(report: ReviewReport, files: readonly string[] = []): CopiedSheet[] {
  const seen = new Map<string, CopiedSheet>();
  const add = (file: string | null, sheet: string | null) => {
    if (file !== null && sheet !== null && !seen.has(keyOf(file, sheet))) seen.set(keyOf(file, sheet), { file, sheet, name: sheet });
  };
  report.tables.forEach((t) => add(t.file, t.sheet));
  report.findings.forEach((f) => add(f.file, f.sheet));
  const rank = (file: string) => {
    const i = files.indexOf(file);
    return i === -1 ? files.length : i;
  };
  // A stable sort keeps each file's sheets in the order met.
  return [...seen.values()].sort((a, b) => rank(a.file) - rank(b.file));
}

export interface FindingsView {
  severity: Severity | 'all';
  table: string;
  tables: TableOption[];
  /** The findings the filters leave, grouped by check in the 问题清单's order. */
  groups: [string, Finding[]][];
  shown: number;
  counts: Record<Severity, number>;
  open: string[];
  setSeverity(severity: Severity | 'all'): void;
  setTable(key: string): void;
  toggle(check: string, open: boolean): void;
}

/**
 * @param copied where each sheet is in the review workbook (the Excel port knows); the standalone
 *   page's order by default
 */
export function useFindingsFilter(report: ReviewReport, copied?: readonly CopiedSheet[], files?: readonly string[]): FindingsView {
  const [severity, setSeverityState] = useState<Severity | 'all'>('all');
  const [table, setTableState] = useState('all');
  const tables = useMemo(() => tableOptions(report), [report]);
  const sorted = useMemo(() => sortFindingsForSheet(report.findings, copied ?? sheetOrder(report, files)), [report, copied, files]);
  const groupsOf = (s: Severity | 'all', t: string): [string, Finding[]][] => {
    const groups = new Map<string, Finding[]>();
    for (const f of sorted) {
      if (s !== 'all' && f.severity !== s) continue;
      if (t !== 'all' && keyOf(f.file, f.sheet) !== t) continue;
      groups.set(f.check, [...(groups.get(f.check) ?? []), f]);
    }
    return [...groups.entries()];
  };
  const groups = groupsOf(severity, table);
  const [open, setOpen] = useState<string[]>(() => groups.slice(0, 1).map(([check]) => check));
  // A new review starts afresh: no filter, its first group open.
  const [forReport, setForReport] = useState(report);
  if (forReport !== report) {
    setForReport(report);
    setSeverityState('all');
    setTableState('all');
    setOpen(groupsOf('all', 'all').slice(0, 1).map(([check]) => check));
  }
  /** A new filter keeps the open groups open, and opens what it shows (a filtered list is short). */
  const refilter = (s: Severity | 'all', t: string) => {
    const next = groupsOf(s, t).map(([check]) => check);
    setOpen((was) => [...new Set([...was, ...(s === 'all' && t === 'all' ? next.slice(0, 1) : next)])]);
  };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const [, list] of groups) for (const f of list) counts[f.severity]++;
  return {
    severity,
    table,
    tables,
    groups,
    shown: counts.error + counts.warning + counts.info,
    counts,
    open,
    setSeverity(s) {
      setSeverityState(s);
      refilter(s, table);
    },
    setTable(t) {
      setTableState(t);
      refilter(severity, t);
    },
    toggle(check, isOpen) {
      setOpen((was) => (isOpen ? [...new Set([...was, check])] : was.filter((c) => c !== check)));
    },
  };
}
