/**
 * Importing submitted workbooks into the workbook open in Excel, as new worksheets at the end:
 * inserted by Excel where it can, else written cell by cell from what the reader read.
 */
import type { SheetGrid } from '../../domain/grid';
import { uniqueSheetNames } from '../layout/sheetNames';
import type { CopiedSheet } from '../layout/types';
import { STATE_SHEET, loadState, queueStateWrite } from './addinState';
import { MAX_CELLS_PER_SYNC, MAX_ROWS_PER_SYNC, defaultRun, type ExcelRun } from './officeWorkbook';
import { fail } from './operationError';
import { REVIEW_NAMES, sameName } from './reviewNames';

/** One submitted file to import, already read in the pane (so it is known to be readable). */
export interface ImportSource {
  file: string;
  /** Base64 of the .xlsx, for `insertWorksheetsFromBase64`. */
  base64: string;
  /** The file's worksheets as read in the pane, for the fallback and for the sheet names. */
  grids: SheetGrid[];
  /** The attachment table each worksheet holds, by sheet name, to name clashing sheets by it (`4-2-1-2 名单`). */
  kinds?: Record<string, string>;
}

export interface ImportResult {
  /** The imported worksheets: file, name in the file, name here. */
  imported: CopiedSheet[];
  /** Files inserted by Excel itself (keeping formats and formulas) rather than written as values. */
  inserted: string[];
}

/** Excel date serial for a Date (1900 system). */
function dateSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Queue writing one grid into a new worksheet as values (the fallback when Excel cannot insert the file). */
function queueGridWrite(context: Excel.RequestContext, name: string, grid: SheetGrid): void {
  const sheet = context.workbook.worksheets.add(name);
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (grid.values.length === 0 || width === 0) return;
  const formats: string[][] = [];
  const values: (string | number | boolean)[][] = [];
  grid.values.forEach((row, r) => {
    const f: string[] = [];
    const v: (string | number | boolean)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      const fmt = grid.numberFormats?.[r]?.[c] ?? null;
      if (cell instanceof Date) {
        v.push(dateSerial(cell));
        f.push(fmt && fmt !== 'General' ? fmt : 'yyyy-mm-dd');
      } else if (typeof cell === 'string') {
        // Submitted text stays text, whatever it starts with.
        v.push(cell);
        f.push('@');
      } else {
        v.push(cell === null ? '' : cell);
        f.push(fmt ?? 'General');
      }
    }
    formats.push(f);
    values.push(v);
  });
  const rowsPer = Math.max(1, Math.min(MAX_ROWS_PER_SYNC, Math.floor(MAX_CELLS_PER_SYNC / width)));
  for (let start = 0; start < values.length; start += rowsPer) {
    const count = Math.min(rowsPer, values.length - start);
    const range = sheet.getRangeByIndexes(grid.firstRow - 1 + start, grid.firstColumn - 1, count, width);
    range.numberFormat = formats.slice(start, start + count);
    range.values = values.slice(start, start + count);
  }
}

/**
 * Import submitted workbooks as new worksheets at the end: inserted by Excel where it can
 * (`insertWorksheetsFromBase64`, ExcelApi 1.13), otherwise written from the grids read in the pane.
 * Names are made unique (nothing is overwritten) and recorded, so findings cite each sheet's file.
 *
 * @param canInsert whether the host supports ExcelApi 1.13
 */
export async function importWorkbooks(sources: ImportSource[], canInsert: boolean, run: ExcelRun = defaultRun): Promise<ImportResult> {
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const { state, exists, rows, names } = await loadState(context);
      const sheets = sources.flatMap((s) => s.grids.map((g) => ({ file: s.file, sheet: g.sheet, kind: s.kinds?.[g.sheet] })));
      const wanted = uniqueSheetNames(sheets, [...names, ...REVIEW_NAMES, STATE_SHEET]);
      const imported: CopiedSheet[] = [];
      const inserted: string[] = [];
      const renames: { id: string; name: string }[] = [];
      for (const source of sources) {
        const targets = wanted.filter((w) => w.file === source.file);
        let ids: string[] | null = null;
        if (canInsert) {
          try {
            // Only the sheets read in the pane (very hidden ones are not part of the submission).
            const result = context.workbook.insertWorksheetsFromBase64(source.base64, {
              positionType: 'End' as Excel.WorksheetPositionType,
              sheetNamesToInsert: source.grids.map((g) => g.sheet),
            });
            await context.sync();
            ids = result.value;
          } catch {
            // Excel could not take the file as it is: fall back to writing the values read in the pane.
            ids = null;
          }
        }
        if (ids) {
          inserted.push(source.file);
          ids.slice(0, targets.length).forEach((id, i) => renames.push({ id, name: targets[i].name }));
        } else {
          source.grids.forEach((g, i) => queueGridWrite(context, targets[i].name, g));
          await context.sync();
        }
        imported.push(...targets);
      }
      // Two steps so that no rename meets a name another inserted sheet still holds.
      renames.forEach((r, i) => {
        worksheets.getItem(r.id).name = `审核助手导入${i + 1}_${Date.now() % 100000}`;
      });
      for (const r of renames) worksheets.getItem(r.id).name = r.name;
      const copied = [...state.copied.filter((c) => !imported.some((i) => sameName(i.name, c.name))), ...imported];
      queueStateWrite(context, { copied, marks: state.marks }, { exists, rows });
      await context.sync();
      return { imported, inserted };
    });
  } catch (error) {
    throw fail('导入平台材料', error, '已导入的工作表保持不变；请确认工作簿未受保护后重试。');
  }
}
