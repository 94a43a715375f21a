/**
 * What a check is, ESLint-rule style: metadata (id, guide clause, severity, title) and a `run`
 * that reports findings with a location through its context.
 */
import { a1, type CellRef } from '../grid';
import type { RecognizedTable, TableCell, TableRow } from '../recognize';
import type { FieldKey } from '../tableSpecs';
import type { Finding, Severity } from '../report';
import type { Submission } from '../submission';
import type { CrossAt, CrossFacts } from '../crossFacts';

export interface CheckMeta {
  /** Stable kebab-case id, e.g. `duplicate-enterprise`. */
  id: string;
  /** The guide's clause this enforces, e.g. `门槛条件4；附表4-2-1-2 填表说明`. */
  clause: string;
  severity: Severity;
  /** Short Chinese name shown to reviewers, e.g. 服务企业重复. */
  title: string;
  /**
   * The Chinese messages by id, ESLint style: `{{name}}` is filled from the finding's `data`, so a
   * finding carries what it is about (the firm, the rows, the figures) as data beside its text.
   */
  messages: Record<string, string>;
}

/** What a finding's message is filled with: names, rows, figures. */
export type MessageData = Record<string, string | number>;

/**
 * A message template filled with its data.
 *
 * @throws Error when the template names a value the data does not hold (a check's own mistake, caught by its tests)
 * @example
 * renderMessage('「{{name}}」重复', { name: '甲公司' }) // '「甲公司」重复'
 */
export function renderMessage(template: string, data: MessageData): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in data)) throw new Error(`message data has no "${key}": ${template}`);
    return String(data[key]);
  });
}

/** Where a finding points: a cell, a row of a table, a whole table, or a file. */
export type Location =
  | { cell: TableCell }
  | { ref: CellRef }
  | { table: RecognizedTable; row?: TableRow; field?: FieldKey }
  | { file: string; sheet?: string };

export interface CheckContext {
  submission: Submission;
  /** Report a finding: where, which of the check's messages, what fills it, and a severity other than the check's. */
  report(at: Location, messageId: string, data?: MessageData, severity?: Severity): void;
}

export interface Check {
  meta: CheckMeta;
  run(context: CheckContext): void;
}

/** One platform of a batch as the checks across platforms see it: its name and what its review collected. */
export interface CrossPlatform {
  name: string;
  facts: CrossFacts;
}

/** An item of one platform: which platform, and the cell it was read from. */
export interface CrossEntry {
  platform: number;
  at: CrossAt;
}

/** Something two or more platforms both claim: one row of 汇总.xlsx's 交叉核查. */
export interface SharedItem {
  check: string;
  severity: Severity;
  /** What is shared, e.g. 「北京甲科技有限公司」合同号 HT-001. */
  what: string;
  /** How the entries were matched, e.g. 合同号与企业相同. */
  how: string;
  entries: CrossEntry[];
}

export interface CrossCheckContext {
  platforms: readonly CrossPlatform[];
  /**
   * A firm's identity across the batch, the same as within one platform: the same normalised
   * name or the same 统一社会信用代码 is the same firm.
   */
  firmOf(platform: number, firm: number): number;
  /** Report a finding on one platform's cell. */
  report(entry: CrossEntry, messageId: string, data?: MessageData): void;
  /** List a shared item on 交叉核查. */
  share(item: Omit<SharedItem, 'check' | 'severity'>): void;
}

/**
 * A check across the platforms of a batch: the same metadata as a {@link Check}, run once on
 * every platform's collected facts after all are reviewed (crossCheck.ts).
 */
export interface CrossCheck {
  meta: CheckMeta;
  runAcross(context: CrossCheckContext): void;
}

/** The finding for a location; the field's cell when the row has it, else the row's first column. */
export function locate(at: Location): Pick<Finding, 'file' | 'sheet' | 'row' | 'cell'> {
  if ('cell' in at) return { file: at.cell.ref.file, sheet: at.cell.ref.sheet, row: at.cell.ref.row, cell: at.cell.ref.cell };
  if ('ref' in at) return { file: at.ref.file, sheet: at.ref.sheet, row: at.ref.row, cell: at.ref.cell };
  if ('table' in at) {
    const { table, row, field } = at;
    if (!row) {
      return { file: table.file, sheet: table.sheet, row: table.headerRow, cell: headerCell(table, field) };
    }
    const cell = field ? row.cells[field] : undefined;
    if (cell) return { file: table.file, sheet: table.sheet, row: row.row, cell: cell.ref.cell };
    // An empty cell is not lifted: point at its column, or else at the row's first cell.
    const column = field ? table.columns[field]?.column : undefined;
    const first = firstCell(row);
    const address = column ? a1(row.row, column) : first ? first.ref.cell : null;
    return { file: table.file, sheet: table.sheet, row: row.row, cell: address };
  }
  return { file: at.file, sheet: at.sheet ?? null, row: null, cell: null };
}

function firstCell(row: TableRow): TableCell | undefined {
  let best: TableCell | undefined;
  for (const c of Object.values(row.cells)) if (c && (!best || c.ref.column < best.ref.column)) best = c;
  return best;
}

function headerCell(table: RecognizedTable, field?: FieldKey): string | null {
  const info = field ? table.columns[field] : undefined;
  const col = info?.column ?? Math.min(...Object.values(table.columns).map((c) => c?.column ?? Infinity));
  if (!Number.isFinite(col)) return null;
  return a1(table.headerRow + table.headerRows - 1, col);
}

/**
 * Where a finding about the platform's filing points: the 申报数据 sheet (or the --declared file)
 * when there is one, else the first submitted file.
 */
export function filingPlace(submission: Submission): Location {
  const { declared } = submission;
  if (!declared) return { file: submission.files[0]?.file ?? '（全部材料）' };
  return declared.source.sheet ? { file: declared.source.file, sheet: declared.source.sheet } : { file: declared.source.file };
}

/** A figure in a message: at most two decimals, no trailing zeros (`12.5`, `3`). */
export function formatFigure(n: number): string {
  return String(Number(n.toFixed(2)));
}

/** The table's name and the row, as reviewers cite it: «附表4-2-1-2 第12行». */
export function where(table: RecognizedTable, row: TableRow): string {
  return `${table.spec.name} 第${row.row}行`;
}

/** Run checks over a submission and collect their findings. */
export function runChecks(checks: readonly Check[], submission: Submission): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    check.run({
      submission,
      report(at, messageId, data = {}, severity) {
        const template = check.meta.messages[messageId];
        if (template === undefined) throw new Error(`${check.meta.id} has no message "${messageId}"`);
        findings.push({ check: check.meta.id, severity: severity ?? check.meta.severity, ...locate(at), message: renderMessage(template, data), messageId, data });
      },
    });
  }
  return findings;
}
