/**
 * Copy the submission's worksheets into the review workbook, values and formats unchanged, so the
 * 问题清单 links land on the very cells the reviewer is told about.
 *
 * Formulas are copied as their cached results: a submission's formula may point at files the
 * reviewer does not have, or be planted to run something; its value is what was submitted.
 */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../../domain/grid';
import { GENERATED_SHEETS, isReviewWorkbookSheets, uniqueSheetNames } from '../layout/sheetNames';
import type { CopiedSheet } from '../layout/types';
import { readWorkbook } from './reader';
import { safeValue } from './safeText';

/** One submitted file as bytes, and its grids when the reader already has them. */
export interface SourceFile {
  file: string;
  data: Uint8Array;
  grids?: readonly SheetGrid[];
  /**
   * The reader's sheet names when its grids are not kept (a batch holding many platforms until
   * they are written): should ExcelJS name the sheets otherwise, the grids are read again.
   */
  sheets?: readonly string[];
}

/** A submitted workbook opened with ExcelJS, or why it could not be. */
export interface OpenedSource {
  file: string;
  workbook?: ExcelJS.Workbook;
  error?: string;
}

/**
 * A workbook holding the grids' values and number formats, for a file ExcelJS cannot open
 * (.xls, .et, .ods, .csv, Strict OOXML) or opens with other sheet names than the reader's: its
 * sheets are still copied, so every finding's link has a cell to land on.
 */
export function gridsToWorkbook(grids: readonly SheetGrid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheet);
    g.values.forEach((values, i) => {
      if (values.length === 0) return;
      const row = ws.getRow(g.firstRow + i);
      const formats = g.numberFormats?.[i];
      values.forEach((v, k) => {
        if (v === null || v === undefined) return;
        const cell = row.getCell(g.firstColumn + k);
        // A string stays a string value: never a formula, whatever it starts with.
        cell.value = safeValue(v);
        const f = formats?.[k];
        if (f) cell.numFmt = f;
        else if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      });
    });
  }
  return wb;
}

/** The grids as .xlsx bytes (values and number formats), e.g. for Excel to insert a legacy file. */
export async function gridsToXlsx(grids: readonly SheetGrid[]): Promise<Uint8Array> {
  const buffer = await gridsToWorkbook(grids).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Whether the grids' used ranges are mostly empty (a stray value in XFD1048576): ExcelJS's model of
 * such a sheet, and a style-by-style copy of it, grow with the range, not with the cells.
 */
export function isSparse(grids: readonly SheetGrid[]): boolean {
  let cells = 0;
  let spread = 0;
  for (const g of grids) {
    let width = 0;
    for (const row of g.values) {
      if (row.length > width) width = row.length;
      row.forEach(() => cells++);
    }
    spread += g.values.length * width;
  }
  return spread > 1_000_000 && spread > 50 * cells;
}

const visibleNames = (wb: ExcelJS.Workbook): string[] => wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map((ws) => ws.name);

/**
 * Open each source for copying. ExcelJS keeps the sheets' formats; where it cannot open a file, or
 * names its sheets otherwise than the reader did, the reader's grids are copied as values instead.
 * A file neither can read is kept with its reason (its sheets are not copied).
 */
export async function openSources(sources: readonly SourceFile[]): Promise<OpenedSource[]> {
  const out: OpenedSource[] = [];
  for (const s of sources) {
    if (s.grids && isSparse(s.grids)) {
      // Values only: the formats of a mostly empty sheet are not worth a model of its whole range.
      out.push({ file: s.file, workbook: gridsToWorkbook(s.grids) });
      continue;
    }
    const wb = new ExcelJS.Workbook();
    let error: string | undefined;
    try {
      const bytes = s.data;
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    let grids = s.grids;
    const renamed = (names: readonly string[]) => JSON.stringify(visibleNames(wb)) !== JSON.stringify(names);
    if (!grids && (error || (s.sheets && renamed(s.sheets)))) {
      grids = await readWorkbook(s.data, s.file).catch(() => undefined);
    }
    if (grids && (error || renamed(grids.map((g) => g.sheet)))) {
      out.push({ file: s.file, workbook: gridsToWorkbook(grids) });
    } else if (error) {
      out.push({ file: s.file, error });
    } else {
      out.push({ file: s.file, workbook: wb });
    }
  }
  return out;
}

/** Whether a workbook is a review workbook this tool wrote (re-run with --in-place, or given again as input). */
export function isReviewWorkbook(wb: ExcelJS.Workbook): boolean {
  return isReviewWorkbookSheets(wb.worksheets.map((ws) => ws.name));
}

/**
 * The worksheets that get copied: every one not very-hidden, in tab order. A review workbook given
 * as a source contributes its copied submission sheets only; its generated sheets are made anew.
 */
export function copiableSheets(sources: readonly OpenedSource[]): { file: string; worksheet: ExcelJS.Worksheet }[] {
  const generated = GENERATED_SHEETS;
  return sources.flatMap((s) => {
    const review = s.workbook ? isReviewWorkbook(s.workbook) : false;
    return (s.workbook?.worksheets ?? [])
      .filter((ws) => ws.state !== 'veryHidden' && !(review && generated.has(ws.name)))
      .map((worksheet) => ({ file: s.file, worksheet }));
  });
}

/** A source cell's value as it goes into the copy: formulas become their results, links their text. */
export function copiedValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    return copiedValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    if (text && typeof text === 'object' && 'richText' in text) return text as ExcelJS.CellRichTextValue;
    return text === undefined || text === null ? null : String(text);
  }
  if ('richText' in value) return { richText: value.richText.map((r) => ({ ...r, font: r.font ? { ...r.font } : undefined })) };
  if ('error' in value) return { error: value.error };
  return value;
}

