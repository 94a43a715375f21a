import type { SheetGrid } from '../../../src/domain/grid';
import { WorkbookReadError } from '../../../src/workbook/port';
import { PROBE_CELLS, createOfficeWorkbookReader } from '../../../src/workbook/office/officeWorkbook';
import { MAX_UNIT_CELLS, SYNC_BYTES } from '../../../src/workbook/office/syncBudget';
import { createMemoryExcel, type MemoryExcel, type MemoryExcelOptions, type MemSheetSpec } from './memoryExcel';

function read(sheets: MemSheetSpec[], options: MemoryExcelOptions = {}, fileName?: string) {
  const fake = createMemoryExcel(sheets, options);
  const reader = createOfficeWorkbookReader(fake.run, fileName);
  return { fake, result: reader.readSheets() };
}

/** A grid of `rows` × `columns` numbers where the cell at 0-based (r, c) holds `r * 10 + c`, for order checks. */
function numberedRows(rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => r * 10 + c));
}

/** Every `getRangeByIndexes` call (0-based, as Office takes them). */
function rangeByIndexes(fake: MemoryExcel) {
  return fake.commands
    .filter((c) => c.api === 'Worksheet.getRangeByIndexes')
    .map((c) => {
      const [startRow, startColumn, rowCount, columnCount] = c.args as number[];
      return { sheet: c.sheet, startRow, startColumn, rowCount, columnCount };
    });
}

