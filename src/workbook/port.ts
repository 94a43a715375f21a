/**
 * The one interface the domain's callers use to reach a workbook. Two adapters implement it:
 * `office/` (Excel.run, inside Excel) and `file/` (ExcelJS, for the CLI, tests and the standalone page).
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
