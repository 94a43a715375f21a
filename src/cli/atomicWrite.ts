import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

/** A file-system failure, told in Chinese with the path; the CLI prints it and exits 2. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

const ERRNO: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '操作不被允许',
  EROFS: '所在的文件系统是只读的',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  ENOTDIR: '路径中有一部分是文件而不是文件夹',
  EISDIR: '这是一个文件夹',
  EEXIST: '同名的文件已存在',
  ENOENT: '路径不存在',
  ENAMETOOLONG: '路径或文件名太长',
  ELOOP: '路径中的符号链接形成了循环',
  EBUSY: '文件正被占用',
};

/** An errno as a Chinese reason (its code kept for the curious). */
export function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && ERRNO[code]) return `${ERRNO[code]}（${code}）`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Create a folder and its missing parents one level at a time, failing fast with a Chinese reason
 * (Node's recursive mkdir spins on some special file systems, /proc among them).
 */
export async function makeFolder(dir: string): Promise<void> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    // ENOTDIR: a file further up the path; walk up to it to name it.
    const stat = await fsp.stat(at).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' || err.code === 'ENOTDIR' ? null : Promise.reject(err)));
    if (stat) {
      if (!stat.isDirectory()) throw new OutputError(`无法创建文件夹「${target}」：「${at}」是文件，不是文件夹`);
      break;
    }
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing) {
    try {
      await fsp.mkdir(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && (await fsp.stat(d).catch(() => null))?.isDirectory()) continue;
      throw new OutputError(`无法创建文件夹「${d}」：${errnoText(err)}`);
    }
  }
}

/** Temporary files of earlier runs (killed before their rename) beside `target`: `.<name>.<pid>.<time>.tmp`. */
async function removeStaleTemporaries(dir: string, base: string): Promise<void> {
  const prefix = `.${base}.`;
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    // A run still alive (another writer at this moment) keeps its own.
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    await fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Write a file whole or not at all: a temporary file beside it, flushed to disk, then a rename.
 * A file replaced keeps its permissions; temporaries left by a killed run are cleared.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  try {
    await makeFolder(dir);
  } catch (err) {
    if (err instanceof OutputError) throw err;
    throw new OutputError(`无法写入「${file}」：${errnoText(err)}`);
  }
  const existing = await fsp.stat(target).catch(() => null);
  if (existing?.isDirectory()) throw new OutputError(`无法写入「${file}」：这是一个文件夹`);
  await removeStaleTemporaries(dir, path.basename(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fh = await fsp.open(tmp, 'w');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await fh.writeFile(data);
      else {
        // Piece by piece: a text longer than one string may be is never built whole.
        let buffered = '';
        for (const piece of data) {
          buffered += piece;
          if (buffered.length >= 1 << 20) {
            await fh.write(buffered);
            buffered = '';
          }
        }
        if (buffered) await fh.write(buffered);
      }
      // On disk before the rename: a crash leaves the old file or the new one, never half of one.
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (existing) await fsp.chmod(tmp, existing.mode & 0o7777);
    await fsp.rename(tmp, target);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw new OutputError(`无法写入「${file}」：${errnoText(err)}`);
  }
}

/**
 * Why an output path may not be written, or null: it is one of the inputs, or lies inside one.
 * Nothing the user gave is overwritten unless asked (`--in-place`).
 */
export function clashesWithInput(output: string, inputs: readonly string[]): string | null {
  const out = path.resolve(output);
  for (const input of inputs) {
    const inp = path.resolve(input);
    if (out === inp) return `「${output}」是要审核的输入文件，不会被覆盖：请换一个输出位置`;
    if (out.startsWith(inp + path.sep)) return `「${output}」位于输入文件「${input}」之内，无法写入：请换一个输出位置`;
  }
  return null;
}

/**
 * Why a workbook may not be updated in place, or null: it is read-only, or Excel holds it open
 * (its `~$` lock file sits beside it).
 */
export async function inPlaceRefusal(file: string): Promise<string | null> {
  const stat = await fsp.stat(file).catch(() => null);
  if (!stat) return null;
  if ((stat.mode & 0o222) === 0) return `「${file}」是只读文件，未修改：如需更新请先取消只读，或用 --out 写到别处`;
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  // Excel names its lock file ~$ + the name (dropping leading characters of a long one).
  const locks = [`~$${base}`, `~$${base.slice(1)}`, `~$${base.slice(2)}`];
  for (const lock of locks) {
    if (await fsp.stat(path.join(dir, lock)).catch(() => null)) {
      return `「${file}」正被 Excel 打开（同一文件夹中有锁定文件「${lock}」），未修改：请先在 Excel 中关闭它`;
    }
  }
  return null;
}
