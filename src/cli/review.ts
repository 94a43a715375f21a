/**
 * `npm run review -- <paths...>`: review one platform's submission from the command line.
 * Exit 0 when a report was produced (however bad the submission), 2 when nothing readable was given.
 */
import { promises as fsp, statSync } from 'node:fs';
import * as path from 'node:path';
import { unkeptNotice } from './notices';
import { readDeclaredJson, type DeclaredFigures } from '../domain/declared';
import { loadSubmission } from '../workbook/file/submissionFiles';
import { DEFAULT_RUBRIC, loadRubric, type Rubric } from '../workbook/layout/rubric';
import { NO_CATEGORY, parseReviewArgs, settingsOf, UsageError, USAGE } from './args';
import { OutputError, clashesWithInput, inPlaceRefusal, writeFileAtomic } from './atomicWrite';
import { reviewPlatform, withoutReviewSheets, type PreviousSubmission } from '../workbook/reviewPlatform';
import { loadPrevious } from './previousYear';
import type { WorkbookWrite } from './platformWorkbook';
import type { ReviewReport } from '../domain/report';
import { jsonChunks } from './reportJson';
import { processIo, type Io } from './io';
import { formatSummary } from './summary';

export type { Io } from './io';

/** Run the review command; returns the exit code. Never throws. */
export async function runReview(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseReviewArgs(argv);
    if (args === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (args.template !== undefined) {
      const file = path.join(args.template, '申报数据.xlsx');
      if (await exists(file)) throw new UsageError(`「${file}」已存在，未覆盖：请换一个文件夹，或先移走已有文件`);
      const { declaredTemplate } = await import('../workbook/file/declaredTemplate');
      await writeFileAtomic(file, await declaredTemplate());
      io.out(`已写出空白申报数据表：${file}\n填写“申报值”一列后，把它和附表放在同一文件夹中审核，或另存后用 --declared 之外的方式提交均可。`);
      return 0;
    }
    const rubricJson = args.rubric !== undefined ? await readJsonFile(args.rubric, '评分细则文件') : undefined;
    const rubric: Rubric = rubricJson === undefined ? DEFAULT_RUBRIC : rubricFrom(rubricJson, args.rubric!);
    if (args.batch !== undefined) {
      // Loaded when asked for: ExcelJS and the batch cost a review that writes nothing a tenth of a second.
      const { defaultJobs, runBatch } = await import('./batch');
      return await runBatch(
        {
          dir: args.batch,
          out: args.out!,
          defaultCategory: args.category,
          settings: settingsOf(args),
          rubric: rubricJson,
          jobs: args.jobs ?? defaultJobs(),
          ...(args.previousBatch !== undefined ? { previousBatch: args.previousBatch } : {}),
          crossCheck: !args.noCrossCheck,
        },
        io,
        io === processIo && process.stderr.isTTY === true,
      );
    }
    let declaredJson: DeclaredFigures | undefined;
    if (args.declared !== undefined) declaredJson = await readDeclaredFile(args.declared);
    // Last year's submission, read before this year's: a folder that cannot be read stops here.
    let previous: PreviousSubmission | null = null;
    if (args.previous !== undefined) {
      const got = await loadPrevious(args.previous, args.out !== undefined ? [args.out] : []);
      if ('problem' in got) throw new UsageError(got.problem);
      for (const p of got.problems) io.err(`上一年度材料：${p}`);
      previous = got.previous;
    }
    // The output folder is never read as input (a re-run would review its own review workbook).
    const loaded = await loadSubmission(args.paths, { exclude: args.out !== undefined ? [args.out] : [] });
    const { problems } = loaded;
    // A review workbook found in a folder is this tool's output, not the platform's submission;
    // one named on the command line is read (its copied sheets), as --in-place needs.
    const named = new Set(args.paths.map((p) => path.resolve(p)));
    const files = loaded.files.map(withoutReviewSheets).filter((f) => !f.reviewWorkbook || named.has(path.resolve(f.path)));
    const inputPaths = loaded.files.map((f) => f.path);
    if (args.json !== undefined && args.json !== '-') {
      const clash = clashesWithInput(args.json, inputPaths);
      if (clash) throw new UsageError(`--json ${clash}`);
    }
    if (args.inPlace && !files[0]?.reviewWorkbook) {
      throw new UsageError(`--in-place 只用于更新审核工作簿：「${args.paths[0]}」不是本工具写出的审核工作簿（没有评分表、问题清单等工作表）`);
    }
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

    const writeWorkbook = async (report: ReviewReport): Promise<WorkbookWrite> => {
      // Loaded when a workbook is written: it brings ExcelJS.
      const [{ reviewWorkbookName }, { writePlatformWorkbook }] = await Promise.all([import('../workbook/file/writeReview'), import('./platformWorkbook')]);
      const target = args.inPlace
        ? readable[0].path
        : path.join(args.out!, reviewWorkbookName(report.platform.name, path.basename(args.paths[0]).replace(/\.xlsx$/i, '')));
      if (!args.inPlace) {
        const clash = clashesWithInput(target, inputPaths);
        if (clash) throw new UsageError(`${clash}；要更新这个审核工作簿本身，请用 --in-place`);
      }
      const refusal = await inPlaceRefusal(target);
      if (refusal) throw new UsageError(refusal);
      // Re-running onto an existing review workbook keeps what the reviewer typed in it.
      const sources = await Promise.all(readable.map(async (f) => ({ file: f.file, data: await fsp.readFile(f.rawPath ?? f.path), grids: f.grids })));
      return writePlatformWorkbook(target, report, rubric, { sources });
    };
    // The category: --category, else the roster by --platform, else what the 申报数据 sheet names.
    const outcome = await reviewPlatform(
      { given: { category: args.category, platformName: args.platform.name, folder: submissionFolder(args.paths) }, settings: settingsOf(args), rubric, declared: declaredJson },
      { read: async () => files, readPrevious: async () => previous, write: args.out !== undefined || args.inPlace ? (report) => writeWorkbook(report) : undefined },
    );
    const { report } = outcome;
    if (!report) throw new UsageError(NO_CATEGORY);
    const done = outcome.written;
    if (done && 'refused' in done) {
      io.out(formatSummary(report));
      io.err(`「${done.target}」已存在但不是可读取的审核工作簿，未覆盖：请换一个 --out 文件夹，或先移走该文件`);
      return 1;
    }
    const written = done ? done.written : null;
    if (done && done.unkept > 0) io.err(unkeptNotice(done.unkept));
    if (args.json === '-') {
      if (io.write) {
        let buffered = '';
        for (const piece of jsonChunks(report)) {
          buffered += piece;
          if (buffered.length >= 1 << 20) {
            await io.write(buffered);
            buffered = '';
          }
        }
        await io.write(`${buffered}\n`);
      } else io.out([...jsonChunks(report)].join(''));
    } else if (args.json) {
      await writeFileAtomic(args.json, withNewline(jsonChunks(report)));
      io.out(formatSummary(report, 10));
      io.out(`\n审核报告已写入 ${args.json}`);
    } else {
      io.out(formatSummary(report));
    }
    if (written) io.out(`\n审核工作簿已写入 ${written}`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof OutputError) {
      io.err(err.message);
      return 2;
    }
    // Anything unexpected still ends in one Chinese line, not a stack trace.
    io.err(`审核中断：${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/** Read a JSON file the user named; `what` names it in the Chinese messages (评分细则文件, 申报数据文件). */
async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`找不到${what}「${file}」`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${what}「${file}」不是有效的 JSON：${err instanceof Error ? err.message : String(err)}`);
  }
}

function rubricFrom(json: unknown, file: string): Rubric {
  try {
    return loadRubric(json);
  } catch (err) {
    throw new UsageError(`评分细则文件「${file}」有误：${err instanceof Error ? err.message : String(err)}`);
  }
}

async function exists(file: string): Promise<boolean> {
  return fsp.stat(file).then(
    () => true,
    () => false,
  );
}

/** Read --declared FILE.json, with Chinese reasons for every way it can fail. */
async function readDeclaredFile(file: string): Promise<DeclaredFigures> {
  const json = await readJsonFile(file, '申报数据文件');
  try {
    return readDeclaredJson(json, path.basename(file));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

if (require.main === module) {
  runReview(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/** The submission folder's name when one folder was given (the title's last resort), else null. */
function submissionFolder(paths: readonly string[]): string | null {
  if (paths.length !== 1) return null;
  try {
    return statSync(paths[0]).isDirectory() ? path.basename(path.resolve(paths[0])) : null;
  } catch {
    return null;
  }
}
