/** Writing a platform's review workbook, shared by the single review and each batch worker. */
import { promises as fsp } from 'node:fs';
import type { ReviewReport } from '../domain/report';
import type { Rubric } from '../domain/rubric';
import type { OpenedSource, SourceFile } from '../workbook/file/copySheets';
import { PreviousWorkbookError, buildReviewWorkbook } from '../workbook/file/writeReview';
import type { ReviewerInputs } from '../workbook/layout/inputs';
import { writeFileAtomic } from './atomicWrite';

export type WorkbookWrite = { written: string; unkept: number; inputs?: ReviewerInputs } | { refused: 'unreadable-previous'; target: string };

/**
 * Write the review workbook at `target`. An existing one is read first and the reviewer's work in
 * it carried over (or listed on 「未保留的修改」); a file there that is not a readable review workbook
 * is never overwritten.
 *
 * @param sources the submitted files' bytes (single review), or `opened` the workbooks already open (batch)
 */
export async function writePlatformWorkbook(
  target: string,
  report: ReviewReport,
  rubric: Rubric,
  from: { sources: readonly SourceFile[]; opened?: readonly OpenedSource[] },
): Promise<WorkbookWrite> {
  const previous = await fsp.readFile(target).catch(() => undefined);
  let built: Awaited<ReturnType<typeof buildReviewWorkbook>>;
  try {
    built = await buildReviewWorkbook({ report, rubric, sources: from.sources, opened: from.opened, previous });
  } catch (err) {
    if (err instanceof PreviousWorkbookError) return { refused: 'unreadable-previous', target };
    throw err;
  }
  await writeFileAtomic(target, built.bytes);
  return { written: target, unkept: built.unkept.length, inputs: built.inputs };
}