/** Deep equality for big grids; Jest's toEqual takes about a second per 100,000 cells. */
function expectSameRows(actual: unknown[][] | undefined, expected: unknown[][]): void {
  expect(actual).toHaveLength(expected.length);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

/** An error shaped like OfficeExtension.Error (the class only exists inside Office). */
function officeError(): Error {
  return Object.assign(new Error("The requested resource doesn't exist."), {
    name: 'RichApi.Error',
    code: 'ItemNotFound',
    debugInfo: { code: 'ItemNotFound', errorLocation: 'Worksheet.getUsedRangeOrNullObject' },
  });
}

describe('createOfficeWorkbookReader', () => {
  it('reads a used range that starts at B3, with values and number formats', async () => {
    const { fake, result } = read(
      [
        {
          name: '附表1',
          firstRow: 3,
          firstColumn: 2,
          values: [
            ['项目', '金额', '占比', '日期'],
            ['服务收入', 1200.5, 0.95, 45292],
            ['', true, '', '#DIV/0!'],
          ],
          numberFormat: [
            ['General', 'General', 'General', 'General'],
            ['@', '#,##0.00', '0.00%', 'yyyy-mm-dd'],
            ['General', 'General', '0.00%', 'General'],
          ],
        },
      ],
      {},
      '附表1.xlsx',
    );
    const grids = await result;
    expect(grids).toEqual<SheetGrid[]>([
      {
        file: '附表1.xlsx',
        sheet: '附表1',
        firstRow: 3,
        firstColumn: 2,
        values: [
          ['项目', '金额', '占比', '日期'],
          // Dates stay serial numbers; the domain reads them with their format.
          ['服务收入', 1200.5, 0.95, 45292],
          [null, true, null, '#DIV/0!'],
        ],
        numberFormats: [
          ['General', 'General', 'General', 'General'],
          ['@', '#,##0.00', '0.00%', 'yyyy-mm-dd'],
          ['General', 'General', '0.00%', 'General'],
        ],
      },
    ]);
    // Formatting-only cells must not stretch the used range.
    const usedRangeCalls = fake.commands.filter((c) => c.api === 'Worksheet.getUsedRangeOrNullObject');
    expect(usedRangeCalls.map((c) => ({ sheet: c.sheet, valuesOnly: c.args[0] }))).toEqual([{ sheet: '附表1', valuesOnly: true }]);
  });

  it('gives an empty sheet no rows and origin A1, and keeps tab order', async () => {
    const { result } = read([
      { name: '封面', values: [] },
      { name: '数据', firstRow: 2, values: [['x']] },
    ]);
    const grids = await result;
    expect(grids.map((g) => g.sheet)).toEqual(['封面', '数据']);
    expect(grids[0]).toEqual({ file: '当前工作簿', sheet: '封面', firstRow: 1, firstColumn: 1, values: [], numberFormats: [] });
    expect(grids[1]).toMatchObject({ firstRow: 2, firstColumn: 1, values: [['x']] });
  });

  it('skips very hidden sheets but keeps hidden ones, like the ExcelJS reader', async () => {
    const { result } = read([
      { name: '可见', values: [[1]] },
      { name: '隐藏', visibility: 'Hidden', values: [[2]] },
      { name: '深度隐藏', visibility: 'VeryHidden', values: [[3]] },
    ]);
    expect((await result).map((g) => g.sheet)).toEqual(['可见', '隐藏']);
  });

  describe('load/sync strictness of the fake', () => {
    it('throws PropertyNotLoaded for properties read before load or before sync', async () => {
      const fake = createMemoryExcel([{ name: '表', firstRow: 3, firstColumn: 2, values: [[1, 2]] }]);
      await fake.run(async (context) => {
        const sheets = context.workbook.worksheets;
        expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
        sheets.load('items/name');
        expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
        await context.sync();
        const [sheet] = sheets.items;
        expect(sheet.name).toBe('表');

        const range = sheet.getUsedRangeOrNullObject(true);
        expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
        expect(() => range.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
        range.load('address');
        expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
        await context.sync();
        expect(range.address).toBe('表!B3:C3');
        expect(range.isNullObject).toBe(false);
        // Loading one property does not load its neighbours.
        expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      });
    });

    it('exposes a reader that skipped load: PropertyNotLoaded surfaces as a read error', async () => {
      const { result } = read([{ name: '表', values: [[1]] }], { ignoreLoads: true });
      await expect(result).rejects.toThrow(WorkbookReadError);
      await expect(result).rejects.toThrow(/PropertyNotLoaded/);
    });

    it('exposes a reader that skipped sync: PropertyNotLoaded surfaces as a read error', async () => {
      const { result } = read([{ name: '表', values: [[1]] }], { ignoreSyncs: true });
      await expect(result).rejects.toThrow(/PropertyNotLoaded/);
    });

    it('loads every property the reader uses before the sync that delivers it', async () => {
      const { fake, result } = read([
        { name: 'A', values: [[1]] },
        { name: 'B', values: [] },
      ]);
      await result;
      expect(fake.loads).toEqual([
        { target: 'worksheets', properties: 'items/name,items/visibility,items/id', afterSyncs: 0 },
        { target: 'functions.date', properties: 'value', afterSyncs: 0 },
        { target: 'usedRange:A', properties: 'address,rowIndex,columnIndex,rowCount,columnCount', afterSyncs: 1 },
        { target: 'usedRange:B', properties: 'address,rowIndex,columnIndex,rowCount,columnCount', afterSyncs: 1 },
        { target: 'range:A!A1', properties: 'values,numberFormat', afterSyncs: 2 },
      ]);
      expect(fake.syncs).toBe(3);
    });
  });

  it('reads a workbook of 3 small sheets in 3 syncs', async () => {
    const { fake, result } = read([
      { name: '一', values: numberedRows(10, 4) },
      { name: '二', firstRow: 5, firstColumn: 3, values: numberedRows(200, 6) },
      { name: '三', values: numberedRows(1, 1) },
    ]);
    const grids = await result;
    expect(grids.map((g) => g.values.length)).toEqual([10, 200, 1]);
    expect(grids[1].values).toEqual(numberedRows(200, 6));
    expect(fake.syncs).toBe(3);
    expect(rangeByIndexes(fake).map((r) => r.sheet)).toEqual(['一', '二', '三']);
  });

  /** The slices read: contiguous, none over the unit's cells, together the whole used range. */
  function expectSlices(fake: MemoryExcel, sheet: string, firstRow: number, rows: number, columns: number): void {
    const slices = rangeByIndexes(fake)
      .filter((r) => r.sheet === sheet)
      .sort((a, b) => a.startRow - b.startRow);
    let next = firstRow - 1;
    for (const s of slices) {
      expect(s.startRow).toBe(next);
      expect(s.columnCount).toBe(columns);
      expect(s.rowCount * s.columnCount).toBeLessThanOrEqual(MAX_UNIT_CELLS);
      next += s.rowCount;
    }
    expect(next).toBe(firstRow - 1 + rows);
  }

  it('reads 45,000 rows × 3 columns in slices, each sync within the byte budget, complete and in order', async () => {
    const rows = numberedRows(45_000, 3);
    const formats = rows.map((row, r) => row.map(() => (r % 2 ? '0.00' : 'General')));
    const { fake, result } = read([
      { name: '小表', values: [['a']] },
      { name: '明细', firstRow: 2, firstColumn: 2, values: rows, numberFormat: formats },
    ]);
    const grids = await result;
    expectSlices(fake, '明细', 2, 45_000, 3);
    // The first slice of the big sheet is read alone, to measure it.
    const first = rangeByIndexes(fake).find((r) => r.sheet === '明细')!;
    expect(first.rowCount).toBe(Math.floor(PROBE_CELLS / 3));
    for (const s of fake.stats.perSync) expect(s.response).toBeLessThanOrEqual(SYNC_BYTES * 1.2);
    expect(fake.stats.perSync.length).toBe(fake.syncs);

    const detail = grids[1];
    expect(detail).toMatchObject({ sheet: '明细', firstRow: 2, firstColumn: 2 });
    expectSameRows(detail.values, rows);
    expectSameRows(detail.numberFormats, formats);
    expect(grids[0].values).toEqual([['a']]);
  });

  it('splits wide sheets by cell count as well as by rows', async () => {
    const columns = 100;
    const rows = numberedRows(2_500, columns);
    const { fake, result } = read([{ name: '宽表', values: rows }]);
    const grids = await result;
    expectSlices(fake, '宽表', 1, 2_500, columns);
    expectSameRows(grids[0].values, rows);
  });

  it('reads long text cells within the 5 MB response limit of Excel on the web, with no sync refused', async () => {
    // 50,000 cells of 40-character Chinese text are about 6 MB of JSON: by cells alone one sync.
    const text = '某某市某某区某某街道某某科技发展有限公司服务中心的详细地址与联系人说明'.slice(0, 40);
    const rows = Array.from({ length: 1_000 }, (_, r) => Array.from({ length: 50 }, (_, c) => `${text}${r}-${c}`));
    const { fake, result } = read([{ name: '长文本', values: rows }]);
    const [grid] = await result;
    expectSameRows(grid.values, rows);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(SYNC_BYTES * 1.2);
    expect(fake.syncs).toBeGreaterThanOrEqual(2 + 3);
  });

  it('halves a slice Excel refuses as too large and reads it again', async () => {
    // A 300 KB response limit: the first slice (1,666 rows of long text, about 500 KB) is refused.
    const text = '某'.repeat(60);
    const rows = Array.from({ length: 4_000 }, (_, r) => [r, `${text}${r}`, r % 7 ? 'x' : text.repeat(3)]);
    const { fake, result } = read([{ name: '表', values: rows }], { maxResponseBytes: 300 * 1024 });
    const [grid] = await result;
    expectSameRows(grid.values, rows);
    const sizes = rangeByIndexes(fake).map((r) => r.rowCount);
    expect(sizes[0]).toBe(Math.floor(PROBE_CELLS / 3));
    expect(sizes).toContain(Math.ceil(Math.floor(PROBE_CELLS / 3) / 2));
  });

  describe('errors', () => {
    it('turns an Office error into a WorkbookReadError with a Chinese message and no stack', async () => {
      const { result } = read([{ name: '表', values: [[1]] }], { failOnSync: { at: 2, error: officeError() } });
      const error = await result.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookReadError);
      const readError = error as WorkbookReadError;
      expect(readError.file).toBe('当前工作簿');
      expect(readError.message).toBe(
        "读取工作簿失败：「当前工作簿」（ItemNotFound：The requested resource doesn't exist.）",
      );
      expect(readError.message).not.toMatch(/\bat\s/);
      expect(readError.cause).toBeInstanceOf(Error);
    });

    it('names the file and copes with a non-Error rejection', async () => {
      const reader = createOfficeWorkbookReader(() => Promise.reject('连接中断'), '附表2.xlsx');
      await expect(reader.readSheets()).rejects.toThrow('读取工作簿失败：「附表2.xlsx」（连接中断）');
    });

    it('explains in Chinese when Excel is not available', async () => {
      const reader = createOfficeWorkbookReader();
      await expect(reader.readSheets()).rejects.toThrow(WorkbookReadError);
      await expect(reader.readSheets()).rejects.toThrow('读取工作簿失败：「当前工作簿」（当前不在 Excel 中运行');
    });
  });

  describe('null values from a truncated read', () => {
    it('turns null cells and rows into null', async () => {
      const { result } = read(
        [
          {
            name: '表',
            values: [
              [1, 2],
              [3, 'x'],
              [5, 6],
            ],
            numberFormat: [['General', '0.00'], ['General', 'General'], ['General', 'General']],
          },
        ],
        // The host delivers the first 3 cells, then nulls (the rest of row 2, all of row 3).
        { truncatedReads: { after: 3 } },
      );
      const [grid] = await result;
      expect(grid.values).toEqual([
        [1, 2],
        [3, null],
        [null, null],
      ]);
      expect(grid.numberFormats).toEqual([
        ['General', '0.00'],
        ['General', null],
        [null, null],
      ]);
    });

    it('turns a range whose values came back null into a grid of nulls of the right shape', async () => {
      const { result } = read([{ name: '表', firstColumn: 3, values: numberedRows(3, 2) }], { truncatedReads: { after: 5, whole: true } });
      const [grid] = await result;
      expect(grid).toMatchObject({ firstRow: 1, firstColumn: 3 });
      expect(grid.values).toEqual([
        [null, null],
        [null, null],
        [null, null],
      ]);
      expect(grid.numberFormats).toEqual(grid.values);
    });
  });
});
