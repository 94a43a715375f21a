/**
 * Node side of the file adapter: turn the paths a user gave (files and folders, in any mix)
 * into read workbooks, keeping every unreadable file as a reason instead of an exception.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { SheetGrid } from '../../domain/grid';
import { WorkbookReadError } from '../port';
import { READABLE_EXTENSIONS, readWorkbook } from './reader';

/** Files that may hold tables (the reader reads each of them, or says why not). */
const TABLE_EXTENSIONS = new Set<string>([...READABLE_EXTENSIONS, '.xlsb']);

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

/** A file's bytes, or the Chinese reason they cannot be had. */
export async function fileBytes(entry: { path: string; file: string }): Promise<{ data: Buffer } | { error: string }> {
  try {
    return { data: await fsp.readFile(entry.path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : err instanceof Error ? err.message : String(err);
    return { error: `无法读取「${entry.file}」：${why}` };
  }
}

/** Read one table file; never throws. */
export async function readSubmissionFile(entry: { path: string; file: string }): Promise<SubmissionFile> {
  const bytes = await fileBytes(entry);
  if ('error' in bytes) return { ...entry, error: bytes.error };
  return readBytes(entry, bytes.data);
}

export async function readBytes(entry: { path: string; file: string }, data: Uint8Array): Promise<SubmissionFile> {
  try {
    return { ...entry, grids: await readWorkbook(data, entry.file) };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { ...entry, error: err.message };
    return { ...entry, error: `无法读取「${entry.file}」：${err instanceof Error ? err.message : String(err)}` };
  }
}

/** List and read every table file under the given paths. */
export async function loadSubmission(paths: string[]): Promise<{ files: SubmissionFile[]; problems: PathProblem[] }> {
  const { files, problems } = await listSubmissionFiles(paths);
  const read: SubmissionFile[] = [];
  for (const f of files) read.push(await readSubmissionFile(f));
  return { files: read, problems };
}
