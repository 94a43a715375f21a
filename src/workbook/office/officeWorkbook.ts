/**
 * The Office.js adapter's reader: the workbook open in Excel → plain sheet grids.
 * This folder is the only place allowed to call `Excel.run` (an ESLint rule enforces it);
 * everything else reaches the workbook through the {@link WorkbookReader} port.
 */
import type { CellValue, SheetGrid } from '../../domain/grid';
import { WorkbookReadError, type WorkbookReader } from '../port';

/**
 * Runs a batch against a request context, like `Excel.run`.
 * Injected so tests can hand the reader a fake context instead of a live Excel.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Most rows loaded in one `context.sync()`. Large reads are split because Excel refuses or
 * truncates oversized responses (5 MB payload on the web, 5 million cells anywhere).
 */
export const MAX_ROWS_PER_SYNC = 20_000;

/**
 * Most cells loaded (value and number format each) in one `context.sync()`, so wide sheets are split too:
 * 20,000 rows of 50 columns would otherwise exceed Excel on the web's 5 MB response limit.
 */
export const MAX_CELLS_PER_SYNC = 100_000;

/** The real `Excel.run`, with a Chinese reason when the code is not running inside Excel. */
export const defaultRun: ExcelRun = (batch) => {
  if (typeof Excel === 'undefined') {
    return Promise.reject(new Error('当前不在 Excel 中运行，请在 Excel 中打开本加载项'));
  }
  return Excel.run(batch);
};

/** The used range's position, as loaded in the second sync. */
interface UsedArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  address: string;
}

/** A block of whole rows of one sheet's used range, read by one `load('values,numberFormat')`. */
interface Slice {
  sheet: number;
  /** 0-based offset of the slice's first row within the used range. */
  offset: number;
  rowCount: number;
  /** True when the slice is the whole used range, so the used range object itself can be loaded. */
  whole: boolean;
  /** Filled in after the slice's sync. */
  values?: CellValue[][];
  numberFormats?: (string | null)[][];
}

/** Office's empty cell is `''`; null/undefined appear past Excel's read limit. Both read as empty. */
function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function toNumberFormat(format: unknown): string | null {
  return typeof format === 'string' ? format : null;
}

/** Office.js itself throws on unloaded properties; checking here also catches mistakes against fakes. */
function unexpected(what: string, value: unknown): Error {
  return new Error(`Excel 返回的 ${what} 无效：${String(value)}`);
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw unexpected(what, value);
  return value;
}

/** An array Excel returned, or null where it returned nothing (past its read limit). */
function matrix(value: unknown, what: string): unknown[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw unexpected(what, value);
  return value;
}

/** Convert a loaded block, padding every row to the used range's width with nulls. */
function fillSlice(slice: Slice, area: UsedArea, range: Excel.Range): void {
  const values = matrix(range.values, `${area.address} 的 values`);
  const formats = matrix(range.numberFormat, `${area.address} 的 numberFormat`);
  slice.values = [];
  slice.numberFormats = [];
  for (let r = 0; r < slice.rowCount; r++) {
    const row = slice.offset + r + 1;
    const valueRow = matrix(values?.[r], `${area.address} 第 ${row} 行的 values`);
    const formatRow = matrix(formats?.[r], `${area.address} 第 ${row} 行的 numberFormat`);
    const cells: CellValue[] = new Array(area.columnCount);
    const cellFormats: (string | null)[] = new Array(area.columnCount);
    for (let c = 0; c < area.columnCount; c++) {
      cells[c] = toCellValue(valueRow?.[c]);
      cellFormats[c] = toNumberFormat(formatRow?.[c]);
    }
    slice.values.push(cells);
    slice.numberFormats.push(cellFormats);
  }
}

/** Split a used range into row slices small enough for one sync each. */
function sliceArea(sheet: number, area: UsedArea): Slice[] {
  const rowsPerSlice = Math.max(
    1,
    Math.min(MAX_ROWS_PER_SYNC, Math.floor(MAX_CELLS_PER_SYNC / Math.max(1, area.columnCount))),
  );
  const whole = area.rowCount <= rowsPerSlice;
  const slices: Slice[] = [];
  for (let offset = 0; offset < area.rowCount; offset += rowsPerSlice) {
    slices.push({ sheet, offset, rowCount: Math.min(rowsPerSlice, area.rowCount - offset), whole });
  }
  return slices;
}

/**
 * Group slices into syncs (first fit) so no sync exceeds the row or cell budget: small sheets
 * share one sync, and a small sheet may ride along with the last chunk of a big one.
 */
function planBatches(slices: Slice[], areas: (UsedArea | null)[]): Slice[][] {
  const batches: { slices: Slice[]; rows: number; cells: number }[] = [];
  for (const slice of slices) {
    const cells = slice.rowCount * (areas[slice.sheet] as UsedArea).columnCount;
    let batch = batches.find((b) => b.rows + slice.rowCount <= MAX_ROWS_PER_SYNC && b.cells + cells <= MAX_CELLS_PER_SYNC);
    if (!batch) {
      batch = { slices: [], rows: 0, cells: 0 };
      batches.push(batch);
    }
    batch.slices.push(slice);
    batch.rows += slice.rowCount;
    batch.cells += cells;
  }
  return batches.map((b) => b.slices);
}

