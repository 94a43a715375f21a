/**
 * `npm run review -- --batch DIR --out OUT`: every subfolder of DIR is one platform. Platforms are
 * reviewed in worker threads (one per core by default), each writing its review workbook into OUT;
 * then OUT/汇总.xlsx lists them all. A platform that cannot be read is reported and the rest go on.
 */
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkInfo, type CrossPlatform } from '../domain/checks';
import { crossCheck, type CrossCheckResult } from '../domain/crossCheck';
import { summaryWorkbook, type CrossSummary } from '../workbook/file/summaryWorkbook';
import { makeFolder, writeFileAtomic } from './atomicWrite';
import { unkeptNotice } from './notices';
import type { ReviewSettings } from '../workbook/reviewPlatform';
import { matchPreviousFolders, previousNotice } from './previousYear';
import type { WorkerMessage } from './batchMessages';
import { emptyResult, fromHold, isReviewed, reviewPlatformFolder, reviewStage, reviewedResult, toHold, writeStage, type HeldPlatform, type PlatformJob, type PlatformResult } from './platformReview';
import type { Io } from './io';

export interface BatchOptions {
  dir: string;
  out: string;
  defaultCategory: string | null;
  /** Every option that changes a review, carried to every platform. */
  settings: ReviewSettings;
  rubric?: unknown;
  /** Worker threads; 0 runs in this thread (tests, one-core machines). */
  jobs: number;
  /** Old-generation heap of each worker (MB); {@link WORKER_HEAP_MB} by default. */
  workerHeapMb?: number;
  /** --previous-batch: last year's platforms, one subfolder each, matched by roster name. */
  previousBatch?: string;
  /** Run the checks across platforms once all are reviewed (default true; `--no-cross-check` turns them off). */
  crossCheck?: boolean;
}

/**
 * A terminal progress bar on stderr when it is a terminal, else one line per platform; `quiet`
 * (a first stage whose platforms are written later) prints only the platforms that end there.
 */
function progress(io: Io, total: number, tty: boolean, stage = '', quiet = false) {
  let done = 0;
  return (r: PlatformResult) => {
    done++;
    const status = r.problem ? `无法审核：${r.problem}` : `${r.verdict}${r.total !== null ? ` ${r.total.toFixed(2)} 分` : ''}`;
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${stage}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${r.name.slice(0, 24)}\u001b[K`);
      if (done === total) process.stderr.write('\n');
      if (r.problem) process.stderr.write(`\n${r.folder}：${status}\n`);
    } else if (!quiet || r.problem) {
      io.err(`${quiet ? '' : `[${done}/${total}] `}${r.folder}：${status}`);
    }
  };
}

/** Most old-generation heap one worker may use (MB). */
export const WORKER_HEAP_MB = Number(process.env.REVIEW_WORKER_HEAP_MB ?? 4096);

/**
 * A bounded pool of worker threads (none: everything in this thread). A platform a worker holds
 * stays with that worker: `generation` tells whether the worker that holds it is still the one
 * running (a worker that fails is replaced, and what it held is lost).
 */
class Pool {
  private readonly workers: (Worker | null)[];
  readonly generation: number[];
  /** In-process: the held platforms. */
  private readonly held = new Map<number, HeldPlatform>();
  constructor(
    readonly threads: number,
    private readonly heapMb: number,
  ) {
    this.workers = Array.from({ length: threads }, () => null);
    this.generation = Array.from({ length: Math.max(threads, 1) }, () => 0);
  }
  // A larger young generation: reviewing allocates many short-lived cells, and scavenges dominate
  // otherwise. A bounded old generation: a platform too big for it ends its own worker, not the batch.
  private worker(slot: number): Worker {
    return (this.workers[slot] ??= new Worker(path.join(__dirname, 'batchWorker.js'), { resourceLimits: { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: this.heapMb } }));
  }
  /** Send one message; never throws: a failed worker is replaced and the platform comes back with the reason. */
  async send(slot: number, m: WorkerMessage, folder: string): Promise<PlatformResult> {
    if (this.threads <= 0) return this.inProcess(m);
    const w = this.worker(slot);
    try {
      return await new Promise<PlatformResult>((resolve, reject) => {
        const onMessage = (r: PlatformResult) => {
          w.off('error', onError);
          resolve(r);
        };
        const onError = (err: Error) => {
          w.off('message', onMessage);
          reject(err);
        };
        w.once('message', onMessage);
        w.once('error', onError);
        w.postMessage(m);
      });
    } catch (err) {
      // The worker is gone (or unusable): the next platform gets a new one.
      await w.terminate().catch(() => undefined);
      this.workers[slot] = null;
      this.generation[slot]++;
      const out = (err as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      return emptyResult(folder, out ? `审核中断：材料过大，超出单个平台可用的内存（${this.heapMb} MB）` : `审核中断：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  private async inProcess(m: WorkerMessage): Promise<PlatformResult> {
    if (m.kind === 'write') {
      const r = this.held.get(m.id);
      this.held.delete(m.id);
      return r ? writeStage(fromHold(r), m.findings) : emptyResult(m.folder, '审核中断：没有该平台的审核结果');
    }
    if (!m.hold) return reviewPlatformFolder(m.job, m.findings);
    const r = await reviewStage(m.job, true);
    if (!isReviewed(r)) return r;
    this.held.set(m.id, toHold(r));
    return reviewedResult(r);
  }
  /** Run tasks, each on the first free slot (or only on its own slot); results in task order. */
  async run(tasks: readonly { message: WorkerMessage; folder: string; slot?: number }[], onResult: (r: PlatformResult, task: number, slot: number, generation: number) => void): Promise<PlatformResult[]> {
    const results: PlatformResult[] = new Array(tasks.length);
    // Every slot when tasks are bound to theirs; else no more threads than tasks.
    const slots = this.threads <= 0 ? 1 : tasks.some((t) => t.slot !== undefined) ? this.threads : Math.max(1, Math.min(this.threads, tasks.length));
    const free = tasks.map((t, i) => (t.slot === undefined ? i : -1)).filter((i) => i >= 0);
    const own = Array.from({ length: slots }, (_, s) => tasks.map((t, i) => (t.slot === s ? i : -1)).filter((i) => i >= 0));
    await Promise.all(
      Array.from({ length: slots }, async (_, s) => {
        for (;;) {
          const i = own[s].length > 0 ? own[s].shift()! : free.shift();
          if (i === undefined) return;
          const generation = this.generation[s];
          results[i] = await this.send(s, tasks[i].message, tasks[i].folder);
          onResult(results[i], i, s, generation);
        }
      }),
    );
    return results;
  }
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w?.terminate()));
  }
}

