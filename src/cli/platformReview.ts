/**
 * Review one platform's folder and write its review workbook: the unit of work of the batch,
 * run in a worker thread or in-process. Never throws: a platform that cannot be reviewed comes
 * back with its reason.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { readDeclaredSheet } from '../domain/declared';
import { reviewSubmission } from '../domain/review';
import { computeScoring } from '../workbook/layout/scoringSheet';
import { DEFAULT_RUBRIC, loadRubric } from '../workbook/layout/rubric';
import { openSubmissionFile } from '../workbook/file/openSubmission';
import { isReviewWorkbookSheets } from '../workbook/layout/sheetNames';
import { listSubmissionFiles } from '../workbook/file/submissionFiles';
import type { SummaryRow } from '../workbook/file/summaryWorkbook';
import { buildReviewWorkbook, readReviewerInputs, reviewWorkbookName } from '../workbook/file/writeReview';
import { writeFileAtomic } from './atomicWrite';
import { resolvePlatform } from '../domain/platform';

export interface PlatformJob {
  folder: string;
  defaultCategory: string | null;
  year: number;
  manufacturing: boolean;
  /** The rubric as parsed JSON (plain data crosses to a worker); the default when absent. */
  rubric?: unknown;
  outDir: string;
  /** The same counting and sampling options a single review takes (--staff-rule, --qualification-order, --sample-by, --random, --seed). */
  staffRule?: 'either' | 'both';
  qualificationOrder?: readonly string[];
  sample?: { by: 'enterprise' | 'order'; size: number; random: number; seed: number };
}

/** One platform's line of 汇总.xlsx, plus what the batch needs to report on it. */
export interface PlatformResult extends SummaryRow {
  folder: string;
  maxTotal: number | null;
  /** How many of the reviewer's changes in the previous workbook could not be kept (listed on 「未保留的修改」). */
  unkept?: number;
  ms: number;
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

export async function reviewPlatform(job: PlatformJob): Promise<PlatformResult> {
  const started = Date.now();
  const folderName = path.basename(job.folder);
  const base: PlatformResult = emptyResult(job.folder);
  try {
    // Each file is parsed once: its grids for the review, its workbook for the copy.
    const { files: entries, problems } = await listSubmissionFiles([job.folder]);
    const files = [];
    for (const e of entries) {
      const f = await openSubmissionFile(e);
      // A review workbook in a platform's folder is this tool's output, not the platform's tables.
      if (f.grids && isReviewWorkbookSheets(f.grids.map((g) => g.sheet))) continue;
      files.push(f);
    }
    const readable = files.filter((f) => f.grids);
    if (readable.length === 0) {
      const why = [...problems.map((p) => p.message), ...files.map((f) => f.error ?? '')].filter(Boolean).join('；');
      return { ...base, problem: why || '没有可读取的表格', ms: Date.now() - started };
    }
    const declared = readDeclaredSheet(readable.flatMap((f) => f.grids ?? []))?.figures;
    const platform = resolvePlatform({ folderName, declared: declared?.texts, defaultCategory: job.defaultCategory });
    const withName = { ...base, name: platform.name ?? folderName, unit: platform.unit, district: platform.district };
    if (!platform.category) {
      return { ...withName, problem: '无法确定服务类别：文件夹名不在附件4-1 名录中，申报数据中也没有类别，且未给 --category', ms: Date.now() - started };
    }
    const rubric = job.rubric === undefined ? DEFAULT_RUBRIC : loadRubric(job.rubric);
    const report = reviewSubmission({
      files: files.map((f) => ({ file: f.file, grids: f.grids, error: f.error })),
      platform: { name: platform.name, category: platform.category, unit: platform.unit, district: platform.district, folder: folderName },
      year: job.year,
      manufacturing: job.manufacturing,
      staffRule: job.staffRule,
      qualificationOrder: job.qualificationOrder,
      sample: job.sample,
      declared,
      rubric,
    });
    // Named by its folder too when the platform's name is not the folder's: two folders that
    // declare one platform get a workbook each, not one overwritten by the other.
    const workbookName = platform.name && platform.name !== folderName ? `${platform.name}（${folderName}）` : (platform.name ?? folderName);
    const target = path.join(job.outDir, reviewWorkbookName(workbookName, folderName));
    const previous = await fsp.readFile(target).catch(() => undefined);
    let inputs: Awaited<ReturnType<typeof readReviewerInputs>> | undefined;
    if (previous) {
      // A file in the way that is not a review workbook we can read is never overwritten.
      inputs = await readReviewerInputs(previous).catch(() => undefined);
      if (!inputs) return { ...withName, problem: `「${path.basename(target)}」已存在但无法读取，未覆盖`, ms: Date.now() - started };
    }
    const opened = readable.map((f) => ({ file: f.file, workbook: f.workbook }));
    const built = await buildReviewWorkbook({ report, rubric, sources: [], opened, previous, inputs });
    await writeFileAtomic(target, built.bytes);
    // The summary shows what the workbook shows: with the reviewer's carried edits.
    const scoring = computeScoring(report, rubric, inputs);
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
      workbook: path.basename(target),
      ...(built.unkept.length > 0 ? { unkept: built.unkept.length } : {}),
      ms: Date.now() - started,
    };
  } catch (err) {
    return { ...base, problem: `审核中断：${err instanceof Error ? err.message : String(err)}`, ms: Date.now() - started };
  }
}
