/**
 * Node side of the ExcelJS adapter: read an .xlsx file from disk with ExcelJS's streaming reader,
 * which never builds the whole workbook model, so big submissions read faster and in less memory.
 * ExcelJS unzips the file and reads the shared strings, the styles and the workbook; each sheet's
 * cells are then taken straight from its XML events into plain values, without the Row and Cell
 * objects ExcelJS would make for every cell (most of the time and garbage of a big read).
 * Gives the same grids as {@link readXlsx}.
 */
import ExcelJS from 'exceljs';
import parseSax from 'exceljs/lib/utils/parse-sax';
import { createReadStream, promises as fsp } from 'node:fs';
import { columnNumber, type CellValue, type SheetGrid } from '../../domain/grid';
import { WorkbookReadError } from '../port';
import { GridBuilder, plainValue, sniffUnreadable } from './readXlsx';

/** What ExcelJS's streaming workbook reader hands over for each worksheet. */
interface StreamedSheet {
  name: string;
  state?: string;
  /** The sheet's XML, unzipped. */
  iterator: AsyncIterable<Buffer | string>;
  workbook: {
    sharedStrings?: ExcelJS.CellValue[];
    styles?: { getStyleModel(id: number): { numFmt?: string } | null };
    properties?: { model?: { date1904?: boolean } };
  };
}

/** First bytes of a file, to tell an .xls or a PDF from an .xlsx before unzipping. */
async function head(path: string): Promise<Uint8Array> {
  const fh = await fsp.open(path, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Whether a number format shows a date or time (ExcelJS's own test, so both readers agree). */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * One worksheet's cells into a grid builder, read from its XML the way ExcelJS's own streaming
 * reader reads them: shared strings, inline strings (all their runs), formulas as their cached
 * result, errors, booleans, and numbers, with a date format turning a number (a formula's too) into a date,
 * as ExcelJS's in-memory reader does.
 */
async function readSheetCells(sheet: StreamedSheet, builder: GridBuilder): Promise<void> {
  const { sharedStrings, styles, properties } = sheet.workbook;
  const date1904 = !!properties?.model?.date1904;
  // A sheet uses a few styles for thousands of cells: look each one's number format up once.
  const formatOf = new Map<number, { code: string | null; date: boolean }>();
  const numberFormat = (styleId: number): { code: string | null; date: boolean } => {
    let f = formatOf.get(styleId);
    if (f === undefined) {
      const code = styles?.getStyleModel(styleId)?.numFmt ?? null;
      f = { code, date: !!code && isDateFormat(code) };
      formatOf.set(styleId, f);
    }
    return f;
  };

  let inData = false;
  let rowNumber = 0;
  let values: CellValue[] = [];
  let formats: (string | null)[] | undefined;
  let first = Infinity;
  let last = 0;
  // The cell being read.
  let column = 0;
  let style = 0;
  let type: string | undefined;
  let text: string | null = null;
  let reading = false;
  let inPhonetic = false;

  const endCell = (): void => {
    let value: CellValue = null;
    let format: string | null = null;
    if (text !== null) {
      switch (type) {
        case 's':
          value = plainValue(sharedStrings?.[parseInt(text, 10)] ?? null);
          break;
        case 'inlineStr':
        case 'str':
          value = text === '' ? null : text;
          break;
        case 'e':
          value = text;
          break;
        case 'b':
          value = parseInt(text, 10) !== 0;
          break;
        case 'd': {
          const d = new Date(text);
          value = Number.isNaN(d.getTime()) ? text : d;
          break;
        }
        default: {
          const n = parseFloat(text);
          const f = style ? numberFormat(style) : null;
          if (Number.isNaN(n)) value = null;
          else if (f?.date) value = new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86400000));
          else {
            value = n;
            format = f?.code ?? null;
          }
        }
      }
    }
    if (value === null) return;
    values[column - 1] = value;
    if (typeof value === 'number' && format) (formats ??= [])[column - 1] = format;
    if (column < first) first = column;
    if (column > last) last = column;
  };

  for await (const events of parseSax(sheet.iterator)) {
    for (const { eventType, value: node } of events) {
      if (eventType === 'text') {
        if (reading && !inPhonetic) text = text === null ? node : text + node;
        continue;
      }
      const name = node.name;
      if (eventType === 'opentag') {
        if (!inData) {
          if (name === 'sheetData') inData = true;
          continue;
        }
        switch (name) {
          case 'row': {
            const r = parseInt(node.attributes.r ?? '', 10);
            rowNumber = Number.isNaN(r) ? rowNumber + 1 : r;
            values = [];
            formats = undefined;
            first = Infinity;
            last = 0;
            column = 0;
            break;
          }
          case 'c': {
            const ref = node.attributes.r;
            // A cell without a reference follows the one before it.
            column = (ref && columnNumber(ref)) || column + 1;
            style = node.attributes.s ? parseInt(node.attributes.s, 10) || 0 : 0;
            type = node.attributes.t;
            text = null;
            break;
          }
          case 'v':
            text = null;
            reading = true;
            break;
          case 'is':
            text = '';
            break;
          case 't':
            // Inline rich text: every run's text, in order.
            reading = true;
            break;
          case 'rPh':
            inPhonetic = true;
            break;
          default:
            break;
        }
      } else if (eventType === 'closetag') {
        if (!inData) continue;
        switch (name) {
          case 'v':
          case 't':
            reading = false;
            break;
          case 'rPh':
            inPhonetic = false;
            break;
          case 'c':
            endCell();
            break;
          case 'row':
            builder.addCells(rowNumber, values, formats, first, last);
            break;
          case 'sheetData':
            inData = false;
            break;
          default:
            break;
        }
      }
    }
  }
}

/**
 * Read every worksheet of an .xlsx file.
 *
 * @param path where the file is
 * @param file the name to report in findings
 * @throws WorkbookReadError with a Chinese reason naming the file
 */
export async function readXlsxFile(path: string, file: string): Promise<SheetGrid[]> {
  const sniffed = sniffUnreadable(await head(path));
  if (sniffed) throw new WorkbookReadError(file, `无法读取「${file}」：${sniffed}`);
  const grids: SheetGrid[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      const builder = new GridBuilder(file, sheet.name);
      await readSheetCells(sheet, builder);
      if (sheet.state !== 'veryHidden') grids.push(builder.build());
    }
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new WorkbookReadError(file, `无法读取「${file}」：不是有效的 .xlsx 文件或文件已损坏（${detail}）`);
  }
  return grids;
}
