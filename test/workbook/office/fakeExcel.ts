/**
 * A fake Excel object model for tests of the Office adapter, built on office-addin-mock's
 * OfficeMockObject so that load/sync are strict: a property read before `load` gives
 * {@link NOT_LOADED}, after `load` but before `context.sync()` gives {@link NOT_SYNCED}.
 *
 * office-addin-mock models scalar properties and nested objects only, so this file adds what
 * the reader needs on top: `worksheets.items` (an array of mocks, loaded with `items/name`),
 * `isNullObject` (valid only after a sync), `getRangeByIndexes` (new mocks created on demand),
 * a sync counter, a log of loads, and failure switches.
 */
import { OfficeMockObject } from 'office-addin-mock';

/**
 * The writer, highlighter and importer are tested against a fuller in-memory model with the same
 * load/sync rules (queued commands, strict loads, sync counting, RangeAreas, formats, the text
 * guard): see memoryExcel.ts. This strict office-addin-mock fake stays for the reader's tests.
 */
export { createMemoryExcel, FakeOfficeError, type MemoryExcel, type MemSheetSpec } from './memoryExcel';
import { a1 } from '../../../src/domain/grid';
import type { ExcelRun } from '../../../src/workbook/office/officeWorkbook';

/** What office-addin-mock returns for a property that was never loaded. */
export const NOT_LOADED = 'Error, property was not loaded';
/** What office-addin-mock returns for a property that was loaded but not synced yet. */
export const NOT_SYNCED = 'Error, context.sync() was not called';

