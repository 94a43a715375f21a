/**
 * What a re-run cannot put back: the reviewer's changes outside the yellow cells of an earlier
 * review workbook. Row marks are sealed with their rows' fingerprints when written, the copied
 * rows' fingerprints go on a very hidden sheet, and on the next run the changed cells are found
 * (layout/unkept.ts decides for the review sheets) and listed on 「未保留的修改」.
 */
import ExcelJS from 'exceljs';
import type { ValueGrid } from '../layout/inputs';
import { MARK_COLUMN } from '../layout/inputs';
import { FINGERPRINT_SHEET } from '../layout/sheetNames';
import type { LayoutScalar } from '../layout/types';
import { comparable, fingerprint, parseSealed, sealMark, unkeptInReviewSheets } from '../layout/unkept';
import { UNKEPT_SHEET, readUnkeptSheet, type UnkeptEdit } from '../layout/unkeptSheet';
import { reviewSheetGrids, scalar, sheetGrid } from './sheetValues';

/** The fingerprint of every non-empty cell of a copied row. */
function copiedRowHash(row: ExcelJS.Row): string {
  const pairs: [number, LayoutScalar][] = [];
  row.eachCell((cell, c) => {
    if (cell.type !== ExcelJS.ValueType.Merge) pairs.push([c, scalar(cell.value)]);
  });
  return fingerprint(pairs.filter(([, v]) => comparable(v) !== ''));
}

/** Write the very hidden sheet of copied-row fingerprints: sheet, row, fingerprint. */
export function writeFingerprints(wb: ExcelJS.Workbook, copiedNames: readonly string[]): void {
  if (copiedNames.length === 0) return;
  const ws = wb.addWorksheet(FINGERPRINT_SHEET, { state: 'veryHidden' });
  let r = 1;
  for (const name of copiedNames) {
    wb.getWorksheet(name)?.eachRow((row, n) => {
      const at = ws.getRow(r++);
      at.getCell(1).value = name;
      at.getCell(2).value = n;
      at.getCell(3).value = copiedRowHash(row);
    });
  }
}

/** The fingerprints an earlier workbook recorded: sheet → row → fingerprint (empty for workbooks from before they were kept). */
function readFingerprints(wb: ExcelJS.Workbook): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  wb.getWorksheet(FINGERPRINT_SHEET)?.eachRow((row) => {
    const [name, n, h] = [1, 2, 3].map((c) => scalar(row.getCell(c).value));
    if (typeof name !== 'string' || typeof n !== 'number' || typeof h !== 'string') return;
    if (!out.has(name)) out.set(name, new Map());
    out.get(name)!.set(n, h);
  });
  return out;
}

/**
 * Add to each row mark (hidden column A) the hash of the row's generated constant cells, as written,
 * and which columns it covers: a re-run then knows which rows the reviewer changed outside the
 * yellow cells.
 */
export function sealRowMarks(ws: ExcelJS.Worksheet, width: number): void {
  ws.eachRow((row) => {
    const cell = row.getCell(MARK_COLUMN);
    const mark = parseSealed(scalar(cell.value));
    if (!mark) return;
    const skip = (c: number) => [ExcelJS.ValueType.Formula, ExcelJS.ValueType.Merge].includes(row.getCell(c).type);
    cell.value = sealMark(mark, width, skip, (c) => scalar(row.getCell(c).value));
  });
}

/** The entries of an earlier 「未保留的修改」 sheet: still not kept, so listed again. */
export function carriedUnkept(before: ExcelJS.Workbook): UnkeptEdit[] {
  const ws = before.getWorksheet(UNKEPT_SHEET);
  return ws ? readUnkeptSheet(sheetGrid(ws)) : [];
}

/**
 * The cells of the previous review workbook holding something the reviewer typed that the new one
 * (`after`, fully drawn) does not keep: changes in generated columns of the review sheets (rows
 * whose hash no longer matches), text in cells the tool does not write, and changes in the copied
 * submission sheets (which are copied afresh from the files).
 */
export function findUnkeptEdits(before: ExcelJS.Workbook, beforeGrids: Readonly<Record<string, ValueGrid>>, after: ExcelJS.Workbook, copiedNames: readonly string[]): UnkeptEdit[] {
  const text = comparable;
  const out = unkeptInReviewSheets(beforeGrids, reviewSheetGrids(after));
  // A copied row whose fingerprint changed since it was written was edited in the workbook; its
  // cells that the fresh copy does not hold are listed. A row the platform changed in its files but
  // the reviewer did not touch is not listed. Workbooks without fingerprints are not compared.
  const recorded = readFingerprints(before);
  for (const name of copiedNames) {
    const old = before.getWorksheet(name);
    const now = after.getWorksheet(name);
    const prints = recorded.get(name);
    if (!old || !now || !prints) continue;
    old.eachRow((row, n) => {
      if (prints.get(n) === copiedRowHash(row)) return;
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const was = text(scalar(cell.value));
        if (was === '' || was === text(scalar(now.getCell(cell.address).value))) return;
        out.push({ sheet: name, cell: cell.address, text: was, why: '在材料副本中修改；副本按申报材料重新复制' });
      });
    });
  }
  return out;
}
