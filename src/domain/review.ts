/**
 * The review in one call: sheets in, one report out. Callers (CLI, task pane, standalone page)
 * read the files through a workbook adapter and hand the grids here.
 */
import { CHECKS } from './checks';
import { runChecks } from './checks/check';
import { collectCrossFacts, type CrossFacts } from './crossFacts';
import { compareDeclared, readDeclaredSheet, type DeclaredFigures } from './declared';
import { fillingUnitOf, resolvePlatform } from './platform';
import type { SheetGrid } from './grid';
import { computeIndicators } from './indicators';
import { comparePreviousYear } from './previousYear';
import { DEFAULT_QUALIFICATION_ORDER } from './qualification';
import { findPlatform } from './roster';
import { recognizeTables } from './recognize';
import type { Finding, ReviewReport, Severity } from './report';
import type { Rubric } from './rubric';
import { chooseSample, describeSample, type SampleOptions } from './sample';
import { scoreReview } from './scoring';
import { buildSubmission, type GivenFile, type ReviewOptions } from './submission';
import { evaluateThresholds } from './thresholds';

/** One file of a submission as an adapter delivers it: its sheets, or why it could not be read. */
export interface SubmittedFile {
  file: string;
  grids?: SheetGrid[];
  error?: string;
}

export interface ReviewInput {
  files: SubmittedFile[];
  /** `folder`: the submission folder's name, the title's last resort when nothing names the platform. */
  platform: { name: string | null; category: string; unit?: string | null; district?: string | null; folder?: string | null };
  year?: number;
  manufacturing?: boolean;
  staffRule?: 'either' | 'both';
  qualificationOrder?: readonly string[];
  sample?: Partial<SampleOptions>;
  /** Declared figures (a JSON file, or a 申报数据 sheet the caller already found); else the files are searched for one. */
  declared?: DeclaredFigures;
  /** The rubric to score under (the shipped example, or the official one); without it the report has no scoring. */
  rubric?: Rubric;
  /**
   * Last year's submission of the same platform (`--previous`): reviewed for the year before by the
   * same rules, for 8.4(2), the form's 二.13(2) and the 年度对比 block.
   */
  previous?: { files: SubmittedFile[]; source?: string | null };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings sorted by severity, then by each rank in turn (lower first), then row, then as found.
 *
 * @example
 * sortFindingsBy(findings, (f) => (f.sheet === null ? -1 : 0)) // errors first; within each, sheet-less ones first
 */
export function sortFindingsBy(findings: readonly Finding[], ...ranks: ((f: Finding) => number)[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const bySeverity = SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity];
      if (bySeverity !== 0) return bySeverity;
      for (const rank of ranks) {
        const d = rank(a.f) - rank(b.f);
        if (d !== 0) return d;
      }
      return (a.f.row ?? 0) - (b.f.row ?? 0) || a.i - b.i;
    })
    .map(({ f }) => f);
}

/**
 * Findings in the order reviewers read them: severity, then the files and sheets as submitted
 * (file-level findings first), then row.
 */
export function sortFindings(findings: Finding[], files: readonly { file: string; grids?: readonly { sheet: string }[] }[]): Finding[] {
  const fileOrder = new Map<string, number>();
  const sheetOrder = new Map<string, number>();
  files.forEach((f, i) => {
    fileOrder.set(f.file, i);
    f.grids?.forEach((g, j) => sheetOrder.set(`${f.file}\u0000${g.sheet}`, j));
  });
  const fileRank = (f: Finding) => (f.file === null ? -1 : (fileOrder.get(f.file) ?? files.length));
  const sheetRank = (f: Finding) => (f.sheet === null ? -1 : (sheetOrder.get(`${f.file}\u0000${f.sheet}`) ?? 0));
  return sortFindingsBy(findings, fileRank, sheetRank);
}

/**
 * Review one platform's submission.
 *
 * @example
 * const report = reviewSubmission({ files: [{ file: 'a.xlsx', grids }], platform: { name: null, category: '技术创新' } });
 * report.thresholds.find((t) => t.id === 'T4')?.status
 */
export function reviewSubmission(input: ReviewInput): ReviewReport {
  return reviewCollecting(input, false).report;
}

/**
 * Review one platform's submission and, when asked, collect what the checks across the platforms
 * of a batch compare (crossFacts.ts), from the same reading.
 */
