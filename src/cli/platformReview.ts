/**
 * Review one platform's folder and write its review workbook: the unit of work of the batch,
 * run in a worker thread or in-process. Never throws: a platform that cannot be reviewed comes
 * back with its reason.
 */
import * as path from 'node:path';
import { computeScoring } from '../workbook/layout/scoringSheet';
import { DEFAULT_RUBRIC, loadRubric } from '../workbook/layout/rubric';
import { openSubmissionFile } from '../workbook/file/openSubmission';
import { listSubmissionFiles } from '../workbook/file/submissionFiles';
import type { SummaryRow } from '../workbook/file/summaryWorkbook';
import { reviewWorkbookName } from '../workbook/file/writeReview';
import type ExcelJS from 'exceljs';
import type { CrossFacts } from '../domain/crossFacts';
import type { ResolvedPlatform } from '../domain/platform';
import type { Finding, ReviewReport } from '../domain/report';
import type { Rubric } from '../domain/rubric';
import { isSparse, openSources, type OpenedSource, type SourceFile } from '../workbook/file/copySheets';
import { fileBytes, readBytes, type SubmissionFile } from '../workbook/file/submissionFiles';
import { reviewPlatform, withFindingsAcross, withoutReviewSheets, type AcrossPlatforms, type ReviewSettings } from '../workbook/reviewPlatform';
import { writePlatformWorkbook } from './platformWorkbook';
import { loadPrevious } from './previousYear';

export interface PlatformJob {
  folder: string;
  defaultCategory: string | null;
  /** Every option that changes a review, exactly as a single review takes them. */
  settings: ReviewSettings;
  /** The rubric as parsed JSON (plain data crosses to a worker); the default when absent. */
  rubric?: unknown;
  outDir: string;
  /** Last year's folder of the platform (--previous-batch), when one matched. */
  previousFolder?: string;
  /** The batch's checks across platforms: collect their facts. */
  across?: AcrossPlatforms;
}

/** One platform's line of 汇总.xlsx, plus what the batch needs to report on it. */
export interface PlatformResult extends SummaryRow {
  folder: string;
  maxTotal: number | null;
  /** How many of the reviewer's changes in the previous workbook could not be kept (listed on 「未保留的修改」). */
  unkept?: number;
  /** Why last year's folder (--previous-batch) could not be used; the platform was reviewed without it. */
  previousProblem?: string;
  ms: number;
  /** What the checks across platforms compare, when the job asked for it (dropped once they have run). */
  facts?: CrossFacts;
}

/** A result with nothing reviewed yet: the platform known only by its folder. */
export function emptyResult(folder: string, problem?: string): PlatformResult {
  const folderName = path.basename(folder);
  return {
    folder: folderName,
    name: folderName,
    unit: null,
    category: null,
    district: null,
    verdict: null,
    total: null,
    maxTotal: null,
    failedConditions: [],
    errors: 0,
    warnings: 0,
    workbook: null,
    ...(problem ? { problem } : {}),
    ms: 0,
  };
}

/** A platform reviewed and not yet written: what its review workbook needs. */
export interface ReviewedPlatform {
  job: PlatformJob;
  started: number;
  folderName: string;
  rubric: Rubric;
  report: ReviewReport;
  platform: ResolvedPlatform;
  /** The files reviewed (for sorting findings added later). */
  files: readonly { file: string; grids?: readonly { sheet: string }[] }[];
  /** Opened for copying already (one pass), or the bytes to open them from when written (held). */
  opened?: readonly OpenedSource[];
  sources?: readonly SourceFile[];
  facts?: CrossFacts;
  /** Why last year's folder (--previous-batch) could not be used. */
  previousProblem?: string;
}

/** Formats of an .xlsx or .xlsm are copied by ExcelJS from the bytes; other files (and sparse sheets) are copied from the reader's grids. */
const EXCELJS_OPENS = /\.xls[xm]$/i;

/**
 * Review one platform's folder without writing: the first stage of {@link reviewPlatformFolder}.
 * With `hold`, the files are not opened for copying: their bytes (and only the grids the copy
 * needs) are kept, so that a batch can hold every platform until the checks across platforms
 * have run, and write each once. A platform that cannot be reviewed comes back as its result.
 */
