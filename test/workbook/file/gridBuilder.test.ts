// The grid builder against a model as plain as it gets: a map from (row, column) to the last value
// written there, merged ranges cleared but for their top-left cell. Random reading orders (rows
// out of order or twice, cells backwards, far apart, written twice) must lay out the same cells.
import fc from 'fast-check';
import type { CellValue } from '../../../src/domain/grid';
import { GridBuilder, type MergedRange } from '../../../src/workbook/file/reader/gridBuilder';

type Op = { row: number } | { column: number; value: CellValue; format: string | null };

const column = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 13, max: 2000 }) });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ row: fc.integer({ min: 1, max: 40 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      column,
      value: fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 3 }), fc.boolean()),
      format: fc.constantFrom(null, '0.00', 'yyyy-mm-dd'),
    }),
  },
);
const merge: fc.Arbitrary<MergedRange> = fc
  .record({ top: fc.integer({ min: 1, max: 40 }), left: fc.integer({ min: 1, max: 14 }), h: fc.integer({ min: 0, max: 5 }), w: fc.integer({ min: 0, max: 3 }) })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

test('every reading order lays out the cells the plain model holds, and nothing else', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 120 }), fc.array(merge, { maxLength: 4 }), (ops, merges) => {
      const builder = new GridBuilder('f.xlsx', 'S');
      const model = new Map<string, { row: number; column: number; value: CellValue; format: string | null }>();
      let row: number | undefined;
      for (const o of ops) {
        if ('row' in o) {
          builder.startRow(o.row);
          row = o.row;
        } else {
          builder.add(o.column, o.value, o.format);
          if (row !== undefined) model.set(`${row},${o.column}`, { row, column: o.column, value: o.value, format: typeof o.value === 'number' ? o.format : null });
        }
      }
      if (merges.length > 0) {
        builder.applyMerges(merges);
        for (const [key, c] of model) {
          if (merges.some((m) => c.row >= m.top && c.row <= m.bottom && c.column >= m.left && c.column <= m.right && !(c.row === m.top && c.column === m.left))) model.delete(key);
        }
      }
      const grid = builder.build();
      const cells = [...model.values()];
      if (cells.length === 0) {
        expect(grid.values).toEqual([]);
        return;
      }
      expect(grid.firstRow).toBe(Math.min(...cells.map((c) => c.row)));
      expect(grid.firstColumn).toBe(Math.min(...cells.map((c) => c.column)));
      // Every cell of the model where it belongs, with its format.
      for (const c of cells) {
        expect(grid.values[c.row - grid.firstRow][c.column - grid.firstColumn]).toBe(c.value);
        expect(grid.numberFormats?.[c.row - grid.firstRow]?.[c.column - grid.firstColumn] ?? null).toBe(c.format);
      }
      // Nothing else: every other slot is empty.
      let present = 0;
      grid.values.forEach((r) => r.forEach((v) => v !== null && v !== undefined && present++));
      expect(present).toBe(cells.length);
      expect(grid.values.length).toBe(Math.max(...cells.map((c) => c.row)) - grid.firstRow + 1);
    }),
    { numRuns: 3000 },
  );
});

test('a row read twice, with a row between, is one row, the later value winning', () => {
  const b = new GridBuilder('f.xlsx', 'S');
  b.startRow(5);
  b.add(1, 'a');
  b.add(3, 'c');
  b.startRow(7);
  b.add(1, 'x');
  b.startRow(5);
  b.add(2, 'b');
  b.add(3, 'C');
  const grid = b.build();
  expect(grid.values).toEqual([['a', 'b', 'C'], [], ['x']]);
});
