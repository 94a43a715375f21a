/**
 * What the workbook adapters share: the reading interface the Office adapter offers for the
 * workbook open in Excel (`office/officeWorkbook.ts`), and the error both adapters raise. Files are
 * read by `file/reader` (`readWorkbook`), which returns the same grids.
 */
import type { SheetGrid } from '../domain/grid';

/** Reads every worksheet of one workbook as plain grids. */
export interface WorkbookReader {
  /** Every worksheet's used range, in tab order. Empty sheets come back with no rows. */
  readSheets(): Promise<SheetGrid[]>;
}

/** A workbook could not be read; `message` is Chinese and names the file. */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}
