/**
 * The panel (合议) from files: each expert's review workbook opened with ExcelJS and read by its
 * sheets' values, row marks and formulas (layout/reviewCopy.ts), merged by the domain
 * (domain/panel.ts), and the 合议表 workbook written with the same sheet writer as the review workbook.
 * The command line and the task pane both come here.
 */
import ExcelJS from 'exceljs';
import { PanelError, mergePanel, type Panel } from '../../domain/panel';
import { PANEL_MARK, PANEL_SHEET, layoutPanelSheet } from '../layout/panelSheet';
import { readReviewCopy, type CopySource } from '../layout/reviewCopy';
import type { ValueGrid } from '../layout/inputs';
import type { SheetLayout } from '../layout/types';
import { readCustomProperties, withCustomProperties, type CustomPropertyValue } from './customProperties';
import { sheetGrid } from './sheetValues';
import { writeSheetLayout } from './writeReview';

export { PanelError } from '../../domain/panel';

/** A reviewer's copy as picked or named: its file name and bytes. */
export interface ReviewFile {
  file: string;
  bytes: Uint8Array;
}

/** Sheets the panel reads. */
const READ_SHEETS = ['评分表', '评分细则', '问题清单', '抽查样本'];

/**
 * Open one expert's copy.
 *
 * @throws PanelError (Chinese, naming the file) when it cannot be opened or is not a review workbook
 */
export async function openReviewCopy(f: ReviewFile): Promise<ReturnType<typeof readReviewCopy>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new PanelError(`「${f.file}」无法作为审核工作簿打开：它不是有效的 .xlsx 文件（审核工作簿由审核助手写出，评审专家在 Excel、WPS 中填写后另存仍为 .xlsx）`);
  }
  const sheets: Record<string, ValueGrid> = {};
  const worksheets = new Map<string, ExcelJS.Worksheet>();
  for (const name of READ_SHEETS) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    sheets[name] = sheetGrid(ws);
    worksheets.set(name, ws);
  }
  let properties: Record<string, CustomPropertyValue> = {};
  try {
    properties = readCustomProperties(f.bytes);
  } catch {
    // A package ExcelJS opened but fflate cannot: no properties, the sheets still decide.
  }
  const source: CopySource = {
    file: f.file,
    sheets,
    formulaAt(sheet, row, col) {
      const cell = worksheets.get(sheet)?.getCell(row, col);
      if (!cell || cell.type !== ExcelJS.ValueType.Formula) return null;
      return cell.formula ?? '';
    },
    properties,
  };
  return readReviewCopy(source);
}

/** The merged panel and its 合议表. */
export interface MergedReviews {
  panel: Panel;
  layout: SheetLayout;
  /** Custom document properties of the 合议表 workbook, as the review workbooks carry them. */
  properties: Record<string, string | boolean>;
}

/**
 * Merge experts' copies of one platform's review workbook.
 *
 * @param gap scores further apart than this share of an indicator's 满分 are flagged (default 0.2)
 * @throws PanelError (Chinese) for fewer than two copies, the same file twice, a file that is not a
 *   review workbook, or copies of different platforms or rubrics
 */
export async function mergeReviewFiles(files: readonly ReviewFile[], gap?: number): Promise<MergedReviews> {
  if (files.length < 2) throw new PanelError(`合并评审至少需要两位专家的审核工作簿，只给出了 ${files.length} 个`);
  const copies = [];
  for (const f of files) copies.push(await openReviewCopy(f));
  const panel = mergePanel(copies, gap);
  const properties: Record<string, string | boolean> = {};
  if (panel.rubric.name !== null) properties['评分细则'] = panel.rubric.name;
  if (panel.rubric.official !== null) properties['评分细则为正式细则'] = panel.rubric.official;
  if (panel.year !== null) properties['审核年度'] = panel.year;
  properties['合议专家'] = panel.experts.map((e) => e.name).join('、');
  return { panel, layout: layoutPanelSheet(panel), properties };
}

/** The 合议表 workbook's bytes. */
export async function writePanelWorkbook(merged: Pick<MergedReviews, 'layout' | 'properties'>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '示范平台审核助手';
  wb.title = PANEL_SHEET;
  writeSheetLayout(wb.addWorksheet(merged.layout.name), merged.layout);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const buffer = await wb.xlsx.writeBuffer();
  return withCustomProperties(new Uint8Array(buffer as ArrayBuffer), merged.properties);
}

/** Whether an .xlsx is a 合议表 workbook (a sheet 合议表 with the panel's mark in A1), so writing over it loses no one's work. */
export async function isPanelWorkbook(bytes: Uint8Array): Promise<boolean> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return false;
  }
  return wb.worksheets.length === 1 && wb.getWorksheet(PANEL_SHEET)?.getCell('A1').value === PANEL_MARK;
}
