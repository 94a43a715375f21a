/**
 * Importing submitted workbooks into the workbook open in Excel, as new worksheets at the end:
 * inserted by Excel where it can, else written cell by cell from what the reader read.
 */
import type { SheetGrid } from '../../domain/grid';
import { uniqueSheetNames } from '../layout/sheetNames';
import type { CopiedSheet } from '../layout/types';
import { STATE_SHEET, loadState, queueStateWrite, type ImportedSheet } from './addinState';
import { defaultRun, type ExcelRun } from './officeWorkbook';
import { COMMAND_BYTES, MAX_UNIT_CELLS, jsonBytes, syncUnits, type SyncUnit } from './syncBudget';
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
  /** Files inserted by Excel itself (keeping formats and formulas). */
  inserted: string[];
  /** Files written as values only (formats and formulas not kept): the host lacks ExcelApi 1.13, or Excel refused the file. */
  valuesOnly: string[];
}

/** Excel date serial for a Date (1900 system). */
function dateSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** One grid's values and number formats as whole rows, from its first row and column. */
function gridMatrices(grid: SheetGrid, width: number): { formats: string[][]; values: (string | number | boolean)[][] } {
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
  return { formats, values };
}

/**
 * Writing one grid into an existing worksheet as values (the fallback when Excel cannot insert the
 * file), as sync units of whole rows bounded in bytes, each split in halves if Excel refuses it.
 */
function gridUnits(sheetId: string, grid: SheetGrid): SyncUnit[] {
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (grid.values.length === 0 || width === 0) return [];
  const { formats, values } = gridMatrices(grid, width);
  const unit = (start: number, count: number): SyncUnit => {
    const f = formats.slice(start, start + count);
    const v = values.slice(start, start + count);
    return {
      bytes: 3 * COMMAND_BYTES + jsonBytes(f) + jsonBytes(v),
      queue(batch) {
        const range = batch.sheet(sheetId).getRangeByIndexes(grid.firstRow - 1 + start, grid.firstColumn - 1, count, width);
        range.numberFormat = f;
        range.values = v;
      },
      split: () => (count < 2 ? [] : [unit(start, Math.ceil(count / 2)), unit(start + Math.ceil(count / 2), count - Math.ceil(count / 2))]),
    };
  };
  const rowsPer = Math.max(1, Math.floor(MAX_UNIT_CELLS / width));
  const units: SyncUnit[] = [];
  for (let start = 0; start < values.length; start += rowsPer) units.push(unit(start, Math.min(rowsPer, values.length - start)));
  return units;
}

/** The inserted sheet each source sheet became: by name (Excel adds ` (2)` on a clash), not by order. */
export function matchInserted(sourceNames: readonly string[], inserted: readonly { id: string; name: string }[]): Map<string, string> {
  const byName = new Map<string, string>();
  const left = [...inserted];
  const take = (test: (name: string) => boolean) => {
    const i = left.findIndex((s) => test(s.name));
    return i < 0 ? undefined : left.splice(i, 1)[0].id;
  };
  for (const name of sourceNames) {
    const id = take((n) => n === name);
    if (id) byName.set(name, id);
  }
  for (const name of sourceNames) {
    if (byName.has(name)) continue;
    const stem = name.toLowerCase();
    const id = take((n) => n.toLowerCase() === stem || n.toLowerCase().replace(/ \(\d+\)$/, '') === stem);
    if (id) byName.set(name, id);
  }
  return byName;
}

/**
 * Import submitted workbooks as new worksheets at the end: inserted by Excel where it can
 * (`insertWorksheetsFromBase64`, ExcelApi 1.13), otherwise written from the grids read in the pane.
 * Names are made unique (nothing is overwritten) and recorded with the sheets' ids, so findings
 * cite each sheet's file. Each file is recorded as soon as it is in, so a later file's failure
 * leaves the earlier ones imported and known. Writes go in syncs bounded in bytes (syncBudget.ts).
 *
 * @param canInsert whether the host supports ExcelApi 1.13
 */
export async function importWorkbooks(sources: ImportSource[], canInsert: boolean, run: ExcelRun = defaultRun): Promise<ImportResult> {
  const imported: CopiedSheet[] = [];
  const inserted: string[] = [];
  const valuesOnly: string[] = [];
  try {
    return await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const { state, exists, rows, names } = await loadState(context);
      const sheets = sources.flatMap((s) => s.grids.map((g) => ({ file: s.file, sheet: g.sheet, kind: s.kinds?.[g.sheet] })));
      const wanted = uniqueSheetNames(sheets, [...names, ...REVIEW_NAMES, STATE_SHEET]);
      let copied: ImportedSheet[] = [...state.copied];
      let written = { exists, rows };
      let temp = 0;
      for (const source of sources) {
        const targets = wanted.filter((w) => w.file === source.file);
        const targetOf = new Map(targets.map((t) => [t.sheet, t]));
        const ids = new Map<string, string>();
        let insertedIds: string[] | null = null;
        if (canInsert) {
          try {
            // Only the sheets read in the pane (very hidden ones are not part of the submission).
            const result = context.workbook.insertWorksheetsFromBase64(source.base64, {
              positionType: 'End' as Excel.WorksheetPositionType,
              sheetNamesToInsert: source.grids.map((g) => g.sheet),
            });
            await context.sync();
            insertedIds = result.value;
          } catch {
            // Excel could not take the file as it is: fall back to writing the values read in the pane.
            insertedIds = null;
          }
        }
        const insertedHere = insertedIds !== null;
        if (insertedIds) {
          const proxies = insertedIds.map((id) => {
            const sheet = worksheets.getItem(id);
            sheet.load('id,name');
            return sheet;
          });
          await context.sync();
          const matched = matchInserted(source.grids.map((g) => g.sheet), proxies.map((p) => ({ id: p.id, name: p.name })));
          // Two steps so that no rename meets a name another inserted sheet still holds.
          for (const [, id] of matched) worksheets.getItem(id).name = `审核助手导入${++temp}_${Date.now() % 100000}`;
          for (const [sheet, id] of matched) {
            worksheets.getItem(id).name = (targetOf.get(sheet) as CopiedSheet).name;
            ids.set(sheet, id);
          }
        }
        if (!insertedHere) {
          const added = source.grids.map((g) => {
            const sheet = worksheets.add((targetOf.get(g.sheet) as CopiedSheet).name);
            sheet.load('id');
            return sheet;
          });
          await context.sync();
          source.grids.forEach((g, i) => ids.set(g.sheet, added[i].id));
          await syncUnits(context, source.grids.flatMap((g) => gridUnits(ids.get(g.sheet) as string, g)));
        }
        (insertedHere ? inserted : valuesOnly).push(source.file);
        const mine = targets.filter((t) => ids.has(t.sheet)).map((t) => ({ ...t, id: ids.get(t.sheet) as string }));
        imported.push(...mine.map(({ file, sheet, name }) => ({ file, sheet, name })));
        copied = [...copied.filter((c) => !mine.some((m) => sameName(m.name, c.name))), ...mine];
        // Recorded now, so a later file's failure leaves this one known.
        const rowsWritten = queueStateWrite(context, { ...state, copied }, written);
        await context.sync();
        written = { exists: true, rows: rowsWritten };
      }
      return { imported, inserted, valuesOnly };
    });
  } catch (error) {
    const done = imported.length > 0 ? `已导入的 ${new Set(imported.map((i) => i.file)).size} 个文件保留在工作簿中；` : '';
    throw fail('导入平台材料', error, `${done}已有的工作表保持不变；请确认工作簿未受保护后重试。`);
  }
}
