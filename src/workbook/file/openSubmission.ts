/**
 * A submitted file read and opened for copying in one go, for the batch: each file is read from
 * disk once. Apart from submissionFiles.ts so that a review that writes no workbook never loads ExcelJS.
 */
import type ExcelJS from 'exceljs';
import { openSources } from './copySheets';
import { fileBytes, readBytes, type SubmissionFile } from './submissionFiles';

/**
 * Read one table file, and open it for copying into the review workbook too: for callers that copy
 * the sheets afterwards (the batch), so each file is read from disk once. The grids always come from
 * the reader; the opened workbook only carries the sheets' formats into the copy. Never throws.
 */
export async function openSubmissionFile(entry: { path: string; file: string }): Promise<SubmissionFile & { workbook?: ExcelJS.Workbook }> {
  const bytes = await fileBytes(entry);
  if ('error' in bytes) return { ...entry, error: bytes.error };
  const read = await readBytes(entry, bytes.data);
  if (!read.grids) return read;
  const [opened] = await openSources([{ file: entry.file, data: bytes.data, grids: read.grids }]);
  return { ...read, workbook: opened.workbook };
}