/** Extra work a caller queues into the reader's syncs, so reading for a review costs no extra round trip. */
export interface ReadHooks {
  /**
   * Called after the first sync with every worksheet (very hidden ones included, names and
   * visibility loaded); loads queued here are delivered by the second sync.
   */
  afterSheets?(sheets: Excel.Worksheet[]): void;
}

/**
 * Read every worksheet inside one `Excel.run` batch. Syncs: 1 for the sheet names, 1 for every
 * used range's position, then 1 per batch of values (usually one for all sheets together).
 */
export async function readAll(context: Excel.RequestContext, file: string, hooks: ReadHooks = {}): Promise<SheetGrid[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();

  const items = matrix(worksheets.items, 'worksheets.items');
  if (!items) throw unexpected('worksheets.items', worksheets.items);
  hooks.afterSheets?.(items as Excel.Worksheet[]);
  // Very hidden sheets are not part of what the user submitted; the ExcelJS reader skips them too.
  const sheets = (items as Excel.Worksheet[]).filter((sheet) => sheet.visibility !== 'VeryHidden');

  const used = sheets.map((sheet) => {
    // valuesOnly: formatting alone (borders, fills) must not stretch the grid.
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('address,rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  if (sheets.length > 0) await context.sync();

  const grids: SheetGrid[] = [];
  const areas: (UsedArea | null)[] = [];
  sheets.forEach((sheet, i) => {
    const range = used[i];
    if (typeof sheet.name !== 'string') throw unexpected('工作表名称', sheet.name);
    // Anything but a real `false` (e.g. a fake's "not synced" string) must not pass as a used range.
    if (range.isNullObject !== false) {
      if (range.isNullObject !== true) throw unexpected(`${sheet.name} 的 isNullObject`, range.isNullObject);
      grids.push({ file, sheet: sheet.name, firstRow: 1, firstColumn: 1, values: [], numberFormats: [] });
      areas.push(null);
      return;
    }
    const area: UsedArea = {
      address: String(range.address),
      rowIndex: count(range.rowIndex, `${sheet.name} 的 rowIndex`),
      columnIndex: count(range.columnIndex, `${sheet.name} 的 columnIndex`),
      rowCount: count(range.rowCount, `${sheet.name} 的 rowCount`),
      columnCount: count(range.columnCount, `${sheet.name} 的 columnCount`),
    };
    areas.push(area);
    grids.push({
      file,
      sheet: sheet.name,
      firstRow: area.rowIndex + 1,
      firstColumn: area.columnIndex + 1,
      values: [],
      numberFormats: [],
    });
  });

  const slices = areas.flatMap((area, sheet) => (area ? sliceArea(sheet, area) : []));
  for (const batch of planBatches(slices, areas)) {
    const queued = batch.map((slice) => {
      const area = areas[slice.sheet] as UsedArea;
      const range = slice.whole
        ? used[slice.sheet]
        : sheets[slice.sheet].getRangeByIndexes(
            area.rowIndex + slice.offset,
            area.columnIndex,
            slice.rowCount,
            area.columnCount,
          );
      range.load('values,numberFormat');
      return { slice, area, range };
    });
    await context.sync();
    for (const { slice, area, range } of queued) fillSlice(slice, area, range);
  }
  // Slices are in sheet and row order, whichever sync delivered them.
  for (const slice of slices) {
    const grid = grids[slice.sheet];
    // A loop rather than push(...rows): spreading 20,000 rows as arguments can overflow the stack.
    for (const row of slice.values ?? []) grid.values.push(row);
    for (const row of slice.numberFormats ?? []) grid.numberFormats?.push(row);
  }
  return grids;
}

/** A Chinese message for whatever Office threw, without its stack. */
export function readErrorMessage(error: unknown, file: string): string {
  let detail = '未知错误';
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    detail = String(message ?? '') || detail;
    // OfficeExtension.Error carries a code such as `ItemNotFound` that is easier to look up than the text.
    if (typeof code === 'string' && code && !detail.includes(code)) detail = `${code}：${detail}`;
  } else if (error !== undefined && error !== null) {
    detail = String(error);
  }
  return `读取工作簿失败：「${file}」（${detail}）`;
}

/**
 * A {@link WorkbookReader} over the workbook open in Excel.
 *
 * Reads every worksheet's used range (values and number formats) in a bounded number of
 * `context.sync()` calls: names, used-range positions, then values in syncs of at most
 * {@link MAX_ROWS_PER_SYNC} rows and {@link MAX_CELLS_PER_SYNC} cells (big ranges in row chunks).
 * Dates arrive as serial numbers with a date number format and are left as numbers.
 *
 * @param run runs the batch; `Excel.run` by default, a fake context in tests
 * @param fileName the name findings will cite for this workbook
 * @throws WorkbookReadError (from `readSheets`) with a Chinese message when Office fails
 * @example
 * const grids = await createOfficeWorkbookReader().readSheets();
 */
export function createOfficeWorkbookReader(run: ExcelRun = defaultRun, fileName = '当前工作簿'): WorkbookReader {
  return {
    async readSheets() {
      try {
        return await run((context) => readAll(context, fileName));
      } catch (error) {
        if (error instanceof WorkbookReadError) throw error;
        const readError = new WorkbookReadError(fileName, readErrorMessage(error, fileName));
        // Keep the original for debugging; the message shown to the user stays free of stacks.
        readError.cause = error;
        throw readError;
      }
    },
  };
}
