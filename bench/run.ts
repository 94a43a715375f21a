/**
 * `npm run bench`: generate a submission of 20,000 enterprises and 40,000 orders, then time the review
 * (reading through the file adapter and reviewing, writing no workbook) beside a bare ExcelJS load of
 * the same files. Each measurement runs in its own Node process, so peak memory (max RSS) is its own.
 * Target: review ≤ 1.3× the bare load's time and ≤ 1.5× its peak memory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface Measure {
  ms: number;
  /** CPU time of the process, start-up included. */
  cpuMs: number;
  maxRssMb: number;
}

function measure(mode: 'load' | 'review', dir: string): Measure {
  const out = execFileSync(process.execPath, [...process.execArgv, path.join(__dirname, 'measure.ts'), mode, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  if (process.argv.includes('--batch')) {
    await import('./batch');
    return;
  }
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const dir = mkdtempSync(path.join(tmpdir(), 'review-bench-'));
  try {
    const { writeBenchSubmission } = await import('../scripts/submission');
    const t0 = Date.now();
    await writeBenchSubmission(dir, { enterprises: 20000, orders: 40000, seed: 2024 });
    console.log(`生成测试材料：20,000 家企业、40,000 笔订单，${readdirSync(dir).length} 个文件，用时 ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const load: Measure[] = [];
    const review: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      load.push(measure('load', dir));
      review.push(measure('review', dir));
    }
    const l = { ms: median(load.map((m) => m.ms)), mb: median(load.map((m) => m.maxRssMb)) };
    const r = { ms: median(review.map((m) => m.ms)), mb: median(review.map((m) => m.maxRssMb)) };
    // Paired runs (load, then review, alternately) share the machine's momentary speed, so the
    // median of the per-pair ratios is steadier than the ratio of medians on a noisy VM.
    const timeRatio = median(review.map((m, i) => m.ms / load[i].ms));
    const memRatio = median(review.map((m, i) => m.maxRssMb / load[i].maxRssMb));
    const cpuRatio = median(review.map((m, i) => m.cpuMs / load[i].cpuMs));
    console.log(`各次倍数（用时）：${review.map((m, i) => (m.ms / load[i].ms).toFixed(2)).join(' ')}`);
    console.log(`各次倍数（CPU 时间，含进程启动）：${review.map((m, i) => (m.cpuMs / load[i].cpuMs).toFixed(2)).join(' ')}，中位数 ${cpuRatio.toFixed(2)} ×`);
    console.log(`\n（${runs} 次运行的中位数）`);
    console.log(`                      用时         峰值内存`);
    console.log(`ExcelJS 直接读取    ${(l.ms / 1000).toFixed(2).padStart(7)} s   ${l.mb.toFixed(0).padStart(6)} MB`);
    console.log(`审核（读取+检查）   ${(r.ms / 1000).toFixed(2).padStart(7)} s   ${r.mb.toFixed(0).padStart(6)} MB`);
    console.log(`倍数（逐对中位数）  ${timeRatio.toFixed(2).padStart(7)} ×   ${memRatio.toFixed(2).padStart(6)} ×    目标 ≤ 1.30 × / ≤ 1.50 ×`);
    console.log(timeRatio <= 1.3 && memRatio <= 1.5 ? '达到目标' : '未达到目标');
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`基准测试失败：${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
