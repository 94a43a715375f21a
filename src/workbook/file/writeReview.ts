/**
 * The ExcelJS writer of the review workbook: 评分表, 评分细则, 问题清单 and 抽查样本 drawn from
 * the pure layouts, followed by the submission's sheets copied unchanged. Given the previous
 * review workbook, what the reviewer typed there is carried over; generated content is replaced.
 */
import ExcelJS from 'exceljs';
import { parseRange } from '../../domain/grid';
import type { ReviewReport } from '../../domain/report';
import { layoutReviewSheets, reviewProperties } from '../layout';
import { extractReviewerInputs, type ReviewerInputs } from '../layout/inputs';
import { UNKEPT_SHEET, layoutUnkeptSheet, type UnkeptEdit } from '../layout/unkeptSheet';
import { carriedUnkept, findUnkeptEdits, sealRowMarks, writeFingerprints } from './reviewerChanges';
import { reviewSheetGrids } from './sheetValues';
import { DEFAULT_RUBRIC, type Rubric } from '../layout/rubric';
import { PREVIOUS_YEAR_SHEET, REVIEW_SHEETS } from '../layout/sheetNames';
import { layoutPreviousYearSheet } from '../layout/previousYearSheet';
import { MIN_PRINT_SCALE, PAGE_MARGINS, PAGE_NUMBER_SECTION, displayWidth, formulaString, headerFooterSection, looksLikeFormula, pageTitles, printScale, sheetRef } from '../layout/text';
import type { LayoutCell, LayoutColumn, SheetLayout } from '../layout/types';
import { WorkbookReadError } from '../port';
import { copySheets, openSources, type OpenedSource, type SourceFile } from './copySheets';
import { withCustomProperties } from './customProperties';
import { safeValue } from './safeText';

export type { SourceFile } from './copySheets';

export interface WriteReviewOptions {
  report: ReviewReport;
  /** Defaults to the shipped example rubric. */
  rubric?: Rubric;
  /** The submitted files, whose sheets are copied into the review workbook. */
  sources: readonly SourceFile[];
  /** An earlier review workbook of the same platform: the reviewer's edits in it are kept. */
  previous?: Uint8Array;
  /** The sources already opened (a batch reads each file once for review and copy); else `sources` are opened here. */
  opened?: readonly OpenedSource[];
}

/** The earlier review workbook given as `previous` cannot be opened; `message` is Chinese. */
export class PreviousWorkbookError extends WorkbookReadError {}

const BORDER_COLOR = { argb: 'FFBFBFBF' };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: BORDER_COLOR };

function cellStyle(c: LayoutCell, isText: boolean): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (c.bold) font.bold = true;
  if (c.italic) font.italic = true;
  if (c.color) font.color = { argb: c.color };
  if (c.size) font.size = c.size;
  if (c.hyperlink) font.underline = true;
  if (Object.keys(font).length > 0) style.font = { name: '等线', size: 11, ...font };
  if (c.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.fill } };
  if (isText) style.numFmt = '@';
  else if (c.numFmt) style.numFmt = c.numFmt;
  if (c.align || c.valign || c.wrap) {
    style.alignment = {
      ...(c.align ? { horizontal: c.align } : {}),
      vertical: c.valign ?? (c.wrap ? 'top' : 'middle'),
      ...(c.wrap ? { wrapText: true } : {}),
    };
  }
  if (c.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  return style;
}

