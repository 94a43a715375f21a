/**
 * One platform's review as every entry point runs it: the single review (`npm run review`), each
 * batch worker, review.html's worker and the task pane. `reviewPlatform(job, ports)` reads the
 * files through a port, leaves out this tool's own review sheets, resolves the platform, reviews
 * with every setting, scores, and writes through a port; so the entry points cannot drift. They
 * keep only what differs: where the files come from, where the result goes, and how they report.
 * Pure of Node and Office: the ports bring those.
 */
import { readDeclaredSheet, type DeclaredFigures } from '../domain/declared';
import { resolvePlatform, type ResolvedPlatform } from '../domain/platform';
import type { CrossFacts } from '../domain/crossFacts';
import type { Finding, ReviewReport } from '../domain/report';
import { reviewCollecting, sortFindings, type ReviewInput, type SubmittedFile } from '../domain/review';
import type { Rubric } from '../domain/rubric';
import { GENERATED_SHEETS, isReviewWorkbookSheets } from './layout/sheetNames';

/**
 * Every option that changes a review, parsed once from the command line and carried unchanged to
 * every platform (a batch passes it to each worker).
 */
export type ReviewSettings = Required<Pick<ReviewInput, 'year' | 'manufacturing'>> & Pick<ReviewInput, 'staffRule' | 'qualificationOrder' | 'sample'>;

/**
 * A submitted file, with a review workbook's generated sheets left out: they are this tool's
 * output, not the platform's tables (its copied submission sheets are kept, for --in-place).
 */
export function withoutReviewSheets<T extends SubmittedFile>(f: T): T & { reviewWorkbook?: boolean } {
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
  /** 运营单位 and 所属区 the user chose (the pane); else from the roster or 申报数据. */
  unit?: string | null;
  district?: string | null;
}

export type PlatformReview = { report: ReviewReport; platform: ResolvedPlatform & { category: string }; facts?: CrossFacts } | { platform: ResolvedPlatform; report?: undefined; facts?: undefined };

/** What a batch asks of a review besides the review: the facts for its checks across platforms. */
export interface AcrossPlatforms {
  /** Collect the facts the checks across platforms compare. */
  collect?: boolean;
}

/**
 * The report with the findings of the checks across platforms added among its own, sorted as the
 * review sorts them (by the files and sheets as submitted).
 */
export function withFindingsAcross(report: ReviewReport, findings: readonly Finding[], files: readonly { file: string; grids?: readonly { sheet: string }[] }[]): ReviewReport {
  return findings.length === 0 ? report : { ...report, findings: sortFindings([...report.findings, ...findings], files) };
}

/**
 * Resolve the platform and review its files: the 申报数据 sheet (or the JSON given), the roster,
 * then the review with every setting and the rubric. Without a category nothing is reviewed: the
 * caller says why in its own words.
 */
export function reviewPlatformFiles(
  files: readonly SubmittedFile[],
  given: PlatformGiven,
  settings: ReviewSettings,
  rubric: Rubric | undefined,
  declaredJson?: DeclaredFigures,
  previous?: PreviousSubmission | null,
  across: AcrossPlatforms = {},
): PlatformReview {
  const readable = files.filter((f) => f.grids);
  const declared = declaredJson ?? readDeclaredSheet(readable.flatMap((f) => f.grids ?? []))?.figures;
  const platform = resolvePlatform({ category: given.category, platformName: given.platformName, folderName: given.folderName, declared: declared?.texts ?? {}, defaultCategory: given.defaultCategory });
  if (!platform.category) return { platform };
  const submitted = files.map((f) => ({ file: f.file, grids: f.grids, error: f.error }));
  const { report, facts } = reviewCollecting(
    {
      files: submitted,
      platform: { name: platform.name, category: platform.category, unit: given.unit ?? platform.unit, district: given.district ?? platform.district, folder: given.folder ?? null },
      declared,
      ...settings,
      rubric,
      ...(previous ? { previous: { files: previous.files.map((f) => withoutReviewSheets({ file: f.file, grids: f.grids, error: f.error })), source: previous.source } } : {}),
    },
    across.collect === true,
  );
  return { report, platform: { ...platform, category: platform.category }, ...(facts ? { facts } : {}) };
}

/** Last year's submission of the platform (`--previous`, or its folder in `--previous-batch`). */
export interface PreviousSubmission {
  files: readonly SubmittedFile[];
  /** Its folder's (or file's) name, shown on the review workbook. */
  source: string | null;
}

/** What a platform's review is run with: who it is, every setting, the rubric, declared figures given apart. */
export interface ReviewJob {
  given: PlatformGiven;
  settings: ReviewSettings;
  /** The rubric to score under; without one the report has no scoring. */
  rubric?: Rubric;
  /** Declared figures from a JSON file (`--declared`); else a 申报数据 sheet among the files. */
  declared?: DeclaredFigures;
  /** In a batch: collect the facts for the checks across platforms. */
  across?: AcrossPlatforms;
}

/** Where a review's files come from and where its result goes. */
export interface ReviewPorts<F extends SubmittedFile, W> {
  /** The platform's files as read: each readable one with its sheets, the others with their reason. */
  read(): Promise<readonly F[]>;
  /** Last year's submission, when one is given (`--previous`): read like this year's. */
  readPrevious?(): Promise<PreviousSubmission | null>;
  /** Between reading and reviewing (a progress bar's 检查 stage); awaited, so a page can draw it first. */
  onStage?(stage: 'check'): void | Promise<void>;
  /** Write the result (a review workbook, the sheets in Excel); absent, nothing is written. */
  write?(report: ReviewReport, context: { files: readonly F[]; platform: ResolvedPlatform }): Promise<W>;
}

export interface PlatformOutcome<F, W> {
  /** Absent when no category could be found: the caller says so in its own words. */
  report?: ReviewReport;
  platform: ResolvedPlatform;
  /** The files reviewed, this tool's review sheets left out. */
  files: readonly F[];
  written?: W;
  /** The facts for the checks across platforms, when the job asked for them. */
  facts?: CrossFacts;
}

/**
 * Review one platform: read, leave out this tool's own sheets, resolve, review and score, write.
 *
 * @example
 * const { report } = await reviewPlatform({ given: { category: '技术创新' }, settings: { year: 2024, manufacturing: false }, rubric }, { read: async () => files });
 */
export async function reviewPlatform<F extends SubmittedFile, W = never>(job: ReviewJob, ports: ReviewPorts<F, W>): Promise<PlatformOutcome<F, W>> {
  const files = (await ports.read()).map((f) => withoutReviewSheets(f));
  const previous = ports.readPrevious ? await ports.readPrevious() : null;
  await ports.onStage?.('check');
  const { report, platform, facts } = reviewPlatformFiles(files, job.given, job.settings, job.rubric, job.declared, previous, job.across);
  if (!report) return { platform, files };
  const written = ports.write ? await ports.write(report, { files, platform }) : undefined;
  return { report, platform, files, ...(written !== undefined ? { written } : {}), ...(facts ? { facts } : {}) };
}

/** The job for a review the pages ask for: the platform the reviewer chose, the year, the switches, the rubric. */
export function jobOf(options: Omit<ReviewInput, 'files'>): ReviewJob {
  const { platform, rubric, declared, year = 2024, manufacturing = false, staffRule, qualificationOrder, sample } = options;
  return {
    given: { category: platform.category, platformName: platform.name, unit: platform.unit ?? null, district: platform.district ?? null },
    settings: { year, manufacturing, staffRule, qualificationOrder, sample },
    rubric,
    declared,
  };
}
