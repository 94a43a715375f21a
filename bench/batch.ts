/**
 * `npm run bench -- --batch`: 175 platforms of typical size (2,000 enterprises and 3,000 orders each),
 * folders named after the 附件4-1 roster, reviewed with `--batch` on all cores, writing every review
 * workbook and 汇总.xlsx. Prints platforms per minute and peak memory (this process and its workers).
 * Target: all 175 within 2 minutes on 2 cores.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runBatch, defaultJobs } from '../src/cli/batch';
import { ROSTER } from '../src/domain/roster';
import { writeSubmission } from '../scripts/submission';

const PLATFORMS = Number(process.env.BENCH_PLATFORMS ?? 175);
const DISTINCT = 5;

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
    const started = Date.now();
    const lines: string[] = [];
    const code = await runBatch(
      { dir, out, defaultCategory: null, settings: { year: 2024, manufacturing: false }, jobs },
      { out: (t) => lines.push(t), err: () => undefined },
    );
    const seconds = (Date.now() - started) / 1000;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    const written = readdirSync(out).filter((f) => f.endsWith('-审核.xlsx')).length;
    console.log(lines[0]);
    console.log(`线程 ${jobs} 个；用时 ${seconds.toFixed(1)} s；每分钟 ${((PLATFORMS / seconds) * 60).toFixed(1)} 个平台；峰值内存（含工作线程）${maxRssMb.toFixed(0)} MB；写出审核工作簿 ${written} 个`);
    console.log(seconds <= 120 && code === 0 && written === PLATFORMS ? '达到目标（2 分钟内）' : '未达到目标（2 分钟内）');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`基准测试失败：${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