function cellValue(c: LayoutCell): ExcelJS.CellValue {
  const v = c.value;
  if (c.hyperlink) {
    const text = v === null || typeof v === 'object' ? '' : String(v);
    if ('url' in c.hyperlink) return { text, hyperlink: c.hyperlink.url };
    // A HYPERLINK formula: Excel, WPS and LibreOffice all follow `#'Sheet'!A1` from it.
    const target = `#${sheetRef(c.hyperlink.sheet).slice(0, -1)}!${c.hyperlink.cell}`;
    return { formula: `HYPERLINK(${formulaString(target)},${formulaString(text)})`, result: text };
  }
  if (v === null) return null;
  if (typeof v === 'object') {
    return v.result === undefined || v.result === null ? { formula: v.formula } : ({ formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue);
  }
  return v;
}

/**
 * Draw a layout onto an (empty) ExcelJS worksheet.
 *
 * @example
 * writeSheetLayout(workbook.addWorksheet(layout.name), layout);
 */
/** The printed page's header and footer codes (see `headerFooterSection`). */
export function headerFooterCodes(header: string | undefined, footer: string | undefined): Partial<ExcelJS.HeaderFooter> {
  return {
    ...(header ? { oddHeader: `&C${headerFooterSection(header)}` } : {}),
    oddFooter: `${footer ? `&L${headerFooterSection(footer)}` : ''}&R${PAGE_NUMBER_SECTION}`,
  };
}


/** Excel's width of a column that sets none. */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** A copied column is widened to its longest one-line text, but not past this: the page is fitted to one wide. */
const MAX_COPIED_WIDTH = 50;

/** What a copied cell shows on one line, for its column's width; null when it wraps or spans columns. */
function oneLineText(cell: ExcelJS.Cell): string | null {
  if (cell.type === ExcelJS.ValueType.Merge || cell.isMerged || cell.alignment?.wrapText) return null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return '0000-00-00';
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  return cell.text;
}

/**
 * Set a copied submission sheet up to print as a page of the review: A4 landscape, one page wide
 * where that keeps its text legible (else over pages across at the smallest legible scale), its
 * header row repeated on every page, and no column narrower than its one-line text (up to
 * {@link MAX_COPIED_WIDTH}), so names and credit codes are not cut. A column is only ever widened.
 *
 * @param headerRow the attachment table's header row, when the sheet holds one
 */
export function printCopiedSheet(ws: ExcelJS.Worksheet, headerRow?: number): void {
  const need = new Map<number, number>();
  ws.eachRow((row) =>
    row.eachCell((cell, c) => {
      const text = oneLineText(cell);
      if (text === null) return;
      const w = Math.min(MAX_COPIED_WIDTH, Math.max(...text.split(/\r?\n/).map(displayWidth)) + 2);
      if (w > (need.get(c) ?? 0)) need.set(c, w);
    }),
  );
  for (const [c, w] of need) {
    const col = ws.getColumn(c);
    if (!col.hidden && w > (col.width ?? DEFAULT_COLUMN_WIDTH)) col.width = w;
  }
  let titleRows: string | undefined;
  if (headerRow !== undefined && headerRow >= 1) {
    // A header merged down over several rows repeats whole.
    let last = headerRow;
    for (const m of ws.model.merges ?? []) {
      const corners = parseRange(m);
      if (corners?.top === headerRow) last = Math.max(last, corners.bottom);
    }
    titleRows = `${headerRow}:${last}`;
  }
  // The set columns as they are, and the rest at the default width, without creating a column
  // object for each (a stray value in XFD would make 16,384).
  const set = ws.columns ?? [];
  const columns: LayoutColumn[] = set.map((col) => ({ width: col.width ?? DEFAULT_COLUMN_WIDTH, hidden: col.hidden }));
  if (ws.columnCount > set.length) columns.push({ width: (ws.columnCount - set.length) * DEFAULT_COLUMN_WIDTH });
  const scale = printScale(columns);
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: false,
    scale,
    // A table too wide for one legible page prints each band of rows across its pages in turn.
    pageOrder: scale === MIN_PRINT_SCALE ? 'overThenDown' : 'downThenOver',
    margins: { ...PAGE_MARGINS },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

export function writeSheetLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    // ExcelJS drops a column whose width equals its default (9), leaving Excel's 8.43.
    col.width = c.width === 9 ? 9.01 : c.width;
    if (c.hidden) col.hidden = true;
  });
  // One style object per distinct style: ExcelJS indexes styles by object, and a fresh object per
  // cell made its writer superlinear on a 问题清单 of 200,000 rows. Nothing mutates a style after.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row, c.col);
    // Strings are written as strings, never parsed: text from a submission stays text.
    const isText = typeof c.value === 'string' && (c.text === true || looksLikeFormula(c.value));
    const value = cellValue(c);
    if (value !== null) cell.value = safeValue(value);
    const style = cellStyle(c, isText);
    if (Object.keys(style).length === 0) continue;
    const key = JSON.stringify(style);
    let shared = styles.get(key);
    if (!shared) styles.set(key, (shared = style));
    cell.style = shared;
  }
  for (const m of layout.merges) ws.mergeCells(m);
  for (const h of layout.rowHeights) ws.getRow(h.row).height = h.height;
  if (layout.freeze && (layout.freeze.row > 0 || layout.freeze.col > 0)) {
    ws.views = [{ state: 'frozen', xSplit: layout.freeze.col, ySplit: layout.freeze.row }];
  }
  if (layout.autoFilter) ws.autoFilter = layout.autoFilter;
  // ExcelJS takes a range here (written as one sqref) but its typings only know per-cell validations.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const dv of layout.dataValidations) {
    validations.add(dv.range, {
      type: 'list',
      allowBlank: true,
      formulae: [formulaString(dv.options.join(','))],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请从下拉列表选择',
      error: `只能填写：${dv.options.join('、')}`,
      ...(dv.prompt ? { showInputMessage: true, prompt: dv.prompt } : {}),
    });
  }
  let priority = 1;
  for (const cf of layout.conditionalFormats) {
    if (cf.type === 'dataBar') {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'dataBar',
            priority: priority++,
            cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
            color: { argb: cf.color },
            gradient: true,
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    } else {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'cellIs',
            operator: 'equal',
            priority: priority++,
            formulae: [formulaString(cf.value)],
            style: {
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: cf.fill } },
              ...(cf.color ? { font: { color: { argb: cf.color } } } : {}),
            },
          },
        ],
      });
    }
  }
  const { print } = layout;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    paperSize: 9, // A4
    // A fixed scale, not "fit to one page wide": fitting would shrink a wide sheet's text below 8 pt.
    fitToPage: false,
    scale: print.scale,
    pageOrder: 'overThenDown',
    horizontalCentered: true,
    margins: { ...PAGE_MARGINS },
    ...(print.titleRows ? { printTitlesRow: print.titleRows } : {}),
    ...(print.titleColumns ? { printTitlesColumn: print.titleColumns } : {}),
  };
  // ExcelJS breaks the page after the row it is given.
  for (const r of print.breaksBefore ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  ws.headerFooter = headerFooterCodes(print.header, print.footer ?? layout.name);
  if (layout.tabColor) ws.properties.tabColor = { argb: layout.tabColor };
}