/** The default number of worker threads: one per core. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** Review every platform folder under `dir`; returns the exit code. */
export async function runBatch(options: BatchOptions, io: Io, tty = false): Promise<number> {
  let entries;
  try {
    entries = await fsp.readdir(options.dir, { withFileTypes: true });
  } catch {
    io.err(`找不到批量审核的文件夹「${options.dir}」`);
    return 2;
  }
  const outDir = path.resolve(options.out);
  // The output folder inside the batch folder is this tool's output, not a platform.
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && path.resolve(options.dir, e.name) !== outDir)
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
  if (folders.length === 0) {
    io.err(`「${options.dir}」下没有平台文件夹：批量审核时每个子文件夹是一个平台的材料`);
    return 2;
  }
  if (path.resolve(options.dir) === outDir) {
    io.err('--out 不能与 --batch 是同一个文件夹：审核结果不写进平台材料');
    return 2;
  }
  try {
    await makeFolder(outDir);
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
  let previous: Awaited<ReturnType<typeof matchPreviousFolders>> | undefined;
  if (options.previousBatch !== undefined) {
    try {
      previous = await matchPreviousFolders(options.previousBatch, folders);
    } catch (err) {
      io.err(err instanceof Error ? err.message : String(err));
      return 2;
    }
  }
  const jobs: PlatformJob[] = folders.map((f) => ({
    folder: path.join(options.dir, f),
    defaultCategory: options.defaultCategory,
    settings: options.settings,
    rubric: options.rubric,
    outDir,
    ...(previous?.matched.has(f) ? { previousFolder: previous.matched.get(f) } : {}),
  }));
  const started = Date.now();
  const pool = new Pool(options.jobs, options.workerHeapMb ?? WORKER_HEAP_MB);
  let results: PlatformResult[];
  let cross: { summary: CrossSummary; lines: string[] } | undefined;
  try {
    if (options.crossCheck === false) {
      results = await pool.run(
        jobs.map((job, id) => ({ message: { kind: 'review', id, job, hold: false }, folder: job.folder })),
        progress(io, jobs.length, tty),
      );
    } else {
      ({ results, cross } = await reviewAcross(pool, jobs, io, tty));
    }
  } finally {
    await pool.close();
  }
  const reviewed = results.filter((r) => !r.problem);
  const summaryFile = path.join(outDir, '汇总.xlsx');
  await writeFileAtomic(summaryFile, await summaryWorkbook(results, `${options.settings.year}年度示范平台绩效评价审核汇总（${reviewed.length}/${results.length} 个平台）`, cross?.summary));
  const seconds = (Date.now() - started) / 1000;
  io.out(`批量审核完成：${results.length} 个平台，成功 ${reviewed.length} 个，无法审核 ${results.length - reviewed.length} 个，用时 ${seconds.toFixed(1)} s`);
  if (cross) for (const line of cross.lines) io.out(line);
  for (const r of results.filter((x) => x.problem)) io.out(`  无法审核：${r.folder}：${r.problem}`);
  for (const r of results.filter((x) => x.unkept)) io.out(`  ${r.folder}：${unkeptNotice(r.unkept ?? 0)}`);
  if (previous) io.out(previousNotice(previous.unmatched, results));
  io.out(`汇总：${summaryFile}`);
  return reviewed.length > 0 ? 0 : 2;
}

