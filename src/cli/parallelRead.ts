/**
 * A single review's files read on two threads (or more, up to the cores there are): the biggest
 * file in this thread, the rest spread over reading threads by size, each thread running the same
 * reader. The grids come back packed (gridPacket.ts) and unpacked here, equal to what this thread
 * would have read; a file whose thread fails is read again here. Small submissions, whose reading
 * would not pay for starting a thread, are read here alone.
 */
import { promises as fsp } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SheetGrid } from '../domain/grid';
import { unpackGrids, type PackedGrids } from '../workbook/file/gridPacket';
import { readSubmissionFile, readSubmissionFiles, type ListedFile, type SubmissionFile } from '../workbook/file/submissionFiles';

/** What a reading thread posts for one file: its error, its packed grids, or grids as they are. */
export type ReadReply = { index: number; error: string } | { index: number; packed: PackedGrids } | { index: number; grids: SheetGrid[] };

/** Below this many bytes beyond the biggest file, a second thread costs more than it saves. */
export const MIN_THREAD_BYTES = 256 * 1024;
const MAX_LANES = 4;

async function sizeOf(entry: ListedFile): Promise<number> {
  try {
    return (await fsp.stat(entry.rawPath ?? entry.path)).size;
  } catch {
    // Unreadable: this thread reads it and says why.
    return 0;
  }
}

/**
 * Which lane reads which file (lane 0 is this thread): the biggest file first into lane 0, then
 * each file into the lane with the fewest bytes so far. One lane when the others would read little.
 */
export function planLanes(sizes: readonly number[], lanes: number, minThreadBytes = MIN_THREAD_BYTES): number[][] {
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (lanes < 2 || sizes.length < 2 || total - sizes[order[0]] < minThreadBytes) return [sizes.map((_, i) => i)];
  const plan: number[][] = Array.from({ length: Math.min(lanes, sizes.length) }, () => []);
  const load = plan.map(() => 0);
  for (const i of order) {
    let lane = 0;
    for (let l = 1; l < plan.length; l++) if (load[l] < load[lane]) lane = l;
    plan[lane].push(i);
    load[lane] += sizes[i];
  }
  for (const lane of plan) lane.sort((a, b) => a - b);
  return plan.filter((lane, l) => l === 0 || lane.length > 0);
}

/** The reading thread's entry, next to this module (built: build/cli; from sources: src/cli). */
const WORKER = path.join(__dirname, 'readWorker.js');

/** Read one lane's files on a thread; resolves with what came back (possibly not every file). */
function readOnThread(files: readonly ListedFile[], lane: number[], out: (SubmissionFile | undefined)[], onReply?: (index: number) => void): Promise<void> {
  return new Promise((resolve) => {
    let left = lane.length;
    let worker: Worker;
    try {
      worker = new Worker(WORKER);
    } catch {
      resolve();
      return;
    }
    worker.on('message', (reply: ReadReply) => {
      const entry = files[reply.index];
      if ('error' in reply) out[reply.index] = { ...entry, error: reply.error };
      else out[reply.index] = { ...entry, grids: 'packed' in reply ? unpackGrids(reply.packed) : reply.grids };
      onReply?.(reply.index);
      if (--left === 0) {
        resolve();
        void worker.terminate();
      }
    });
    // A thread that fails or ends early leaves its files to this thread.
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
    worker.postMessage(lane.map((index) => ({ index, entry: files[index] })));
  });
}

/**
 * Read the listed files, on up to `lanes` threads (the cores there are, at most 4); the same files,
 * in the same order, as {@link readSubmissionFiles} gives.
 */
export async function readInParallel(
  files: readonly ListedFile[],
  options: { lanes?: number; minThreadBytes?: number; /** Told of each file a thread read (tests). */ onReply?: (index: number) => void } = {},
): Promise<SubmissionFile[]> {
  const lanes = options.lanes ?? Math.min(availableParallelism(), MAX_LANES);
  if (files.length < 2 || lanes < 2) return readSubmissionFiles(files);
  const plan = planLanes(await Promise.all(files.map(sizeOf)), lanes, options.minThreadBytes);
  if (plan.length < 2) return readSubmissionFiles(files);
  const out: (SubmissionFile | undefined)[] = new Array(files.length);
  // The threads start first, so that they load while this thread reads.
  const threads = plan.slice(1).map((lane) => readOnThread(files, lane, out, options.onReply));
  for (const i of plan[0]) out[i] = await readSubmissionFile(files[i]);
  await Promise.all(threads);
  for (let i = 0; i < files.length; i++) out[i] ??= await readSubmissionFile(files[i]);
  return out as SubmissionFile[];
}