/**
 * What the reviewer typed into an earlier review workbook: 结论 and 核定值 on 评分表, 评审专家 and
 * 审核日期, points on 评分细则, 核验 results and 备注 on 抽查样本.
 *
 * @throws WorkbookReadError (Chinese) when the file cannot be opened
 */
export async function readReviewerInputs(previous: Uint8Array): Promise<ReviewerInputs> {
  return inputsOf(await loadPrevious(previous));
}

/** Open an earlier review workbook. @throws PreviousWorkbookError (Chinese) */
async function loadPrevious(previous: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(previous.buffer.slice(previous.byteOffset, previous.byteOffset + previous.byteLength) as ArrayBuffer);
  } catch (err) {
    throw new PreviousWorkbookError('审核工作簿', `无法读取已有的审核工作簿：${err instanceof Error ? err.message : String(err)}`);
  }
  return wb;
}

function inputsOf(wb: ExcelJS.Workbook): ReviewerInputs {
  return extractReviewerInputs(reviewSheetGrids(wb));
}

/**
 * Build the review workbook.
 *
 * @returns the .xlsx bytes
 * @example
 * const bytes = await writeReviewWorkbook({ report, rubric: DEFAULT_RUBRIC, sources: [{ file: 'a.xlsx', data }] });
 */
export async function writeReviewWorkbook(options: WriteReviewOptions): Promise<Uint8Array> {
  return (await buildReviewWorkbook(options)).bytes;
}

/**
 * Build the review workbook, and say what of the reviewer's work in `previous` it carried over
 * (`inputs`) and which changes it could not keep (`unkept`, listed on its 「未保留的修改」 sheet).
 * `previous` is opened once, here.
 *
 * @throws PreviousWorkbookError when `previous` cannot be opened
 */
