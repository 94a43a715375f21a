/**
 * The reference for the reader's differential tests: ExcelJS's full in-memory load of an .xlsx,
 * flattened to grids the way the app's reader was specified to (and the way the former ExcelJS
 * reader did). Independent of src/workbook/file/reader: another unzipper (JSZip), another parse.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../src/domain/grid';
import { WorkbookReadError } from '../../src/workbook/port';

/** Bytes that start a file, and what the reviewer should be told when an .xlsx starts with them. */
const SIGNATURES: { bytes: number[]; message: string }[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: '是旧版 .xls 格式或已加密的文件，无法读取：请在 Excel 中取消密码并另存为 .xlsx 后重新提交',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: '实际是 PDF 文件，不是 Excel 表格' },
  { bytes: [0x3c, 0x3f, 0x78, 0x6d], message: '是 XML 表格（如 WPS 或 Excel 2003 XML），请另存为 .xlsx 后重新提交' },
];

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}

/** A Chinese reason why `data` is not an .xlsx we can open, judged from its first bytes; null if it may be one. */
export function sniffUnreadable(data: Uint8Array): string | null {
  if (data.length === 0) return '文件为空（0 字节）';
  for (const s of SIGNATURES) if (startsWith(data, s.bytes)) return s.message;
  if (!startsWith(data, [0x50, 0x4b])) return '不是有效的 .xlsx 文件（文件内容不是 Excel 工作簿，可能已损坏或扩展名有误）';
  return null;
}

/** Flatten an ExcelJS cell value (rich text, formulas, hyperlinks, errors) to what a reviewer sees. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in result) return String(result.error);
      return plainValue(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      if (text && typeof text === 'object' && 'richText' in (text as object)) return plainValue(text as ExcelJS.CellValue);
      return text === undefined || text === null ? null : String(text);
    }
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

/**
 * Collects a sheet's non-empty cells row by row, then lays them out as a grid trimmed to the used range.
 * Shared by the in-memory reader and the streaming one, so both give the same grid.
 */
export class GridBuilder {
  // Per row, values (and formats, only where a number has one) at index column − 1: no per-cell objects.
  private rows: { row: number; values: CellValue[]; formats?: (string | null)[] }[] = [];
  private firstColumn = Infinity;
  private lastColumn = 0;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
  ) {}

  addRow(row: ExcelJS.Row, rowNumber: number): void {
    const values: CellValue[] = [];
    let formats: (string | null)[] | undefined;
    let first = Infinity;
    let last = 0;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Merged cells other than the top-left read as empty, as in Office.js.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value);
      if (value === null) return;
      values[col - 1] = value;
      // Only a number needs its format (a date serial, a fraction shown as a percentage).
      if (typeof value === 'number') {
        const f = cell.numFmt;
        if (f) (formats ??= [])[col - 1] = f;
      }
      if (col < first) first = col;
      if (col > last) last = col;
    });
    this.addCells(rowNumber, values, formats, first, last);
  }

  /**
   * Add one row's non-empty values, at index column − 1 (`first`…`last` the 1-based columns used),
   * with number formats where a number has one. A row with no value is ignored.
   */
  addCells(rowNumber: number, values: CellValue[], formats: (string | null)[] | undefined, first: number, last: number): void {
    if (last === 0) return;
    if (first < this.firstColumn) this.firstColumn = first;
    if (last > this.lastColumn) this.lastColumn = last;
    this.rows.push(formats ? { row: rowNumber, values, formats } : { row: rowNumber, values });
  }

  build(): SheetGrid {
    const { rows, file, sheet, firstColumn, lastColumn } = this;
    if (rows.length === 0) return { file, sheet, firstRow: 1, firstColumn: 1, values: [], numberFormats: [] };
    rows.sort((a, b) => a.row - b.row);
    const firstRow = rows[0].row;
    const height = rows[rows.length - 1].row - firstRow + 1;
    const width = lastColumn - firstColumn + 1;
    const values: CellValue[][] = new Array(height);
    const numberFormats: (string | null)[][] = new Array(height);
    // Rows without a formatted number share one empty row of formats.
    const none: null[] = new Array(width).fill(null);
    for (const r of rows) {
      values[r.row - firstRow] = fitRow(r.values, firstColumn, width);
      if (r.formats) numberFormats[r.row - firstRow] = fitRow(r.formats, firstColumn, width);
    }
    for (let i = 0; i < height; i++) {
      values[i] ??= new Array(width).fill(null);
      numberFormats[i] ??= none;
    }
    this.rows = [];
    return { file, sheet, firstRow, firstColumn, values, numberFormats };
  }

}

/**
 * A row collected at index column − 1, as one row of the grid: `width` cells from `firstColumn`,
 * null where empty. A sheet used from column A keeps the collected array (most do, and a big sheet
 * has tens of thousands of rows): only its gaps are filled.
 */
function fitRow<T>(collected: (T | null)[], firstColumn: number, width: number): (T | null)[] {
  if (firstColumn === 1) {
    for (let k = 0; k < width; k++) if (collected[k] === undefined) collected[k] = null;
    return collected;
  }
  const out: (T | null)[] = new Array(width);
  for (let k = 0; k < width; k++) out[k] = collected[firstColumn - 1 + k] ?? null;
  return out;
}

/** Turn one ExcelJS worksheet into a grid. */
export function worksheetToGrid(ws: ExcelJS.Worksheet, file: string): SheetGrid {
  const builder = new GridBuilder(file, ws.name);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => builder.addRow(row, rowNumber));
  return builder.build();
}

/**
 * Read every worksheet of an .xlsx held in memory.
 *
 * @param data the file's bytes
 * @param file the name to report in findings (the user's file name)
 * @throws WorkbookReadError with a Chinese reason naming the file
 * @example
 * const grids = await readXlsx(bytes, '附表4-2-1-2.xlsx');
 */
export async function readXlsx(data: Uint8Array | ArrayBuffer, file: string): Promise<SheetGrid[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const sniffed = sniffUnreadable(bytes);
  if (sniffed) throw new WorkbookReadError(file, `无法读取「${file}」：${sniffed}`);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; in the browser an ArrayBuffer works the same.
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new WorkbookReadError(file, `无法读取「${file}」：不是有效的 .xlsx 文件或文件已损坏（${detail}）`);
  }
  return wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map((ws) => worksheetToGrid(ws, file));
}