function cloneStyle(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return structuredClone(style);
}

/** Copy one worksheet's cells (values, styles, number formats), merges, column widths and row heights. */
export function copyWorksheet(src: ExcelJS.Worksheet, dst: ExcelJS.Worksheet): void {
  dst.properties = { ...dst.properties, ...structuredClone(src.properties) };
  if (src.state === 'hidden') dst.state = 'hidden';
  const frozen = src.views?.find((v) => v.state === 'frozen');
  if (frozen) dst.views = [structuredClone(frozen)];

  const columnCount = Math.max(src.columnCount, src.actualColumnCount);
  for (let c = 1; c <= columnCount; c++) {
    const from = src.getColumn(c);
    const to = dst.getColumn(c);
    if (from.width !== undefined) to.width = from.width;
    if (from.hidden) to.hidden = true;
    if (from.outlineLevel) to.outlineLevel = from.outlineLevel;
  }

  for (const m of src.model.merges ?? []) dst.mergeCellsWithoutStyle(m);

  // Empty rows carry heights and hidden flags worth copying, unless the sheet is mostly empty rows
  // (a stray cell far down): then visiting every row would build a million of them.
  const sparse = src.rowCount > 10 * src.actualRowCount + 1000;
  // A copied style per source style (ExcelJS shares one object among the cells of a style id):
  // not a clone per cell, which the writer would index one by one.
  const clones = new Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();
  src.eachRow({ includeEmpty: !sparse }, (row, r) => {
    const out = dst.getRow(r);
    if (row.height !== undefined) out.height = row.height;
    if (row.hidden) out.hidden = true;
    if (row.outlineLevel) out.outlineLevel = row.outlineLevel;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const target = out.getCell(c);
      if (cell.type !== ExcelJS.ValueType.Merge) target.value = safeValue(copiedValue(cell.value));
      if (cell.style && Object.keys(cell.style).length > 0) {
        let copy = clones.get(cell.style);
        if (!copy) clones.set(cell.style, (copy = cloneStyle(cell.style)));
        target.style = copy;
      }
      if (cell.note) target.note = structuredClone(cell.note);
    });
  });
}

/**
 * Copy every worksheet of the sources into `target`, named uniquely (see {@link uniqueSheetNames}).
 *
 * @param kindOf the attachment table a sheet holds (from the report's tables), for naming collisions
 * @param reserved names already taken in `target` (the review sheets)
 * @returns where each sheet went, in tab order
 */
export function copySheets(
  target: ExcelJS.Workbook,
  sources: readonly OpenedSource[],
  kindOf: (file: string, sheet: string) => string | undefined,
  reserved: readonly string[],
): CopiedSheet[] {
  const sheets = copiableSheets(sources);
  const names = uniqueSheetNames(
    sheets.map((s) => ({ file: s.file, sheet: s.worksheet.name, kind: kindOf(s.file, s.worksheet.name) })),
    reserved,
  );
  sheets.forEach((s, i) => copyWorksheet(s.worksheet, target.addWorksheet(names[i].name)));
  return names;
}
