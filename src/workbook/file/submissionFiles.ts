/**
 * Node side of the file adapter: turn the paths a user gave (files and folders, in any mix)
 * into read workbooks, keeping every unreadable file as a reason instead of an exception.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { SheetGrid } from '../../domain/grid';
import { WorkbookReadError } from '../port';
import { READABLE_EXTENSIONS, readWorkbook } from './reader';
import { utf8OrGb18030 } from './reader/text';

/** Files that may hold tables (the reader reads each of them, or says why not). */
const TABLE_EXTENSIONS = new Set<string>([...READABLE_EXTENSIONS, '.xlsb']);

export interface SubmissionFile {
  /** The name used in findings: the path relative to the folder the user named, or the file's own name. */
  file: string;
  /** Absolute path on disk. */
  path: string;
  /** The path as bytes, when a name in it is not valid UTF-8 (read by these bytes; `path` only shows it). */
  rawPath?: Buffer;
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

/** Whether `p` is `dir` or inside it. */
function within(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir + path.sep);
}

/**
 * A file name's bytes as text: UTF-8, or else GB18030 (what a zip made on a Chinese Windows leaves
 * when unpacked elsewhere); the name stays readable instead of turning into replacement marks.
 */
function nameText(bytes: Buffer): { text: string; exact: boolean } {
  const { text, utf8 } = utf8OrGb18030(bytes);
  return { text, exact: utf8 };
}

type Listed = { path: string; file: string; rawPath?: Buffer };

/** Walk a folder by its names' bytes, so that a name that is not UTF-8 can still be opened. */
async function walk(dir: { text: string; raw: Buffer; exact: boolean }, root: string, out: Listed[], exclude: readonly string[]): Promise<void> {
  if (exclude.some((x) => within(dir.text, x))) return;
  let entries;
  try {
    entries = await fsp.readdir(dir.raw, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    // A folder that cannot be listed holds nothing to review (its parent's listing already named it).
    return;
  }
  const named = entries.map((e) => ({ e, name: nameText(e.name) }));
  named.sort((a, b) => a.name.text.localeCompare(b.name.text, 'zh-CN'));
  for (const { e, name } of named) {
    const raw = Buffer.concat([dir.raw, Buffer.from(path.sep), e.name]);
    const full = { text: path.join(dir.text, name.text), raw, exact: dir.exact && name.exact };
    if (e.isDirectory()) {
      if (!name.text.startsWith('.')) await walk(full, root, out, exclude);
    } else if (e.isFile() && TABLE_EXTENSIONS.has(path.extname(name.text).toLowerCase()) && !isOfficeLockFile(name.text)) {
      out.push({ path: full.text, file: path.relative(root, full.text).split(path.sep).join('/'), ...(full.exact ? {} : { rawPath: raw }) });
    }
  }
}

/** List the table files under the given paths, in a stable order, with problems for paths that give nothing. */
export async function listSubmissionFiles(
  paths: string[],
  options: { exclude?: readonly string[] } = {},
): Promise<{ files: Listed[]; problems: PathProblem[] }> {
  const files: Listed[] = [];
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  const exclude = (options.exclude ?? []).map((x) => path.resolve(x));
  for (const p of paths) {
    const abs = path.resolve(p);
    let stat;
    try {
      stat = await fsp.stat(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({
        path: p,
        message:
          code === 'ELOOP'
            ? `无法读取「${p}」：路径中的符号链接形成了循环`
            : code === 'EACCES'
              ? `无法读取「${p}」：没有读取权限`
              : `找不到「${p}」：文件或文件夹不存在`,
      });
      continue;
    }
    const found: Listed[] = [];
    if (stat.isDirectory()) {
      const listable = await fsp.readdir(abs).then(
        () => null,
        (err: NodeJS.ErrnoException) => (err.code === 'EACCES' || err.code === 'EPERM' ? '没有读取权限' : (err.message ?? String(err))),
      );
      if (listable) {
        problems.push({ path: p, message: `无法读取文件夹「${p}」：${listable}` });
        continue;
      }
      await walk({ text: abs, raw: Buffer.from(abs), exact: true }, abs, found, exclude);
      if (found.length === 0) problems.push({ path: p, message: `文件夹「${p}」中没有表格文件（.xlsx、.xls、.et、.ods 或 .csv）` });
    } else if (!stat.isFile()) {
      // A FIFO, socket or device would block or never end: only regular files are read.
      problems.push({ path: p, message: `「${p}」不是普通文件（如管道、设备或套接字），未读取` });
      continue;
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
export async function fileBytes(entry: { path: string; file: string; rawPath?: Buffer }): Promise<{ data: Buffer } | { error: string }> {
  try {
    return { data: await fsp.readFile(entry.rawPath ?? entry.path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : err instanceof Error ? err.message : String(err);
    return { error: `无法读取「${entry.file}」：${why}` };
  }
}

/** Read one table file; never throws. */
export async function readSubmissionFile(entry: Listed): Promise<SubmissionFile> {
  const bytes = await fileBytes(entry);
  if ('error' in bytes) return { ...entry, error: bytes.error };
  return readBytes(entry, bytes.data);
}

export async function readBytes(entry: Listed, data: Uint8Array): Promise<SubmissionFile> {
  try {
    return { ...entry, grids: await readWorkbook(data, entry.file) };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { ...entry, error: err.message };
    return { ...entry, error: `无法读取「${entry.file}」：${err instanceof Error ? err.message : String(err)}` };
  }
}

/** List and read every table file under the given paths. */
export async function loadSubmission(paths: string[], options: { exclude?: readonly string[] } = {}): Promise<{ files: SubmissionFile[]; problems: PathProblem[] }> {
  const { files, problems } = await listSubmissionFiles(paths, options);
  const read: SubmissionFile[] = [];
  for (const f of files) read.push(await readSubmissionFile(f));
  return { files: read, problems };
}
