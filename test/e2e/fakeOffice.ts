/**
 * Stands in for office.js in the end-to-end run: the e2e script routes the office.js script tag's
 * URL to this file (bundled for the browser), so taskpane.html believes it runs in Excel and works
 * on the in-memory workbook of test/workbook/office/memoryExcel.ts, whose rules (queued commands,
 * load/sync, payload and read limits, requirement sets) are the ones the Jest tests use.
 *
 * Query parameters of the page: `theme=dark` (dark Office theme), `api=1.12` (highest ExcelApi
 * version; 1.13 by default, so insertWorksheetsFromBase64 is used), `delay=ms` (wait before each
 * Excel.run, to see the progress bar), `fail=1` (every Excel.run fails, to see the error bar),
 * `ready=ms` (Office.onReady answers only after that long, to see the pane connecting).
 */
import { readWorkbook } from '../../src/workbook/file/reader';
import { FakeOfficeError, createMemoryExcel, type ExcelApiVersion, type MemSheetSpec } from '../workbook/office/memoryExcel';

const params = new URLSearchParams(window.location.search);
const dark = params.get('theme') === 'dark';
const api = (params.get('api') ?? '1.13') as ExcelApiVersion;
const delay = Number(params.get('delay') ?? 0);
const failing = params.get('fail') === '1';
const readyAfter = Number(params.get('ready') ?? 0);

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function parseWorkbook(base64: string): Promise<MemSheetSpec[]> {
  const grids = await readWorkbook(bytesOf(base64), 'inserted.xlsx');
  return grids.map((g) => ({
    name: g.sheet,
    firstRow: g.firstRow,
    firstColumn: g.firstColumn,
    values: g.values.map((row) => row.map((v) => (v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : (v ?? '')))),
    numberFormat: g.values.map((row, r) => row.map((v, c) => (v instanceof Date ? 'yyyy-mm-dd' : (g.numberFormats?.[r]?.[c] ?? null)))),
  }));
}

const excel = createMemoryExcel([{ name: 'Sheet1', values: [] }], { parseWorkbook, api });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const fakeExcel = {
  /** `Excel.run(batch)` or `Excel.run(options, batch)`. */
  async run<T>(a: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), b?: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (delay) await sleep(delay);
    if (failing) throw new FakeOfficeError('InvalidOperationInCellEditMode', "The operation isn't available while Excel is in Edit cell mode.");
    return typeof a === 'function' ? excel.run(a) : excel.run(a, b as (context: Excel.RequestContext) => Promise<T>);
  },
};

const fakeOffice = {
  onReady: async () => {
    if (readyAfter) await sleep(readyAfter);
    return { host: 'Excel', platform: 'OfficeOnline' };
  },
  context: {
    requirements: {
      isSetSupported: excel.isSetSupported,
    },
    officeTheme: { bodyBackgroundColor: dark ? '#1F1F1F' : '#FFFFFF' },
  },
};

Object.assign(window, { Office: fakeOffice, Excel: fakeExcel, __fakeExcel: excel });
