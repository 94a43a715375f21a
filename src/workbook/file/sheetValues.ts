/** A worksheet's cells as plain values, for comparing a reviewer's copy with what was written. */
import ExcelJS from 'exceljs';
import type { ValueGrid } from '../layout/inputs';
import { REVIEW_SHEETS } from '../layout/sheetNames';
import type { LayoutScalar } from '../layout/types';

/** Excel's serial day number of a date (the 1900 system). */
function serial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/** A cell as a plain value for comparing with what the generator wrote. */
export function scalar(value: ExcelJS.CellValue): LayoutScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serial(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const r = (value as ExcelJS.CellFormulaValue).result;
      return r === undefined || (typeof r === 'object' && !(r instanceof Date)) ? null : scalar(r as ExcelJS.CellValue);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return scalar((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * A cell's value as the sheet shows it. A formula's result is taken from `cell.result`: ExcelJS's
 * `cell.value` leaves out a result of 0, FALSE or '' (in memory and when read from a file alike),
 * which made a total that became 0 look like a reviewer's deletion.
 */
export function shownValue(cell: ExcelJS.Cell): LayoutScalar {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.type === ExcelJS.ValueType.Formula) return scalar((cell.result ?? null) as ExcelJS.CellValue);
  return scalar(cell.value);
}

export function sheetGrid(ws: ExcelJS.Worksheet): ValueGrid {
  const grid: LayoutScalar[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values: LayoutScalar[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      values[c - 1] = shownValue(cell);
    });
    grid[r - 1] = Array.from(values, (v) => v ?? null);
  });
  return Array.from(grid, (r) => r ?? []);
}

/** The review sheets of a workbook as value grids, by name (those it has). */
export function reviewSheetGrids(wb: ExcelJS.Workbook): Record<string, ValueGrid> {
  const out: Record<string, ValueGrid> = {};
  for (const name of Object.values(REVIEW_SHEETS)) {
    const ws = wb.getWorksheet(name);
    if (ws) out[name] = sheetGrid(ws);
  }
  return out;
}
