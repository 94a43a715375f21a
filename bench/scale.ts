/**
 * `npm run bench -- --scale`: growth of the review with --out on hostile lists, in fresh processes:
 * 附表4-2-1-2 lists of 10,000, 50,000 and 200,000 rows that are all one enterprise (every row a
 * duplicate-enterprise finding) and all in reverse region order (河北 → 天津 → 北京: a third of the rows
 * a region-order finding). Prints seconds per 1,000 rows, which must stay flat (no quadratic step).
 * SCALE_SIZES=10000,50000 picks the sizes.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const SIZES = (process.env.SCALE_SIZES ?? '10000,50000,200000').split(',').map(Number);

async function list(file: string, rows: number, kind: 'duplicates' | 'reversed'): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('名单');
  ws.addRow(['序号', '服务企业名称', '服务内容', '所属省市']).commit();
  const regions = ['河北', '天津', '北京'];
  for (let i = 0; i < rows; i++) {
    const name = kind === 'duplicates' ? '北京同一科技有限公司' : `企业${i}有限公司`;
    const region = kind === 'duplicates' ? '北京' : regions[Math.floor((3 * i) / rows)];
    ws.addRow([i + 1, name, '咨询', region]).commit();
  }
  ws.commit();
  await wb.commit();
}

function review(file: string, out: string): { ms: number; maxRssMb: number } {
  const t0 = process.hrtime.bigint();
  // GNU time (Debian's `time` package) reports the child's peak memory on stderr.
  // As `npm run review` runs it: with the larger heap its script gives.
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--max-old-space-size=8192', path.resolve(__dirname, '../bin/review.js'), file, '--category', '技术创新', '--out', out], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (run.status !== 0) throw new Error(`审核失败（退出码 ${run.status}）：${run.stderr}`);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = Number(run.stderr.trim().split('\n').pop());
  return { ms, maxRssMb: kb / 1024 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'review-scale-'));
  try {
    console.log('规模基准：附表4-2-1-2 全部重复 / 全部倒序，审核并写出审核工作簿（--out），各在独立进程中');
    console.log('   行数    全部重复（每千行）        全部倒序（每千行）');
    for (const rows of SIZES) {
      const cols: string[] = [];
      for (const kind of ['duplicates', 'reversed'] as const) {
        const file = path.join(dir, `${kind}-${rows}.xlsx`);
        await list(file, rows, kind);
        const m = review(file, path.join(dir, `out-${kind}-${rows}`));
        cols.push(`${(m.ms / 1000).toFixed(1).padStart(6)} s（${((m.ms / rows) * 1000 / 1000).toFixed(3)} s）${m.maxRssMb.toFixed(0).padStart(5)} MB`);
        rmSync(file, { force: true });
      }
      console.log(`${String(rows).padStart(8)}  ${cols.join('   ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`规模基准失败：${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
