/**
 * `npm run bench`: generate a submission of 20,000 enterprises and 40,000 orders, then measure, each
 * in a fresh process and in alternating rounds, side by side in one run:
 *   - the review through the documented command (`npm run review`'s bin/review.js), reading and every
 *     check, writing no workbook;
 *   - ExcelJS's bare `workbook.xlsx.readFile` of the same files;
 *   - the reader alone, and the floor under any reader (fflate, TextDecoder, saxes with empty handlers);
 *   - the floor keeping every cell's text and nothing else: what a time budget has spent before any review work.
 * Targets: review ≤ 0.5× ExcelJS's time and ≤ 0.6× its peak memory; reading ≤ 2× the floor;
 * `npm run review -- --help` within 0.4 s.
 * `npm run bench -- --batch` is the batch benchmark (bench/batch.ts); `-- --scale` the growth one on hostile lists (bench/scale.ts);
 * `-- --cross` the checks across platforms alone at 175 platforms × 20,000 firms (bench/cross.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface Measure {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

const MODES = ['exceljs', 'review', 'read', 'texts', 'floor'] as const;
type Mode = (typeof MODES)[number];

function measure(mode: Mode, dir: string, reader: string): Measure {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'measure.js'), mode, dir], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, BENCH_READER: reader } });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time of `npm run review -- --help`, as a user types it. */
function helpMs(): number {
  const t0 = process.hrtime.bigint();
  execFileSync('npm', ['run', '--silent', 'review', '--', '--help'], { cwd: path.resolve(__dirname, '..'), stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main(): Promise<void> {
  if (process.argv.includes('--batch')) {
    await import('./batch');
    return;
  }
  if (process.argv.includes('--cross')) {
    await import('./cross');
    return;
  }
  if (process.argv.includes('--scale')) {
    await import('./scale');
    return;
  }
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const dir = mkdtempSync(path.join(tmpdir(), 'review-bench-'));
  try {
    const { writeBenchSubmission } = await import('../scripts/submission');
    const t0 = Date.now();
    await writeBenchSubmission(dir, { enterprises: 20000, orders: 40000, seed: 2024 });
    console.log(`生成测试材料：20,000 家企业、40,000 笔订单，${readdirSync(dir).length} 个文件，用时 ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // Build the command line first, so no round pays for it, and the reader alone the same way.
    execFileSync(process.execPath, [path.resolve(__dirname, '../scripts/build-cli.js')], { stdio: 'ignore' });
    // Inside the project, so that its packages resolve from node_modules.
    const reader = (await import('../scripts/build-reader')).buildReader(path.resolve(__dirname, '../build/bench/reader.js'));
    const m: Record<Mode, Measure[]> = { exceljs: [], review: [], read: [], texts: [], floor: [] };
    for (let i = 0; i < runs; i++) for (const mode of MODES) m[mode].push(measure(mode, dir, reader));
    const med = (mode: Mode) => ({ ms: median(m[mode].map((x) => x.ms)), mb: median(m[mode].map((x) => x.maxRssMb)) });
    // Rounds share the machine's momentary speed: the median of per-round ratios is steadier on a noisy VM.
    const ratio = (a: Mode, b: Mode, key: keyof Measure) => median(m[a].map((x, i) => x[key] / m[b][i][key]));
    const help = median(Array.from({ length: runs }, helpMs));
    const rows: [string, Mode][] = [
      ['ExcelJS 直接读取（readFile）', 'exceljs'],
      ['审核（npm run review，读取+全部检查）', 'review'],
      ['仅读取（本项目读取器）', 'read'],
      ['仅保留文本（下限 + 保留每格文本，不做其他）', 'texts'],
      ['下限（fflate 解压+解码+saxes 空处理）', 'floor'],
    ];
    console.log(`\n（每项 ${runs} 次，各在独立进程中，交替运行；用时含进程启动；取中位数）\n   用时   峰值内存`);
    for (const [label, mode] of rows) {
      const x = med(mode);
      console.log(`${(x.ms / 1000).toFixed(2).padStart(6)} s  ${x.mb.toFixed(0).padStart(5)} MB  ${label}`);
    }
    const t = ratio('review', 'exceljs', 'ms');
    const mem = ratio('review', 'exceljs', 'maxRssMb');
    const floor = ratio('read', 'floor', 'ms');
    const cpu = ratio('review', 'exceljs', 'cpuMs');
    console.log(`\n审核 ÷ ExcelJS 读取：用时 ${t.toFixed(2)} ×（目标 ≤ 0.50 ×），峰值内存 ${mem.toFixed(2)} ×（目标 ≤ 0.60 ×），CPU 时间 ${cpu.toFixed(2)} ×`);
    console.log(`仅读取 ÷ 下限：用时 ${floor.toFixed(2)} ×（目标 ≤ 2.00 ×）`);
    console.log(`npm run review -- --help：${(help / 1000).toFixed(2)} s（目标 ≤ 0.40 s）`);
    // What the time target leaves for recognition, the checks, indicators, sample and report, next to what they take.
    const budget = med('exceljs').ms * 0.5;
    console.log(
      `审核用时目标 ${(budget / 1000).toFixed(2)} s：仅保留文本已用 ${(med('texts').ms / 1000).toFixed(2)} s，余 ${((budget - med('texts').ms) / 1000).toFixed(2)} s 供识别、检查、指标、样本和报告；这些目前用 ${((med('review').ms - med('read').ms) / 1000).toFixed(2)} s（审核 − 仅读取）`,
    );
    const met = t <= 0.5 && mem <= 0.6 && floor <= 2 && help <= 400;
    console.log(met ? '全部达到目标' : '未全部达到目标');
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`基准测试失败：${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
