/**
 * Find the attachment tables in a submission's sheets, by their header words, wherever the header
 * sits in the first 15 rows, and lift their data rows into typed cells that remember their source.
 */
import { a1, cellAt, lastColumn, lastRow, type CellRef, type CellValue, type SheetGrid } from './grid';
import { TABLE_SPECS, headerKey, headerUnit, type FieldKey, type FieldSpec, type TableKind, type TableSpec } from './tableSpecs';
import { isBlank, isExcelError, parseAmount, parseCount, parseDate, parsePercent, type DateValue, type Parsed as ParsedValue } from './values';

/** How far down a header may sit (title rows, unit and stamp lines above it). */
export const HEADER_SEARCH_ROWS = 15;

/** A typed cell's reading: the parsers' own result (values.ts), one vocabulary for both. */
export type Parsed<T> = ParsedValue<T>;

/** A date cell's value: calendar date and `YYYY-MM-DD`. */
export type DateParts = DateValue;

export interface TableCell {
  value: CellValue;
  format?: string;
  ref: CellRef;
  /** The typed reading of amount, date, percent and count columns. */
  parsed?: Parsed<number | DateParts>;
}

/** Where one column of a lifted table comes from: shared by every cell of that column. */
interface ColumnSource {
  readonly grid: SheetGrid;
  readonly column: number;
}

function refOf(source: ColumnSource, row: number): CellRef {
  return { file: source.grid.file, sheet: source.grid.sheet, row, column: source.column, cell: a1(row, source.column) };
}

/**
 * A text cell with no number format and no reading (most cells of a big table): its value, its
 * column's source and its row, the reference built only when asked for (most are never cited).
 */
class TextCell implements TableCell {
  constructor(
    readonly value: CellValue,
    private readonly source: ColumnSource,
    private readonly row: number,
  ) {}
  get format(): undefined {
    return undefined;
  }
  get parsed(): undefined {
    return undefined;
  }
  get ref(): CellRef {
    return refOf(this.source, this.row);
  }
}

/** A cell with a number format or a typed reading (amounts, dates, percentages, counts). */
class TypedCell implements TableCell {
  constructor(
    readonly value: CellValue,
    private readonly source: ColumnSource,
    private readonly row: number,
    readonly format: string | undefined,
    readonly parsed: Parsed<number | DateParts> | undefined,
  ) {}
  get ref(): CellRef {
    return refOf(this.source, this.row);
  }
}

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  cells: Partial<Record<FieldKey, TableCell>>;
}

export interface SummaryRow extends TableRow {
  /** The words that mark it: 合计, 平均满意度… */
  label: string;
}

export interface ColumnInfo {
  field: FieldSpec;
  column: number;
  header: string;
  unit?: '万元' | '元';
}

export interface RecognizedTable {
  kind: TableKind;
  spec: TableSpec;
  file: string;
  sheet: string;
  /** First header row, 1-based. */
  headerRow: number;
  /** 1 or 2 (a two-row header with merged group cells). */
  headerRows: number;
  columns: Partial<Record<FieldKey, ColumnInfo>>;
  rows: TableRow[];
  summaryRows: SummaryRow[];
}

/** A sheet that holds no recognisable table, with the header it came closest to. */
export interface UnrecognizedSheet {
  file: string;
  sheet: string;
  /** Best partial match, when some header words were found. */
  nearest?: { kind: TableKind; row: number; missing: string[] };
  empty: boolean;
}

function text(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return '';
  return String(v).trim();
}

interface HeaderMatch {
  spec: TableSpec;
  row: number;
  rows: 1 | 2;
  columns: Map<FieldKey, { column: number; header: string }>;
  score: number;
}

/** Synonym keys per field, normalised once. */
const SYNONYM_KEYS = new Map<FieldSpec, string[]>();
function synonymKeys(f: FieldSpec): string[] {
  let keys = SYNONYM_KEYS.get(f);
  if (!keys) {
    keys = f.synonyms.map(headerKey);
    SYNONYM_KEYS.set(f, keys);
  }
  return keys;
}

