/**
 * An in-memory Excel object model with Office.js's proxy rules, for testing the Office adapter's
 * writer, highlighter and importer (and, bundled for the browser, for the end-to-end run of the
 * task pane page). Self-contained: no imports, so it runs in Jest and in a page alike.
 *
 * The rules it enforces, as Office.js does:
 * - Every method call and property write is a queued command, run in order at `context.sync()`;
 *   a command that fails rejects the sync with an error carrying Office's `code`
 *   (`ItemNotFound`, `ItemAlreadyExists`, `InvalidArgument`…) and drops the rest of the queue.
 * - A property is readable only after `load` and a `sync` (else it throws `PropertyNotLoaded`);
 *   `isNullObject` only after a sync.
 * - `Excel.run` syncs whatever is still queued when the batch returns (and that sync is counted).
 * - A string written to a cell becomes a formula when it starts with `=`, `+`, `-` or `@` (or a
 *   number when it reads as one) unless the cell's number format is text (`@`) or the string starts
 *   with an apostrophe — Excel's own behaviour and the reason for the adapter's text guard.
 * - Loads and writes of cell data count towards a per-sync cell budget (Excel refuses oversized
 *   requests); exceeding it rejects the sync with `RequestPayloadSizeLimitExceeded`.
 *
 * The model keeps what the adapter writes (values, formulas, number formats, fills, fonts,
 * alignment, borders, merges, frozen panes, filters, validations, conditional formats, page set-up,
 * hyperlinks, column widths, row heights) so that tests can look at the result.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias -- dynamic proxies stand in for Office.js classes; setter objects reach their proxy through `self` */

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

export interface MemConditionalFormat {
  address: string;
  type: string;
  dataBar?: { positiveFormat: { fillColor?: string }; lowerBoundRule?: unknown; upperBoundRule?: unknown };
  cellValue?: { rule?: { formula1?: string; operator?: string }; format: { fill: { color?: string }; font: { color?: string; bold?: boolean } } };
}

export interface MemSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
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
  firstRow?: number;
  firstColumn?: number;
  values: unknown[][];
  numberFormat?: (string | null)[][];
  /** Fills by A1 address (single cells), e.g. { B3: '#FFFF00' }. */
  fills?: Record<string, string>;
}

export interface MemoryExcelOptions {
  /** Most cells (values, formulas or number formats, loaded or written) in one sync. Default 1,000,000. */
  maxCellsPerSync?: number;
  /** Reject the `at`-th sync (1-based, counted over all runs). */
  failOnSync?: { at: number; error: unknown };
  /** Turns an .xlsx (base64) into sheets, for `insertWorksheetsFromBase64`; absent = not supported. */
  parseWorkbook?: (base64: string) => Promise<MemSheetSpec[]> | MemSheetSpec[];
}

/** One data or format command, for tests of command order. */
export interface WriteLog {
  sync: number;
  sheet: string;
  kind: 'values' | 'formulas' | 'numberFormat' | 'format' | 'merge' | 'hyperlink' | 'select' | 'structure';
  address: string;
}

