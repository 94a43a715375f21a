/**
 * The Office.js adapter's reader: the workbook open in Excel → plain sheet grids.
 * This folder is the only place allowed to call `Excel.run` (an ESLint rule enforces it);
 * everything else reaches the workbook through the {@link WorkbookReader} port.
 */
import type { CellValue, SheetGrid } from '../../domain/grid';
import { WorkbookReadError, type WorkbookReader } from '../port';
import { isDateFormat, isDateSerial, serialToDate } from '../file/reader/numberFormats';
import { COMMAND_BYTES, MAX_UNIT_CELLS, countedSync, jsonBytes, syncUnits, type SyncStats, type SyncUnit } from './syncBudget';

/**
 * Runs a batch against a request context, like `Excel.run`.
 * Injected so tests can hand the reader a fake context instead of a live Excel.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The slice of the `Excel` namespace that runs batches, with or without run options. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * An {@link ExcelRun} over `Excel`. Where the host has `delayForCellEdit` (ExcelApi 1.11), a batch
 * started while the reviewer is typing in a cell waits until they leave the cell instead of failing.
 */
export function excelRun(excel: ExcelRunner, delayForCellEdit: boolean): ExcelRun {
  return (batch) => (delayForCellEdit ? excel.run({ delayForCellEdit: true }, batch) : excel.run(batch));
}

/** Whether the host supports ExcelApi `version`; false outside Office. */
function hostSupports(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
}