/** Assign header cells to fields: every (cell, field) pair scored, longest and exact matches first. */
function matchHeader(spec: TableSpec, headers: { column: number; header: string; key: string }[]): Map<FieldKey, { column: number; header: string }> {
  const pairs: { field: FieldKey; column: number; header: string; score: number }[] = [];
  for (const h of headers) {
    const key = h.key;
    if (!key || key.length > 40) continue;
    for (const f of spec.fields) {
      let best = 0;
      for (const s of synonymKeys(f)) {
        if (key === s) best = Math.max(best, 1000 + s.length);
        else if (s.length >= 2 && key.includes(s)) best = Math.max(best, s.length);
      }
      if (best > 0) pairs.push({ field: f.key, column: h.column, header: h.header, score: best });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const byField = new Map<FieldKey, { column: number; header: string }>();
  const usedColumns = new Set<number>();
  for (const p of pairs) {
    if (byField.has(p.field) || usedColumns.has(p.column)) continue;
    byField.set(p.field, { column: p.column, header: p.header });
    usedColumns.add(p.column);
  }
  return byField;
}

interface HeaderCell {
  column: number;
  header: string;
  key: string;
  fromUpper?: boolean;
}

function headerCells(grid: SheetGrid, row: number, below?: number): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (let c = grid.firstColumn; c <= lastColumn(grid); c++) {
    const upper = text(cellAt(grid, row, c));
    const lower = below ? text(cellAt(grid, below, c)) : '';
    // Two-row headers: the sub-header names the column; a vertically merged cell leaves it to the top row.
    const h = lower || upper;
    if (h) out.push({ column: c, header: h, key: headerKey(h), fromUpper: below !== undefined && !lower });
  }
  return out;
}

function findHeader(grid: SheetGrid): { best?: HeaderMatch; nearest?: HeaderMatch } {
  let best: HeaderMatch | undefined;
  let nearest: HeaderMatch | undefined;
  const last = Math.min(lastRow(grid), grid.firstRow + HEADER_SEARCH_ROWS - 1);
  for (let r = grid.firstRow; r <= last; r++) {
    const candidates: { rows: 1 | 2; cells: HeaderCell[] }[] = [{ rows: 1, cells: headerCells(grid, r) }];
    if (r + 1 <= lastRow(grid)) candidates.push({ rows: 2, cells: headerCells(grid, r, r + 1) });
    for (const cand of candidates) {
      if (cand.cells.length === 0) continue;
      for (const spec of TABLE_SPECS) {
        const columns = matchHeader(spec, cand.cells);
        if (cand.rows === 2) {
          // A real two-row header names columns from both rows (merged cells above, sub-headers below).
          const upper = new Set(cand.cells.filter((c) => c.fromUpper).map((c) => c.column));
          const cols = [...columns.values()].map((c) => c.column);
          if (!cols.some((c) => upper.has(c)) || cols.every((c) => upper.has(c))) continue;
        }
        const hasRequired = spec.required.every((k) => columns.has(k));
        // Fields found, then how much of the table's own header they cover.
        // A two-row reading must find more than its lower row alone; the small penalty lets that row win ties.
        const score = columns.size + columns.size / spec.fields.length - (cand.rows === 2 ? 0.001 : 0);
        const m: HeaderMatch = { spec, row: r, rows: cand.rows, columns, score };
        if (hasRequired && columns.size >= 2) {
          if (!best || score > best.score + 1e-9) best = m;
        } else if (columns.size >= 2 && (!nearest || score > nearest.score)) {
          nearest = m;
        }
      }
    }
  }
  return { best, nearest };
}

const SUMMARY_WORDS = /^(合计|总计|小计|平均满意度|平均值|平均|总数)/;
const NOTE_WORDS = /^(填表说明|填报说明|说明|注[:：]|注释|备注[:：]|填报单位|填表单位|单位负责人|负责人|审核人|制表人|填表人|联系人[:：]|日期[:：]|（盖章）|\(盖章\))/;
const PLACEHOLDER = /^(…+|\.{3,}|……)$/;

/** The row's texts without white space (合 计 is 合计), in column order. */
function rowTexts(grid: SheetGrid, row: number): string[] {
  const out: string[] = [];
  const values = grid.values[row - grid.firstRow] ?? [];
  for (const v of values) {
    if (typeof v !== 'string') {
      if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
      continue;
    }
    const t = v.replace(/\s+/g, '');
    if (t) out.push(t);
  }
  return out;
}

/** Characters a summary, note or placeholder cell can start with (after white space). */
const MARKER_START = new Set([...'合总小平填说注备单负审制联日（(….'].map((c) => c.charCodeAt(0)));

/** The characters JavaScript's `\s` matches, by code (a regex per cell costs more than the rest of the test). */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether a text is, without its white space, a summary, note or placeholder word. */
function isMarkerText(v: string): boolean {
  let i = 0;
  while (i < v.length && isSpaceCode(v.charCodeAt(i))) i++;
  if (i === v.length || !MARKER_START.has(v.charCodeAt(i))) return false;
  const t = v.replace(/\s+/g, '');
  return SUMMARY_WORDS.test(t) || NOTE_WORDS.test(t) || PLACEHOLDER.test(t);
}

/**
 * Whether a row needs a closer look as a summary, note or placeholder row: only when one of its
 * texts is such a word, or it holds nothing but numbers. Most data rows are passed at once.
 */
function mayBeMarkerRow(values: readonly CellValue[]): boolean {
  let anyText = false;
  for (const v of values) {
    if (typeof v === 'string') {
      if (isMarkerText(v)) return true;
      if (!anyText && v.trim()) anyText = true;
    }
  }
  return !anyText;
}

function parseCell(field: FieldSpec, value: CellValue, format: string | undefined, unit: '万元' | '元' | undefined): Parsed<number | DateParts> | undefined {
  switch (field.type) {
    // The parsers answer in the cells' own states; only what a cell keeps is copied (a date's
    // precision is the parser's business).
    case 'amount':
      return parseAmount(value, unit ?? '万元');
    case 'date': {
      const p = parseDate(value, format, true);
      return p.state === 'ok' ? { state: 'ok', value: p.value } : p;
    }
    case 'percent': {
      const p = parsePercent(value, format);
      return p.state === 'ok' ? { state: 'ok', value: p.value } : p;
    }
    case 'count': {
      const p = parseCount(value);
      return p.state === 'ok' ? { state: 'ok', value: p.value } : p;
    }
    default:
      // A text column holding a formula's error value (#REF!, #N/A) holds no name at all.
      if (isExcelError(value)) return { state: 'error', reason: `单元格是 Excel 的错误值（公式出错），不是有效内容，未计入` };
      return undefined;
  }
}

/** A table's columns, as parallel arrays for the per-row loop. */
interface LiftColumns {
  keys: FieldKey[];
  infos: ColumnInfo[];
  sources: ColumnSource[];
}

function liftRow(grid: SheetGrid, row: number, columns: LiftColumns): TableRow {
  const cells: Partial<Record<FieldKey, TableCell>> = {};
  const values = grid.values[row - grid.firstRow] ?? [];
  const formats = grid.numberFormats?.[row - grid.firstRow];
  const { keys, infos, sources } = columns;
  for (let k = 0; k < keys.length; k++) {
    const info = infos[k];
    const i = info.column - grid.firstColumn;
    const value = values[i] ?? null;
    // An empty text cell is left undefined (most cells of a big table are text); typed cells always
    // stay, since their "blank" reading is itself a finding's subject. Every key is set, in the same
    // order, so all rows of a table share one object shape.
    if (value === null && info.field.type === 'text') {
      cells[keys[k]] = undefined;
      continue;
    }
    const format = formats?.[i] ?? undefined;
    const parsed = parseCell(info.field, value, format, info.unit);
    cells[keys[k]] = format || parsed !== undefined ? new TypedCell(value, sources[k], row, format || undefined, parsed) : new TextCell(value, sources[k], row);
  }
  return { row, cells };
}

/** Whether a row holds anything beyond its 序号 (and passes `also`); a plain loop, as it runs for every row. */
function hasContent(row: TableRow, also: (v: CellValue) => boolean = () => true): boolean {
  for (const key in row.cells) {
    if (key === 'seq') continue;
    const c = row.cells[key as FieldKey];
    if (c && !isBlank(c.value) && also(c.value)) return true;
  }
  return false;
}

function isEmptyRow(values: readonly CellValue[]): boolean {
  // A sparse row's gaps read as undefined: empty, like null.
  for (const v of values) if (v != null && (typeof v !== 'string' || v.trim() !== '')) return false;
  return true;
}

/** A «单位：元» line above the header, if any. */
function unitLine(grid: SheetGrid, headerRow: number): '万元' | '元' | undefined {
  for (let r = grid.firstRow; r < headerRow; r++) {
    for (const t of rowTexts(grid, r)) {
      const m = /单位[:：]?(万元|元)/.exec(t);
      if (m) return m[1] as '万元' | '元';
    }
  }
  return undefined;
}

/** Lift a sheet's table, given the header that matched. */
function liftTable(grid: SheetGrid, m: HeaderMatch): RecognizedTable {
  const columns: Partial<Record<FieldKey, ColumnInfo>> = {};
  for (const [key, col] of m.columns) {
    const field = m.spec.fields.find((f) => f.key === key)!;
    const info: ColumnInfo = { field, column: col.column, header: col.header };
    if (field.type === 'amount') {
      // The unit sits in the header itself, in its group cell above, or in a 单位：元 line over the table.
      const above = m.rows === 2 ? text(cellAt(grid, m.row, col.column)) : '';
      if (/元/.test(col.header.normalize('NFKC'))) info.unit = headerUnit(col.header);
      else if (/元/.test(above.normalize('NFKC'))) info.unit = headerUnit(above);
      else info.unit = unitLine(grid, m.row) ?? '万元';
    }
    columns[key] = info;
  }
  const rows: TableRow[] = [];
  const summaryRows: SummaryRow[] = [];
  const entries = (Object.entries(columns) as [FieldKey, ColumnInfo | undefined][]).filter((e): e is [FieldKey, ColumnInfo] => e[1] !== undefined);
  const lift: LiftColumns = { keys: entries.map((e) => e[0]), infos: entries.map((e) => e[1]), sources: entries.map((e) => ({ grid, column: e[1].column })) };
  for (let r = m.row + m.rows; r <= lastRow(grid); r++) {
    const values = grid.values[r - grid.firstRow] ?? [];
    if (isEmptyRow(values)) continue;
    const texts = mayBeMarkerRow(values) ? rowTexts(grid, r) : [];
    const summary = texts.find((t) => SUMMARY_WORDS.test(t));
    if (summary) {
      summaryRows.push({ ...liftRow(grid, r, lift), label: summary.match(SUMMARY_WORDS)![0] });
      continue;
    }
    if (texts.length > 0 && NOTE_WORDS.test(texts[0]) && texts.length <= 2) break;
    if (texts.length > 0 && texts.every((t) => PLACEHOLDER.test(t) || /^\d+$/.test(t))) {
      // A numbered template row left empty, or a "……" line.
      const lifted = liftRow(grid, r, lift);
      if (!hasContent(lifted, (v) => !PLACEHOLDER.test(text(v)))) continue;
    }
    const lifted = liftRow(grid, r, lift);
    if (!hasContent(lifted)) continue;
    rows.push(lifted);
  }
  return {
    kind: m.spec.kind,
    spec: m.spec,
    file: grid.file,
    sheet: grid.sheet,
    headerRow: m.row,
    headerRows: m.rows,
    columns,
    rows,
    summaryRows,
  };
}

/**
 * Recognise the attachment tables among a submission's sheets.
 *
 * @example
 * const { tables, unrecognized } = recognizeTables(grids);
 * tables.find((t) => t.kind === '4-2-1-2')?.rows.length
 */
export function recognizeTables(grids: SheetGrid[]): { tables: RecognizedTable[]; unrecognized: UnrecognizedSheet[] } {
  const tables: RecognizedTable[] = [];
  const unrecognized: UnrecognizedSheet[] = [];
  for (const grid of grids) {
    if (grid.values.length === 0) {
      unrecognized.push({ file: grid.file, sheet: grid.sheet, empty: true });
      continue;
    }
    const { best, nearest } = findHeader(grid);
    if (best) {
      tables.push(liftTable(grid, best));
    } else {
      const u: UnrecognizedSheet = { file: grid.file, sheet: grid.sheet, empty: false };
      if (nearest) {
        u.nearest = {
          kind: nearest.spec.kind,
          row: nearest.row,
          missing: nearest.spec.required.filter((k) => !nearest.columns.has(k)).map((k) => nearest.spec.fields.find((f) => f.key === k)!.label),
        };
      }
      unrecognized.push(u);
    }
  }
  return { tables, unrecognized };
}
