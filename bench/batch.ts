/**
 * `npm run bench -- --batch`: 175 platforms of typical size (2,000 enterprises and 3,000 orders each),
 * folders named after the 附件4-1 roster, reviewed with `--batch` on all cores, writing every review
 * workbook and 汇总.xlsx. Prints platforms per minute and peak memory (this process and its workers).
 * Target: all 175 within 2 minutes on 2 cores.
 *
 * The batch runs twice, with the checks across platforms and without (`--no-cross-check`), each
 * into a fresh output folder, and prints both times. Target: the checks add less than 10%. Every
 * platform is generated from its own seed (BENCH_DISTINCT fewer templates, copied, would make every
 * order of a copy shared with every other copy); the generator's word lists make the platforms
 * share firms and activities, as real ones do.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBatch, defaultJobs } from '../src/cli/batch';
import { ROSTER } from '../src/domain/roster';
import { writeSubmission } from '../scripts/submission';

const PLATFORMS = Number(process.env.BENCH_PLATFORMS ?? 175);
const DISTINCT = Number(process.env.BENCH_DISTINCT ?? PLATFORMS);

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'review-batch-bench-'));
  const dir = path.join(root, 'in');
  const out = path.join(root, 'out');
  try {
    const t0 = Date.now();
    // A few distinct submissions, copied under the roster's platform names.
    const templates: string[] = [];
    for (let i = 0; i < DISTINCT; i++) {
      const t = path.join(root, `template-${i}`);
      await writeSubmission(t, { seed: 1000 + i, enterprises: 2000, orders: 3000, messy: true, planted: true, layout: 'mixed' });
      templates.push(t);
    }
    for (let i = 0; i < PLATFORMS; i++) {
      cpSync(templates[i % DISTINCT], path.join(dir, ROSTER[i % ROSTER.length].platform), { recursive: true });
    }
    console.log(`生成测试材料：${PLATFORMS} 个平台，每个 2,000 家企业、3,000 笔订单，用时 ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const jobs = defaultJobs();
    const run = async (crossCheck: boolean) => {
      const target = `${out}-${crossCheck ? 'cross' : 'plain'}`;
      const started = Date.now();
      const lines: string[] = [];
      const code = await runBatch(
        { dir, out: target, defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs, crossCheck },
        { out: (t) => lines.push(t), err: () => undefined },
      );
      const seconds = (Date.now() - started) / 1000;
      const written = readdirSync(target).filter((f) => f.endsWith('-审核.xlsx')).length;
      rmSync(target, { recursive: true, force: true });
      return { seconds, code, written, lines };
    };
    // Without first, then with: the second run does not profit from a warmer cache than the first had.
    const plain = await run(false);
    const cross = await run(true);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(cross.lines[0]);
    for (const line of cross.lines.slice(1).filter((l) => l.includes('交叉核查') || l.includes('多平台'))) console.log(line);
    console.log(`线程 ${jobs} 个；不做交叉核查 ${plain.seconds.toFixed(1)} s；做交叉核查 ${cross.seconds.toFixed(1)} s（${(((cross.seconds - plain.seconds) / plain.seconds) * 100).toFixed(1)}%）；每分钟 ${((PLATFORMS / cross.seconds) * 60).toFixed(1)} 个平台；峰值内存（含工作线程）${maxRssMb.toFixed(0)} MB；写出审核工作簿 ${cross.written} 个`);
    const ok = (r: typeof cross) => r.code === 0 && r.written === PLATFORMS;
    console.log(cross.seconds <= 120 && ok(cross) ? '达到目标（2 分钟内）' : '未达到目标（2 分钟内）');
    console.log(ok(plain) && cross.seconds < plain.seconds * 1.1 ? '达到目标（交叉核查增加不到 10%）' : '未达到目标（交叉核查增加不到 10%）');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`基准测试失败：${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
