/**
 * One expert's copy of a review workbook, read from its sheets' values for the panel (合议表):
 * rows are found by the row marks in the hidden column A (their key, and each reviewer field's
 * column), never by their position, so copies whose rows the reviewers moved, or whose findings
 * differ, still line up. What the reviewer typed is taken as it stands; a 得分 or 结论 that is
 * still the workbook's formula is computed from the copy's own 核定值 and 评分细则 exactly as that
 * formula does, so a copy edited without recalculation (ExcelJS, a script) reads as Excel shows it.
 */
import { a1 } from '../../domain/grid';
import { PanelError, type CopyEntry, type CopyIndicator, type CopyThreshold, type ReviewCopy } from '../../domain/panel';
import { MARK_COLUMN, sameValue, type ValueGrid } from './inputs';
import { FINDINGS_COLS } from './findingsSheet';
import { scoreRow, type RubricRow } from './rubric';
import { RUBRIC_COLS } from './rubricSheet';
import { SAMPLE_COLS } from './sampleSheet';
import { EXAMPLE_RUBRIC_WARNING, derivedConclusion, SCORING_COLS } from './scoringSheet';
import { REVIEW_SHEETS } from './sheetNames';
import type { LayoutScalar } from './types';

/** A review workbook's sheets as values, and what else the panel reads from it. */
export interface CopySource {
  file: string;
  /** Sheet name → values (formulas as their cached results). */
  sheets: Readonly<Record<string, ValueGrid>>;
  /**
   * The formula of a cell (without `=`), null for a constant; absent when the reader cannot tell,
   * in which case cached results are taken as they are.
   */
  formulaAt?: (sheet: string, row: number, col: number) => string | null;
  /**
   * Custom document properties (评分细则, 评分细则为正式细则, 审核年度); where a copy lost them
   * (saved by ExcelJS or a script), the 评分细则 title and the 评分表's example-rubric line say the same.
   */
  properties: Readonly<Record<string, string | boolean>>;
}

interface Marked {
  row: number;
  key: string;
  fields: Record<string, number>;
  cells: readonly LayoutScalar[];
}

/** Rows carrying a valid mark whose anchor is still in place (rows sorted apart from their marks are left out). */
function markedRows(grid: ValueGrid): Marked[] {
  const out: Marked[] = [];
  grid.forEach((cells, i) => {
    const v = cells[MARK_COLUMN - 1];
    if (typeof v !== 'string' || !v.startsWith('{"k"')) return;
    let m: { k?: unknown; f?: unknown; a?: unknown };
    try {
      m = JSON.parse(v) as typeof m;
    } catch {
      return;
    }
    if (typeof m.k !== 'string' || typeof m.f !== 'object' || m.f === null) return;
    const a = m.a;
    if (Array.isArray(a) && typeof a[0] === 'number' && !sameValue(cells[a[0] - 1] ?? null, (a[1] as LayoutScalar) ?? null)) return;
    const fields: Record<string, number> = {};
    for (const [name, spec] of Object.entries(m.f as Record<string, unknown>)) if (Array.isArray(spec) && typeof spec[0] === 'number') fields[name] = spec[0];
    out.push({ row: i + 1, key: m.k, fields, cells });
  });
  return out;
}

const at = (sheet: string, row: number, col: number) => `「${sheet}」${a1(row, col)}`;

function cellOf(m: Marked, col: number | undefined): LayoutScalar {
  if (col === undefined) return null;
  const v = m.cells[col - 1] ?? null;
  return typeof v === 'string' ? v.trim() : v;
}

