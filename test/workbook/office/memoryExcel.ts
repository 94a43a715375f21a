/**
 * An in-memory Excel object model with Office.js's proxy rules and Excel's limits, for testing the
 * Office adapter (reader, writer, highlighter, importer) and, bundled for the browser, for the
 * end-to-end run of the task pane page. No imports but ./fake/limits.ts (itself import-free), so
 * it runs in Jest and in a page alike.
 *
 * The rules it enforces, as Office.js and Excel do:
 * - Every method call, property write and `load` is a queued command, run in order at
 *   `context.sync()`; a command that fails rejects the sync with an error carrying Office's `code`
 *   (`ItemNotFound`, `ItemAlreadyExists`, `InvalidArgument`, `AccessDenied`…) and drops the rest
 *   of the queue. Commands before it stay applied (Excel's batches are not transactions), but
 *   nothing loaded in a failed sync is delivered.
 * - A property is readable only after `load` and a `sync` (else it throws `PropertyNotLoaded`);
 *   `isNullObject` only after a sync; a ClientResult's `value` only after a sync (`ValueNotLoaded`).
 * - Payload limits of Excel on the web, 5 MB each way per sync ({@link MemoryExcelOptions.maxRequestBytes},
 *   {@link MemoryExcelOptions.maxResponseBytes}): the request is estimated before anything runs
 *   (see {@link COMMAND_OVERHEAD_BYTES}), the response after the commands ran; over either limit the
 *   sync rejects with `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded` and
 *   nothing of that sync is applied (the workbook is rolled back for an oversized response).
 * - Reading values, number formats, formulas or text of a range over 5,000,000 cells fails with
 *   `RangeExceedsLimit` ({@link MemoryExcelOptions.maxReadCells}).
 * - Requirement sets ({@link MemoryExcelOptions.api}): each API has its ExcelApi version in
 *   {@link API_VERSIONS}; a sync carrying a command the host lacks rejects with `ApiNotFound` before
 *   anything runs. office.js queues such calls without complaint (its generated code has a
 *   call-time check, `throwIfApiNotSupported`, which is not active by default); the host refuses
 *   them, so the error surfaces at `sync`.
 * - Protected sheets refuse changes to their cells with `AccessDenied`.
 * - `Excel.run` syncs whatever is still queued when the batch returns (and that sync is counted).
 * - A string written to a cell becomes a formula when it starts with `=`, `+`, `-` or `@` (or a
 *   number when it reads as one) unless the cell's number format is text (`@`) or the string starts
 *   with an apostrophe — Excel's own behaviour and the reason for the adapter's text guard.
 *
 * The model keeps what the adapter writes (values, formulas, number formats, fills, fonts,
 * alignment, borders, merges, frozen panes, filters, validations, conditional formats, page set-up,
 * hyperlinks, column widths, row heights) so that tests can look at the result, and it records
 * every command, every `load` and per-sync payload sizes ({@link MemoryExcel.stats}).
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias -- dynamic proxies stand in for Office.js classes; setter objects reach their proxy through `self` */
import {
  API_VERSIONS,
  COMMAND_OVERHEAD_BYTES,
  PAYLOAD_LIMIT_BYTES,
  READ_CELL_LIMIT,
  apiVersion,
  hasApi,
  jsonBytes,
  setSupported,
  utf8Length,
  type ExcelApiVersion,
} from './fake/limits';

export { API_VERSIONS, COMMAND_OVERHEAD_BYTES, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT, type ExcelApiVersion } from './fake/limits';

export type Scalar = string | number | boolean;

export interface MemCell {
  /** The constant, or '' when empty or a formula. */
  value: Scalar;
  /** `=…` when the cell holds a formula. */
  formula?: string;
  numberFormat?: string;
  /** `#RRGGBB`, or undefined for no fill. */
  fill?: string;
  font?: { bold?: boolean; italic?: boolean; color?: string; size?: number; name?: string; underline?: string };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** Border edges set on this cell (EdgeTop, EdgeLeft…). */
  borders?: string[];
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string };
}

/** The format part of a conditional format (cell value or custom rule). */
export interface MemConditionalRangeFormat {
  fill: { color?: string };
  font: { color?: string; bold?: boolean };
}

export interface MemConditionalFormat {
  /** Stable id, as `ConditionalFormat.id` returns it. */
  id: string;
  address: string;
  type: string;
  dataBar?: { positiveFormat: { fillColor?: string }; lowerBoundRule?: unknown; upperBoundRule?: unknown };
  cellValue?: { rule?: { formula1?: string; operator?: string }; format: MemConditionalRangeFormat };
  /** `type: 'Custom'`: a formula rule (`=$C5="x"`) and the format it applies. */
  custom?: { rule: { formula?: string }; format: MemConditionalRangeFormat };
}

export interface MemSheet {
  /** Stable: kept through renames and moves. */
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  /** Worksheet protection: every cell counts as locked, so writes to cells are refused. */
  protected: boolean;
  /** rows[r][c], 0-based. */
  rows: (MemCell | undefined)[][];
  merges: string[];
  freeze: { rows: number; columns: number } | null;
  autoFilter: string | null;
  validations: { address: string; rule: any; prompt?: any }[];
  conditionalFormats: MemConditionalFormat[];
  print: {
    orientation?: string;
    paperSize?: string;
    zoom?: any;
    /** Points. */
    leftMargin?: number;
    rightMargin?: number;
    topMargin?: number;
    bottomMargin?: number;
    headerMargin?: number;
    footerMargin?: number;
    titleRows?: string;
    titleColumns?: string;
    /** Addresses a page break was added before. */
    breaks?: string[];
    centerHeader?: string;
    leftFooter?: string;
    rightFooter?: string;
  };
  /** Points, by 0-based column. */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  /** Points, by 0-based row. */
  rowHeights: Map<number, number>;
}

/** A sheet to start with: values from A1 (or from firstRow/firstColumn), '' for empty. */
export interface MemSheetSpec {
  name: string;
  visibility?: MemSheet['visibility'];
  /** 1-based row of `values[0]`. Defaults to 1. */
  firstRow?: number;
  /** 1-based column of `values[r][0]`. Defaults to 1. */
  firstColumn?: number;
  values: unknown[][];
  numberFormat?: (string | null)[][];
  /** Fills by A1 address (single cells), e.g. { B3: '#FFFF00' }. */
  fills?: Record<string, string>;
  /** The sheet is protected (every cell locked): writes to its cells reject with `AccessDenied`. */
  protected?: boolean;
}

export interface MemoryExcelOptions {
  /** Estimated request bytes one sync may carry (see {@link COMMAND_OVERHEAD_BYTES}). Default 5 MiB (Excel on the web). */
  maxRequestBytes?: number;
  /** Response bytes (JSON of what is loaded) one sync may deliver. Default 5 MiB (Excel on the web). */
  maxResponseBytes?: number;
  /** Most cells a range may have to load values, numberFormat, formulas or text. Default 5,000,000. */
  maxReadCells?: number;
  /**
   * An extra, older budget: most cells (loaded or written) in one sync, rejecting the sync with
   * `RequestPayloadSizeLimitExceeded` at the command that goes over it (the byte limits are the
   * real ones). Default 1,000,000.
   */
  maxCellsPerSync?: number;
  /** Highest ExcelApi set the host supports. Default '1.13'. */
  api?: ExcelApiVersion;
  /** The host runs the preview office.js (APIs not yet in a numbered set, e.g. `use1904DateSystem`). Default false. */
  previewApis?: boolean;
  /** `workbook.use1904DateSystem`. Default false. */
  date1904?: boolean;
  /** `application.calculationMode` at start. Default 'Automatic'. */
  calculationMode?: 'Automatic' | 'AutomaticExceptTables' | 'Manual';
  /** Reject the `at`-th sync (1-based, counted over all runs) before it runs anything. */
  failOnSync?: { at: number; error: unknown };
  /** Turns an .xlsx (base64) into sheets, for `insertWorksheetsFromBase64`; absent = Excel refuses every file (`UnsupportedFeature`). */
  parseWorkbook?: (base64: string) => Promise<MemSheetSpec[]> | MemSheetSpec[];
  /** `insertWorksheetsFromBase64` rejects its sync with this error (e.g. Excel refusing a file), so the adapter's fallback runs. */
  failInsert?: unknown;
  /** `insertWorksheetsFromBase64` returns the new sheets' ids in reverse order: Excel does not promise the source order. */
  shuffleInsertedIds?: boolean;
  /**
   * A loaded grid (values, numberFormat, formulas, text) of more than `after` cells comes back
   * truncated, as a host cutting a large response short would deliver it: `whole` → the property is
   * null; otherwise cells past the first `after` (row-major) are null, rows wholly past them null.
   * Default: off.
   */
  truncatedReads?: { after: number; whole?: boolean };
  /** Simulate an adapter bug: `load` calls are recorded but queue nothing, so properties stay unloaded. */
  ignoreLoads?: boolean;
  /** Simulate an adapter bug: `context.sync()` is counted but runs nothing. */
  ignoreSyncs?: boolean;
}

/** One data or format command, for tests of command order. */
export interface WriteLog {
  sync: number;
  sheet: string;
  kind: 'values' | 'formulas' | 'numberFormat' | 'format' | 'merge' | 'hyperlink' | 'select' | 'structure' | 'insert';
  address: string;
}

/** One queued command (method call, property write, lookup or load), as the adapter issued it. */
export interface CommandLog {
  /** `Class.member`, the key of {@link API_VERSIONS}: `Worksheet.getRangeByIndexes`, `Range.values`… */
  api: string;
  /** The arguments (the value for a property write, the property list for a load). */
  args: unknown[];
  /** The sync that carries it (1-based, counted over all runs). */
  sync: number;
  /** The worksheet it reached, once it ran. */
  sheet?: string;
}