/** One worksheet of the fake workbook. */
export interface FakeSheet {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** 1-based row of `values[0]` (the used range's top row). Defaults to 1. */
  firstRow?: number;
  /** 1-based column of `values[r][0]`. Defaults to 1. */
  firstColumn?: number;
  /**
   * The used range as Office delivers it: `''` for empty cells; `null`/`undefined` entries stand for
   * what Excel returns past its read limit. No rows means an empty sheet (a null object).
   */
  values: unknown[][];
  /** Same shape as `values`; defaults to `General` everywhere. */
  numberFormat?: unknown[][];
}

/** Switches for unhappy paths. */
export interface FakeExcelOptions {
  /** Ranges with more cells than this return `values: null` and `numberFormat: null`, like Excel past its limit. */
  cellReadLimit?: number;
  /** Make the `at`-th `context.sync()` (1-based) reject with `error`. */
  failOnSync?: { at: number; error: unknown };
  /** Simulate an adapter bug: `load` calls are ignored, so every property stays unloaded. */
  ignoreLoads?: boolean;
  /** Simulate an adapter bug: `context.sync()` is counted but does nothing. */
  ignoreSyncs?: boolean;
}

/** One `load` call on a worksheet collection or a range. */
export interface LoadCall {
  /** `worksheets`, `usedRange:<sheet>` or `range:<sheet>!<address>`. */
  target: string;
  properties: string;
  /** How many syncs had happened when `load` was called. */
  afterSyncs: number;
}

/** One `getRangeByIndexes` call (0-based, as Office takes them). */
export interface RangeByIndexesCall {
  sheet: string;
  startRow: number;
  startColumn: number;
  rowCount: number;
  columnCount: number;
}

/** The fake and what it recorded. */
export interface FakeExcel {
  /** The fake request context (typed as the real one for the code under test). */
  context: Excel.RequestContext;
  /** Runs a batch against `context`, like `Excel.run`. */
  run: ExcelRun;
  /** `context.sync()` calls so far. */
  readonly syncs: number;
  loads: LoadCall[];
  rangeByIndexes: RangeByIndexesCall[];
  /** `valuesOnly` argument of every `getUsedRangeOrNullObject` call. */
  usedRangeCalls: { sheet: string; valuesOnly: boolean | undefined }[];
}

/** The parts of OfficeMockObject that its typings mark private but that building a model needs. */
interface MockNode {
  addMock(name: string): void;
  setValue(name: string, value: unknown): void;
  load(properties?: unknown): unknown;
  sync(): Promise<void>;
  [key: string]: unknown;
}

/** office-addin-mock's own load/sync, called on nodes whose `load`/`sync` this fake wraps. */
function mockLoad(node: MockNode, properties: string): void {
  OfficeMockObject.prototype.load.call(node as unknown as OfficeMockObject, properties);
}
function mockSync(node: MockNode): Promise<void> {
  return OfficeMockObject.prototype.sync.call(node as unknown as OfficeMockObject);
}

function child(parent: MockNode, name: string): MockNode {
  parent.addMock(name);
  return parent[name] as MockNode;
}

/** `load` accepts `'a,b'` or `['a', 'b']`; this fake needs the names one by one. */
function propertyNames(properties: unknown): string[] {
  const list = Array.isArray(properties) ? properties : [properties];
  return list.flatMap((p) => String(p).split(',')).map((p) => p.trim()).filter(Boolean);
}

function quoteSheet(name: string): string {
  // Excel quotes names with spaces or punctuation; letters (CJK included) and digits stay bare.
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Build a fake workbook holding `sheets`.
 *
 * @example
 * const fake = createFakeExcel([{ name: '表1', firstRow: 3, firstColumn: 2, values: [[1, '']] }]);
 * const grids = await createOfficeWorkbookReader(fake.run, 'a.xlsx').readSheets();
 * expect(fake.syncs).toBe(3);
 */
export function createFakeExcel(sheets: FakeSheet[], options: FakeExcelOptions = {}): FakeExcel {
  const root = new OfficeMockObject() as unknown as MockNode;
  const worksheets = child(child(root, 'workbook'), 'worksheets');
  const fake: FakeExcel = {
    context: root as unknown as Excel.RequestContext,
    run: (batch) => batch(fake.context),
    syncs: 0,
    loads: [],
    rangeByIndexes: [],
    usedRangeCalls: [],
  };
  let syncs = 0;
  Object.defineProperty(fake, 'syncs', { get: () => syncs });

  /** Attach a logging (and optionally ignoring) `load` to a mock node. */
  const trackLoads = (node: MockNode, target: string, load: (properties: unknown) => void) => {
    node.setValue('load', (properties?: unknown) => {
      fake.loads.push({ target, properties: propertyNames(properties).join(','), afterSyncs: syncs });
      if (!options.ignoreLoads) load(properties);
      return node;
    });
  };

  /** A range mock with the given cells, `isNullObject` readable only after the next sync. */
  const makeRange = (
    parent: MockNode,
    key: string,
    target: string,
    area: { address?: string; rowIndex?: number; columnIndex?: number; rowCount?: number; columnCount?: number },
    values: unknown[][] | null,
    formats: unknown[][] | null,
    isNull: boolean,
  ) => {
    const range = child(parent, key);
    const cells = (area.rowCount ?? 0) * (area.columnCount ?? 0);
    const overLimit = options.cellReadLimit !== undefined && cells > options.cellReadLimit;
    range.setValue('address', area.address);
    range.setValue('rowIndex', area.rowIndex);
    range.setValue('columnIndex', area.columnIndex);
    range.setValue('rowCount', area.rowCount);
    range.setValue('columnCount', area.columnCount);
    range.setValue('values', overLimit ? null : values);
    range.setValue('numberFormat', overLimit ? null : formats);
    trackLoads(range, target, (properties) => mockLoad(range, propertyNames(properties).join(',')));
    let retrievedAt = syncs;
    // office-addin-mock has no isNullObject; Office makes it readable only after a sync.
    Object.defineProperty(range, 'isNullObject', {
      get: () => (syncs > retrievedAt ? isNull : NOT_SYNCED),
      configurable: true,
    });
    return { range, retrieved: () => (retrievedAt = syncs) };
  };

  const sheetNodes = sheets.map((spec, i) => {
    const sheet = child(worksheets, `sheet${i}`);
    sheet.setValue('name', spec.name);
    sheet.setValue('visibility', spec.visibility ?? 'Visible');
    const firstRow = spec.firstRow ?? 1;
    const firstColumn = spec.firstColumn ?? 1;
    const rowCount = spec.values.length;
    const columnCount = spec.values.reduce((w, row) => Math.max(w, Array.isArray(row) ? row.length : 0), 0);
    const empty = rowCount === 0 || columnCount === 0;
    const formats = spec.numberFormat ?? spec.values.map((row) => (Array.isArray(row) ? row.map(() => 'General') : row));
    const prefix = `${quoteSheet(spec.name)}!`;
    const address = (row0: number, col0: number, rows: number, cols: number) =>
      `${prefix}${a1(row0 + 1, col0 + 1)}:${a1(row0 + rows, col0 + cols)}`;

    const used = makeRange(
      sheet,
      'usedRange',
      `usedRange:${spec.name}`,
      empty
        ? {}
        : { address: address(firstRow - 1, firstColumn - 1, rowCount, columnCount), rowIndex: firstRow - 1, columnIndex: firstColumn - 1, rowCount, columnCount },
      empty ? null : spec.values,
      empty ? null : formats,
      empty,
    );
    sheet.setValue('getUsedRangeOrNullObject', (valuesOnly?: boolean) => {
      fake.usedRangeCalls.push({ sheet: spec.name, valuesOnly });
      used.retrieved();
      return used.range;
    });

    let ranges = 0;
    sheet.setValue('getRangeByIndexes', (startRow: number, startColumn: number, rows: number, cols: number) => {
      fake.rangeByIndexes.push({ sheet: spec.name, startRow, startColumn, rowCount: rows, columnCount: cols });
      // Cells outside the sheet's data read as '' (empty), cells inside keep their raw value.
      const cut = (source: unknown[][]) =>
        Array.from({ length: rows }, (_, r) => {
          const sourceRow = startRow - (firstRow - 1) + r;
          if (sourceRow < 0 || sourceRow >= source.length) return new Array(cols).fill('');
          const row = source[sourceRow];
          if (!Array.isArray(row)) return row;
          return Array.from({ length: cols }, (_, c) => {
            const sourceColumn = startColumn - (firstColumn - 1) + c;
            return sourceColumn < 0 || sourceColumn >= columnCount ? '' : row[sourceColumn];
          });
        });
      const addr = address(startRow, startColumn, rows, cols);
      // A new child per call so the context's sync (which walks the mock tree) reaches it.
      const made = makeRange(
        sheet,
        `range${ranges++}`,
        `range:${addr}`,
        { address: addr, rowIndex: startRow, columnIndex: startColumn, rowCount: rows, columnCount: cols },
        cut(spec.values),
        cut(formats),
        false,
      );
      return made.range;
    });
    return sheet;
  });

  // office-addin-mock stores arrays as plain values, so `items` holds the sheet mocks and
  // `load('items/name')` is translated into loading `name` on each of them.
  worksheets.setValue('items', sheetNodes);
  trackLoads(worksheets, 'worksheets', (properties) => {
    for (const name of propertyNames(properties)) {
      if (name.startsWith('items/')) {
        mockLoad(worksheets, 'items');
        for (const sheet of sheetNodes) mockLoad(sheet, name.slice('items/'.length));
      } else {
        mockLoad(worksheets, name);
      }
    }
  });

  root.setValue('sync', async () => {
    syncs++;
    if (options.failOnSync && options.failOnSync.at === syncs) throw options.failOnSync.error;
    if (!options.ignoreSyncs) await mockSync(root);
  });
  return fake;
}

/** A grid of `rows` × `columns` numbers where the cell at 0-based (r, c) holds `r * 10 + c`, for order checks. */
export function numberedRows(rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => r * 10 + c));
}