/** Where a finding's row is, as 交叉核查 shows it: «合同订单.xlsx »「订单」G12». */
function placeText(file: string, sheet: string, cell: string | null, row: number): string {
  return `${file} »「${sheet}」${cell ?? `第${row}行`}`;
}

/**
 * A batch with the checks across platforms. Every platform is reviewed, its facts returned and the
 * platform held, unwritten, by the worker that reviewed it; the checks run on the facts (no file
 * is read again); then each worker writes the platforms it holds, each once, with the findings
 * across platforms added, through the writer's usual atomic write that carries the reviewer's
 * entries over. A platform whose worker failed meanwhile is reviewed and written again in one go.
 */
async function reviewAcross(pool: Pool, jobs: readonly PlatformJob[], io: Io, tty: boolean): Promise<{ results: PlatformResult[]; cross: { summary: CrossSummary; lines: string[] } }> {
  const holder: { slot: number; generation: number }[] = [];
  const reviewedProgress = progress(io, jobs.length, tty, '审核 ', true);
  const first = await pool.run(
    jobs.map((j, id) => ({ message: { kind: 'review', id, job: { ...j, across: { collect: true } }, hold: true }, folder: j.folder })),
    (r, i, slot, generation) => {
      reviewedProgress(r);
      if (!r.problem) holder[i] = { slot, generation };
    },
  );
  const t0 = Date.now();
  const index: number[] = [];
  const platforms: CrossPlatform[] = [];
  first.forEach((r, i) => {
    if (r.facts && !r.problem) {
      index.push(i);
      platforms.push({ name: r.name, facts: r.facts });
    }
  });
  const found: CrossCheckResult = crossCheck(platforms);
  // Where each shared entry is, taken before the facts go.
  const items = found.shared.map((item) => ({
    item,
    entries: item.entries.map((e) => {
      const t = platforms[e.platform].facts.tables[e.at.table];
      return { result: index[e.platform], place: placeText(t.file, t.sheet, e.at.cell, e.at.row) };
    }),
  }));
  for (const r of first) delete r.facts;
  const compared = Date.now() - t0;
  const findingsOf = new Map(index.map((i, p) => [i, found.findings[p]] as const));

  // Each held platform written by its worker; one whose worker was replaced, reviewed again in one go.
  const held = index.filter((i) => holder[i]);
  const written = await pool.run(
    held.map((i) => {
      const h = holder[i];
      const findings = findingsOf.get(i) ?? [];
      const job = jobs[i];
      const write = { message: { kind: 'write' as const, id: i, folder: job.folder, findings }, folder: job.folder };
      if (pool.threads <= 0) return write;
      return pool.generation[h.slot] === h.generation ? { ...write, slot: h.slot } : { message: { kind: 'review' as const, id: i, job, hold: false, findings }, folder: job.folder };
    }),
    progress(io, held.length, tty, '写出 '),
  );
  const results = [...first];
  held.forEach((i, k) => (results[i] = written[k]));
  const summary: CrossSummary = {
    items: items.map(({ item, entries }) => ({
      check: item.check,
      title: checkInfo(item.check).title,
      severity: item.severity,
      what: item.what,
      how: item.how,
      entries: entries.map((e) => ({ platform: results[e.result].name, workbook: results[e.result].workbook, place: e.place })),
    })),
    firms: found.firms,
  };
  const count = (check: string) => found.shared.filter((x) => x.check === check).length;
  const affected = [...findingsOf.values()].filter((f) => f.length > 0).length;
  const most = found.firms.top[0];
  const several = found.firms.distribution.slice(1).reduce((n, d) => n + d.firms, 0);
  const lines = [
    `交叉核查：同一合同订单 ${count('cross-platform-order')} 项、同一活动 ${count('cross-platform-activity')} 项、同一人员 ${count('cross-platform-staff')} 项，涉及 ${affected} 个平台（已写入各自的审核工作簿）；比对用时 ${(compared / 1000).toFixed(1)} s`,
    `  多平台服务企业：${found.firms.firms} 家企业中 ${several} 家由两个及以上平台服务${most ? `，最多的「${most.name}」${most.platforms.length} 个平台` : ''}（仅供了解，见 汇总.xlsx「多平台服务企业」）`,
  ];
  return { results, cross: { summary, lines } };
}
