/**
 * Last year's submission from disk: `--previous DIR` for one platform, and the folders of
 * `--previous-batch DIR` matched to this year's by the roster's platform name.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { findPlatform } from '../domain/roster';
import { loadSubmission } from '../workbook/file/submissionFiles';
import { withoutReviewSheets, type PreviousSubmission } from '../workbook/reviewPlatform';

/**
 * Read last year's submission. A review workbook found in the folder is this tool's output (its
 * copies would count last year's tables twice) and is left out; one named itself is read (its copies).
 *
 * @returns the submission, or `problem`: why nothing could be read, in Chinese
 */
export async function loadPrevious(dir: string, exclude: readonly string[] = []): Promise<{ previous: PreviousSubmission; problems: string[] } | { problem: string }> {
  const loaded = await loadSubmission([dir], { exclude });
  const named = path.resolve(dir);
  const files = loaded.files.map(withoutReviewSheets).filter((f) => !f.reviewWorkbook || path.resolve(f.path) === named);
  const readable = files.filter((f) => f.grids);
  const problems = [...loaded.problems.map((p) => p.message), ...files.filter((f) => f.error).map((f) => f.error!)];
  if (readable.length === 0) {
    return { problem: `上一年度材料「${dir}」中没有可读取的表格${problems.length ? `：${problems.join('；')}` : ''}` };
  }
  return { previous: { files, source: path.basename(path.resolve(dir)) }, problems };
}

/** The roster's platform a folder is named after (platform or unit name), else its own name: how the years are matched. */
export function platformKey(folder: string): string {
  return findPlatform(folder)?.platform ?? folder.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Last year's folder for each of this year's, matched by the platform the roster names them after.
 *
 * @returns this year's folder name → last year's folder path
 */
export async function matchPreviousFolders(previousDir: string, folders: readonly string[]): Promise<{ matched: Map<string, string>; unmatched: string[] }> {
  let entries;
  try {
    entries = await fsp.readdir(previousDir, { withFileTypes: true });
  } catch {
    throw new Error(`找不到上一年度材料的文件夹「${previousDir}」`);
  }
  const byKey = new Map<string, string>();
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const key = platformKey(e.name);
    // Two of last year's folders for one platform: neither is chosen over the other.
    byKey.set(key, byKey.has(key) ? '' : path.join(previousDir, e.name));
  }
  const matched = new Map<string, string>();
  const unmatched: string[] = [];
  for (const f of folders) {
    const prev = byKey.get(platformKey(f));
    if (prev) matched.set(f, prev);
    else unmatched.push(f);
  }
  return { matched, unmatched };
}

/** The batch's closing lines on last year: how many platforms had it, which had none or could not use it. */
export function previousNotice(unmatched: readonly string[], results: readonly { folder: string; previousProblem?: string }[]): string {
  const problems = results.filter((r) => r.previousProblem);
  const lines = [`上一年度材料：${results.length - unmatched.length} 个平台找到对应的文件夹，${unmatched.length} 个没有（指标8.4(2) 新增北京市订单企业数未计算，需人工核定）`];
  for (const f of unmatched) lines.push(`  上一年度无对应材料：${f}`);
  for (const r of problems) lines.push(`  ${r.folder}：${r.previousProblem}`);
  return lines.join('\n');
}
