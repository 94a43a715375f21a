/**
 * The steps of reviewing one platform that the single review (`npm run review`) and each batch
 * worker (`--batch`) share, so the two cannot drift: which files count, which platform it is,
 * the review itself with every option, and writing the review workbook so that nothing the
 * reviewer typed is lost. The entry points keep only what differs: where the files come from,
 * where the workbook goes, and how they report. Writing the workbook is in platformWorkbook.ts,
 * loaded only when a workbook is written (it brings ExcelJS).
 */
import { readDeclaredSheet, type DeclaredFigures } from '../domain/declared';
import { resolvePlatform, type ResolvedPlatform } from '../domain/platform';
import type { ReviewReport } from '../domain/report';
import { reviewSubmission, type ReviewInput } from '../domain/review';
import type { Rubric } from '../domain/rubric';
import type { SubmissionFile } from '../workbook/file/submissionFiles';
import { GENERATED_SHEETS, isReviewWorkbookSheets } from '../workbook/layout/sheetNames';

/**
 * Every option that changes a review, parsed once from the command line and carried unchanged to
 * every platform (a batch passes it to each worker).
 */
export type ReviewSettings = Required<Pick<ReviewInput, 'year' | 'manufacturing'>> & Pick<ReviewInput, 'staffRule' | 'qualificationOrder' | 'sample'>;

/** A file as the pipeline takes it: what the reader saw, and whether it is one of this tool's review workbooks. */
export type PipelineFile = SubmissionFile & { reviewWorkbook?: boolean };

/**
 * A submitted file, with a review workbook's generated sheets left out: they are this tool's
 * output, not the platform's tables (its copied submission sheets are kept, for --in-place).
 */
export function withoutReviewSheets<T extends SubmissionFile>(f: T): T & { reviewWorkbook?: boolean } {
  if (!isReviewWorkbookSheets(f.grids?.map((g) => g.sheet) ?? [])) return f;
  return { ...f, grids: f.grids!.filter((g) => !GENERATED_SHEETS.has(g.sheet)), reviewWorkbook: true };
}

export interface PlatformGiven {
  /** --category. */
  category?: string | null;
  /** --platform, as the user typed it. */
  platformName?: string | null;
  /** The platform's folder (batch), looked up in the roster. */
  folderName?: string | null;
  /** The category when nothing else names one (batch --category). */
  defaultCategory?: string | null;
  /** The submission folder's name: the title's last resort. */
  folder?: string | null;
}

export type PlatformReview = { report: ReviewReport; platform: ResolvedPlatform & { category: string } } | { platform: ResolvedPlatform; report?: undefined };

/**
 * Resolve the platform and review its files: the 申报数据 sheet (or the JSON given), the roster,
 * then the review with every setting and the rubric. Without a category nothing is reviewed: the
 * caller says why in its own words.
 */
export function reviewPlatformFiles(files: readonly SubmissionFile[], given: PlatformGiven, settings: ReviewSettings, rubric: Rubric, declaredJson?: DeclaredFigures): PlatformReview {
  const readable = files.filter((f) => f.grids);
  const declared = declaredJson ?? readDeclaredSheet(readable.flatMap((f) => f.grids ?? []))?.figures;
  const platform = resolvePlatform({ category: given.category, platformName: given.platformName, folderName: given.folderName, declared: declared?.texts ?? {}, defaultCategory: given.defaultCategory });
  if (!platform.category) return { platform };
  const report = reviewSubmission({
    files: files.map((f) => ({ file: f.file, grids: f.grids, error: f.error })),
    platform: { name: platform.name, category: platform.category, unit: platform.unit, district: platform.district, folder: given.folder ?? null },
    declared,
    ...settings,
    rubric,
  });
  return { report, platform: { ...platform, category: platform.category } };
}
