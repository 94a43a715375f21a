/**
 * Grids compared as a reviewer sees them: every cell of the union of both used ranges, by position,
 * empty as null, so two readers that lay out rows differently (ragged or padded) still compare equal
 * exactly when every cell reads the same.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cellAt, lastColumn, lastRow, type CellValue, type SheetGrid } from '../../src/domain/grid';

/** The number format at a 1-based sheet position, if the reader supplied one. */
function formatAt(grid: SheetGrid, row: number, column: number): string | undefined {
  return grid.numberFormats?.[row - grid.firstRow]?.[column - grid.firstColumn] ?? undefined;
}

export interface CellView {
  sheet: string;
  cells: Record<string, CellValue>;
  formats: Record<string, string>;
}

const key = (r: number, c: number) => `R${r}C${c}`;

/** One grid as the set of its non-empty cells (dates as ISO text, so Jest shows them plainly). */
export function view(grid: SheetGrid): CellView {
  const cells: Record<string, CellValue> = {};
  const formats: Record<string, string> = {};
  for (let r = grid.firstRow; r <= lastRow(grid); r++) {
    const row = grid.values[r - grid.firstRow];
    row.forEach((_, k) => {
      const c = grid.firstColumn + k;
      const v = cellAt(grid, r, c);
      if (v === null) return;
      cells[key(r, c)] = v instanceof Date ? (`date:${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()}` as CellValue) : v;
      const f = formatAt(grid, r, c);
      if (f && typeof v === 'number') formats[key(r, c)] = f;
    });
  }
  return { sheet: grid.sheet, cells, formats };
}

export const views = (grids: readonly SheetGrid[]): CellView[] => grids.map(view);

/** How many cells a grid's rows hold in all (holes not counted): memory that follows the cells. */
export function allocatedCells(grid: SheetGrid): number {
  let n = 0;
  for (const row of grid.values) row.forEach(() => n++);
  return n;
}

export { lastColumn, lastRow };

/** The parts of an .xlsx, by name, as text (binary parts left out). */
export function parts(data: Uint8Array): Record<string, string> {
  const files = unzipSync(data);
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) if (/\.(xml|rels)$/i.test(name)) out[name] = strFromU8(bytes);
  return out;
}

/** A zip of the given parts, stored in exactly this order (text parts UTF-8, deflated unless `level` 0). */
export function zip(entries: [name: string, content: string | Uint8Array][], level: 0 | 6 = 6): Uint8Array {
  const obj: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, content] of entries) obj[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  return zipSync(obj);
}

/** Re-zip an .xlsx with its parts in a new order (`order` puts names first, the rest after). */
export function rezip(data: Uint8Array, order: (names: string[]) => string[], level: 0 | 6 = 6): Uint8Array {
  const files = unzipSync(data);
  return zip(order(Object.keys(files)).map((n) => [n, files[n]]), level);
}

/** Rewrite text parts of an .xlsx. */
export function edit(data: Uint8Array, changes: Record<string, (xml: string) => string>, renames: Record<string, string> = {}): Uint8Array {
  const files = unzipSync(data);
  const entries: [string, string | Uint8Array][] = Object.entries(files).map(([n, bytes]) => {
    const change = changes[n];
    return [renames[n] ?? n, change ? change(strFromU8(bytes)) : bytes];
  });
  return zip(entries);
}
