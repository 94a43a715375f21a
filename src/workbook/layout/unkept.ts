/**
 * Which of the reviewer's changes in an earlier review workbook a re-run cannot keep, found from the
 * sheets' values alone, so the ExcelJS writer and the Office.js writer decide alike.
 *
 * Each row mark (hidden column A, see inputs.ts) is sealed when written with a fingerprint of the
 * row's generated constant cells (`h`), the columns it covers (`g`) and the sheet's last generated
 * column (`w`). On a re-run, a row whose cells no longer give its fingerprint was changed outside
 * the yellow cells: its changed cells are listed. So is any text in a cell the tool does not write.
 */
import { a1 } from '../../domain/grid';
import { MARK_COLUMN, type ValueGrid } from './inputs';
import { REVIEW_SHEETS } from './sheetNames';
import type { LayoutCell, LayoutScalar, SheetLayout } from './types';
import type { UnkeptEdit } from './unkeptSheet';

/** A cell's value for comparing a reviewer's copy with what was generated: text trimmed, blank as ''. */
export function comparable(v: LayoutScalar | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/** FNV-1a of (column, value) pairs. */
export function fingerprint(pairs: Iterable<readonly [number, LayoutScalar | undefined]>): string {
  let h = 0x811c9dc5;
  for (const [c, v] of pairs) {
    const text = `${c}\u0001${comparable(v)}\u0002`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export interface SealedMark {
  k: string;
  f: Record<string, [number, LayoutScalar]>;
  /** Generated constant columns, fingerprinted into `h`; formulas, links and the reviewer's fields are not. */
  g?: number[];
  h?: string;
  /** The sheet's last generated column. */
  w?: number;
}

export function parseSealed(v: LayoutScalar | undefined): SealedMark | undefined {
  if (typeof v !== 'string' || !v.startsWith('{"k"')) return undefined;
  try {
    const m = JSON.parse(v) as SealedMark;
    return typeof m.k === 'string' && typeof m.f === 'object' && m.f !== null ? m : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A mark with its seal.
 *
 * @param skip a column that is not a generated constant (a formula, a link, a merged-over cell)
 * @param valueAt the cell's value as it will read back
 */
export function sealMark(mark: SealedMark, width: number, skip: (col: number) => boolean, valueAt: (col: number) => LayoutScalar): string {
  const fields = new Set(Object.values(mark.f).map((f) => f[0]));
  const g: number[] = [];
  for (let c = MARK_COLUMN + 1; c <= width; c++) if (!fields.has(c) && !skip(c)) g.push(c);
  return JSON.stringify({ ...mark, g, h: fingerprint(g.map((c) => [c, valueAt(c)] as const)), w: width });
}

/** A layout with its row marks sealed from its own values (for a writer that writes them verbatim). */
export function sealLayout(layout: SheetLayout): SheetLayout {
  const byRow = new Map<number, Map<number, LayoutCell>>();
  for (const c of layout.cells) {
    if (!byRow.has(c.row)) byRow.set(c.row, new Map());
    byRow.get(c.row)!.set(c.col, c);
  }
  const width = layout.columns.length;
  const cells = layout.cells.map((c) => {
    if (c.col !== MARK_COLUMN) return c;
    const mark = parseSealed(typeof c.value === 'object' ? null : c.value);
    if (!mark) return c;
    const row = byRow.get(c.row)!;
    const skip = (col: number) => {
      const cell = row.get(col);
      return cell !== undefined && (cell.hyperlink !== undefined || (cell.value !== null && typeof cell.value === 'object'));
    };
    return { ...c, value: sealMark(mark, width, skip, (col) => cellScalar(row.get(col))) };
  });
  return { ...layout, cells };
}

function cellScalar(cell: LayoutCell | undefined): LayoutScalar {
  if (!cell) return null;
  const v = cell.value;
  return v !== null && typeof v === 'object' ? (v.result ?? null) : v;
}

/** A layout's values as a grid (formulas as their results), as the sheet reads back. */
export function layoutValues(layout: SheetLayout): ValueGrid {
  const grid: LayoutScalar[][] = [];
  for (const c of layout.cells) (grid[c.row - 1] ??= [])[c.col - 1] = cellScalar(c);
  return Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
}

/**
 * The reviewer's changes in the earlier review sheets (`before`) that the new ones (`after`) do not
 * hold: changed cells of rows whose fingerprint no longer matches, and text in cells the tool does
 * not write (beyond a marked row's generated columns, or where an unmarked row of the new sheet is blank).
 */
export function unkeptInReviewSheets(before: Readonly<Record<string, ValueGrid>>, after: Readonly<Record<string, ValueGrid>>): UnkeptEdit[] {
  const out: UnkeptEdit[] = [];
  for (const name of Object.values(REVIEW_SHEETS)) {
    const old = before[name];
    const now = after[name];
    if (!old || !now) continue;
    const rowOfKey = new Map<string, number>();
    now.forEach((row, i) => {
      const m = parseSealed(row[MARK_COLUMN - 1]);
      if (m) rowOfKey.set(m.k, i);
    });
    old.forEach((row, i) => {
      const mark = parseSealed(row[MARK_COLUMN - 1]);
      const fields = new Set(mark ? Object.values(mark.f).map((f) => f[0]) : []);
      if (mark?.g && mark.h && fingerprint(mark.g.map((c) => [c, row[c - 1]] as const)) !== mark.h) {
        const at = rowOfKey.get(mark.k);
        for (const c of mark.g) {
          const was = comparable(row[c - 1]);
          if (was === '' || (at !== undefined && was === comparable(now[at]?.[c - 1]))) continue;
          out.push({ sheet: name, cell: a1(i + 1, c), text: was, why: at === undefined ? '该行本次不再生成' : '改在了生成的列中，本次已重新生成' });
        }
      }
      row.forEach((v, j) => {
        const c = j + 1;
        if (c === MARK_COLUMN || fields.has(c) || mark?.g?.includes(c)) return;
        const was = comparable(v);
        if (was === '') return;
        // Beyond a marked row's generated columns, or where the new sheet writes nothing.
        const outside = mark ? c > (mark.w ?? Infinity) : comparable(now[i]?.[j]) === '';
        if (outside) out.push({ sheet: name, cell: a1(i + 1, c), text: was, why: '审核助手不写入的单元格，本次重新生成时未保留' });
      });
    });
  }
  return out;
}
