/**
 * `npm run classify -- --industry 工业 --employees 300 --revenue 2000 [--assets N] [--json]`:
 * 划型测算 by 工信部联企业〔2011〕300号. Prints the class on the first line and the reason after it,
 * or `{size, industry, reason}` with --json. Exit 0 when classified, 2 for anything the user must fix.
 *
 * @example
 * // $ npm run classify -- --industry 制造业 --employees 300 --revenue 2000
 * // 中型
 * // 工业：从业人员 300 人 < 1000 人、营业收入 2000 万元 < 40000 万元，属中小微企业；…，为中型
 */
import { acceptedIndustriesText, classify, FIGURE_LABELS, type Figure, type Figures } from '../domain/sizeClass';
import { parseAmount, parseCount } from '../domain/values';
import { parseOptions, UsageError } from './args';
import { processIo, type Io } from './io';

export const CLASSIFY_USAGE = `用法：npm run classify -- --industry <所属行业> [--employees <从业人员>] [--revenue <营业收入>] [--assets <资产总额>] [--json]

按《中小企业划型标准规定》（工信部联企业〔2011〕300号）测算企业划型。

选项：
  --industry <行业>     所属行业，如 工业、软件和信息技术服务业、零售业（制造业、软件开发等常见名称也可）
  --employees <人数>    从业人员（人）
  --revenue <金额>      营业收入（万元；也可写 2亿、5000000元）
  --assets <金额>       资产总额（万元）
  --json                以 JSON 输出 {size, industry, reason}
  -h, --help            显示本帮助

只需给出判断所需的数据；缺少判断所需的数据时会提示缺少哪一项。`;

const OPTION: Record<Figure, string> = { employees: '--employees', revenue: '--revenue', assets: '--assets' };
const FIGURES: readonly Figure[] = ['employees', 'revenue', 'assets'];

/** `--revenue -5` reads as two options to parseArgs; join a value that looks like a negative number to its option. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (/^--(employees|revenue|assets)$/.test(argv[i]) && next !== undefined && /^[-−－][\d０-９.．]/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

/** A figure from the command line: full-width digits and thousands separators accepted; never negative. */
function figure(f: Figure, text: string): number {
  const { name, unit } = FIGURE_LABELS[f];
  const shown = `${OPTION[f]} 应为${f === 'employees' ? '非负整数' : '非负数'}（${name}，${unit}），收到「${text}」`;
  if (f === 'employees') {
    const p = parseCount(text);
    if (p.state !== 'ok') throw new UsageError(shown);
    if (p.approximate) throw new UsageError(`${shown}：请给出确切人数`);
    return p.value;
  }
  const p = parseAmount(text, '万元');
  if (p.state !== 'ok') throw new UsageError(shown);
  if (p.value < 0) throw new UsageError(`${shown}：不能为负数`);
  return p.value;
}

function parse(argv: string[]): { industry: string; figures: Figures; json: boolean } | 'help' {
  const parsed = parseOptions(
    {
      args: joinNegativeValues(argv),
      allowPositionals: false,
      strict: true,
      options: {
        industry: { type: 'string' },
        employees: { type: 'string' },
        revenue: { type: 'string' },
        assets: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    CLASSIFY_USAGE,
    (arg) => `多余的参数「${arg}」，数据请用 --employees、--revenue、--assets 给出`,
  );
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.industry === undefined || v.industry.trim() === '') {
    throw new UsageError(`请用 --industry 指定所属行业。${acceptedIndustriesText()}`);
  }
  const figures: Figures = {};
  for (const f of FIGURES) {
    const text = v[f];
    if (text !== undefined) figures[f] = figure(f, text);
  }
  return { industry: v.industry, figures, json: v.json ?? false };
}

/** Run the classify command; returns the exit code. Never throws. */
export function runClassify(argv: string[], io: Io = processIo): number {
  try {
    const args = parse(argv);
    if (args === 'help') {
      io.out(CLASSIFY_USAGE);
      return 0;
    }
    const result = classify(args.industry, args.figures);
    if (!result.ok) {
      const hint =
        result.error === 'missing-figure' && result.missing
          ? `\n请用 ${result.missing.map((f) => `${OPTION[f]} 给出${FIGURE_LABELS[f].name}（${FIGURE_LABELS[f].unit}）`).join('，')}`
          : '';
      io.err(result.message + hint);
      return 2;
    }
    if (args.json) {
      io.out(JSON.stringify({ size: result.size, industry: result.industry, reason: result.reason }, null, 2));
    } else {
      io.out(result.size);
      io.out(result.reason);
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    io.err(`划型测算中断：${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runClassify(process.argv.slice(2));
}