/** One `load` call. */
export interface LoadCall {
  /** `worksheets`, `usedRange:<sheet>`, `range:<sheet>!<address>`, `worksheet:<sheet>`, `workbook`…; '' until it ran. */
  target: string;
  properties: string;
  /** How many syncs had happened when `load` was called. */
  afterSyncs: number;
}

/** Payload sizes of one sync. */
export interface SyncStats {
  /** Estimated request bytes: {@link COMMAND_OVERHEAD_BYTES} per command plus the JSON of its arguments. */
  request: number;
  /** Response bytes: the JSON of every property and result delivered. */
  response: number;
  commands: number;
}

export interface MemoryRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface MemoryExcel {
  /** `Excel.run`, with or without its options object. */
  run: MemoryRun;
  readonly syncs: number;
  sheets: MemSheet[];
  log: WriteLog[];
  /** Every command queued, in order. */
  readonly commands: readonly CommandLog[];
  /** Every `load` call, in order. */
  readonly loads: readonly LoadCall[];
  /** The options object of every `Excel.run` (`{}` when none was given). */
  readonly runOptions: readonly Excel.RunOptions[];
  /** Every `application.calculate(type)`, in order. */
  readonly calculations: readonly string[];
  readonly calculationMode: string;
  readonly stats: { readonly syncs: number; readonly maxRequestBytes: number; readonly maxResponseBytes: number; readonly perSync: readonly SyncStats[] };
  /** The configured ExcelApi set. */
  readonly api: ExcelApiVersion;
  /** `Office.context.requirements.isSetSupported` matching {@link MemoryExcelOptions.api}. */
  isSetSupported(name: string, version?: string): boolean;
  active: string | null;
  selection: { sheet: string; address: string } | null;
  /** The workbook's custom document properties. */
  readonly customProperties: ReadonlyMap<string, unknown>;
  /** The sheet called `name` (case-insensitive), or undefined. */
  sheet(name: string): MemSheet | undefined;
  /** The cell at an A1 address of a sheet, or undefined when never written. */
  cell(sheet: string, address: string): MemCell | undefined;
  /** A sheet's constants and formulas as a grid from A1 to its last used cell (formulas as `=…`). */
  grid(sheet: string): Scalar[][];
}

export class FakeOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

// ── Addresses ────────────────────────────────────────────────────────────────────────────────

function colLetters(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface Area {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

function quoteName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function areaAddress(area: Area): string {
  const a = `${colLetters(area.c0)}${area.r0 + 1}`;
  if (area.rows === 1 && area.cols === 1) return a;
  return `${a}:${colLetters(area.c0 + area.cols - 1)}${area.r0 + area.rows}`;
}

/** Parse `A1`, `A1:C3`, `$A$1`, `B:D`, `2:5`, optionally after `Sheet!`. */
export function parseArea(address: string): { sheet: string | null; area: Area } {
  let text = address.trim();
  let sheet: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  text = text.replace(/\$/g, '').toUpperCase();
  const [from, to = from] = text.split(':');
  const cell = /^([A-Z]+)?(\d+)?$/;
  const a = cell.exec(from);
  const b = cell.exec(to);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
  const c1 = a[1] ? colIndex(a[1]) : 0;
  const c2 = b[1] ? colIndex(b[1]) : MAX_COLS - 1;
  const r1 = a[2] ? Number(a[2]) - 1 : 0;
  const r2 = b[2] ? Number(b[2]) - 1 : MAX_ROWS - 1;
  const r0 = Math.min(r1, r2);
  const c0 = Math.min(c1, c2);
  return { sheet, area: { r0, c0, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 } };
}

function intersects(a: Area, b: Area): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

// ── Cells ────────────────────────────────────────────────────────────────────────────────────

function cellOf(sheet: MemSheet, r: number, c: number, create: true): MemCell;
function cellOf(sheet: MemSheet, r: number, c: number, create?: false): MemCell | undefined;
function cellOf(sheet: MemSheet, r: number, c: number, create = false): MemCell | undefined {
  let row = sheet.rows[r];
  if (!row) {
    if (!create) return undefined;
    row = sheet.rows[r] = [];
  }
  let cell = row[c];
  if (!cell && create) cell = row[c] = { value: '' };
  return cell;
}

function forEachCell(area: Area, fn: (r: number, c: number) => void): void {
  for (let r = area.r0; r < area.r0 + area.rows; r++) for (let c = area.c0; c < area.c0 + area.cols; c++) fn(r, c);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;

/** What Excel stores when `input` is typed (or written through `values`/`formulas`) into `cell`. */
function enter(cell: MemCell, input: unknown): void {
  if (input === null || input === undefined) return;
  cell.formula = undefined;
  if (typeof input !== 'string') {
    cell.value = input as Scalar;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  const trimmed = input.trim();
  if (NUMBER.test(trimmed.replace(/,/g, ''))) {
    const pct = trimmed.endsWith('%');
    const n = Number(trimmed.replace(/[,%]/g, ''));
    cell.value = pct ? n / 100 : n;
    return;
  }
  if (/^(TRUE|FALSE)$/i.test(trimmed)) {
    cell.value = trimmed.toUpperCase() === 'TRUE';
    return;
  }
  if (input.length > 1 && input.startsWith('=')) {
    cell.formula = input;
    cell.value = '';
    return;
  }
  if (input.length > 1 && /^[+\-@]/.test(input)) {
    cell.formula = `=${input.startsWith('@') ? input.slice(1) : input}`;
    cell.value = '';
    return;
  }
  cell.value = input;
}

function isBlank(cell: MemCell | undefined): boolean {
  return !cell || (cell.value === '' && cell.formula === undefined && cell.fill === undefined && cell.numberFormat === undefined && cell.font === undefined);
}

function usedArea(sheet: MemSheet, valuesOnly: boolean): Area | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const hasValue = cell.value !== '' || cell.formula !== undefined;
      const hasFormat = cell.fill !== undefined || cell.numberFormat !== undefined || cell.font !== undefined;
      if (!hasValue && (valuesOnly || !hasFormat)) return;
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    });
  });
  return r2 < 0 ? null : { r0: r1, c0: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

function normColor(color: unknown): string {
  const s = String(color).trim();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  if (/^[0-9a-f]{6}$/i.test(s)) return `#${s.toUpperCase()}`;
  const named: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00' };
  const n = named[s.toLowerCase()];
  if (!n) throw new FakeOfficeError('InvalidArgument', `Invalid colour: ${s}`);
  return n;
}

/** Deep copy of plain data (objects, arrays with their holes, Maps, Sets), for rolling a sync back. */
function deepClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = deepClone(v[i]);
    return out as T;
  }
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, deepClone(x)])) as T;
  if (v instanceof Set) return new Set([...v].map((x) => deepClone(x))) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = deepClone((v as Record<string, unknown>)[k]);
  return out as T;
}

// ── The request context and proxies ──────────────────────────────────────────────────────────

type Op = () => void | Promise<void>;

/** What a command does besides running: changes the workbook, delivers a response, needs more APIs. */
interface CommandKind {
  mutates?: boolean;
  responds?: boolean;
  /** Further APIs the command needs (the properties a `load` names). */
  apis?: string[];
}

const LOOKUP: CommandKind = { mutates: false };
const READ: CommandKind = { mutates: false, responds: true };

interface Command {
  entry: CommandLog;
  run: Op;
  mutates: boolean;
  responds: boolean;
  apis: string[];
}

interface Book {
  sheets: MemSheet[];
  /** Workbook.properties.custom (ExcelApi 1.7): key → value. */
  customProperties: Map<string, unknown>;
  nextId: number;
  nextCfId: number;
  syncs: number;
  log: WriteLog[];
  commands: CommandLog[];
  loads: LoadCall[];
  runOptions: Excel.RunOptions[];
  calculations: string[];
  calculationMode: string;
  active: string | null;
  selection: { sheet: string; address: string } | null;
  stats: { syncs: number; maxRequestBytes: number; maxResponseBytes: number; perSync: SyncStats[] };
  api: ExcelApiVersion;
  options: MemoryExcelOptions;
}

/** What a sync may have to undo: the workbook as it was before (sheet objects are restored in place, so proxies stay valid). */
interface Snapshot {
  sheets: MemSheet[];
  copies: MemSheet[];
  customProperties: Map<string, unknown>;
  nextId: number;
  nextCfId: number;
  log: number;
  calculations: number;
  calculationMode: string;
  active: string | null;
  selection: { sheet: string; address: string } | null;
}

function snapshot(book: Book): Snapshot {
  return {
    sheets: book.sheets.slice(),
    copies: book.sheets.map((s) => deepClone(s)),
    customProperties: new Map(book.customProperties),
    nextId: book.nextId,
    nextCfId: book.nextCfId,
    log: book.log.length,
    calculations: book.calculations.length,
    calculationMode: book.calculationMode,
    active: book.active,
    selection: book.selection,
  };
}

function restore(book: Book, snap: Snapshot): void {
  book.sheets.splice(0, book.sheets.length, ...snap.sheets);
  snap.sheets.forEach((s, i) => Object.assign(s, snap.copies[i]));
  book.customProperties.clear();
  for (const [k, v] of snap.customProperties) book.customProperties.set(k, v);
  book.nextId = snap.nextId;
  book.nextCfId = snap.nextCfId;
  book.log.length = snap.log;
  book.calculations.length = snap.calculations;
  book.calculationMode = snap.calculationMode;
  book.active = snap.active;
  book.selection = snap.selection;
}

