import { copyFileSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { planLanes, readInParallel } from '../../src/cli/parallelRead';
import type { CellValue, SheetGrid } from '../../src/domain/grid';
import { packGrids, unpackGrids } from '../../src/workbook/file/gridPacket';
import { listSubmissionFiles, readSubmissionFiles } from '../../src/workbook/file/submissionFiles';

const sample = path.resolve(__dirname, '../../samples/星河中小企业公共服务平台');

/** The same value: Object.is for primitives (so -0 is not 0), the same time (NaN too) for dates. */
function sameValue(x: unknown, y: unknown): boolean {
  if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && Object.is(x.getTime(), y.getTime());
  return Object.is(x, y);
}

/** Equal in every way the domain can see: values, holes, lengths, frozen shared rows, properties. */
function expectSameGrids(a: SheetGrid[], b: SheetGrid[]): void {
  expect(a.map((g) => Object.keys(g))).toEqual(b.map((g) => Object.keys(g)));
  expect(a.map(({ file, sheet, firstRow, firstColumn }) => [file, sheet, firstRow, firstColumn])).toEqual(b.map(({ file, sheet, firstRow, firstColumn }) => [file, sheet, firstRow, firstColumn]));
  let mismatches = 0;
  for (let i = 0; i < a.length; i++) {
    for (const key of ['values', 'numberFormats'] as const) {
      const x: readonly (readonly unknown[])[] = a[i][key] ?? [];
      const y: readonly (readonly unknown[])[] = b[i][key] ?? [];
      expect(x.length).toBe(y.length);
      for (let r = 0; r < x.length; r++) {
        if (Object.isFrozen(x[r]) !== Object.isFrozen(y[r]) || x[r].length !== y[r].length) mismatches++;
        for (let c = 0; c < x[r].length; c++) if (c in x[r] !== c in y[r] || !sameValue(x[r][c], y[r][c])) mismatches++;
      }
    }
  }
  expect(mismatches).toBe(0);
}

test('packed grids unpack to the same grids: holes, -0, invalid dates, shared empty rows, formats', () => {
  const empty = Object.freeze([]) as unknown as CellValue[];
  const sparse: CellValue[] = [];
  sparse[0] = 'a';
  sparse[300] = 'b';
  const grids: SheetGrid[] = [
    {
      file: 'a.xlsx',
      sheet: '名单',
      firstRow: 2,
      firstColumn: 3,
      values: [['甲', -0, true, false, null, new Date(Date.UTC(2024, 4, 12)), new Date(NaN), 1.5e300, '甲'], empty, sparse],
      numberFormats: [[null, '0.00', null], empty as (string | null)[], []],
    },
    { file: 'a.xlsx', sheet: '空', firstRow: 1, firstColumn: 1, values: [], numberFormats: [] },
    { file: 'a.xlsx', sheet: '无格式', firstRow: 1, firstColumn: 1, values: [['x']] },
  ];
  const packing = packGrids(grids);
  expect(packing).not.toBeNull();
  const back = unpackGrids(structuredClone(packing!.packed));
  expectSameGrids(back, grids);
  expect(Object.is(back[0].values[0][1], -0)).toBe(true);
  expect(Number.isNaN((back[0].values[0][6] as Date).getTime())).toBe(true);
  expect(300 in back[0].values[2] && !(1 in back[0].values[2])).toBe(true);
  // One string object per distinct text, as the reader shares a shared string.
  expect(packing!.packed.strings.filter((s) => s === '甲')).toHaveLength(1);
});

test('grids the packing does not carry are not packed', () => {
  const extra = { file: 'a', sheet: 's', firstRow: 1, firstColumn: 1, values: [['x']], numberFormats: [[null]], hidden: true } as SheetGrid;
  expect(packGrids([extra])).toBeNull();
  expect(packGrids([{ file: 'a', sheet: 's', firstRow: 1, firstColumn: 1, values: [[{} as unknown as CellValue]] }])).toBeNull();
});

test('lanes: the biggest file in this thread, the rest by size; one lane when the rest is small', () => {
  expect(planLanes([100, 5_000_000, 1_000_000, 200], 2)).toEqual([[1], [0, 2, 3]]);
  expect(planLanes([100, 5_000_000, 1_000, 200], 2)).toEqual([[0, 1, 2, 3]]);
  expect(planLanes([3, 2, 2, 1], 3, 0)).toEqual([[0], [1, 3], [2]]);
  expect(planLanes([5], 2, 0)).toEqual([[0]]);
});

test('reading on threads gives the same files, grids and reasons, in the same order, as reading here', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallel-read-'));
  for (const f of readdirSync(sample)) copyFileSync(path.join(sample, f), path.join(dir, f));
  writeFileSync(path.join(dir, '损坏.xlsx'), 'PK not a zip');
  const { files } = await listSubmissionFiles([dir]);
  const here = await readSubmissionFiles(files);
  const onThreads: number[] = [];
  const threads = await readInParallel(files, { lanes: 3, minThreadBytes: 0, onReply: (i) => onThreads.push(i) });
  // Every file off this thread's lane came from a thread.
  const plan = planLanes(files.map((f) => statSync(f.path).size), 3, 0);
  expect(plan.length).toBe(3);
  expect(onThreads.sort((a, b) => a - b)).toEqual(plan.slice(1).flat().sort((a, b) => a - b));
  expect(threads.map((f) => f.file)).toEqual(here.map((f) => f.file));
  expect(threads.map((f) => f.error)).toEqual(here.map((f) => f.error));
  expect(threads.map((f) => Object.keys(f))).toEqual(here.map((f) => Object.keys(f)));
  for (let i = 0; i < here.length; i++) expectSameGrids(threads[i].grids ?? [], here[i].grids ?? []);
}, 60_000);