export function reviewCollecting(input: ReviewInput, collect: boolean): { report: ReviewReport; facts?: CrossFacts } {
  const roster = input.platform.name ? findPlatform(input.platform.name) : undefined;
  const options: ReviewOptions = {
    year: input.year ?? 2024,
    category: input.platform.category,
    manufacturing: input.manufacturing ?? false,
    staffRule: input.staffRule ?? 'either',
    qualificationOrder: input.qualificationOrder ?? DEFAULT_QUALIFICATION_ORDER,
    platformName: input.platform.name,
    rosterCategory: roster?.category ?? null,
  };
  const { declared, submission, recognized } = submissionOf(input.files, options, input.declared);
  const indicators = computeIndicators(submission);
  submission.indicators = indicators;
  let previousYear: ReviewReport['previousYear'];
  if (input.previous) {
    // Last year's submission, counted by the same rules for its own year; its findings are last year's review's.
    const before = submissionOf(input.previous.files, { ...options, year: options.year - 1 });
    const beforeIndicators = computeIndicators(before.submission);
    previousYear = comparePreviousYear(submission, before.submission, beforeIndicators, input.previous.source ?? null, before.recognized.tables.length);
    indicators.newBeijingOrderEnterprises = previousYear.newFirms.length;
    submission.previousIndicators = beforeIndicators;
  }
  const findings = sortFindings(runChecks(CHECKS, submission), input.files);
  const thresholds = evaluateThresholds(indicators, { manufacturing: options.manufacturing, declaredFreeShare: declared?.values['二.8']?.value ?? null });
  const sampleOptions: SampleOptions = { by: 'enterprise', size: 100, random: 0, seed: 1, ...input.sample };
  const { sample, pool } = chooseSample(submission, sampleOptions);
  // What the caller left blank comes from the roster or the 申报数据 sheet, as the CLI resolves it,
  // so the page's workbook names the same 运营单位 and 所属区 as `--out`.
  const resolved = resolvePlatform({ category: input.platform.category, platformName: input.platform.name, declared: declared?.texts });
  // Without a name from the roster or 申报数据, the title takes a 「填报单位：」 line, then the folder's name.
  const filing = fillingUnitOf(input.files.flatMap((f) => f.grids ?? []));
  const { folder, ...named } = input.platform;
  const platform = {
    ...named,
    name: named.name ?? resolved.name ?? filing ?? (folder?.trim() || null),
    unit: named.unit ?? resolved.unit ?? filing,
    district: named.district ?? resolved.district,
  };
  const report: ReviewReport = {
    schemaVersion: 1,
    platform,
    year: options.year,
    tables: recognized.tables.map((t) => ({ kind: t.kind, file: t.file, sheet: t.sheet, headerRow: t.headerRow, dataRows: t.rows.length })),
    indicators,
    thresholds,
    findings,
    declared: declared
      ? compareDeclared(declared, indicators, options.category, previousYear?.indicators ?? null).map(({ ref, ...c }) => ({
          ...c,
          file: ref?.file ?? declared.source.file,
          sheet: ref?.sheet ?? declared.source.sheet,
          cell: ref?.cell ?? null,
        }))
      : [],
    sampleRule: {
      by: sampleOptions.by,
      size: sampleOptions.size,
      random: sampleOptions.random,
      seed: sampleOptions.random > 0 ? sampleOptions.seed : null,
      description: describeSample(sampleOptions, pool),
    },
    sample,
    scoring: input.rubric ? scoreReview(indicators, thresholds, options.category, input.rubric) : null,
    ...(previousYear ? { previousYear } : {}),
  };
  return collect ? { report, facts: collectCrossFacts(submission) } : { report };
}

/**
 * A submission's files as tables: the 申报数据 sheet (given, or found among the files) set apart,
 * the rest recognised and indexed.
 */
function submissionOf(files: SubmittedFile[], options: ReviewOptions, given?: DeclaredFigures) {
  const allGrids = files.flatMap((f) => f.grids ?? []);
  // A 申报数据 sheet holds the declared figures, not an attachment table.
  const declared = given ?? readDeclaredSheet(allGrids)?.figures ?? null;
  const source = declared?.source;
  const grids = source?.sheet ? allGrids.filter((g) => !(g.file === source.file && g.sheet === source.sheet)) : allGrids;
  const recognized = recognizeTables(grids);
  const givenFiles: GivenFile[] = files.map((f) => ({ file: f.file, sheets: f.grids?.map((g) => g.sheet), error: f.error }));
  return { declared, recognized, submission: buildSubmission(givenFiles, recognized, options, declared) };
}
