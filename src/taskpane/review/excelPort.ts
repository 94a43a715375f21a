/**
 * The review port inside Excel: reads and writes the open workbook through the Office adapter.
 * ExcelJS (for reading picked files before importing them) is loaded only when files are imported.
 */
import { recognizeTables } from '../../domain/recognize';
import type { Finding, ReviewReport } from '../../domain/report';
import { DEFAULT_RUBRIC, layoutReviewSheets, reviewProperties } from '../../workbook/layout';
import type { ExcelRun } from '../../workbook/office/officeWorkbook';
import {
  clearMarks,
  findingTarget,
  importWorkbooks,
  marksForFindings,
  readForReview,
  selectCell,
  writeReview,
  type ImportSource,
  type WorkbookSnapshot,
} from '../../workbook/office/officeReview';
import { writePanelSheet } from '../../workbook/office/panelSheet';
import type { ExcelApiSupport } from '../host';
import { strings } from '../strings';
import { messageOf, toBase64, type PickedFile, type ReviewPort } from './ports';

/** Whether `version` (e.g. `1.12`) is at least `min` (e.g. `1.9`). */
function atLeast(version: string | null, min: string): boolean {
  if (!version) return false;
  const [a, b] = version.split('.').map(Number);
  const [c, d] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/**
 * @param excelApi what the host supports (from host detection)
 * @param run `Excel.run`, or a fake in tests and the end-to-end run
 */
export function createExcelPort(excelApi: ExcelApiSupport, run?: ExcelRun): ReviewPort {
  const features = { api18: atLeast(excelApi.highest, '1.8'), api19: atLeast(excelApi.highest, '1.9') };
  let snapshot: WorkbookSnapshot | null = null;
  /** Files that could not be read at import, reviewed as unreadable. */
  let unreadable: { file: string; error: string }[] = [];

  return {
    kind: 'excel',
    fileNames: () => [],
    async addFiles(files: PickedFile[]) {
      const { readWorkbook, isSpreadsheetMl } = await import(/* webpackChunkName: "reader" */ '../../workbook/file/reader');
      const sources: ImportSource[] = [];
      const problems: string[] = [];
      for (const f of files) {
        try {
          const grids = await readWorkbook(f.bytes, f.name);
          const kinds = Object.fromEntries(recognizeTables(grids).tables.map((t) => [t.sheet, t.kind]));
          // Excel inserts .xlsx only: any other format goes in as an .xlsx of what the reader read.
          const bytes = isSpreadsheetMl(f.bytes) ? f.bytes : await (await import(/* webpackChunkName: "xlsx" */ '../../workbook/file/copySheets')).gridsToXlsx(grids);
          sources.push({ file: f.name, base64: toBase64(bytes), grids, kinds });
          unreadable = unreadable.filter((u) => u.file !== f.name);
        } catch (error) {
          problems.push(messageOf(error));
          unreadable = [...unreadable.filter((u) => u.file !== f.name), { file: f.name, error: messageOf(error) }];
        }
      }
      if (sources.length === 0) return { message: '', problems };
      const result = await importWorkbooks(sources, excelApi.insertWorksheetsFromBase64, run);
      // Every imported file Excel did not insert itself was written as values only.
      const valuesOnly = sources.map((s) => s.file).filter((file) => !result.inserted.includes(file));
      const notes = [
        ...valuesOnly.map((file) => strings.importedValuesOnly(file, excelApi.insertWorksheetsFromBase64)),
        ...(result.inserted.length ? [strings.importedRecalculated] : []),
      ];
      return { message: strings.imported(result.imported.length, sources.length), problems, notes };
    },
    async read() {
      snapshot = await readForReview(run);
      return { files: [...snapshot.files, ...unreadable] };
    },
    async writeReview(report: ReviewReport) {
      const current = snapshot;
      if (!current) throw new Error('请先点击“开始审核”。');
      const result = await writeReview(
        {
          build: (inputs) => layoutReviewSheets({ report, rubric: DEFAULT_RUBRIC, copied: current.copied, inputs }),
          properties: reviewProperties(report, DEFAULT_RUBRIC),
          marks: marksForFindings(report.findings, current),
          features,
        },
        run,
      );
      snapshot = { ...current, ...result.snapshot };
      return strings.written(result.keptInputs, result.marked, result.unkept) + strings.writtenNotes(result);
    },
    async clearMarks() {
      const result = await clearMarks(run, features);
      return strings.marksCleared(result.cleared) + strings.protectedNotCleared(result.protectedSheets);
    },
    async mergeReviews(files: PickedFile[]) {
      if (files.length < 2) throw new Error(strings.mergeNeedsTwo(files.length));
      // ExcelJS (for reading the copies) is loaded only when reviews are merged.
      const { mergeReviewFiles } = await import(/* webpackChunkName: "xlsx" */ '../../workbook/file/reviewCopies');
      const { panel, layout } = await mergeReviewFiles(files.map((f) => ({ file: f.name, bytes: f.bytes })));
      const result = await writePanelSheet(layout, run, features);
      return strings.merged(result.sheet, panel.experts.length, panel.total.toFixed(2), panel.verdict, panel.toDiscuss) + (result.replaced ? strings.mergedReplaced : '');
    },
    copiedSheets: () => snapshot?.copied ?? [],
    canSelect(finding: Finding) {
      return snapshot !== null && findingTarget(finding, snapshot.copied) !== null;
    },
    async select(finding: Finding) {
      const target = snapshot ? findingTarget(finding, snapshot.copied) : null;
      if (!target) return false;
      await selectCell(target.sheet, target.address, run);
      return true;
    },
  };
}
