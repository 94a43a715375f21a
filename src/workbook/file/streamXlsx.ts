/**
 * Node side of the ExcelJS adapter: read an .xlsx file from disk with ExcelJS's streaming reader,
 * which never builds the whole workbook model, so big submissions read faster and in less memory.
 * Gives the same grids as {@link readXlsx}.
 */
import ExcelJS from 'exceljs';
import { createReadStream, promises as fsp } from 'node:fs';
import type { SheetGrid } from '../../domain/grid';
import { WorkbookReadError } from '../port';
import { GridBuilder, sniffUnreadable } from './readXlsx';

interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
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
      for await (const row of sheet) builder.addRow(row, row.number);
      if (sheet.state !== 'veryHidden') grids.push(builder.build());
    }
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new WorkbookReadError(file, `无法读取「${file}」：不是有效的 .xlsx 文件或文件已损坏（${detail}）`);
  }
  return grids;
}
