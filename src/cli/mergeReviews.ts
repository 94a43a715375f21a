/**
 * `npm run merge-reviews -- <审核工作簿...> --out <合议表.xlsx> [--gap 0.2]`: merge a panel's copies
 * of one platform's review workbook into a 合议表. Exit 0 when written; 2 for anything the user
 * must fix (arguments, files that are not review workbooks, copies of different platforms or
 * rubrics); 1 when the output exists and is not a 合议表, or on an unexpected error.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_GAP, PanelError, type Panel } from '../domain/panel';
import { parseOptions, UsageError } from './args';
import { OutputError, clashesWithInput, errnoText, writeFileAtomic } from './atomicWrite';
import { processIo, type Io } from './io';

export const MERGE_USAGE = `用法：npm run merge-reviews -- <审核工作簿...> --out <文件> [--gap <比例>]

把评审专家各自填写的同一平台的审核工作簿合并为一张合议表：每项评分指标列出各专家的得分、平均分和分差，
分差超过该项满分一定比例的标为“需合议”；每项门槛条件列出各专家的结论，不一致或有“不符合”的标为“需合议”；
合议总分为各项平均分之和，合议结论按与评分表相同的规则判定；各专家的评审意见、问题清单处理意见和抽查样本核验并列。

选项：
  --out <文件>     合议表写到这个 .xlsx 文件；给出文件夹时写为“<平台名称>-合议表.xlsx”
  --gap <比例>     分差阈值，满分的比例，默认 ${DEFAULT_GAP}（即 ${DEFAULT_GAP * 100}%）；也可写成 20%
  -h, --help       显示本帮助

专家姓名取自各工作簿评分表中的“评审专家”，未填写时取文件名。不同平台、不同年度或不同评分细则的工作簿不能合并。`;

export interface MergeArgs {
  files: string[];
  out: string;
  gap: number;
}

/** Parse the command line (without node and script). @throws UsageError (Chinese) */
export function parseMergeArgs(argv: string[]): MergeArgs | 'help' {
  const parsed = parseOptions(
    { args: argv, allowPositionals: true, strict: true, options: { out: { type: 'string' }, gap: { type: 'string' }, help: { type: 'boolean', short: 'h' } } },
    MERGE_USAGE,
  );
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.out === undefined) throw new UsageError(`请用 --out 指定合议表写到哪个文件\n\n${MERGE_USAGE}`);
  const files = parsed.positionals;
  if (files.length < 2) throw new UsageError(`请给出至少两位专家的审核工作簿（收到 ${files.length} 个）\n\n${MERGE_USAGE}`);
  const seen = new Map<string, string>();
  for (const f of files) {
    const key = path.resolve(f);
    if (seen.has(key)) throw new UsageError(`「${f}」给出了两次：每位专家的审核工作簿只需给一次`);
    seen.set(key, f);
  }
  return { files, out: v.out, gap: v.gap === undefined ? DEFAULT_GAP : parseGap(v.gap) };
}

/** `0.2`, `20%`, `２０％` → 0.2. */
function parseGap(text: string): number {
  const t = text.normalize('NFKC').trim();
  const percent = t.endsWith('%');
  const n = Number(percent ? t.slice(0, -1) : t);
  const gap = percent ? n / 100 : n;
  if (t === '' || !Number.isFinite(gap) || gap < 0 || gap > 1) {
    throw new UsageError(`--gap 应为 0 到 1 之间的比例（如 0.2 表示满分的 20%，也可写成 20%），收到「${text}」`);
  }
  return gap;
}

/** What the terminal shows after writing. */
export function formatPanel(panel: Panel): string {
  const lines = [
    `${panel.platform ?? '（未指定平台名称）'} ${panel.year ?? ''} 年度绩效评价合议`,
    `  专家：${panel.experts.map((e) => `${e.name}（${e.total.toFixed(2)} 分，${e.verdict}）`).join('、')}`,
    `  合议总分 ${panel.total.toFixed(2)}（满分 ${panel.maxTotal}），合议结论：${panel.verdict}（${panel.consequence}）`,
  ];
  for (const t of panel.thresholds.filter((x) => x.conflict || x.anyFail)) {
    lines.push(`  需合议 ${t.id} ${t.title}：${panel.experts.map((e, i) => `${e.name} ${t.conclusions[i] ?? '未填'}`).join('，')}`);
  }
  for (const i of panel.indicators.filter((x) => x.flagged)) {
    lines.push(`  需合议 指标 ${i.id}：${panel.experts.map((e, k) => `${e.name} ${i.points[k] === null ? '未评分' : i.points[k]!.toFixed(2)}`).join('，')}（分差 ${i.spread!.toFixed(2)}）`);
  }
  if (panel.toDiscuss === 0) lines.push('  各专家意见一致，无需合议事项');
  return lines.join('\n');
}

/** Run the command; returns the exit code. Never throws. */
export async function runMergeReviews(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseMergeArgs(argv);
    if (args === 'help') {
      io.out(MERGE_USAGE);
      return 0;
    }
    const files = [];
    for (const f of args.files) {
      const stat = await fsp.stat(f).catch((err: unknown) => {
        throw new UsageError(`无法读取「${f}」：${errnoText(err)}`);
      });
      if (!stat.isFile()) throw new UsageError(`「${f}」不是文件：请逐个给出各专家的审核工作簿`);
      const bytes = await fsp.readFile(f).catch((err: unknown) => {
        throw new UsageError(`无法读取「${f}」：${errnoText(err)}`);
      });
      files.push({ file: path.basename(f), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    }
    // Loaded when needed: ExcelJS.
    const { isPanelWorkbook, mergeReviewFiles, writePanelWorkbook } = await import('../workbook/file/reviewCopies');
    const merged = await mergeReviewFiles(files, args.gap);
    const isDir = await fsp.stat(args.out).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const target = isDir ? path.join(args.out, panelWorkbookName(merged.panel.platform)) : args.out;
    if (!/\.xlsx$/i.test(target)) throw new UsageError(`--out 应为 .xlsx 文件（或一个文件夹），收到「${args.out}」`);
    const clash = clashesWithInput(target, args.files);
    if (clash) throw new UsageError(`--out ${clash.replace('要审核的输入文件', '要合并的审核工作簿')}`);
    const existing = await fsp.readFile(target).catch(() => null);
    if (existing && !(await isPanelWorkbook(new Uint8Array(existing.buffer, existing.byteOffset, existing.byteLength)))) {
      io.out(formatPanel(merged.panel));
      io.err(`「${target}」已存在但不是合议表，未覆盖：请换一个 --out 文件，或先移走该文件`);
      return 1;
    }
    await writeFileAtomic(target, await writePanelWorkbook(merged));
    io.out(formatPanel(merged.panel));
    io.out(`\n合议表已写入 ${target}`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof OutputError || err instanceof PanelError) {
      io.err(err.message);
      return 2;
    }
    io.err(`合并中断：${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** `<平台名称>-合议表.xlsx`, with characters no file system takes replaced. */
export function panelWorkbookName(platform: string | null): string {
  // eslint-disable-next-line no-control-regex
  const base = (platform ?? '').normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim();
  return base ? `${Array.from(base).slice(0, 100).join('')}-合议表.xlsx` : '合议表.xlsx';
}

if (require.main === module) {
  runMergeReviews(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
