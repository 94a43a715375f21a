/**
 * `npm run review -- <paths...>`: review one platform's submission from the command line.
 * Exit 0 when a report was produced (however bad the submission), 2 when nothing readable was given.
 */
import { reviewSubmission } from '../domain/review';
import { loadSubmission } from '../workbook/file/submissionFiles';
import { parseReviewArgs, UsageError, USAGE } from './args';
import { writeFileAtomic } from './atomicWrite';
import { formatSummary } from './summary';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
};

/** Run the review command; returns the exit code. Never throws. */
export async function runReview(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseReviewArgs(argv);
    if (args === 'help') {
      io.out(USAGE);
      return 0;
    }
    const { files, problems } = await loadSubmission(args.paths);
    const readable = files.filter((f) => f.grids);
    if (readable.length === 0) {
      for (const p of problems) io.err(p.message);
      for (const f of files) io.err(f.error ?? `无法读取「${f.file}」`);
      if (problems.length === 0 && files.length === 0) io.err('没有可审核的表格文件');
      io.err('没有可读取的表格，未生成审核报告。');
      return 2;
    }
    for (const p of problems) io.err(p.message);
    for (const f of files) if (f.error) io.err(f.error);

    const report = reviewSubmission({
      files: files.map((f) => ({ file: f.file, grids: f.grids, error: f.error })),
      platform: { name: args.platform.name, category: args.category, unit: args.platform.unit, district: args.platform.district },
      year: args.year,
      manufacturing: args.manufacturing,
      staffRule: args.staffRule,
      qualificationOrder: args.qualificationOrder,
      sample: args.sample,
    });
    if (args.json === '-') {
      io.out(JSON.stringify(report, null, 2));
    } else if (args.json) {
      await writeFileAtomic(args.json, JSON.stringify(report, null, 2) + '\n');
      io.out(formatSummary(report, 10));
      io.out(`\n审核报告已写入 ${args.json}`);
    } else {
      io.out(formatSummary(report));
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    // Anything unexpected still ends in one Chinese line, not a stack trace.
    io.err(`审核中断：${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  runReview(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