export async function reviewStage(job: PlatformJob, hold = false): Promise<ReviewedPlatform | PlatformResult> {
  const started = Date.now();
  const folderName = path.basename(job.folder);
  const base: PlatformResult = emptyResult(job.folder);
  try {
    // Each file is parsed once: its grids for the review, its workbook for the copy.
    const { files: entries, problems } = await listSubmissionFiles([job.folder]);
    const files: (SubmissionFile & { workbook?: ExcelJS.Workbook; source?: SourceFile })[] = [];
    for (const e of entries) {
      let f;
      if (hold) {
        const bytes = await fileBytes(e);
        if ('error' in bytes) f = { ...e, error: bytes.error };
        else {
          const read = withoutReviewSheets(await readBytes(e, bytes.data));
          const keepGrids = !!read.grids && (!EXCELJS_OPENS.test(e.file) || isSparse(read.grids));
          f = read.grids ? { ...read, source: { file: e.file, data: bytes.data, ...(keepGrids ? { grids: read.grids } : { sheets: read.grids.map((g) => g.sheet) }) } } : read;
        }
      } else {
        f = withoutReviewSheets(await openSubmissionFile(e));
      }
      // A review workbook in a platform's folder is this tool's output, not the platform's tables.
      if (!f.reviewWorkbook) files.push(f);
    }
    const readable = files.filter((f) => f.grids);
    if (readable.length === 0) {
      const why = [...problems.map((p) => p.message), ...files.map((f) => f.error ?? '')].filter(Boolean).join('；');
      return { ...base, problem: why || '没有可读取的表格', ms: Date.now() - started };
    }
    const rubric = job.rubric === undefined ? DEFAULT_RUBRIC : loadRubric(job.rubric);
    const before = job.previousFolder !== undefined ? await loadPrevious(job.previousFolder, [job.outDir]) : null;
    const { report, platform, facts } = await reviewPlatform(
      { given: { folderName, defaultCategory: job.defaultCategory, folder: folderName }, settings: job.settings, rubric, across: job.across },
      { read: async () => files, readPrevious: async () => (before && 'previous' in before ? before.previous : null) },
    );
    if (!report) {
      return {
        ...base,
        name: platform.name ?? folderName,
        unit: platform.unit,
        district: platform.district,
        problem: '无法确定服务类别：文件夹名不在附件4-1 名录中，申报数据中也没有类别，且未给 --category',
        ms: Date.now() - started,
      };
    }
    return {
      job,
      started,
      folderName,
      rubric,
      report,
      platform,
      files: files.map((f) => ({ file: f.file, grids: f.grids?.map((g) => ({ sheet: g.sheet })) })),
      ...(hold ? { sources: readable.map((f) => f.source!) } : { opened: readable.map((f) => ({ file: f.file, workbook: f.workbook })) }),
      ...(facts ? { facts } : {}),
      ...(before && 'problem' in before ? { previousProblem: before.problem } : {}),
    };
  } catch (err) {
    return { ...base, problem: `审核中断：${err instanceof Error ? err.message : String(err)}`, ms: Date.now() - started };
  }
}

/** Whether a stage gave a reviewed platform (else its final result). */
export function isReviewed(r: ReviewedPlatform | PlatformResult): r is ReviewedPlatform {
  return 'report' in r;
}

/** What a reviewed platform's line says before it is written (the batch's first stage). */
export function reviewedResult(r: ReviewedPlatform): PlatformResult {
  return { ...emptyResult(r.job.folder), name: r.platform.name ?? r.folderName, unit: r.platform.unit, district: r.platform.district, category: r.platform.category, ...(r.facts ? { facts: r.facts } : {}), ms: Date.now() - r.started };
}

/**
 * A reviewed platform as a batch worker holds it until it is written: without its facts (posted
 * back already), its report as one JSON string. A worker holds dozens of platforms; as strings
 * and file bytes they cost the garbage collector nothing to keep, where the report's thousands
 * of objects would be marked again at every collection of the reviews still running.
 */
export function toHold(r: ReviewedPlatform): HeldPlatform {
  const { report, ...rest } = r;
  delete rest.facts;
  return { ...rest, reportJson: JSON.stringify(report) };
}

export type HeldPlatform = Omit<ReviewedPlatform, 'report' | 'facts'> & { reportJson: string };

/** The reviewed platform again, to write it. */
export function fromHold(h: HeldPlatform): ReviewedPlatform {
  const { reportJson, ...rest } = h;
  return { ...rest, report: JSON.parse(reportJson) as ReviewReport };
}


/**
 * Write a reviewed platform's review workbook, with the findings of the checks across platforms
 * added (a batch's second stage): the second stage of {@link reviewPlatformFolder}.
 */
export async function writeStage(r: ReviewedPlatform, findingsAcross: readonly Finding[] = []): Promise<PlatformResult> {
  const { job, folderName, rubric, platform } = r;
  const base: PlatformResult = { ...emptyResult(job.folder), name: platform.name ?? folderName, unit: platform.unit, district: platform.district };
  try {
    const report = withFindingsAcross(r.report, findingsAcross, r.files);
    // Named by its folder too when the platform's name is not the folder's: two folders that
    // declare one platform get a workbook each, not one overwritten by the other.
    const workbookName = platform.name && platform.name !== folderName ? `${platform.name}（${folderName}）` : (platform.name ?? folderName);
    const target = path.join(job.outDir, reviewWorkbookName(workbookName, folderName));
    const opened = r.opened ?? (await openSources(r.sources ?? []));
    const done = await writePlatformWorkbook(target, report, rubric, { sources: [], opened });
    // A file in the way that is not a review workbook we can read is never overwritten.
    if ('refused' in done) return { ...base, problem: `「${path.basename(done.target)}」已存在但无法读取，未覆盖`, ms: Date.now() - r.started };
    // The summary shows what the workbook shows: with the reviewer's carried edits.
    const scoring = computeScoring(report, rubric, done.inputs);
    return {
      ...base,
      category: platform.category,
      verdict: scoring.verdict,
      consequence: scoring.consequence,
      total: scoring.total,
      maxTotal: scoring.maxTotal,
      failedConditions: report.thresholds.filter((t) => t.status === 'fail').map((t) => t.id),
      errors: report.findings.filter((f) => f.severity === 'error').length,
      warnings: report.findings.filter((f) => f.severity === 'warning').length,
      workbook: path.basename(done.written),
      ...(done.unkept > 0 ? { unkept: done.unkept } : {}),
      ...(r.previousProblem ? { previousProblem: r.previousProblem } : {}),
      ms: Date.now() - r.started,
    };
  } catch (err) {
    return { ...base, problem: `审核中断：${err instanceof Error ? err.message : String(err)}`, ms: Date.now() - r.started };
  }
}

/** Review one platform's folder and write its review workbook, in one go (a batch without checks across platforms). */
export async function reviewPlatformFolder(job: PlatformJob, findingsAcross: readonly Finding[] = []): Promise<PlatformResult> {
  const r = await reviewStage(job);
  return isReviewed(r) ? writeStage(r, findingsAcross) : r;
}
