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
import type { CrossFacts } from '../domain/crossFacts';
import { reviewPlatform, withoutReviewSheets, type AcrossPlatforms, type ReviewSettings } from '../workbook/reviewPlatform';
import { writePlatformWorkbook } from './platformWorkbook';

export interface PlatformJob {
  folder: string;
  defaultCategory: string | null;
  /** Every option that changes a review, exactly as a single review takes them. */
  settings: ReviewSettings;
  /** The rubric as parsed JSON (plain data crosses to a worker); the default when absent. */
  rubric?: unknown;
  outDir: string;
  /** The batch's checks across platforms: collect their facts (first pass), or add their findings (second pass). */
  across?: AcrossPlatforms;
}

/** One platform's line of 汇总.xlsx, plus what the batch needs to report on it. */
export interface PlatformResult extends SummaryRow {
  folder: string;
  maxTotal: number | null;
  /** How many of the reviewer's changes in the previous workbook could not be kept (listed on 「未保留的修改」). */
  unkept?: number;
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

export async function reviewPlatformFolder(job: PlatformJob): Promise<PlatformResult> {
  const started = Date.now();
  const folderName = path.basename(job.folder);
  const base: PlatformResult = emptyResult(job.folder);
  try {
    // Each file is parsed once: its grids for the review, its workbook for the copy.
    const { files: entries, problems } = await listSubmissionFiles([job.folder]);
    const files: Awaited<ReturnType<typeof openSubmissionFile>>[] = [];
    for (const e of entries) {
      const f = withoutReviewSheets(await openSubmissionFile(e));
      // A review workbook in a platform's folder is this tool's output, not the platform's tables.
      if (!f.reviewWorkbook) files.push(f);
    }
    const readable = files.filter((f) => f.grids);
    if (readable.length === 0) {
      const why = [...problems.map((p) => p.message), ...files.map((f) => f.error ?? '')].filter(Boolean).join('；');
      return { ...base, problem: why || '没有可读取的表格', ms: Date.now() - started };
    }
    const rubric = job.rubric === undefined ? DEFAULT_RUBRIC : loadRubric(job.rubric);
    const { report, platform, written: done, facts } = await reviewPlatform(
      { given: { folderName, defaultCategory: job.defaultCategory, folder: folderName }, settings: job.settings, rubric, across: job.across },
      {
        read: async () => files,
        write: (r, { platform: p }) => {
          // Named by its folder too when the platform's name is not the folder's: two folders that
          // declare one platform get a workbook each, not one overwritten by the other.
          const workbookName = p.name && p.name !== folderName ? `${p.name}（${folderName}）` : (p.name ?? folderName);
          const target = path.join(job.outDir, reviewWorkbookName(workbookName, folderName));
          return writePlatformWorkbook(target, r, rubric, { sources: [], opened: readable.map((f) => ({ file: f.file, workbook: f.workbook })) });
        },
      },
    );
    const withName = { ...base, name: platform.name ?? folderName, unit: platform.unit, district: platform.district };
    if (!report || !done) {
      return { ...withName, problem: '无法确定服务类别：文件夹名不在附件4-1 名录中，申报数据中也没有类别，且未给 --category', ms: Date.now() - started };
    }
    // A file in the way that is not a review workbook we can read is never overwritten.
    if ('refused' in done) return { ...withName, problem: `「${path.basename(done.target)}」已存在但无法读取，未覆盖`, ms: Date.now() - started };
    // The summary shows what the workbook shows: with the reviewer's carried edits.
    const scoring = computeScoring(report, rubric, done.inputs);
    return {
      ...withName,
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
      ...(facts ? { facts } : {}),
      ms: Date.now() - started,
    };
  } catch (err) {
    return { ...base, problem: `审核中断：${err instanceof Error ? err.message : String(err)}`, ms: Date.now() - started };
  }
}
