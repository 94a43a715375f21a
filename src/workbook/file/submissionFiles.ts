/**
 * Node side of the file adapter: turn the paths a user gave (files and folders, in any mix)
 * into read workbooks, keeping every unreadable file as a reason instead of an exception.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { SheetGrid } from '../../domain/grid';
import { WorkbookReadError } from '../port';
import type ExcelJS from 'exceljs';
import { openSources } from './copySheets';
import { sniffUnreadable, worksheetToGrid } from './readXlsx';
import { readXlsxFile } from './streamXlsx';

/** Files that may hold tables. Old formats are listed so the user hears why they were not read. */
const TABLE_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.csv']);

export interface SubmissionFile {
  /** The name used in findings: the path relative to the folder the user named, or the file's own name. */
  file: string;
  /** Absolute path on disk. */
  path: string;
  grids?: SheetGrid[];
  /** Chinese reason the file could not be read. */
  error?: string;
}

/** A path the user gave that does not exist or holds no table file. */
export interface PathProblem {
  path: string;
  message: string;
}

function isOfficeLockFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~');
}

async function walk(dir: string, root: string, out: { path: string; file: string }[]): Promise<void> {
  const entries = await fsp.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.')) await walk(full, root, out);
    } else if (e.isFile() && TABLE_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !isOfficeLockFile(e.name)) {
      out.push({ path: full, file: path.relative(root, full).split(path.sep).join('/') });
    }
  }
}

/** List the table files under the given paths, in a stable order, with problems for paths that give nothing. */
export async function listSubmissionFiles(paths: string[]): Promise<{ files: { path: string; file: string }[]; problems: PathProblem[] }> {
  const files: { path: string; file: string }[] = [];
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(p);
    let stat;
    try {
      stat = await fsp.stat(abs);
    } catch {
      problems.push({ path: p, message: `找不到「${p}」：文件或文件夹不存在` });
      continue;
    }
    const found: { path: string; file: string }[] = [];
    if (stat.isDirectory()) {
      await walk(abs, abs, found);
      if (found.length === 0) problems.push({ path: p, message: `文件夹「${p}」中没有 .xlsx 表格文件` });
    } else {
      found.push({ path: abs, file: path.basename(abs) });
    }
    for (const f of found) {
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      files.push(f);
    }
  }
  return { files, problems };
}

/** Read one table file; never throws. */
export async function readSubmissionFile(entry: { path: string; file: string }): Promise<SubmissionFile> {
  const ext = path.extname(entry.path).toLowerCase();
  if (ext === '.xls' || ext === '.et') {
    return { ...entry, error: `无法读取「${entry.file}」：是旧版 ${ext} 格式，请在 Excel 中另存为 .xlsx 后重新提交` };
  }
  if (ext === '.csv') {
    return { ...entry, error: `无法读取「${entry.file}」：CSV 文件不是要求的 Excel 格式，请另存为 .xlsx 后重新提交` };
  }
  try {
    return { ...entry, grids: await readXlsxFile(entry.path, entry.file) };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { ...entry, error: err.message };
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : err instanceof Error ? err.message : String(err);
    return { ...entry, error: `无法读取「${entry.file}」：${why}` };
  }
}

/** List and read every table file under the given paths. */
export async function loadSubmission(paths: string[]): Promise<{ files: SubmissionFile[]; problems: PathProblem[] }> {
  const { files, problems } = await listSubmissionFiles(paths);
  const read: SubmissionFile[] = [];
  for (const f of files) read.push(await readSubmissionFile(f));
  return { files: read, problems };
}

/**
 * Read one table file whole with ExcelJS, keeping the opened workbook: for callers that copy the
 * sheets afterwards (the batch), so each file is parsed once. Never throws.
 */
export async function openSubmissionFile(entry: { path: string; file: string }): Promise<SubmissionFile & { workbook?: ExcelJS.Workbook }> {
  const ext = path.extname(entry.path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm') return readSubmissionFile(entry);
  let data: Buffer;
  try {
    data = await fsp.readFile(entry.path);
  } catch {
    return readSubmissionFile(entry);
  }
  const sniffed = sniffUnreadable(data);
  if (sniffed) return { ...entry, error: `无法读取「${entry.file}」：${sniffed}` };
  const [opened] = await openSources([{ file: entry.file, data }]);
  if (!opened.workbook) return { ...entry, error: `无法读取「${entry.file}」：不是有效的 .xlsx 文件或文件已损坏（${opened.error}）` };
  const grids = opened.workbook.worksheets.filter((ws) => ws.state !== 'veryHidden').map((ws) => worksheetToGrid(ws, entry.file));
  return { ...entry, grids, workbook: opened.workbook };
}