export interface MemoryExcel {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly syncs: number;
  sheets: MemSheet[];
  log: WriteLog[];
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

// ── The request context and proxies ──────────────────────────────────────────────────────────

type Op = () => void | Promise<void>;

interface Book {
  sheets: MemSheet[];
  /** Workbook.properties.custom (ExcelApi 1.7): key → value. */
  customProperties: Map<string, unknown>;
  nextId: number;
  syncs: number;
  log: WriteLog[];
  active: string | null;
  selection: { sheet: string; address: string } | null;
  options: MemoryExcelOptions;
}

class Ctx {
  ops: Op[] = [];
  cells = 0;
  readonly workbook: WorkbookProxy;
  constructor(readonly book: Book) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(op: Op): void {
    this.ops.push(op);
  }
  /** Counts cells of data moved in the current sync against the budget. */
  charge(cells: number): void {
    this.cells += cells;
    const max = this.book.options.maxCellsPerSync ?? 1_000_000;
    if (this.cells > max) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${this.cells} cells > ${max}).`);
    }
  }
  logWrite(sheet: MemSheet, kind: WriteLog['kind'], address: string): void {
    this.book.log.push({ sync: this.book.syncs, sheet: sheet.name, kind, address });
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const ops = this.ops;
    this.ops = [];
    this.cells = 0;
    const fail = this.book.options.failOnSync;
    if (fail && fail.at === this.book.syncs) throw fail.error;
    for (const op of ops) await op();
  }
  sheetByName(name: string): MemSheet | undefined {
    const key = name.toLowerCase();
    return this.book.sheets.find((s) => s.name.toLowerCase() === key || s.id === name);
  }
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
  protected nullKnown = false;
  protected isNull = false;
  constructor(readonly context: Ctx) {}
  protected get_(name: string): any {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name);
  }
  get isNullObject(): boolean {
    if (!this.nullKnown) throw notLoaded('isNullObject');
    return this.isNull;
  }
  /** Read a property's current value from the model (at sync time). */
  protected read(_name: string): unknown {
    return undefined;
  }
  /** Child proxy for a nested load path (`format/fill/color`). */
  protected childFor(_name: string): ProxyBase | undefined {
    return undefined;
  }
  load(props?: unknown): this {
    const names = propertyList(props);
    this.context.enqueue(() => this.loadNow(names));
    return this;
  }
  loadNow(names: string[]): void {
    // A null object loads nothing; its properties stay unreadable, as in Office.js.
    if (this.nullKnown && this.isNull) return;
    for (const name of names) {
      const slash = name.indexOf('/');
      if (slash >= 0) {
        const child = this.childFor(name.slice(0, slash));
        if (!child) throw new FakeOfficeError('InvalidArgument', `Cannot load ${name}`);
        child.loadNow([name.slice(slash + 1)]);
      } else {
        this.loaded.set(name, this.read(name));
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
  put(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    if (!this.set) throw notLoaded('value');
    return this.v as T;
  }
}

class WorkbookProxy extends ProxyBase {
  readonly worksheets: WorksheetCollectionProxy;
  readonly properties: { custom: { add(key: string, value: unknown): void } };
  constructor(context: Ctx) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
    // CustomPropertyCollection.add replaces a property of the same key, as Excel does.
    this.properties = {
      custom: {
        add: (key: string, value: unknown) =>
          context.enqueue(() => {
            if (key.length > 255) throw new FakeOfficeError('InvalidArgument', 'The custom property key is too long.');
            context.book.customProperties.set(key, value);
          }),
      },
    };
  }
  insertWorksheetsFromBase64(base64: string, options: { positionType?: string; relativeTo?: string; sheetNamesToInsert?: string[] } = {}): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    const ctx = this.context;
    const parse = ctx.book.options.parseWorkbook;
    if (!parse) throw new FakeOfficeError('ApiNotFound', 'insertWorksheetsFromBase64 is not supported by this fake (no parseWorkbook).');
    ctx.enqueue(async () => {
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
        const sheet = makeSheet(ctx.book, { ...spec, name });
        ctx.book.sheets.push(sheet);
        ctx.logWrite(sheet, 'structure', 'insert');
        ids.push(sheet.id);
      }
      result.put(ids);
    });
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
  private itemProxies: WorksheetProxy[] = [];
  get items(): WorksheetProxy[] {
    return this.get_('items');
  }
  override loadNow(names: string[]): void {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    if (names.some((n) => n === 'items' || n.startsWith('items/'))) {
      this.itemProxies = this.context.book.sheets.map((s) => WorksheetProxy.resolved(this.context, s));
      for (const p of this.itemProxies) p.loadNow(itemProps.length ? itemProps : ['name', 'id', 'visibility', 'position']);
      this.loaded.set('items', this.itemProxies);
    }
    const rest = names.filter((n) => n !== 'items' && !n.startsWith('items/'));
    super.loadNow(rest);
  }
  getItem(key: string): WorksheetProxy {
    return WorksheetProxy.lookup(this.context, () => {
      const s = this.context.sheetByName(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (worksheet ${key})`);
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return WorksheetProxy.lookup(this.context, () => this.context.sheetByName(key) ?? null);
  }
  getActiveWorksheet(): WorksheetProxy {
    return WorksheetProxy.lookup(this.context, () => {
      const book = this.context.book;
      return (book.active && this.context.sheetByName(book.active)) || book.sheets.find((s) => s.visibility === 'Visible') || null;
    });
  }
  add(name?: string): WorksheetProxy {
    const ctx = this.context;
    return WorksheetProxy.lookup(ctx, () => {
      let n = name;
      if (n === undefined) for (let i = 1; !n || ctx.sheetByName(n); i++) n = `Sheet${i}`;
      validateName(n);
      if (ctx.sheetByName(n)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (${n})`);
      const sheet = makeSheet(ctx.book, { name: n, values: [] });
      ctx.book.sheets.push(sheet);
      ctx.logWrite(sheet, 'structure', 'add');
      return sheet;
    });
  }
}

class WorksheetProxy extends ProxyBase {
  sheet: MemSheet | null = null;
  readonly freezePanes: any;
  readonly autoFilter: any;
  readonly pageLayout: any;
  readonly horizontalPageBreaks: any;

  static resolved(ctx: Ctx, sheet: MemSheet): WorksheetProxy {
    const p = new WorksheetProxy(ctx);
    p.sheet = sheet;
    p.nullKnown = true;
    return p;
  }

  /** A proxy resolved by a queued command (so it sees the workbook as it is at that point). */
  static lookup(ctx: Ctx, find: () => MemSheet | null): WorksheetProxy {
    const p = new WorksheetProxy(ctx);
    ctx.enqueue(() => {
      p.sheet = find();
      p.isNull = p.sheet === null;
      p.nullKnown = true;
    });
    return p;
  }

  constructor(ctx: Ctx) {
    super(ctx);
    const self = this;
    this.freezePanes = {
      freezeRows(n: number) {
        ctx.enqueue(() => {
          self.must().freeze = { rows: n, columns: 0 };
        });
      },
      freezeColumns(n: number) {
        ctx.enqueue(() => {
          self.must().freeze = { rows: 0, columns: n };
        });
      },
      freezeAt(range: RangeProxy | string) {
        ctx.enqueue(() => {
          const area = typeof range === 'string' ? parseArea(range).area : range.target().area;
          self.must().freeze = { rows: area.r0 + area.rows, columns: area.c0 + area.cols };
        });
      },
      unfreeze() {
        ctx.enqueue(() => {
          self.must().freeze = null;
        });
      },
    };
    this.autoFilter = {
      apply(range: RangeProxy | string) {
        ctx.enqueue(() => {
          const area = typeof range === 'string' ? parseArea(range).area : range.target().area;
          self.must().autoFilter = areaAddress(area);
        });
      },
      remove() {
        ctx.enqueue(() => {
          self.must().autoFilter = null;
        });
      },
    };
    const print = (key: string, value: unknown) =>
      ctx.enqueue(() => {
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
    this.horizontalPageBreaks = {
      add(address: string) {
        ctx.enqueue(() => {
          const p = self.must().print;
          p.breaks = [...(p.breaks ?? []), address];
        });
      },
    };
  }

  must(): MemSheet {
    if (!this.sheet) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist. (worksheet is a null object)");
    return this.sheet;
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
    this.context.enqueue(() => {
      const s = this.must();
      validateName(v);
      const other = this.context.sheetByName(v);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (${v})`);
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
    this.context.enqueue(() => {
      this.must().visibility = v as MemSheet['visibility'];
    });
  }
  get position(): number {
    return this.get_('position');
  }
  set position(v: number) {
    this.context.enqueue(() => {
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
    this.context.enqueue(() => {
      this.must().tabColor = v ? normColor(v) : '';
    });
  }
  delete(): void {
    this.context.enqueue(() => {
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
    this.context.enqueue(() => {
      const s = this.must();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden worksheet.');
      this.context.book.active = s.name;
    });
  }
  getRange(address?: string): RangeProxy {
    return RangeProxy.lookup(this.context, () => {
      const s = this.must();
      if (address === undefined) return { sheet: s, area: { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      return { sheet: s, area: parseArea(address).area };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return RangeProxy.lookup(this.context, () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) throw new FakeOfficeError('InvalidArgument', 'Invalid range indexes');
      return { sheet: this.must(), area: { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return RangeProxy.lookup(this.context, () => {
      if (!this.sheet) return null;
      const area = usedArea(this.sheet, Boolean(valuesOnly));
      return area ? { sheet: this.sheet, area } : null;
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return RangeProxy.lookup(this.context, () => {
      const s = this.must();
      return { sheet: s, area: usedArea(s, Boolean(valuesOnly)) ?? { r0: 0, c0: 0, rows: 1, cols: 1 } };
    });
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
    super(ctx);
    const self = this;
    const set = (apply: (cell: MemCell, r: number, c: number, t: Target) => void, log = true) =>
      ctx.enqueue(() => {
        for (const t of targets()) {
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
        const color = normColor(v);
        set((cell) => {
          cell.fill = color;
        });
      }
      clear(): void {
        set((cell) => {
          cell.fill = undefined;
        });
      }
    })(ctx);
    this.fill = fillProxy;
    const fontSetter = (key: 'bold' | 'italic' | 'color' | 'size' | 'name' | 'underline') => (v: unknown) =>
      set((cell) => {
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
            set((cell, r, c, t) => {
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
            }, false);
          },
          set color(_v: string) {
            /* kept implicit */
          },
          set weight(_v: string) {
            /* kept implicit */
          },
        };
      },
    };
  }
  protected override childFor(name: string): ProxyBase | undefined {
    return name === 'fill' ? (this.fill as ProxyBase) : undefined;
  }
  set horizontalAlignment(v: string) {
    this.setAll((cell) => {
      cell.horizontalAlignment = v;
    });
  }
  set verticalAlignment(v: string) {
    this.setAll((cell) => {
      cell.verticalAlignment = v;
    });
  }
  set wrapText(v: boolean) {
    this.setAll((cell) => {
      cell.wrapText = v;
    });
  }
  set columnWidth(v: number) {
    this.context.enqueue(() => {
      for (const t of this.targets()) for (let c = t.area.c0; c < t.area.c0 + t.area.cols; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.context.enqueue(() => {
      for (const t of this.targets()) for (let r = t.area.r0; r < t.area.r0 + Math.min(t.area.rows, 100_000); r++) t.sheet.rowHeights.set(r, v);
    });
  }
  private setAll(apply: (cell: MemCell) => void): void {
    this.context.enqueue(() => {
      for (const t of this.targets()) {
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

class RangeProxy extends ProxyBase {
  private t: Target | null = null;
  readonly format: FormatProxy;
  readonly dataValidation: any;
  readonly conditionalFormats: any;

  static lookup(ctx: Ctx, find: () => Target | null): RangeProxy {
    const p = new RangeProxy(ctx);
    ctx.enqueue(() => {
      p.t = find();
      p.isNull = p.t === null;
      p.nullKnown = true;
    });
    return p;
  }

  constructor(ctx: Ctx) {
    super(ctx);
    this.format = new FormatProxy(ctx, () => [this.target()]);
    const self = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        ctx.enqueue(() => {
          const t = self.target();
          t.sheet.validations = t.sheet.validations.filter((v) => v.address !== areaAddress(t.area));
          t.sheet.validations.push({ address: areaAddress(t.area), rule });
        });
      },
      set prompt(prompt: unknown) {
        ctx.enqueue(() => {
          const t = self.target();
          const v = t.sheet.validations.find((x) => x.address === areaAddress(t.area));
          if (v) v.prompt = prompt;
          else t.sheet.validations.push({ address: areaAddress(t.area), rule: null, prompt });
        });
      },
      clear() {
        ctx.enqueue(() => {
          const t = self.target();
          t.sheet.validations = t.sheet.validations.filter((v) => v.address !== areaAddress(t.area));
        });
      },
    };
    this.conditionalFormats = {
      add(type: string) {
        const record: MemConditionalFormat = { address: '', type };
        if (type === 'DataBar') record.dataBar = { positiveFormat: {} };
        else if (type === 'CellValue') record.cellValue = { format: { fill: {}, font: {} } };
        else throw new FakeOfficeError('InvalidArgument', `Unsupported conditional format ${type}`);
        ctx.enqueue(() => {
          const t = self.target();
          record.address = areaAddress(t.area);
          t.sheet.conditionalFormats.push(record);
        });
        return record;
      },
      clearAll() {
        ctx.enqueue(() => {
          const t = self.target();
          t.sheet.conditionalFormats = [];
        });
      },
    };
  }

  target(): Target {
    if (!this.t) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist. (range is a null object)");
    return this.t;
  }

  protected override childFor(name: string): ProxyBase | undefined {
    return name === 'format' ? this.format : undefined;
  }

  protected override read(name: string): unknown {
    const { sheet, area } = this.target();
    const grid = (pick: (cell: MemCell | undefined) => unknown) => {
      this.context.charge(area.rows * area.cols);
      const out: unknown[][] = new Array(area.rows);
      for (let r = 0; r < area.rows; r++) {
        const row = new Array(area.cols);
        const src = sheet.rows[area.r0 + r];
        for (let c = 0; c < area.cols; c++) row[c] = pick(src?.[area.c0 + c]);
        out[r] = row;
      }
      return out;
    };
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
        return grid((c) => (c ? c.value : ''));
      case 'formulas':
        return grid((c) => (c ? (c.formula ?? c.value) : ''));
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'text':
        return grid((c) => (c ? String(c.value) : ''));
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
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
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
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      for (let c = area.c0; c < area.c0 + area.cols; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  private write(kind: 'values' | 'formulas' | 'numberFormat', data: unknown[][]): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
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

  merge(_across?: boolean): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      sheet.merges.push(areaAddress(area));
      this.context.logWrite(sheet, 'merge', areaAddress(area));
    });
  }
  unmerge(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      sheet.merges = sheet.merges.filter((m) => m !== areaAddress(area));
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      if (this.context.book.active !== sheet.name) {
        throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation (activate the sheet first).');
      }
      this.context.book.selection = { sheet: sheet.name, address: areaAddress(area) };
      this.context.logWrite(sheet, 'select', areaAddress(area));
    });
  }
  clear(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      forEachCell(clip(area), (r, c) => {
        if (sheet.rows[r]) sheet.rows[r][c] = undefined;
      });
    });
  }
  getCellProperties(_props: unknown): ClientResult<{ format: { fill: { color: string; pattern: string } } }[][]> {
    const result = new ClientResult<{ format: { fill: { color: string; pattern: string } } }[][]>();
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
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
      result.put(out);
    });
    return result;
  }
  getEntireColumn(): RangeProxy {
    return RangeProxy.lookup(this.context, () => {
      const { sheet, area } = this.target();
      return { sheet, area: { r0: 0, rows: MAX_ROWS, c0: area.c0, cols: area.cols } };
    });
  }
}

class RangeAreasProxy extends ProxyBase {
  private ts: Target[] | null = null;
  readonly format: FormatProxy;
  constructor(ctx: Ctx, sheet: WorksheetProxy, address: string) {
    super(ctx);
    this.format = new FormatProxy(ctx, () => {
      if (!this.ts) throw new FakeOfficeError('ItemNotFound', 'RangeAreas not resolved');
      return this.ts;
    });
    ctx.enqueue(() => {
      const s = sheet.must();
      const parts = address.split(',').map((p) => p.trim()).filter(Boolean);
      if (parts.length === 0) throw new FakeOfficeError('InvalidArgument', 'Empty RangeAreas address');
      this.ts = parts.map((p) => ({ sheet: s, area: parseArea(p).area }));
      this.nullKnown = true;
    });
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
 * const excel = createMemoryExcel([{ name: '名单', values: [['企业名称'], ['甲公司']] }]);
 * await excel.run(async (context) => { context.workbook.worksheets.add('评分表'); await context.sync(); });
 */
export function createMemoryExcel(sheets: MemSheetSpec[] = [{ name: 'Sheet1', values: [] }], options: MemoryExcelOptions = {}): MemoryExcel {
  const book: Book = { sheets: [], customProperties: new Map(), nextId: 1, syncs: 0, log: [], active: null, selection: null, options };
  for (const spec of sheets) book.sheets.push(makeSheet(book, spec));
  book.active = book.sheets.find((s) => s.visibility === 'Visible')?.name ?? null;
  const excel: MemoryExcel = {
    async run(batch) {
      const ctx = new Ctx(book);
      const result = await batch(ctx as unknown as Excel.RequestContext);
      // Excel.run syncs what the batch left queued.
      if (ctx.ops.length > 0) await ctx.sync();
      return result;
    },
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