/** The real `Excel.run`, with a Chinese reason when the code is not running inside Excel. */
export const defaultRun: ExcelRun = (batch) => {
  if (typeof Excel === 'undefined') {
    return Promise.reject(new Error('当前不在 Excel 中运行，请在 Excel 中打开本加载项'));
  }
  return excelRun(Excel as unknown as ExcelRunner, hostSupports('1.11'))(batch);
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
  /** Read alone, to measure the bytes per cell. */
  probe?: boolean;
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

/**
 * Convert a loaded block, padding every row to the used range's width with nulls. In a workbook on
 * the 1904 date system a number in a date format becomes the Date Excel shows, as the file reader
 * does; 1900 serials stay numbers for the domain to read.
 */
function fillSlice(slice: Slice, area: UsedArea, values: unknown[] | null, formats: unknown[] | null, date1904: boolean): void {
  slice.values = [];
  slice.numberFormats = [];
  for (let r = 0; r < slice.rowCount; r++) {
    const row = slice.offset + r + 1;
    const valueRow = matrix(values?.[r], `${area.address} 第 ${row} 行的 values`);
    const formatRow = matrix(formats?.[r], `${area.address} 第 ${row} 行的 numberFormat`);
    const cells: CellValue[] = new Array(area.columnCount);
    const cellFormats: (string | null)[] = new Array(area.columnCount);
    for (let c = 0; c < area.columnCount; c++) {
      let cell = toCellValue(valueRow?.[c]);
      const format = toNumberFormat(formatRow?.[c]);
      if (date1904 && typeof cell === 'number' && format && isDateFormat(format) && isDateSerial(cell)) cell = serialToDate(cell, true);
      cells[c] = cell;
      cellFormats[c] = format;
    }
    slice.values.push(cells);
    slice.numberFormats.push(cellFormats);
  }
}

/**
 * Split a used range into row slices of at most {@link MAX_UNIT_CELLS} cells; with `probe`, the
 * first slice has at most {@link PROBE_CELLS}.
 */
function sliceArea(sheet: number, area: UsedArea, probe: boolean): Slice[] {
  const columns = Math.max(1, area.columnCount);
  const rowsPerSlice = Math.max(1, Math.floor(MAX_UNIT_CELLS / columns));
  const slices: Slice[] = [];
  let offset = 0;
  if (probe && area.rowCount * columns > PROBE_CELLS) {
    const rowCount = Math.max(1, Math.floor(PROBE_CELLS / columns));
    slices.push({ sheet, offset, rowCount, probe: true });
    offset = rowCount;
  }
  for (; offset < area.rowCount; offset += rowsPerSlice) {
    slices.push({ sheet, offset, rowCount: Math.min(rowsPerSlice, area.rowCount - offset) });
  }
  return slices;
}

/**
 * Cells of the first slice of a big read, sent alone: what it takes per cell sizes the syncs after
 * it, so long texts do not make a sync Excel refuses.
 */
export const PROBE_CELLS = 5_000;

/**
 * Bytes a cell's value and number format are first assumed to take in a response: a short text
 * and `General`. Later syncs are sized by the most any slice so far took per cell.
 */
export const FIRST_CELL_BYTES = 48;

/** Extra work a caller queues into the reader's syncs, so reading for a review costs no extra round trip. */
export interface ReadHooks {
  /**
   * Called after the first sync with every worksheet (very hidden ones included, names and
   * visibility loaded); loads queued here are delivered by the second sync.
   */
  afterSheets?(sheets: Excel.Worksheet[]): void;
}

/**
 * Whether the workbook counts dates from 1904: DATE(1904,1,1) is serial 0 there and 1462 in the
 * 1900 system. Worksheet functions (ExcelApi 1.2) answer without touching any cell.
 */
function queueDateSystemProbe(context: Excel.RequestContext): () => boolean {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return () => probe.value === 0;
}

/**
 * Reading slices as sync units; `read` collects each slice once its values arrived. A unit's size is
 * estimated from what earlier slices took per cell; one Excel refused as too large is read in halves.
 */
function* sliceUnits(
  slices: Slice[],
  areas: (UsedArea | null)[],
  rangeOf: (slice: Slice, area: UsedArea) => Excel.Range,
  date1904: boolean,
  read: Slice[],
): Generator<SyncUnit> {
  let perCell = FIRST_CELL_BYTES;
  const unit = (slice: Slice): SyncUnit => {
    const area = areas[slice.sheet] as UsedArea;
    const cells = slice.rowCount * area.columnCount;
    return {
      bytes: COMMAND_BYTES + cells * perCell,
      alone: slice.probe,
      queue() {
        const range = rangeOf(slice, area);
        range.load('values,numberFormat');
        return () => {
          const values = matrix(range.values, `${area.address} 的 values`);
          const formats = matrix(range.numberFormat, `${area.address} 的 numberFormat`);
          perCell = Math.max(perCell, (jsonBytes(values) + jsonBytes(formats)) / Math.max(1, cells));
          fillSlice(slice, area, values, formats, date1904);
          read.push(slice);
        };
      },
      split() {
        if (slice.rowCount < 2) return [];
        const half = Math.ceil(slice.rowCount / 2);
        return [
          unit({ sheet: slice.sheet, offset: slice.offset, rowCount: half }),
          unit({ sheet: slice.sheet, offset: slice.offset + half, rowCount: slice.rowCount - half }),
        ];
      },
    };
  };
  for (const slice of slices) yield unit(slice);
}

/**
 * Read every worksheet inside one `Excel.run` batch. Syncs: 1 for the sheet names (and the date
 * system), 1 for every used range's position, then 1 per {@link SYNC_BYTES} of values and number
 * formats (usually one for all sheets together), each slice at most {@link MAX_UNIT_CELLS} cells.
 */
export async function readAll(context: Excel.RequestContext, file: string, hooks: ReadHooks = {}): Promise<SheetGrid[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/id');
  const isDate1904 = queueDateSystemProbe(context);
  await context.sync();

  const items = matrix(worksheets.items, 'worksheets.items');
  if (!items) throw unexpected('worksheets.items', worksheets.items);
  const date1904 = isDate1904();
  hooks.afterSheets?.(items as Excel.Worksheet[]);
  // Very hidden sheets are not part of what the user submitted; the file reader skips them too.
  const sheets = (items as Excel.Worksheet[]).filter((sheet) => sheet.visibility !== 'VeryHidden');
  return readGrids(context, sheets, file, date1904);
}

/**
 * Read the used ranges of some worksheets (names loaded): 1 sync for their positions, then 1 per
 * {@link SYNC_BYTES} of values and number formats.
 */
export async function readGrids(context: Excel.RequestContext, sheets: Excel.Worksheet[], file: string, date1904 = false, stats?: SyncStats): Promise<SheetGrid[]> {
  const used = sheets.map((sheet) => {
    // valuesOnly: formatting alone (borders, fills) must not stretch the grid.
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('address,rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  if (sheets.length > 0) await countedSync(context, stats);

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
    grids.push({ file, sheet: sheet.name, firstRow: area.rowIndex + 1, firstColumn: area.columnIndex + 1, values: [], numberFormats: [] });
  });

  // The probe comes from the first sheet big enough to need several syncs.
  const first = areas.findIndex((a) => a !== null && a.rowCount * a.columnCount > PROBE_CELLS);
  const slices = areas.flatMap((area, sheet) => (area ? sliceArea(sheet, area, sheet === first) : []));
  const rangeOf = (slice: Slice, area: UsedArea) =>
    // A fresh range for every slice: a proxy queued in a sync Excel refused is not used again.
    sheets[slice.sheet].getRangeByIndexes(area.rowIndex + slice.offset, area.columnIndex, slice.rowCount, area.columnCount);
  const read: Slice[] = [];
  await syncUnits(context, sliceUnits(slices, areas, rangeOf, date1904, read), { stats });
  // In sheet and row order, whichever sync delivered them.
  read.sort((x, y) => x.sheet - y.sheet || x.offset - y.offset);
  for (const slice of read) {
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
 * `context.sync()` calls: names, used-range positions, then values in syncs of about
 * {@link SYNC_BYTES} (big ranges in row slices). Dates arrive as serial numbers with a date number
 * format; 1900 serials are left as numbers, 1904 ones become Dates.
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
