/** One measurement in a fresh process: `load` (bare ExcelJS) or `review` (our reading + review). Prints JSON. */
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { reviewSubmission } from '../src/domain/review';
import { loadSubmission } from '../src/workbook/file/submissionFiles';

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  if (mode === 'load') {
    const books: ExcelJS.Workbook[] = [];
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.xlsx'))) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(path.join(dir, f)) as unknown as ArrayBuffer);
      books.push(wb);
    }
    if (books.length === 0) throw new Error('no workbook');
  } else {
    const { files } = await loadSubmission([dir]);
    const report = reviewSubmission({ files, platform: { name: null, category: '技术创新' } });
    if (report.indicators.serviceEnterprises === 0) throw new Error('nothing reviewed');
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = process.resourceUsage();
  const maxRssMb = usage.maxRSS / 1024;
  // CPU time of the whole process (all threads), less sensitive than wall time to a busy machine.
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  console.log(JSON.stringify({ ms, cpuMs, maxRssMb }));
}

main();
