/**
 * The ExcelJS adapter's reader: an .xlsx held in memory → plain sheet grids.
 * No `fs` here, so the standalone page can use it on a dropped file as well as the CLI on a path.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../domain/grid';
import { WorkbookReadError, type WorkbookReader } from '../port';

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
  if (value === null || value === undefined) return null;
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

/** Turn one ExcelJS worksheet into a grid. Merged cells other than the top-left read as empty, as in Office.js. */
export function worksheetToGrid(ws: ExcelJS.Worksheet, file: string): SheetGrid {
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  let firstColumn = Infinity;
  let lastColumn = 0;
  let firstRow = Infinity;
  let lastRowNo = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (plainValue(cell.value) === null) return;
      firstColumn = Math.min(firstColumn, col);
      lastColumn = Math.max(lastColumn, col);
      firstRow = Math.min(firstRow, rowNumber);
      lastRowNo = Math.max(lastRowNo, rowNumber);
    });
  });
  if (rowCount === 0 || lastColumn === 0) {
    return { file, sheet: ws.name, firstRow: 1, firstColumn: 1, values: [], numberFormats: [] };
  }
  const width = lastColumn - firstColumn + 1;
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = firstRow; r <= lastRowNo; r++) {
    const row = ws.getRow(r);
    const vals: CellValue[] = new Array(width).fill(null);
    const fmts: (string | null)[] = new Array(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col < firstColumn || col > lastColumn) return;
      if (cell.type === ExcelJS.ValueType.Merge) return;
      vals[col - firstColumn] = plainValue(cell.value);
      fmts[col - firstColumn] = cell.numFmt ?? null;
    });
    values.push(vals);
    numberFormats.push(fmts);
  }
  return { file, sheet: ws.name, firstRow, firstColumn, values, numberFormats };
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

/** A WorkbookReader over one in-memory .xlsx. */
export function createFileWorkbookReader(data: Uint8Array | ArrayBuffer, file: string): WorkbookReader {
  return { readSheets: () => readXlsx(data, file) };
}
