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
import { emptyResult, reviewPlatformFolder, type PlatformJob, type PlatformResult } from './platformReview';
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
  /** Run the checks across platforms once all are reviewed (default true; `--no-cross-check` turns them off). */
  crossCheck?: boolean;
}

/** A terminal progress bar on stderr when it is a terminal, else one line per platform. */
function progress(io: Io, total: number, tty: boolean, stage = '') {
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
    } else {
      io.err(`${stage}[${done}/${total}] ${r.folder}：${status}`);
    }
  };
}

/** Most old-generation heap one worker may use (MB). */
export const WORKER_HEAP_MB = Number(process.env.REVIEW_WORKER_HEAP_MB ?? 4096);

/** Run jobs on a bounded pool of worker threads; results come back in job order. */
async function runPool(jobs: PlatformJob[], threads: number, onResult: (r: PlatformResult) => void, heapMb = WORKER_HEAP_MB): Promise<PlatformResult[]> {
  const results: PlatformResult[] = new Array(jobs.length);
  if (threads <= 0) {
    for (let i = 0; i < jobs.length; i++) {
      results[i] = await reviewPlatformFolder(jobs[i]);
      onResult(results[i]);
    }
    return results;
  }
  let next = 0;
  // A larger young generation: reviewing allocates many short-lived cells, and scavenges dominate
  // otherwise. A bounded old generation: a platform too big for it ends its own worker, not the batch.
  const start = () => new Worker(path.join(__dirname, 'batchWorker.js'), { resourceLimits: { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: heapMb } });
  const worker = async () => {
    let w = start();
    try {
      while (next < jobs.length) {
        const i = next++;
        let failed = false;
        results[i] = await new Promise<PlatformResult>((resolve, reject) => {
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
          w.postMessage(jobs[i]);
        }).catch((err: unknown) => {
          failed = true;
          const out = (err as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
          return emptyResult(jobs[i].folder, out ? `审核中断：材料过大，超出单个平台可用的内存（${heapMb} MB）` : `审核中断：${err instanceof Error ? err.message : String(err)}`);
        });
        onResult(results[i]);
        if (failed) {
          // The worker is gone (or unusable): the next platform gets a new one.
          await w.terminate().catch(() => undefined);
          w = start();
        }
      }
    } finally {
      await w.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, worker));
  return results;
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
  const jobs: PlatformJob[] = folders.map((f) => ({
    folder: path.join(options.dir, f),
    defaultCategory: options.defaultCategory,
    settings: options.settings,
    rubric: options.rubric,
    outDir,
  }));
  const started = Date.now();
  const across = options.crossCheck !== false;
  const results = await runPool(
    across ? jobs.map((j) => ({ ...j, across: { collect: true } })) : jobs,
    options.jobs,
    progress(io, jobs.length, tty),
    options.workerHeapMb,
  );
  const cross = across ? await checkAcross(jobs, results, options, io, tty) : undefined;
  const reviewed = results.filter((r) => !r.problem);
  const summaryFile = path.join(outDir, '汇总.xlsx');
  await writeFileAtomic(summaryFile, await summaryWorkbook(results, `${options.settings.year}年度示范平台绩效评价审核汇总（${reviewed.length}/${results.length} 个平台）`, cross?.summary));
  const seconds = (Date.now() - started) / 1000;
  io.out(`批量审核完成：${results.length} 个平台，成功 ${reviewed.length} 个，无法审核 ${results.length - reviewed.length} 个，用时 ${seconds.toFixed(1)} s`);
  if (cross) for (const line of cross.lines) io.out(line);
  for (const r of results.filter((x) => x.problem)) io.out(`  无法审核：${r.folder}：${r.problem}`);
  for (const r of results.filter((x) => x.unkept)) io.out(`  ${r.folder}：${unkeptNotice(r.unkept ?? 0)}`);
  io.out(`汇总：${summaryFile}`);
  return reviewed.length > 0 ? 0 : 2;
}

/** Where a finding's row is, as 交叉核查 shows it: «合同订单.xlsx »「订单」G12». */
function placeText(file: string, sheet: string, cell: string | null, row: number): string {
  return `${file} »「${sheet}」${cell ?? `第${row}行`}`;
}

/**
 * The checks across platforms, after every platform is reviewed: compare the facts the workers
 * returned, then review again, in the pool, each platform they found something in, writing its
 * workbook with those findings added. Each write is the writer's usual one: atomic, and carrying
 * the reviewer's entries over from the workbook just written (an entry on a finding across
 * platforms from an earlier run waits there as «本次未再出现» and comes back with its finding).
 * `results` is updated in place; the facts are dropped.
 */
async function checkAcross(jobs: readonly PlatformJob[], results: PlatformResult[], options: BatchOptions, io: Io, tty: boolean): Promise<{ summary: CrossSummary; lines: string[] }> {
  const t0 = Date.now();
  const index: number[] = [];
  const platforms: CrossPlatform[] = [];
  results.forEach((r, i) => {
    if (r.facts && !r.problem) {
      index.push(i);
      platforms.push({ name: r.name, facts: r.facts });
    }
  });
  const found: CrossCheckResult = crossCheck(platforms);
  // What 交叉核查 needs of each entry, taken before the facts go.
  const summary: CrossSummary = {
    items: found.shared.map((item) => ({
      check: item.check,
      title: checkInfo(item.check).title,
      severity: item.severity,
      what: item.what,
      how: item.how,
      entries: item.entries.map((e) => {
        const r = results[index[e.platform]];
        const t = platforms[e.platform].facts.tables[e.at.table];
        return { platform: r.name, workbook: r.workbook, place: placeText(t.file, t.sheet, e.at.cell, e.at.row) };
      }),
    })),
    firms: found.firms,
  };
  for (const r of results) delete r.facts;
  const compared = Date.now() - t0;

  const again = index.map((i, p) => ({ i, findings: found.findings[p] })).filter((x) => x.findings.length > 0);
  const t1 = Date.now();
  const failed: string[] = [];
  if (again.length > 0) {
    const rerun = await runPool(
      again.map(({ i, findings }) => ({ ...jobs[i], across: { findings } })),
      options.jobs,
      progress(io, again.length, tty, '交叉核查 '),
      options.workerHeapMb,
    );
    rerun.forEach((r, k) => {
      const i = again[k].i;
      // A platform that cannot be written again keeps its first workbook and line; the batch says so.
      if (r.problem) failed.push(`  交叉核查的问题未能写入「${results[i].folder}」的审核工作簿：${r.problem}`);
      else results[i] = r;
    });
  }
  const rewritten = Date.now() - t1;
  const count = (check: string) => summary.items.filter((x) => x.check === check).length;
  const most = found.firms.top[0];
  const lines = [
    `交叉核查：同一合同订单 ${count('cross-platform-order')} 项、同一活动 ${count('cross-platform-activity')} 项、同一人员 ${count('cross-platform-staff')} 项，涉及 ${again.length} 个平台（已写入各自的审核工作簿）；比对 ${(compared / 1000).toFixed(1)} s，重写 ${again.length} 个审核工作簿 ${(rewritten / 1000).toFixed(1)} s`,
    `  多平台服务企业：${found.firms.firms} 家企业中 ${found.firms.top.length === 0 ? 0 : found.firms.distribution.slice(1).reduce((n, d) => n + d.firms, 0)} 家由两个及以上平台服务${most ? `，最多的「${most.name}」${most.platforms.length} 个平台` : ''}（仅供了解）`,
    ...failed,
  ];
  return { summary, lines };
}