function text(v: LayoutScalar): string | null {
  if (v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** The value beside a header label on the 评分表 (平台名称, 服务类别, 审核年度), found by the label. */
function labelled(grid: ValueGrid, label: string): { value: string | null; at: string } {
  for (let i = 0; i < grid.length; i++) {
    if (sameValue(grid[i][SCORING_COLS.id - 1] ?? null, label)) return { value: text(grid[i][SCORING_COLS.title - 1] ?? null), at: at(REVIEW_SHEETS.scoring, i + 1, SCORING_COLS.title) };
  }
  return { value: null, at: `「${REVIEW_SHEETS.scoring}」（无“${label}”一行）` };
}

/**
 * Read one copy.
 *
 * @throws PanelError (Chinese, naming the file) when it is not a review workbook this tool wrote
 */
export function readReviewCopy(source: CopySource): ReviewCopy {
  const { file, sheets, formulaAt } = source;
  const scoringGrid = sheets[REVIEW_SHEETS.scoring];
  const rubricGrid = sheets[REVIEW_SHEETS.rubric];
  if (!scoringGrid || !rubricGrid) {
    const missing = [REVIEW_SHEETS.scoring, REVIEW_SHEETS.rubric].filter((s) => !sheets[s]).map((s) => `“${s}”`);
    throw new PanelError(`「${file}」不是审核工作簿：没有${missing.join('、')}工作表（请选择由审核助手写出、评审专家填写后的审核工作簿）`);
  }
  const scoring = markedRows(scoringGrid);
  const rubricRows = markedRows(rubricGrid);
  if (!scoring.some((m) => 'override' in m.fields) || !rubricRows.some((m) => m.key === 'passScore')) {
    throw new PanelError(`「${file}」不是审核工作簿：评分表或评分细则中没有审核助手的行标记（隐藏的 A 列被删除或改动了？）`);
  }

  const rubricSheet = REVIEW_SHEETS.rubric;
  const pass = rubricRows.find((m) => m.key === 'passScore')!;
  const rows = rubricRows
    .filter((m) => m.key !== 'passScore')
    .map((m) => {
      const steps: RubricRow['steps'] = [];
      for (let i = 1; `min${i}` in m.fields; i++) steps.push({ min: cellOf(m, m.fields[`min${i}`]), points: cellOf(m, m.fields[`points${i}`]) });
      const values: RubricRow = {
        id: m.key,
        max: cellOf(m, m.fields.max),
        type: cellOf(m, m.fields.type),
        per: cellOf(m, m.fields.per),
        cap: cellOf(m, m.fields.cap),
        full: cellOf(m, m.fields.full),
        steps,
      };
      return { values, at: Object.fromEntries(Object.entries(m.fields).map(([f, c]) => [f, at(rubricSheet, m.row, c)])) };
    });
  const rubricOf = new Map(rows.map((r) => [r.values.id, r.values]));

  const sheet = REVIEW_SHEETS.scoring;
  const formula = (row: number, col: number) => (formulaAt ? formulaAt(sheet, row, col) : undefined);
  const thresholds: CopyThreshold[] = [];
  const indicators: CopyIndicator[] = [];
  let reviewer: string | null = null;
  for (const m of scoring) {
    if (m.key === 'reviewer') {
      reviewer = text(cellOf(m, m.fields.value));
      continue;
    }
    if (m.key === 'reviewDate') continue;
    const title = text(cellOf(m, SCORING_COLS.title)) ?? m.key;
    const value = cellOf(m, m.fields.value);
    const comment = text(cellOf(m, m.fields.comment));
    if ('override' in m.fields) {
      const override = text(cellOf(m, m.fields.override));
      let derived: string | null;
      if ('conclusion' in m.fields) derived = text(cellOf(m, m.fields.conclusion));
      else {
        // A computed 结论: IF(ISNUMBER(核定值),IF(AND(核定值>=要求[,FALSE]),…)); recomputed as Excel will.
        const f = formula(m.row, SCORING_COLS.result);
        const required = cellOf(m, SCORING_COLS.limit);
        derived = f && typeof required === 'number' ? derivedConclusion(value, required, !/,FALSE\)/.test(f)) : text(cellOf(m, SCORING_COLS.result));
      }
      thresholds.push({ id: m.key, title, value, conclusion: override ?? derived, overridden: override !== null, comment });
      continue;
    }
    const rubric = rubricOf.get(m.key);
    const max = rubric && typeof rubric.max === 'number' ? rubric.max : null;
    const cell = cellOf(m, SCORING_COLS.result);
    const f = formula(m.row, SCORING_COLS.result);
    let points: number | null;
    let typed = false;
    if (f === null) {
      // The reviewer typed over the 得分 formula: their number counts.
      points = typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
      typed = true;
    } else if (f !== undefined && rubric) points = scoreRow(rubric, value);
    else points = typeof cell === 'number' ? cell : null;
    indicators.push({ id: m.key, title, max, value, points, typed, comment });
  }

  const findings: CopyEntry[] = [];
  for (const m of markedRows(sheets[REVIEW_SHEETS.findings] ?? [])) {
    const C = FINDINGS_COLS;
    const where = [C.file, C.sheet, C.cell].map((c) => text(cellOf(m, c))).filter(Boolean).join(' ');
    const label = [text(cellOf(m, C.check)), where, text(cellOf(m, C.message))].filter(Boolean).join(' · ');
    findings.push({ key: m.key, label, fields: { disposition: text(cellOf(m, m.fields.disposition)), remark: text(cellOf(m, m.fields.remark)) } });
  }
  const samples: CopyEntry[] = [];
  for (const m of markedRows(sheets[REVIEW_SHEETS.sample] ?? [])) {
    const C = SAMPLE_COLS;
    const label = [text(cellOf(m, C.rank)), text(cellOf(m, C.enterprise))].filter(Boolean).join(' ');
    samples.push({
      key: m.key,
      label,
      fields: { contract: text(cellOf(m, m.fields.contract)), invoice: text(cellOf(m, m.fields.invoice)), note: text(cellOf(m, m.fields.note)) },
    });
  }

  const platform = labelled(scoringGrid, '平台名称');
  const category = labelled(scoringGrid, '服务类别');
  const year = labelled(scoringGrid, '审核年度');
  const props = source.properties;
  // ExcelJS and some other writers drop custom document properties: the sheets say the same.
  const title = text(rubricGrid[0]?.[1] ?? null);
  const titleName = title?.includes('— ') ? title.slice(title.indexOf('— ') + 2).trim() : null;
  const example = scoringGrid.some((r) => r.some((v) => v === EXAMPLE_RUBRIC_WARNING));
  return {
    file,
    reviewer,
    platform: platform.value,
    category: category.value,
    year: year.value ?? (typeof props['审核年度'] === 'string' ? props['审核年度'] : null),
    at: { platform: platform.at, category: category.at, year: year.at },
    rubric: {
      name: typeof props['评分细则'] === 'string' ? props['评分细则'] : titleName,
      official: typeof props['评分细则为正式细则'] === 'boolean' ? props['评分细则为正式细则'] : !example,
      passScore: cellOf(pass, pass.fields.value),
      passScoreAt: at(rubricSheet, pass.row, pass.fields.value ?? RUBRIC_COLS.max),
      rows,
    },
    thresholds,
    indicators,
    findings,
    samples,
  };
}
