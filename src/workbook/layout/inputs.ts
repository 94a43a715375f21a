/**
 * What the reviewer typed into a review workbook, so a re-run can carry it over.
 *
 * Every row that holds reviewer-editable cells has, in its hidden column A, a mark: the row's key
 * (`T4`, `6`, `8.3(1)`, `e:<企业>`…) and, per editable field, its column and the value the
 * generator wrote. A cell whose value differs from the generated one was edited by the reviewer;
 * only those edits are carried into the new workbook, so everything else is refreshed.
 */
import type { LayoutScalar } from './types';

/** The hidden column holding row marks. */
export const MARK_COLUMN = 1;

/** Reviewer edits: sheet name → row key → field → value typed. */
export type ReviewerInputs = Record<string, Record<string, Record<string, LayoutScalar>>>;

/** A sheet's values, `values[row - 1][col - 1]`, formulas as their results. */
export type ValueGrid = readonly (readonly LayoutScalar[])[];

interface Mark {
  k: string;
  f: Record<string, [number, LayoutScalar]>;
  /** A cell that must still hold this value for the row to be read: rows sorted apart from their marks are skipped. */
  a?: [number, LayoutScalar];
}

/**
 * The mark of a row: its key and, for each editable field, `[column, generated value]`; optionally
 * an anchor `[column, value]` (the row's id or enterprise name) that must still be in place when
 * the row is read back.
 *
 * @example
 * rowMark('T4', { conclusion: [6, '符合'] }) // '{"k":"T4","f":{"conclusion":[6,"符合"]}}'
 */
export function rowMark(key: string, fields: Record<string, [number, LayoutScalar]>, anchor?: [number, LayoutScalar]): string {
  return JSON.stringify((anchor ? { k: key, f: fields, a: anchor } : { k: key, f: fields }) satisfies Mark);
}

function parseMark(v: LayoutScalar): Mark | undefined {
  if (typeof v !== 'string' || !v.startsWith('{')) return undefined;
  try {
    const m = JSON.parse(v) as unknown;
    if (typeof m !== 'object' || m === null) return undefined;
    const { k, f, a } = m as Partial<Mark>;
    if (typeof k !== 'string' || typeof f !== 'object' || f === null) return undefined;
    return Array.isArray(a) && typeof a[0] === 'number' ? { k, f, a } : { k, f };
  } catch {
    return undefined;
  }
}

/** Whether two cell values are the same for a reviewer: blank equals empty text, numbers within rounding. */
export function sameValue(a: LayoutScalar, b: LayoutScalar): boolean {
  const blank = (v: LayoutScalar) => v === null || (typeof v === 'string' && v.trim() === '');
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

/**
 * Read the reviewer's edits from the sheets of an earlier review workbook.
 *
 * @param sheets sheet name → values (only the review sheets are needed)
 * @example
 * extractReviewerInputs({ 评分表: grid })['评分表']?.T4?.conclusion // '不符合'
 */
export function extractReviewerInputs(sheets: Readonly<Record<string, ValueGrid>>): ReviewerInputs {
  const inputs: ReviewerInputs = {};
  for (const [sheet, grid] of Object.entries(sheets)) {
    grid.forEach((row) => {
      const mark = parseMark(row[MARK_COLUMN - 1] ?? null);
      if (!mark) return;
      if (mark.a && !sameValue(row[mark.a[0] - 1] ?? null, mark.a[1] ?? null)) return;
      for (const [field, spec] of Object.entries(mark.f)) {
        if (!Array.isArray(spec) || typeof spec[0] !== 'number') continue;
        const [col, generated] = spec;
        const current = row[col - 1] ?? null;
        if (sameValue(current, generated ?? null)) continue;
        const value = typeof current === 'string' ? current.trim() : current;
        ((inputs[sheet] ??= {})[mark.k] ??= {})[field] = value === '' ? null : value;
      }
    });
  }
  return inputs;
}

/** The reviewer's value for a field if they edited it, else the generated one. */
export function pick(inputs: ReviewerInputs | undefined, sheet: string, key: string, field: string, generated: LayoutScalar): LayoutScalar {
  const row = inputs?.[sheet]?.[key];
  return row && field in row ? row[field] : generated;
}

/** Whether the reviewer edited a field. */
export function edited(inputs: ReviewerInputs | undefined, sheet: string, key: string, field: string): boolean {
  const row = inputs?.[sheet]?.[key];
  return row !== undefined && field in row;
}

/** How many edits there are, for telling the user what was kept. */
export function countInputs(inputs: ReviewerInputs): number {
  let n = 0;
  for (const rows of Object.values(inputs)) for (const fields of Object.values(rows)) n += Object.keys(fields).length;
  return n;
}
