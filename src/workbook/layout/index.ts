/**
 * The review workbook's sheets as plain grid descriptions, with no ExcelJS and no file system, so
 * both the ExcelJS writer (CLI, standalone page) and an Office.js writer (task pane) draw the same.
 */
import type { ReviewReport } from '../../domain/report';
import { layoutFindingsSheet } from './findingsSheet';
import type { ReviewerInputs } from './inputs';
import type { Rubric } from './rubric';
import { layoutRubricSheet } from './rubricSheet';
import { layoutSampleSheet } from './sampleSheet';
import { layoutScoringSheet } from './scoringSheet';
import { pageTitles } from './text';
import type { CopiedSheet, SheetLayout } from './types';

export * from './types';
export { asText, looksLikeFormula, displayWidth, sheetRef, formulaString, pageTitles, printScale, MIN_PRINT_SCALE, COLORS } from './text';
export { REVIEW_SHEETS, MAX_SHEET_NAME, sanitizeSheetName, uniqueSheetNames, copiedSheetName } from './sheetNames';
export {
  DEFAULT_RUBRIC,
  INDICATOR_LABELS,
  MAX_STEPS,
  RULE_LABELS,
  RubricError,
  indicatorValue,
  loadRubric,
  rubricItems,
  rubricRow,
  scoreItem,
  scoreRow,
  type Rubric,
  type RubricCategory,
  type RubricItem,
  type RubricRow,
  type RubricRule,
} from './rubric';
export { MARK_COLUMN, countInputs, extractReviewerInputs, rowMark, sameValue, type ReviewerInputs, type ValueGrid } from './inputs';
export { RUBRIC_COLS, layoutRubricSheet, planRubricSheet, type RubricPlan, type RubricPlanRow } from './rubricSheet';
export {
  CONCLUSIONS,
  SCORING_COLS,
  VERDICTS,
  computeScoring,
  layoutScoringSheet,
  scoreFormula,
  type Scoring,
  type ScoringContext,
  type ScoredIndicator,
  type ScoredThreshold,
} from './scoringSheet';
export { DISPOSITIONS, FINDINGS_COLS, GONE_MARK, layoutFindingsSheet, sortFindingsForSheet } from './findingsSheet';
export { CHECK_RESULTS, SAMPLE_COLS, layoutSampleSheet, sampleKey, type SampleContext } from './sampleSheet';

/**
 * The four review sheets in tab order: 评分表, 评分细则, 问题清单, 抽查样本.
 *
 * @param copied where the submission's sheets went in the review workbook
 * @param inputs the reviewer's edits carried over from an earlier review workbook
 */
export function layoutReviewSheets(options: {
  report: ReviewReport;
  rubric: Rubric;
  copied?: readonly CopiedSheet[];
  inputs?: ReviewerInputs;
}): SheetLayout[] {
  const { report, rubric, copied = [], inputs } = options;
  const sheets = [
    layoutScoringSheet(report, rubric, { inputs }),
    layoutRubricSheet(rubric, report.platform.category, inputs),
    layoutFindingsSheet(report, copied, inputs),
    layoutSampleSheet(report, { copied, inputs }),
  ];
  return sheets.map((s) => ({ ...s, print: { ...s.print, ...pageTitles(report.platform.name, report.year, s.name) } }));
}

/**
 * The review workbook's custom document properties (File › Info › Properties): which rubric scored
 * it and whether that rubric is the official one, so a workbook scored under the example rubric is
 * recognisable without opening it. Both writers set them.
 */
export function reviewProperties(report: ReviewReport, rubric: Rubric): Record<string, string | boolean> {
  return { 评分细则: rubric.name, 评分细则为正式细则: !rubric.example, 审核年度: String(report.year) };
}