class Ctx {
  private queued: Command[] = [];
  /** What the running sync delivers to proxies once it succeeds. */
  private pending: (() => void)[] = [];
  private response = 0;
  private cells = 0;
  private current: CommandLog | null = null;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  constructor(readonly book: Book) {
    this.application = new ApplicationProxy(this);
    this.workbook = new WorkbookProxy(this);
  }
  get hasQueued(): boolean {
    return this.queued.length > 0;
  }
  /** Queue a command; `run` executes at the next sync. */
  queue(api: string, args: unknown[], run: Op, kind: CommandKind = {}): CommandLog {
    const entry: CommandLog = { api, args, sync: this.book.syncs + 1 };
    this.book.commands.push(entry);
    this.queued.push({ entry, run, mutates: kind.mutates ?? true, responds: kind.responds ?? false, apis: kind.apis ?? [] });
    return entry;
  }
  /** Deliver a value to a proxy once the sync succeeds, counting its bytes towards the response. */
  deliver(bytes: number, apply: () => void): void {
    this.response += bytes;
    this.pending.push(apply);
  }
  /** Note the sheet the running command reached. */
  touch(sheet: MemSheet): void {
    if (this.current && this.current.sheet === undefined) this.current.sheet = sheet.name;
  }
  /** Refuse changing the cells of a protected sheet. */
  guard(sheet: MemSheet): void {
    if (sheet.protected) {
      throw new FakeOfficeError('AccessDenied', `You cannot perform the requested operation. (The cell or chart you're trying to change is on the protected sheet ${sheet.name}.)`);
    }
  }
  /** Counts cells of data moved in the current sync against the older cell budget. */
  charge(cells: number): void {
    this.cells += cells;
    const max = this.book.options.maxCellsPerSync ?? 1_000_000;
    if (this.cells > max) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${this.cells} cells > ${max}).`);
    }
  }
  /** Refuse reading a grid over the read limit. */
  checkRead(area: Area): void {
    const max = this.book.options.maxReadCells ?? READ_CELL_LIMIT;
    if (area.rows * area.cols > max) {
      throw new FakeOfficeError('RangeExceedsLimit', `The cell count in the range has exceeded the maximum supported number (${area.rows * area.cols} > ${max}).`);
    }
  }
  logWrite(sheet: MemSheet, kind: WriteLog['kind'], address: string): void {
    this.book.log.push({ sync: this.book.syncs, sheet: sheet.name, kind, address });
  }
  async sync(): Promise<void> {
    const book = this.book;
    const options = book.options;
    book.syncs++;
    book.stats.syncs = book.syncs;
    const commands = this.queued;
    this.queued = [];
    const stat: SyncStats = { request: 0, response: 0, commands: commands.length };
    book.stats.perSync.push(stat);
    if (options.ignoreSyncs) return;
    const fail = options.failOnSync;
    if (fail && fail.at === book.syncs) throw fail.error;

    for (const c of commands) stat.request += COMMAND_OVERHEAD_BYTES + jsonBytes(c.entry.args);
    book.stats.maxRequestBytes = Math.max(book.stats.maxRequestBytes, stat.request);
    const maxRequest = options.maxRequestBytes ?? PAYLOAD_LIMIT_BYTES;
    if (stat.request > maxRequest) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit. (about ${stat.request} bytes > ${maxRequest}, ${commands.length} commands)`,
      );
    }
    const preview = options.previewApis ?? false;
    for (const c of commands) {
      const missing = [c.entry.api, ...c.apis].find((api) => !hasApi(api, book.api, preview));
      if (missing) {
        throw new FakeOfficeError(
          'ApiNotFound',
          `The API you are trying to use could not be found. It may be available in a newer version of the Office application. (${missing} needs ${needs(missing)}; the host has ExcelApi ${book.api}${preview ? ' with preview APIs' : ''})`,
        );
      }
    }

    const rollback = commands.some((c) => c.mutates) && commands.some((c) => c.responds) ? snapshot(book) : null;
    this.pending = [];
    this.response = 0;
    this.cells = 0;
    try {
      for (const c of commands) {
        this.current = c.entry;
        await c.run();
      }
    } finally {
      this.current = null;
    }
    stat.response = this.response;
    book.stats.maxResponseBytes = Math.max(book.stats.maxResponseBytes, stat.response);
    const maxResponse = options.maxResponseBytes ?? PAYLOAD_LIMIT_BYTES;
    if (stat.response > maxResponse) {
      if (rollback) restore(book, rollback);
      this.pending = [];
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit. (${stat.response} bytes > ${maxResponse})`);
    }
    const pending = this.pending;
    this.pending = [];
    for (const apply of pending) apply();
  }
  sheetByName(name: string): MemSheet | undefined {
    const key = name.toLowerCase();
    return this.book.sheets.find((s) => s.name.toLowerCase() === key || s.id === name);
  }
}

function needs(api: string): string {
  const v = apiVersion(api);
  return typeof v === 'number' ? `ExcelApi 1.${v}` : 'the preview APIs';
}

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function propertyList(props: unknown): string[] {
  if (props === undefined || props === null) return [];
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => propertyList(p));
  if (typeof props === 'object') {
    const o = props as Record<string, unknown>;
    if (o.select !== undefined) return propertyList(o.select);
    return Object.keys(o).flatMap((k) => (typeof o[k] === 'object' && o[k] !== null ? propertyList(o[k]).map((p) => `${k}/${p}`) : [k]));
  }
  return [];
}

/** Base of every proxy: loaded properties, null-object state. */
class ProxyBase {
  protected loaded = new Map<string, unknown>();
  /** Internal: the lookup ran (in this or an earlier sync). */
  protected resolved = false;
  protected isNull = false;
  /** Visible: the sync that resolved it has completed. */
  protected nullKnown = false;
  constructor(
    readonly context: Ctx,
    /** The Office.js class, for {@link API_VERSIONS} keys. */
    readonly cls: string,
  ) {}
  protected get_(name: string): any {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name);
  }
  get isNullObject(): boolean {
    if (!this.nullKnown) throw notLoaded('isNullObject');
    return this.isNull;
  }
  /** Mark the proxy resolved (a lookup ran): `isNullObject` becomes readable when the sync succeeds. */
  protected resolve(isNull: boolean): void {
    this.isNull = isNull;
    this.resolved = true;
    this.context.deliver(0, () => {
      this.nullKnown = true;
    });
  }
  /** What the load log calls this object. */
  label(): string {
    return this.cls;
  }
  /** Read a property's current value from the model (at sync time). */
  protected read(_name: string): unknown {
    return undefined;
  }
  /** Child proxy for a nested load path (`format/fill/color`). */
  protected childFor(_name: string): ProxyBase | undefined {
    return undefined;
  }
  /** The API key a property path needs: `Class.prop` when the table lists it, else `Class.load`. */
  apiOf(path: string): string {
    const slash = path.indexOf('/');
    if (slash >= 0) {
      const child = this.childFor(path.slice(0, slash));
      return child ? child.apiOf(path.slice(slash + 1)) : `${this.cls}.load`;
    }
    const key = `${this.cls}.${path}`;
    return API_VERSIONS[key] !== undefined ? key : `${this.cls}.load`;
  }
  load(props?: unknown): this {
    const names = propertyList(props);
    const call: LoadCall = { target: '', properties: names.join(','), afterSyncs: this.context.book.syncs };
    this.context.book.loads.push(call);
    if (this.context.book.options.ignoreLoads) return this;
    this.context.queue(
      `${this.cls}.load`,
      [names.join(',')],
      () => {
        call.target = this.label();
        this.loadNow(names);
      },
      { ...READ, apis: names.map((n) => this.apiOf(n)) },
    );
    return this;
  }
  loadNow(names: string[]): void {
    // A null object loads nothing; its properties stay unreadable, as in Office.js.
    if (this.resolved && this.isNull) return;
    for (const name of names) {
      const slash = name.indexOf('/');
      if (slash >= 0) {
        const child = this.childFor(name.slice(0, slash));
        if (!child) throw new FakeOfficeError('InvalidArgument', `Cannot load ${name}`);
        child.loadNow([name.slice(slash + 1)]);
      } else {
        const value = this.read(name);
        this.context.deliver(utf8Length(name) + 3 + jsonBytes(value), () => this.loaded.set(name, value));
      }
    }
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

class ClientResult<T> {
  private set = false;
  private v: T | undefined;
  /** Deliver the value when the sync succeeds. */
  put(ctx: Ctx, v: T): void {
    ctx.deliver(jsonBytes(v), () => {
      this.v = v;
      this.set = true;
    });
  }
  get value(): T {
    if (!this.set) {
      throw new FakeOfficeError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    }
    return this.v as T;
  }
}

/** DATE(year, month, day) as a serial of the workbook's date system (1900: day 1 is 1900-01-01, with the fictitious 1900-02-29). */
function dateSerial(year: number, month: number, day: number, date1904: boolean): number {
  const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (date1904) return days - 1462;
  return days < 61 ? days - 1 : days;
}

/** A worksheet function's result (ExcelApi 1.2): `value` after `load('value')` and a sync. */
class FunctionResultProxy extends ProxyBase {
  constructor(
    context: Ctx,
    private readonly fn: string,
    private readonly compute: () => number,
  ) {
    super(context, 'FunctionResult');
    this.resolved = true;
    this.nullKnown = true;
    context.queue(`Functions.${fn}`, [], () => undefined, READ);
  }
  protected override read(name: string): unknown {
    if (name === 'value') return this.compute();
    if (name === 'error') return null;
    throw new FakeOfficeError('InvalidArgument', `FunctionResult has no property ${name}`);
  }
  override label(): string {
    return `functions.${this.fn}`;
  }
  get value(): number {
    return this.get_('value');
  }
}

class ApplicationProxy extends ProxyBase {
  constructor(context: Ctx) {
    super(context, 'Application');
    this.resolved = true;
    this.nullKnown = true;
  }
  protected override read(name: string): unknown {
    if (name === 'calculationMode') return this.context.book.calculationMode;
    throw new FakeOfficeError('InvalidArgument', `Application has no property ${name}`);
  }
  get calculationMode(): string {
    return this.get_('calculationMode');
  }
  set calculationMode(v: string) {
    this.context.queue('Application.calculationMode=', [v], () => {
      if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(v)) throw new FakeOfficeError('InvalidArgument', `Invalid calculation mode ${v}`);
      this.context.book.calculationMode = v;
    });
  }
  calculate(calculationType: string): void {
    this.context.queue('Application.calculate', [calculationType], () => {
      if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType)) throw new FakeOfficeError('InvalidArgument', `Invalid calculation type ${calculationType}`);
      this.context.book.calculations.push(calculationType);
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.queue('Application.suspendApiCalculationUntilNextSync', [], () => undefined);
  }
}

class WorkbookProxy extends ProxyBase {
  readonly worksheets: WorksheetCollectionProxy;
  readonly properties: { custom: { add(key: string, value: unknown): void } };
  constructor(context: Ctx) {
    super(context, 'Workbook');
    this.resolved = true;
    this.nullKnown = true;
    this.worksheets = new WorksheetCollectionProxy(context);
    // CustomPropertyCollection.add replaces a property of the same key, as Excel does.
    this.properties = {
      custom: {
        add: (key: string, value: unknown) => {
          context.queue('Workbook.properties', [key, value], () => {
            if (key.length > 255) throw new FakeOfficeError('InvalidArgument', 'The custom property key is too long.');
            context.book.customProperties.set(key, value);
          });
        },
      },
    };
  }
  get application(): ApplicationProxy {
    return this.context.application;
  }
  /** `workbook.functions` (ExcelApi 1.2): worksheet functions evaluated without a cell; only DATE is modelled. */
  get functions(): { date(year: number, month: number, day: number): FunctionResultProxy } {
    const ctx = this.context;
    return { date: (year, month, day) => new FunctionResultProxy(ctx, 'date', () => dateSerial(year, month, day, ctx.book.options.date1904 ?? false)) };
  }
  override label(): string {
    return 'workbook';
  }
  protected override read(name: string): unknown {
    if (name === 'use1904DateSystem') return this.context.book.options.date1904 ?? false;
    throw new FakeOfficeError('InvalidArgument', `Workbook has no property ${name}`);
  }
  get use1904DateSystem(): boolean {
    return this.get_('use1904DateSystem');
  }
  insertWorksheetsFromBase64(base64: string, options: { positionType?: string; relativeTo?: string; sheetNamesToInsert?: string[] } = {}): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    const ctx = this.context;
    const book = ctx.book;
    ctx.queue(
      'Workbook.insertWorksheetsFromBase64',
      [base64, options],
      async () => {
        if (book.options.failInsert !== undefined) throw book.options.failInsert;
        const parse = book.options.parseWorkbook;
        if (!parse) throw new FakeOfficeError('UnsupportedFeature', 'The operation failed because the source worksheet contains one or more unsupported features.');
        let specs: MemSheetSpec[];
        try {
          specs = await parse(base64);
        } catch (e) {
          throw new FakeOfficeError('InvalidArgument', `The file is not a valid workbook: ${e instanceof Error ? e.message : String(e)}`);
        }
        const wanted = options.sheetNamesToInsert?.length ? specs.filter((s) => options.sheetNamesToInsert?.includes(s.name)) : specs;
        const ids: string[] = [];
        for (const spec of wanted) {
          let name = spec.name;
          // Excel renames an inserted sheet whose name is taken: "Sheet1 (2)".
          for (let n = 2; ctx.sheetByName(name); n++) name = `${spec.name.slice(0, 31 - ` (${n})`.length)} (${n})`;
          const sheet = makeSheet(book, { ...spec, name });
          book.sheets.push(sheet);
          ctx.logWrite(sheet, 'structure', 'insert');
          ids.push(sheet.id);
        }
        result.put(ctx, book.options.shuffleInsertedIds ? ids.reverse() : ids);
      },
      { mutates: true, responds: true },
    );
    return result;
  }
}

function validateName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `Invalid worksheet name: ${name}`);
  }
}

function makeSheet(book: Book, spec: MemSheetSpec): MemSheet {
  const sheet: MemSheet = {
    id: `{${String(book.nextId++).padStart(8, '0')}-0000-0000-0000-000000000000}`,
    name: spec.name,
    visibility: spec.visibility ?? 'Visible',
    tabColor: '',
    protected: spec.protected ?? false,
    rows: [],
    merges: [],
    freeze: null,
    autoFilter: null,
    validations: [],
    conditionalFormats: [],
    print: {},
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
  };
  const r0 = (spec.firstRow ?? 1) - 1;
  const c0 = (spec.firstColumn ?? 1) - 1;
  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const nf = spec.numberFormat?.[r]?.[c];
      if ((v === '' || v === null || v === undefined) && !nf) return;
      const cell = cellOf(sheet, r0 + r, c0 + c, true);
      if (nf && nf !== 'General') cell.numberFormat = nf;
      cell.value = v === null || v === undefined ? '' : v instanceof Date ? String(v) : (v as Scalar);
    }),
  );
  for (const [addr, color] of Object.entries(spec.fills ?? {})) {
    const { area } = parseArea(addr);
    cellOf(sheet, area.r0, area.c0, true).fill = normColor(color);
  }
  return sheet;
}

class WorksheetCollectionProxy extends ProxyBase {
  constructor(context: Ctx) {
    super(context, 'WorksheetCollection');
    this.resolved = true;
    this.nullKnown = true;
  }
  get items(): WorksheetProxy[] {
    return this.get_('items');
  }
  override label(): string {
    return 'worksheets';
  }
  override apiOf(path: string): string {
    if (path.startsWith('items/')) {
      const key = `Worksheet.${path.slice('items/'.length).split('/')[0]}`;
      return API_VERSIONS[key] !== undefined ? key : 'Worksheet.load';
    }
    return path === 'items' ? 'Worksheet.load' : super.apiOf(path);
  }
  override loadNow(names: string[]): void {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    if (names.some((n) => n === 'items' || n.startsWith('items/'))) {
      const proxies = this.context.book.sheets.map((s) => WorksheetProxy.resolved(this.context, s));
      for (const p of proxies) p.loadNow(itemProps.length ? itemProps : ['name', 'id', 'visibility', 'position']);
      this.context.deliver(2, () => this.loaded.set('items', proxies));
    }
    const rest = names.filter((n) => n !== 'items' && !n.startsWith('items/'));
    super.loadNow(rest);
  }
  getItem(key: string): WorksheetProxy {
    return WorksheetProxy.lookup(this.context, 'WorksheetCollection.getItem', [key], () => {
      const s = this.context.sheetByName(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (worksheet ${key})`);
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return WorksheetProxy.lookup(this.context, 'WorksheetCollection.getItemOrNullObject', [key], () => this.context.sheetByName(key) ?? null);
  }
  getActiveWorksheet(): WorksheetProxy {
    return WorksheetProxy.lookup(this.context, 'WorksheetCollection.getActiveWorksheet', [], () => {
      const book = this.context.book;
      return (book.active && this.context.sheetByName(book.active)) || book.sheets.find((s) => s.visibility === 'Visible') || null;
    });
  }
  add(name?: string): WorksheetProxy {
    const ctx = this.context;
    return WorksheetProxy.lookup(
      ctx,
      'WorksheetCollection.add',
      name === undefined ? [] : [name],
      () => {
        let n = name;
        if (n === undefined) for (let i = 1; !n || ctx.sheetByName(n); i++) n = `Sheet${i}`;
        validateName(n);
        if (ctx.sheetByName(n)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (${n})`);
        const sheet = makeSheet(ctx.book, { name: n, values: [] });
        ctx.book.sheets.push(sheet);
        ctx.logWrite(sheet, 'structure', 'add');
        return sheet;
      },
      { mutates: true },
    );
  }
}

/** `worksheet.protection` (ExcelApi 1.2; `unprotect` 1.7). */
class ProtectionProxy extends ProxyBase {
  private password: string | undefined;
  constructor(
    context: Ctx,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context, 'WorksheetProtection');
  }
  override label(): string {
    return `protection:${this.sheet.label().slice('worksheet:'.length)}`;
  }
  protected override read(name: string): unknown {
    const s = this.sheet.must();
    if (name === 'protected') return s.protected;
    if (name === 'options') return {};
    throw new FakeOfficeError('InvalidArgument', `WorksheetProtection has no property ${name}`);
  }
  get protected(): boolean {
    return this.get_('protected');
  }
  protect(options?: unknown, password?: string): void {
    this.context.queue('WorksheetProtection.protect', password === undefined ? [options ?? null] : [options ?? null, password], () => {
      const s = this.sheet.must();
      if (s.protected) throw new FakeOfficeError('InvalidOperation', 'The worksheet is already protected.');
      s.protected = true;
      this.password = password;
    });
  }
  unprotect(password?: string): void {
    this.context.queue('WorksheetProtection.unprotect', password === undefined ? [] : [password], () => {
      const s = this.sheet.must();
      if (this.password !== undefined && password !== this.password) throw new FakeOfficeError('BadPassword', 'The password you supplied is incorrect.');
      s.protected = false;
    });
  }
}

class WorksheetProxy extends ProxyBase {
  sheet: MemSheet | null = null;
  readonly freezePanes: any;
  readonly autoFilter: any;
  readonly pageLayout: any;
  readonly horizontalPageBreaks: any;
  readonly protection: ProtectionProxy;

  static resolved(ctx: Ctx, sheet: MemSheet): WorksheetProxy {
    const p = new WorksheetProxy(ctx);
    p.sheet = sheet;
    p.resolved = true;
    p.nullKnown = true;
    return p;
  }

  /** A proxy resolved by a queued command (so it sees the workbook as it is at that point). */
  static lookup(ctx: Ctx, api: string, args: unknown[], find: () => MemSheet | null, kind: CommandKind = LOOKUP): WorksheetProxy {
    const p = new WorksheetProxy(ctx);
    ctx.queue(
      api,
      args,
      () => {
        p.sheet = find();
        if (p.sheet) ctx.touch(p.sheet);
        p.resolve(p.sheet === null);
      },
      kind,
    );
    return p;
  }

  constructor(ctx: Ctx) {
    super(ctx, 'Worksheet');
    const self = this;
    this.protection = new ProtectionProxy(ctx, this);
    this.freezePanes = {
      freezeRows(n: number) {
        ctx.queue('Worksheet.freezePanes', [n], () => {
          self.must().freeze = { rows: n, columns: 0 };
        });
      },
      freezeColumns(n: number) {
        ctx.queue('Worksheet.freezePanes', [n], () => {
          self.must().freeze = { rows: 0, columns: n };
        });
      },
      freezeAt(range: RangeProxy | string) {
        ctx.queue('Worksheet.freezePanes', [typeof range === 'string' ? range : null], () => {
          const area = typeof range === 'string' ? parseArea(range).area : range.target().area;
          self.must().freeze = { rows: area.r0 + area.rows, columns: area.c0 + area.cols };
        });
      },
      unfreeze() {
        ctx.queue('Worksheet.freezePanes', [], () => {
          self.must().freeze = null;
        });
      },
    };
    this.autoFilter = {
      apply(range: RangeProxy | string) {
        ctx.queue('Worksheet.autoFilter', [typeof range === 'string' ? range : null], () => {
          const s = self.must();
          ctx.guard(s);
          const area = typeof range === 'string' ? parseArea(range).area : range.target().area;
          s.autoFilter = areaAddress(area);
        });
      },
      remove() {
        ctx.queue('Worksheet.autoFilter', [], () => {
          self.must().autoFilter = null;
        });
      },
    };
    const print = (key: string, value: unknown) =>
      ctx.queue('Worksheet.pageLayout', [value], () => {
        (self.must().print as Record<string, unknown>)[key] = value;
      });
    this.pageLayout = {
      set orientation(v: string) {
        print('orientation', v);
      },
      set paperSize(v: string) {
        print('paperSize', v);
      },
      set zoom(v: unknown) {
        print('zoom', v);
      },
      setPrintTitleRows(v: string) {
        print('titleRows', v);
      },
      setPrintTitleColumns(v: string) {
        print('titleColumns', v);
      },
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(v: string) {
            print('centerHeader', v);
          },
          set leftFooter(v: string) {
            print('leftFooter', v);
          },
          set rightFooter(v: string) {
            print('rightFooter', v);
          },
        },
      },
    };
    // Margins in points, as PageLayout takes them.
    for (const key of ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin']) {
      Object.defineProperty(this.pageLayout, key, { set: (v: number) => print(key, v) });
    }
    // A property the model lacks must fail loudly, not vanish as an expando.
    Object.preventExtensions(this.pageLayout);
    this.horizontalPageBreaks = {
      add(address: string) {
        ctx.queue('Worksheet.horizontalPageBreaks', [address], () => {
          const p = self.must().print;
          p.breaks = [...(p.breaks ?? []), address];
        });
      },
    };
  }

  must(): MemSheet {
    if (!this.sheet) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist. (worksheet is a null object)");
    this.context.touch(this.sheet);
    return this.sheet;
  }

  override label(): string {
    return `worksheet:${this.sheet?.name ?? '?'}`;
  }

  protected override childFor(name: string): ProxyBase | undefined {
    return name === 'protection' ? this.protection : undefined;
  }

  protected override read(name: string): unknown {
    const s = this.must();
    switch (name) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.context.book.sheets.indexOf(s);
      case 'tabColor':
        return s.tabColor;
      default:
        throw new FakeOfficeError('InvalidArgument', `Worksheet has no property ${name}`);
    }
  }
  get name(): string {
    return this.get_('name');
  }
  set name(v: string) {
    this.context.queue('Worksheet.name', [v], () => {
      const s = this.must();
      validateName(v);
      const other = this.context.sheetByName(v);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (${v})`);
      if (this.context.book.active === s.name) this.context.book.active = v;
      s.name = v;
    });
  }
  get id(): string {
    return this.get_('id');
  }
  get visibility(): string {
    return this.get_('visibility');
  }
  set visibility(v: string) {
    this.context.queue('Worksheet.visibility', [v], () => {
      this.must().visibility = v as MemSheet['visibility'];
    });
  }
  get position(): number {
    return this.get_('position');
  }
  set position(v: number) {
    this.context.queue('Worksheet.position', [v], () => {
      const s = this.must();
      const list = this.context.book.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
    });
  }
  get tabColor(): string {
    return this.get_('tabColor');
  }
  set tabColor(v: string) {
    this.context.queue('Worksheet.tabColor', [v], () => {
      this.must().tabColor = v ? normColor(v) : '';
    });
  }
  delete(): void {
    this.context.queue('Worksheet.delete', [], () => {
      const s = this.must();
      const list = this.context.book.sheets;
      if (!list.some((o) => o !== s && o.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      list.splice(list.indexOf(s), 1);
      this.context.logWrite(s, 'structure', 'delete');
      if (this.context.book.active === s.name) this.context.book.active = null;
    });
  }
  activate(): void {
    this.context.queue('Worksheet.activate', [], () => {
      const s = this.must();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden worksheet.');
      this.context.book.active = s.name;
    });
  }
  getRange(address?: string): RangeProxy {
    return RangeProxy.lookup(this.context, 'Worksheet.getRange', address === undefined ? [] : [address], () => {
      const s = this.must();
      if (address === undefined) return { sheet: s, area: { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      return { sheet: s, area: parseArea(address).area };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return RangeProxy.lookup(this.context, 'Worksheet.getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (range indexes)');
      }
      return { sheet: this.must(), area: { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return RangeProxy.lookup(
      this.context,
      'Worksheet.getUsedRangeOrNullObject',
      valuesOnly === undefined ? [] : [valuesOnly],
      () => {
        if (!this.sheet) return null;
        const s = this.must();
        const area = usedArea(s, Boolean(valuesOnly));
        return area ? { sheet: s, area } : null;
      },
      'usedRange',
      () => this.sheet,
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return RangeProxy.lookup(
      this.context,
      'Worksheet.getUsedRange',
      valuesOnly === undefined ? [] : [valuesOnly],
      () => {
        const s = this.must();
        return { sheet: s, area: usedArea(s, Boolean(valuesOnly)) ?? { r0: 0, c0: 0, rows: 1, cols: 1 } };
      },
      'usedRange',
    );
  }
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this, address);
  }
}

interface Target {
  sheet: MemSheet;
  area: Area;
}

/** Formatting of one or more areas (a Range's or a RangeAreas'). */
class FormatProxy extends ProxyBase {
  readonly fill: any;
  readonly font: any;
  readonly borders: any;
  constructor(
    ctx: Ctx,
    private readonly targets: () => Target[],
  ) {
    super(ctx, 'RangeFormat');
    const self = this;
    const set = (api: string, value: unknown, apply: (cell: MemCell, r: number, c: number, t: Target) => void, log = true) =>
      ctx.queue(api, [value], () => {
        for (const t of targets()) {
          ctx.guard(t.sheet);
          forEachCell(clip(t.area), (r, c) => apply(cellOf(t.sheet, r, c, true), r, c, t));
          if (log) ctx.logWrite(t.sheet, 'format', areaAddress(t.area));
        }
      });
    const fillProxy = new (class extends ProxyBase {
      protected override read(name: string): unknown {
        if (name === 'color') return uniform(self.targets(), (c) => c?.fill ?? '#FFFFFF');
        if (name === 'pattern') return uniform(self.targets(), (c) => (c?.fill ? 'Solid' : 'None'));
        throw new FakeOfficeError('InvalidArgument', `fill has no ${name}`);
      }
      get color(): string {
        return this.get_('color');
      }
      set color(v: string) {
        set('RangeFill.color', v, (cell) => {
          cell.fill = normColor(v);
        });
      }
      get pattern(): string {
        return this.get_('pattern');
      }
      clear(): void {
        set('RangeFill.clear', null, (cell) => {
          cell.fill = undefined;
        });
      }
    })(ctx, 'RangeFill');
    this.fill = fillProxy;
    const fontSetter = (key: 'bold' | 'italic' | 'color' | 'size' | 'name' | 'underline') => (v: unknown) =>
      set(`RangeFont.${key}`, v, (cell) => {
        cell.font = { ...cell.font, [key]: key === 'color' ? normColor(v) : v };
      });
    this.font = {
      set bold(v: boolean) {
        fontSetter('bold')(v);
      },
      set italic(v: boolean) {
        fontSetter('italic')(v);
      },
      set color(v: string) {
        fontSetter('color')(v);
      },
      set size(v: number) {
        fontSetter('size')(v);
      },
      set name(v: string) {
        fontSetter('name')(v);
      },
      set underline(v: string) {
        fontSetter('underline')(v);
      },
    };
    this.borders = {
      getItem(edge: string) {
        return {
          set style(v: string) {
            set(
              'RangeBorder.style',
              [edge, v],
              (cell, r, c, t) => {
                // Edge borders land on the outer cells only; inside borders on the rest.
                const a = t.area;
                const on =
                  (edge === 'EdgeTop' && r === a.r0) ||
                  (edge === 'EdgeBottom' && r === a.r0 + a.rows - 1) ||
                  (edge === 'EdgeLeft' && c === a.c0) ||
                  (edge === 'EdgeRight' && c === a.c0 + a.cols - 1) ||
                  edge === 'InsideHorizontal' ||
                  edge === 'InsideVertical';
                if (on && v !== 'None') cell.borders = [...new Set([...(cell.borders ?? []), edge])];
              },
              false,
            );
          },
          set color(v: string) {
            ctx.queue('RangeBorder.color', [edge, v], () => undefined);
          },
          set weight(v: string) {
            ctx.queue('RangeBorder.weight', [edge, v], () => undefined);
          },
        };
      },
    };
  }
  protected override childFor(name: string): ProxyBase | undefined {
    return name === 'fill' ? (this.fill as ProxyBase) : undefined;
  }
  set horizontalAlignment(v: string) {
    this.setAll('RangeFormat.horizontalAlignment', v, (cell) => {
      cell.horizontalAlignment = v;
    });
  }
  set verticalAlignment(v: string) {
    this.setAll('RangeFormat.verticalAlignment', v, (cell) => {
      cell.verticalAlignment = v;
    });
  }
  set wrapText(v: boolean) {
    this.setAll('RangeFormat.wrapText', v, (cell) => {
      cell.wrapText = v;
    });
  }
  set columnWidth(v: number) {
    this.context.queue('RangeFormat.columnWidth', [v], () => {
      for (const t of this.targets()) {
        this.context.guard(t.sheet);
        for (let c = t.area.c0; c < t.area.c0 + t.area.cols; c++) t.sheet.columnWidths.set(c, v);
      }
    });
  }
  set rowHeight(v: number) {
    this.context.queue('RangeFormat.rowHeight', [v], () => {
      for (const t of this.targets()) {
        this.context.guard(t.sheet);
        for (let r = t.area.r0; r < t.area.r0 + Math.min(t.area.rows, 100_000); r++) t.sheet.rowHeights.set(r, v);
      }
    });
  }
  private setAll(api: string, value: unknown, apply: (cell: MemCell) => void): void {
    this.context.queue(api, [value], () => {
      for (const t of this.targets()) {
        this.context.guard(t.sheet);
        forEachCell(clip(t.area), (r, c) => apply(cellOf(t.sheet, r, c, true)));
        this.context.logWrite(t.sheet, 'format', areaAddress(t.area));
      }
    });
  }
}

/** Whole columns or rows are stored only where cells exist, so formats over them stay small. */
function clip(area: Area): Area {
  const rows = Math.min(area.rows, 200_000);
  const cols = Math.min(area.cols, 200);
  return { ...area, rows, cols };
}

function uniform(targets: Target[], pick: (cell: MemCell | undefined) => unknown): unknown {
  let first: unknown;
  let seen = false;
  for (const t of targets) {
    let same = true;
    forEachCell(clip(t.area), (r, c) => {
      const v = pick(cellOf(t.sheet, r, c));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) same = false;
    });
    if (!same) return null;
  }
  return first;
}

function newRangeFormat(): MemConditionalRangeFormat {
  return { fill: {}, font: {} };
}

/** A conditional format (ExcelApi 1.6): `id`, `type`, its rule and format by type, `getRange()`, `delete()`. */
class ConditionalFormatProxy extends ProxyBase {
  record: MemConditionalFormat | null = null;
  sheet: MemSheet | null = null;
  readonly dataBar: any;
  readonly cellValue: any;
  readonly custom: any;
  constructor(ctx: Ctx) {
    super(ctx, 'ConditionalFormat');
    const self = this;
    /** Queue a change to this format's record, of the given type. */
    const change = (member: string, value: unknown, type: string, apply: (r: MemConditionalFormat) => void) =>
      ctx.queue(`ConditionalFormat.${member}`, [value], () => {
        const r = self.must();
        ctx.guard(self.sheet as MemSheet);
        if (r.type !== type) throw new FakeOfficeError('InvalidArgument', `The conditional format is ${r.type}, not ${type}.`);
        apply(r);
      });
    const formatSetters = (type: string, of: (r: MemConditionalFormat) => MemConditionalRangeFormat) => ({
      fill: {
        set color(v: string) {
          change('format', v, type, (r) => {
            of(r).fill.color = normColor(v);
          });
        },
      },
      font: {
        set color(v: string) {
          change('format', v, type, (r) => {
            of(r).font.color = normColor(v);
          });
        },
        set bold(v: boolean) {
          change('format', v, type, (r) => {
            of(r).font.bold = v;
          });
        },
      },
    });
    this.dataBar = {
      positiveFormat: {
        set fillColor(v: string) {
          change('dataBar', v, 'DataBar', (r) => {
            (r.dataBar as NonNullable<MemConditionalFormat['dataBar']>).positiveFormat.fillColor = normColor(v);
          });
        },
      },
      set lowerBoundRule(v: unknown) {
        change('dataBar', v, 'DataBar', (r) => {
          (r.dataBar as NonNullable<MemConditionalFormat['dataBar']>).lowerBoundRule = v;
        });
      },
      set upperBoundRule(v: unknown) {
        change('dataBar', v, 'DataBar', (r) => {
          (r.dataBar as NonNullable<MemConditionalFormat['dataBar']>).upperBoundRule = v;
        });
      },
    };
    this.cellValue = {
      set rule(v: { formula1?: string; operator?: string }) {
        change('cellValue', v, 'CellValue', (r) => {
          (r.cellValue as NonNullable<MemConditionalFormat['cellValue']>).rule = { ...v };
        });
      },
      format: formatSetters('CellValue', (r) => (r.cellValue as NonNullable<MemConditionalFormat['cellValue']>).format),
    };
    this.custom = {
      rule: {
        set formula(v: string) {
          change('custom', v, 'Custom', (r) => {
            (r.custom as NonNullable<MemConditionalFormat['custom']>).rule.formula = v;
          });
        },
      },
      format: formatSetters('Custom', (r) => (r.custom as NonNullable<MemConditionalFormat['custom']>).format),
    };
  }
  must(): MemConditionalFormat {
    if (!this.record || !this.sheet) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist. (conditional format)");
    this.context.touch(this.sheet);
    return this.record;
  }
  /** Resolve to a record (by the add or getItem command that made this proxy). */
  attach(sheet: MemSheet, record: MemConditionalFormat | null): void {
    this.sheet = sheet;
    this.record = record;
    this.resolve(record === null);
  }
  override label(): string {
    return `conditionalFormat:${this.record?.id ?? '?'}`;
  }
  protected override read(name: string): unknown {
    const r = this.must();
    switch (name) {
      case 'id':
        return r.id;
      case 'type':
        return r.type;
      case 'priority':
        return (this.sheet as MemSheet).conditionalFormats.indexOf(r);
      case 'stopIfTrue':
        return false;
      default:
        throw new FakeOfficeError('InvalidArgument', `ConditionalFormat has no property ${name}`);
    }
  }
  get id(): string {
    return this.get_('id');
  }
  get type(): string {
    return this.get_('type');
  }
  get priority(): number {
    return this.get_('priority');
  }
  getRange(): RangeProxy {
    return RangeProxy.lookup(this.context, 'ConditionalFormat.getRange', [], () => ({ sheet: this.sheet as MemSheet, area: parseArea(this.must().address).area }));
  }
  delete(): void {
    this.context.queue('ConditionalFormat.delete', [], () => {
      const r = this.must();
      const sheet = this.sheet as MemSheet;
      this.context.guard(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== r);
    });
  }
}

/** `range.conditionalFormats` (ExcelApi 1.6): the formats intersecting the range. */
class ConditionalFormatCollectionProxy extends ProxyBase {
  constructor(
    ctx: Ctx,
    private readonly range: RangeProxy,
  ) {
    super(ctx, 'ConditionalFormatCollection');
  }
  override label(): string {
    return `conditionalFormats:${this.range.label().replace(/^[a-zA-Z]+:/, '')}`;
  }
  private intersecting(): { sheet: MemSheet; list: MemConditionalFormat[] } {
    const { sheet, area } = this.range.target();
    return { sheet, list: sheet.conditionalFormats.filter((f) => intersects(parseArea(f.address).area, area)) };
  }
  get items(): ConditionalFormatProxy[] {
    return this.get_('items');
  }
  override apiOf(path: string): string {
    return path === 'items' || path.startsWith('items/') ? 'ConditionalFormat.load' : super.apiOf(path);
  }
  override loadNow(names: string[]): void {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    if (names.some((n) => n === 'items' || n.startsWith('items/'))) {
      const { sheet, list } = this.intersecting();
      const proxies = list.map((record) => {
        const p = new ConditionalFormatProxy(this.context);
        p.attach(sheet, record);
        p.loadNow(itemProps.length ? itemProps : ['id', 'type', 'priority']);
        return p;
      });
      this.context.deliver(2, () => this.loaded.set('items', proxies));
    }
    super.loadNow(names.filter((n) => n !== 'items' && !n.startsWith('items/')));
  }
  add(type: string): ConditionalFormatProxy {
    const ctx = this.context;
    const p = new ConditionalFormatProxy(ctx);
    ctx.queue('ConditionalFormatCollection.add', [type], () => {
      const { sheet, area } = this.range.target();
      ctx.guard(sheet);
      const record: MemConditionalFormat = { id: `{CF-${String(ctx.book.nextCfId++).padStart(6, '0')}}`, address: areaAddress(area), type };
      if (type === 'DataBar') record.dataBar = { positiveFormat: {} };
      else if (type === 'CellValue') record.cellValue = { format: newRangeFormat() };
      else if (type === 'Custom') record.custom = { rule: {}, format: newRangeFormat() };
      else throw new FakeOfficeError('InvalidArgument', `Unsupported conditional format ${type}`);
      sheet.conditionalFormats.push(record);
      p.attach(sheet, record);
    });
    return p;
  }
  getItem(id: string): ConditionalFormatProxy {
    const p = new ConditionalFormatProxy(this.context);
    this.context.queue(
      'ConditionalFormatCollection.getItem',
      [id],
      () => {
        const { sheet } = this.range.target();
        const record = sheet.conditionalFormats.find((f) => f.id === id);
        if (!record) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (conditional format ${id})`);
        p.attach(sheet, record);
      },
      LOOKUP,
    );
    return p;
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.queue('ConditionalFormatCollection.getCount', [], () => result.put(this.context, this.intersecting().list.length), READ);
    return result;
  }
  clearAll(): void {
    this.context.queue('ConditionalFormatCollection.clearAll', [], () => {
      const { sheet, area } = this.range.target();
      this.context.guard(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(parseArea(f.address).area, area));
    });
  }
}

/** Move an address's rows at and below `at` down by `count` (growing areas that straddle it), within columns [c0, c0 + cols). */
function shiftedArea(area: Area, at: number, count: number, c0: number, cols: number): Area | 'straddles' | null {
  const last = area.r0 + area.rows - 1;
  if (last < at) return null;
  const inside = area.c0 >= c0 && area.c0 + area.cols <= c0 + cols;
  if (!inside) return area.c0 < c0 + cols && c0 < area.c0 + area.cols ? 'straddles' : null;
  if (area.r0 >= at) return { ...area, r0: area.r0 + count };
  return { ...area, rows: area.rows + count };
}

/** Insert `count` rows of cells at row `at` across columns [c0, c0 + cols), shifting what is below down. */
function insertRows(sheet: MemSheet, at: number, count: number, c0: number, cols: number): void {
  const whole = c0 === 0 && cols >= MAX_COLS;
  for (let r = MAX_ROWS - count; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (row && row.some((cell, c) => c >= c0 && c < c0 + cols && !isBlank(cell))) {
      throw new FakeOfficeError('NonBlankCellOffSheet', "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.");
    }
  }
  const shiftAddress = (address: string, what: string): string => {
    const moved = shiftedArea(parseArea(address).area, at, count, c0, cols);
    if (moved === 'straddles') {
      if (what === 'merge') throw new FakeOfficeError('InvalidOperation', `Cannot shift cells of part of the merged cells ${address}.`);
      return address;
    }
    return moved ? areaAddress(moved) : address;
  };
  sheet.merges = sheet.merges.map((m) => shiftAddress(m, 'merge'));
  for (const f of sheet.conditionalFormats) f.address = shiftAddress(f.address, 'conditional format');
  for (const v of sheet.validations) v.address = shiftAddress(v.address, 'validation');
  if (sheet.autoFilter) sheet.autoFilter = shiftAddress(sheet.autoFilter, 'filter');
  if (sheet.rows.length > at) {
    if (whole) {
      sheet.rows.splice(at, 0, ...new Array<MemCell[] | undefined>(count).fill(undefined) as MemCell[][]);
    } else {
      for (let r = sheet.rows.length - 1; r >= at; r--) {
        const from = sheet.rows[r];
        if (!from) continue;
        for (let c = c0; c < Math.min(c0 + cols, from.length); c++) {
          if (!from[c]) continue;
          (sheet.rows[r + count] ??= [])[c] = from[c];
          from[c] = undefined;
        }
      }
    }
  }
  if (whole) {
    const heights = [...sheet.rowHeights].map(([r, h]) => [r >= at ? r + count : r, h] as [number, number]);
    sheet.rowHeights = new Map(heights);
  }
}

class RangeProxy extends ProxyBase {
  private t: Target | null = null;
  /** The sheet a lookup ran on, for the load log (a null object has no target). */
  private home: MemSheet | null = null;
  private cfs: ConditionalFormatCollectionProxy | null = null;
  readonly format: FormatProxy;
  readonly dataValidation: any;

  static lookup(ctx: Ctx, api: string, args: unknown[], find: () => Target | null, origin: 'range' | 'usedRange' = 'range', home?: () => MemSheet | null): RangeProxy {
    const p = new RangeProxy(ctx, origin);
    ctx.queue(
      api,
      args,
      () => {
        p.t = find();
        p.home = p.t?.sheet ?? home?.() ?? null;
        if (p.t) ctx.touch(p.t.sheet);
        p.resolve(p.t === null);
      },
      LOOKUP,
    );
    return p;
  }

  constructor(
    ctx: Ctx,
    private readonly origin: 'range' | 'usedRange' = 'range',
  ) {
    super(ctx, 'Range');
    this.format = new FormatProxy(ctx, () => [this.target()]);
    const self = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        ctx.queue('Range.dataValidation', [rule], () => {
          const t = self.target();
          ctx.guard(t.sheet);
          t.sheet.validations = t.sheet.validations.filter((v) => v.address !== areaAddress(t.area));
          t.sheet.validations.push({ address: areaAddress(t.area), rule });
        });
      },
      set prompt(prompt: unknown) {
        ctx.queue('Range.dataValidation', [prompt], () => {
          const t = self.target();
          ctx.guard(t.sheet);
          const v = t.sheet.validations.find((x) => x.address === areaAddress(t.area));
          if (v) v.prompt = prompt;
          else t.sheet.validations.push({ address: areaAddress(t.area), rule: null, prompt });
        });
      },
      clear() {
        ctx.queue('Range.dataValidation', [], () => {
          const t = self.target();
          ctx.guard(t.sheet);
          t.sheet.validations = t.sheet.validations.filter((v) => v.address !== areaAddress(t.area));
        });
      },
    };
  }

  /** `range.conditionalFormats` (ExcelApi 1.6). */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    if (!this.cfs) this.cfs = new ConditionalFormatCollectionProxy(this.context, this);
    return this.cfs;
  }

  target(): Target {
    if (!this.t) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist. (range is a null object)");
    this.context.touch(this.t.sheet);
    return this.t;
  }

  override label(): string {
    if (this.origin === 'usedRange') return `usedRange:${this.t?.sheet.name ?? this.home?.name ?? '?'}`;
    if (!this.t) return 'range:?';
    return `range:${quoteName(this.t.sheet.name)}!${areaAddress(this.t.area)}`;
  }

  protected override childFor(name: string): ProxyBase | undefined {
    return name === 'format' ? this.format : undefined;
  }

  /** A grid property as loaded: the read limit, the older cell budget, and optional truncation. */
  private grid(pick: (cell: MemCell | undefined) => unknown): unknown[][] | null {
    const { sheet, area } = this.target();
    this.context.checkRead(area);
    this.context.charge(area.rows * area.cols);
    const truncate = this.context.book.options.truncatedReads;
    const cells = area.rows * area.cols;
    if (truncate && cells > truncate.after && truncate.whole) return null;
    const keep = truncate && cells > truncate.after ? truncate.after : Infinity;
    const out: unknown[][] = new Array(area.rows);
    for (let r = 0; r < area.rows; r++) {
      if (r * area.cols >= keep) {
        out[r] = null as unknown as unknown[];
        continue;
      }
      const row = new Array(area.cols);
      const src = sheet.rows[area.r0 + r];
      for (let c = 0; c < area.cols; c++) row[c] = r * area.cols + c >= keep ? null : pick(src?.[area.c0 + c]);
      out[r] = row;
    }
    return out;
  }

  protected override read(name: string): unknown {
    const { sheet, area } = this.target();
    switch (name) {
      case 'address':
        return `${quoteName(sheet.name)}!${areaAddress(area)}`;
      case 'rowIndex':
        return area.r0;
      case 'columnIndex':
        return area.c0;
      case 'rowCount':
        return area.rows;
      case 'columnCount':
        return area.cols;
      case 'values':
        return this.grid((c) => (c ? c.value : ''));
      case 'formulas':
        return this.grid((c) => (c ? (c.formula ?? c.value) : ''));
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'text':
        return this.grid((c) => (c ? String(c.value) : ''));
      default:
        throw new FakeOfficeError('InvalidArgument', `Range has no property ${name}`);
    }
  }
  get address(): string {
    return this.get_('address');
  }
  get rowIndex(): number {
    return this.get_('rowIndex');
  }
  get columnIndex(): number {
    return this.get_('columnIndex');
  }
  get rowCount(): number {
    return this.get_('rowCount');
  }
  get columnCount(): number {
    return this.get_('columnCount');
  }
  get values(): unknown[][] {
    return this.get_('values');
  }
  set values(v: unknown[][]) {
    this.write('values', v);
  }
  get formulas(): unknown[][] {
    return this.get_('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.get_('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write('numberFormat', v);
  }
  get text(): unknown[][] {
    return this.get_('text');
  }
  set hyperlink(link: { address?: string; documentReference?: string; textToDisplay?: string }) {
    this.context.queue('Range.hyperlink', [link], () => {
      const { sheet, area } = this.target();
      this.context.guard(sheet);
      forEachCell(area, (r, c) => {
        const cell = cellOf(sheet, r, c, true);
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) {
          cell.value = link.textToDisplay;
          cell.formula = undefined;
        }
      });
      this.context.logWrite(sheet, 'hyperlink', areaAddress(area));
    });
  }
  set columnHidden(v: boolean) {
    this.context.queue('Range.columnHidden', [v], () => {
      const { sheet, area } = this.target();
      this.context.guard(sheet);
      for (let c = area.c0; c < area.c0 + area.cols; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  private write(kind: 'values' | 'formulas' | 'numberFormat', data: unknown[][]): void {
    this.context.queue(`Range.${kind}`, [data], () => {
      const { sheet, area } = this.target();
      this.context.guard(sheet);
      const scalar = !Array.isArray(data);
      if (!scalar && (data.length !== area.rows || data.some((row) => !Array.isArray(row) || row.length !== area.cols))) {
        throw new FakeOfficeError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${kind} ${areaAddress(area)}).`,
        );
      }
      this.context.charge(area.rows * area.cols);
      for (let r = 0; r < area.rows; r++) {
        for (let c = 0; c < area.cols; c++) {
          const input = scalar ? data : data[r][c];
          if (input === null || input === undefined) continue;
          const cell = cellOf(sheet, area.r0 + r, area.c0 + c, true);
          if (kind === 'numberFormat') cell.numberFormat = input === 'General' ? undefined : String(input);
          else if (input === '') {
            cell.value = '';
            cell.formula = undefined;
          } else enter(cell, input);
        }
      }
      this.context.logWrite(sheet, kind, areaAddress(area));
    });
  }

  merge(across?: boolean): void {
    this.context.queue('Range.merge', across === undefined ? [] : [across], () => {
      const { sheet, area } = this.target();
      this.context.guard(sheet);
      sheet.merges.push(areaAddress(area));
      this.context.logWrite(sheet, 'merge', areaAddress(area));
    });
  }
  unmerge(): void {
    this.context.queue('Range.unmerge', [], () => {
      const { sheet, area } = this.target();
      this.context.guard(sheet);
      sheet.merges = sheet.merges.filter((m) => m !== areaAddress(area));
    });
  }
  select(): void {
    this.context.queue('Range.select', [], () => {
      const { sheet, area } = this.target();
      if (this.context.book.active !== sheet.name) {
        throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation (activate the sheet first).');
      }
      this.context.book.selection = { sheet: sheet.name, address: areaAddress(area) };
      this.context.logWrite(sheet, 'select', areaAddress(area));
    });
  }
  clear(applyTo?: string): void {
    this.context.queue('Range.clear', applyTo === undefined ? [] : [applyTo], () => {
      const { sheet, area } = this.target();
      this.context.guard(sheet);
      forEachCell(clip(area), (r, c) => {
        if (sheet.rows[r]) sheet.rows[r][c] = undefined;
      });
    });
  }
  /**
   * Insert cells the size of this range, shifting the others down (`Down`; `Right` is not
   * modelled): cells, row heights, merges, conditional formats, validations and the filter move
   * with them; areas that straddle the insertion grow. Returns the inserted range.
   */
  insert(shift: string): RangeProxy {
    const p = new RangeProxy(this.context);
    this.context.queue('Range.insert', [shift], () => {
      const { sheet, area } = this.target();
      if (shift !== 'Down') throw new FakeOfficeError('InvalidArgument', `Range.insert('${shift}') is not modelled by the fake (only 'Down').`);
      this.context.guard(sheet);
      insertRows(sheet, area.r0, area.rows, area.c0, area.cols);
      this.context.logWrite(sheet, 'insert', areaAddress(area));
      (p as RangeProxy).t = { sheet, area: { ...area } };
      p.resolve(false);
    });
    return p;
  }
  getCellProperties(props: unknown): ClientResult<{ format: { fill: { color: string; pattern: string } } }[][]> {
    const result = new ClientResult<{ format: { fill: { color: string; pattern: string } } }[][]>();
    this.context.queue(
      'Range.getCellProperties',
      [props],
      () => {
        const { sheet, area } = this.target();
        this.context.checkRead(area);
        this.context.charge(area.rows * area.cols);
        const out = [];
        for (let r = 0; r < area.rows; r++) {
          const row = [];
          for (let c = 0; c < area.cols; c++) {
            const fill = cellOf(sheet, area.r0 + r, area.c0 + c)?.fill;
            row.push({ format: { fill: { color: fill ?? '#FFFFFF', pattern: fill ? 'Solid' : 'None' } } });
          }
          out.push(row);
        }
        result.put(this.context, out);
      },
      READ,
    );
    return result;
  }
  getEntireColumn(): RangeProxy {
    return RangeProxy.lookup(this.context, 'Range.getEntireColumn', [], () => {
      const { sheet, area } = this.target();
      return { sheet, area: { r0: 0, rows: MAX_ROWS, c0: area.c0, cols: area.cols } };
    });
  }
  getEntireRow(): RangeProxy {
    return RangeProxy.lookup(this.context, 'Range.getEntireRow', [], () => {
      const { sheet, area } = this.target();
      return { sheet, area: { r0: area.r0, rows: area.rows, c0: 0, cols: MAX_COLS } };
    });
  }
}

class RangeAreasProxy extends ProxyBase {
  private ts: Target[] | null = null;
  readonly format: FormatProxy;
  constructor(ctx: Ctx, sheet: WorksheetProxy, address: string) {
    super(ctx, 'RangeAreas');
    this.format = new FormatProxy(ctx, () => {
      if (!this.ts) throw new FakeOfficeError('ItemNotFound', 'RangeAreas not resolved');
      return this.ts;
    });
    ctx.queue(
      'Worksheet.getRanges',
      [address],
      () => {
        const s = sheet.must();
        const parts = address.split(',').map((p) => p.trim()).filter(Boolean);
        if (parts.length === 0) throw new FakeOfficeError('InvalidArgument', 'Empty RangeAreas address');
        this.ts = parts.map((p) => ({ sheet: s, area: parseArea(p).area }));
        this.resolve(false);
      },
      LOOKUP,
    );
  }
  protected override childFor(name: string): ProxyBase | undefined {
    return name === 'format' ? this.format : undefined;
  }
  protected override read(name: string): unknown {
    if (name === 'address') return (this.ts ?? []).map((t) => `${quoteName(t.sheet.name)}!${areaAddress(t.area)}`).join(',');
    if (name === 'areaCount') return this.ts?.length ?? 0;
    throw new FakeOfficeError('InvalidArgument', `RangeAreas has no property ${name}`);
  }
  get address(): string {
    return this.get_('address');
  }
  get areaCount(): number {
    return this.get_('areaCount');
  }
}

/**
 * Build an in-memory workbook.
 *
 * @example
 * const excel = createMemoryExcel([{ name: '名单', values: [['企业名称'], ['甲公司']] }], { api: '1.9' });
 * await excel.run(async (context) => { context.workbook.worksheets.add('评分表'); await context.sync(); });
 */
export function createMemoryExcel(sheets: MemSheetSpec[] = [{ name: 'Sheet1', values: [] }], options: MemoryExcelOptions = {}): MemoryExcel {
  const book: Book = {
    sheets: [],
    customProperties: new Map(),
    nextId: 1,
    nextCfId: 1,
    syncs: 0,
    log: [],
    commands: [],
    loads: [],
    runOptions: [],
    calculations: [],
    calculationMode: options.calculationMode ?? 'Automatic',
    active: null,
    selection: null,
    stats: { syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0, perSync: [] },
    api: options.api ?? '1.13',
    options,
  };
  for (const spec of sheets) book.sheets.push(makeSheet(book, spec));
  book.active = book.sheets.find((s) => s.visibility === 'Visible')?.name ?? null;
  const run = async <T>(a: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>), b?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const batch = typeof a === 'function' ? a : b;
    if (typeof batch !== 'function') throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
    // RunOptions: recorded; a host without them (before ExcelApi 1.11 for delayForCellEdit) runs the batch at once.
    book.runOptions.push(typeof a === 'function' ? {} : { ...a });
    const ctx = new Ctx(book);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    // Excel.run syncs what the batch left queued.
    if (ctx.hasQueued) await ctx.sync();
    return result;
  };
  const excel: MemoryExcel = {
    run: run as MemoryRun,
    get syncs() {
      return book.syncs;
    },
    get sheets() {
      return book.sheets;
    },
    get customProperties() {
      return book.customProperties;
    },
    log: book.log,
    get commands() {
      return book.commands;
    },
    get loads() {
      return book.loads;
    },
    get runOptions() {
      return book.runOptions;
    },
    get calculations() {
      return book.calculations;
    },
    get calculationMode() {
      return book.calculationMode;
    },
    get stats() {
      return book.stats;
    },
    get api() {
      return book.api;
    },
    isSetSupported: (name, version) => setSupported(book.api, name, version),
    get active() {
      return book.active;
    },
    get selection() {
      return book.selection;
    },
    sheet: (name) => book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()),
    cell(sheetName, address) {
      const s = excel.sheet(sheetName);
      if (!s) return undefined;
      const { area } = parseArea(address);
      return cellOf(s, area.r0, area.c0);
    },
    grid(sheetName) {
      const s = excel.sheet(sheetName);
      if (!s) return [];
      const used = usedArea(s, true);
      if (!used) return [];
      const out: Scalar[][] = [];
      for (let r = 0; r < used.r0 + used.rows; r++) {
        const row: Scalar[] = [];
        for (let c = 0; c < used.c0 + used.cols; c++) {
          const cell = cellOf(s, r, c);
          row.push(cell ? (cell.formula ?? cell.value) : '');
        }
        out.push(row);
      }
      return out;
    },
  };
  Object.defineProperty(excel, 'log', { get: () => book.log });
  return excel;
}