export async function buildReviewWorkbook(options: WriteReviewOptions): Promise<{ bytes: Uint8Array; unkept: UnkeptEdit[]; inputs?: ReviewerInputs }> {
  const { report, rubric = DEFAULT_RUBRIC, sources, previous } = options;
  const before = previous ? await loadPrevious(previous) : undefined;
  // The earlier review sheets' values, read once for the entries carried and for what cannot be kept.
  const beforeGrids = before ? reviewSheetGrids(before) : undefined;
  const inputs = beforeGrids ? extractReviewerInputs(beforeGrids) : undefined;
  const wb = new ExcelJS.Workbook();
  wb.creator = '示范平台审核助手';
  wb.title = `${report.platform.name ?? ''} 绩效评价审核`.trim();
  wb.calcProperties = { fullCalcOnLoad: true };

  const reviewNames = Object.values(REVIEW_SHEETS);
  const reviewSheets = reviewNames.map((name) => wb.addWorksheet(name));
  const opened = options.opened ?? (await openSources(sources));
  const kindOf = (file: string, sheet: string) => report.tables.find((t) => t.file === file && t.sheet === sheet)?.kind;
  // 新增订单企业 (with --previous) follows the four review sheets; added now so the copies come after it.
  const newFirmsSheet = report.previousYear ? wb.addWorksheet(PREVIOUS_YEAR_SHEET) : undefined;
  const copied = copySheets(wb, opened, kindOf, [...reviewNames, UNKEPT_SHEET, PREVIOUS_YEAR_SHEET]);

  const layouts = layoutReviewSheets({ report, rubric, copied, inputs });
  layouts.forEach((layout, i) => {
    writeSheetLayout(reviewSheets[i], layout);
    sealRowMarks(reviewSheets[i], layout.columns.length);
  });
  const newFirms = layoutPreviousYearSheet(report, copied);
  if (newFirmsSheet && newFirms) writeSheetLayout(newFirmsSheet, { ...newFirms, print: { ...newFirms.print, ...pageTitles(report.platform.name, report.year, newFirms.name) } });
  // The copies print as the review's pages too, naming the file they came from.
  for (const c of copied) {
    const ws = wb.getWorksheet(c.name);
    if (!ws) continue;
    const titles = pageTitles(report.platform.name, report.year, `材料：${c.file} » ${c.sheet}`);
    ws.headerFooter = headerFooterCodes(titles.header, titles.footer);
    printCopiedSheet(ws, report.tables.find((t) => t.file === c.file && t.sheet === c.sheet)?.headerRow);
  }
  writeFingerprints(wb, copied.map((c) => c.name));
  // What the reviewer changed that this workbook does not keep: listed, never dropped silently.
  const unkept = before && beforeGrids ? [...carriedUnkept(before), ...findUnkeptEdits(before, beforeGrids, wb, copied.map((c) => c.name))] : [];
  if (unkept.length > 0) {
    const layout = layoutUnkeptSheet(unkept);
    // Right after the four review sheets, before the copies (ExcelJS orders sheets by orderNo).
    type Ordered = ExcelJS.Worksheet & { orderNo: number };
    const after = reviewSheets.length + 1;
    for (const w of wb.worksheets as Ordered[]) if (w.orderNo >= after) w.orderNo += 1;
    const ws = wb.addWorksheet(layout.name) as Ordered;
    ws.orderNo = after;
    writeSheetLayout(ws, { ...layout, print: { ...layout.print, ...pageTitles(report.platform.name, report.year, layout.name) } });
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  // Fastest deflate: a fifth larger file, a third less time, which counts when a batch writes 175 of them.
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions);
  return { bytes: withCustomProperties(new Uint8Array(buffer as ArrayBuffer), reviewProperties(report, rubric)), unkept, inputs };
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The review workbook's file name: `<平台名称>-审核.xlsx`, safe on Windows, macOS and Linux.
 *
 * @param platformName the platform's name, if known
 * @param fallbackName used when there is no platform name (e.g. the submission folder's name)
 * @example
 * reviewWorkbookName('星河中小企业公共服务平台', 'x') // '星河中小企业公共服务平台-审核.xlsx'
 * reviewWorkbookName(null, '材料/2024') // '材料_2024-审核.xlsx'
 */
export function reviewWorkbookName(platformName: string | null, fallbackName: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '')
      .replace(/^[. ]+/, '');
  let base = clean(platformName ?? '') || clean(fallbackName.replace(/\.xlsx$/i, '')) || '审核结果';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  base = Array.from(base).slice(0, 100).join('');
  return `${base}-审核.xlsx`;
}
