/**
 * `npm run review` arguments → review options, with Chinese errors for anything off.
 */
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_QUALIFICATION_ORDER, QUALIFICATIONS } from '../domain/qualification';
import { CATEGORIES, findPlatform, isCategory, type RosterEntry } from '../domain/roster';
import type { ReviewSettings } from '../workbook/reviewPlatform';

export interface ReviewArgs {
  paths: string[];
  /** From --category or the roster; null when it must come from the 申报数据 sheet. */
  category: string | null;
  platform: { name: string | null; unit: string | null; district: string | null; roster?: RosterEntry };
  year: number;
  manufacturing: boolean;
  staffRule: 'either' | 'both';
  qualificationOrder: readonly string[];
  json?: string;
  /** --declared FILE.json */
  declared?: string;
  /** --template DIR: write an empty 申报数据 workbook and stop. */
  template?: string;
  /** --out DIR: write the review workbook there. */
  out?: string;
  /** --in-place: the one input is a review workbook; rewrite it. */
  inPlace: boolean;
  /** --rubric FILE: scoring rubric JSON replacing the default example. */
  rubric?: string;
  /** --batch DIR: every subfolder is a platform. */
  batch?: string;
  /** --jobs N: worker threads for --batch. */
  jobs?: number;
  /** --previous DIR: the platform's submission of the year before (8.4(2), 二.13(2), 年度对比). */
  previous?: string;
  /** --previous-batch DIR: last year's platforms, one subfolder each, matched to --batch's by roster name. */
  previousBatch?: string;
  /** --no-cross-check: a batch without the checks across platforms. */
  noCrossCheck: boolean;
  sample: { by: 'enterprise' | 'order'; size: number; random: number; seed: number };
}

export class UsageError extends Error {}

/** The options that change a review, as one object for every platform (a batch hands it to each worker). */
export function settingsOf(args: ReviewArgs): ReviewSettings {
  return { year: args.year, manufacturing: args.manufacturing, staffRule: args.staffRule, qualificationOrder: args.qualificationOrder, sample: args.sample };
}

export const USAGE = `用法：npm run review -- <文件或文件夹...> [选项]

选项：
  --category <类别>      服务类别：${CATEGORIES.join('、')}
  --platform <平台名称>  附件4-1 名录中的平台名称或运营单位名称（未给 --category 时据此确定类别）
  --year <年份>          审核年度（上年度），默认 2024
  --manufacturing        生产制造环节服务平台：门槛4 按 50 家计
  --staff-rule <规则>    门槛8 人员口径：either（学历或职称之一，默认）或 both（两者都要）
  --qualification-order <顺序>  指标7 同一企业多种资质按哪一种计，从高到低、以逗号分隔，
                         默认 ${DEFAULT_QUALIFICATION_ORDER.join(',')}
  --sample-by <方式>     抽查样本：enterprise（按企业合计金额，默认）或 order（按单笔订单金额）
  --random <N>           另从其余中随机抽取 N 个
  --seed <S>             随机抽样的种子（默认 1），同一种子抽得同一样本
  --declared <文件>      申报数据 JSON（附件4-2 填报的数字），与核定数比对；不给时使用材料中的“申报数据”工作表
  --template <文件夹>    在该文件夹写一个空白的“申报数据.xlsx”供平台或评审专家填写，然后退出
  --out <文件夹>         在该文件夹写出审核工作簿“<平台名称>-审核.xlsx”（含材料原表、评分表、评分细则、
                         问题清单、抽查样本）；已有同名审核工作簿时保留评审专家填写的内容
  --in-place             输入是一个审核工作簿时，直接更新它（保留评审专家填写的内容）
  --rubric <文件>        评分细则 JSON，替换内置的示例细则（格式见 rubric/default.json）
  --batch <文件夹>       批量审核：每个子文件夹是一个平台，需同时给 --out；--category 作为默认类别
  --jobs <N>             批量审核的并行线程数，默认为 CPU 核数
  --previous <文件夹>    该平台上一年度的申报材料：计算指标8.4(2) 新增北京市订单企业数，核对申报的
                         二.13(2) 上一年度运营数据，并在评分表中列出年度对比
  --previous-batch <文件夹>  批量审核时上一年度各平台的材料（每个子文件夹一个平台），按名录中的平台名称
                         与 --batch 中的平台对应
  --no-cross-check       批量审核时不做平台之间的交叉核查（同一合同订单、活动、人员；默认要做）
  --json <文件>          把审核报告写成 JSON 文件（- 表示输出到终端）
  -h, --help             显示本帮助`;

function integer(name: string, text: string | undefined, min: number, max: number, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text.normalize('NFKC').trim());
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} 应为 ${min}–${max} 之间的整数，收到「${text}」`);
  return n;
}

/**
 * Node's `parseArgs`, with its errors told in Chinese and followed by the command's usage.
 * `positional` words the error for a stray argument when the command takes none.
 */
export function parseOptions<T extends ParseArgsConfig>(config: T, usage: string, positional?: (arg: string) => string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    const stray = positional && /Unexpected argument '([^']+)'/.exec(msg);
    // node:util's parseArgs takes a value starting with "-" for another option.
    const ambiguous = /Option '([^']+?)' argument is ambiguous/.exec(msg);
    if (ambiguous) throw new UsageError(`选项 ${ambiguous[1]} 的值不能以“-”开头（负数不是有效的值）；如确需这样的值，请写成 ${ambiguous[1]}=值\n\n${usage}`);
    if (unknown) throw new UsageError(`不认识的选项 ${unknown[1]}\n\n${usage}`);
    if (missing) throw new UsageError(`选项 ${missing[1]} 需要一个值\n\n${usage}`);
    if (stray) throw new UsageError(`${positional(stray[1])}\n\n${usage}`);
    throw new UsageError(`参数有误：${msg}\n\n${usage}`);
  }
}

/** Parse the command line (without node and script). Throws UsageError with a Chinese message. */
export function parseReviewArgs(argv: string[]): ReviewArgs | 'help' {
  const parsed = parseOptions(
    {
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        category: { type: 'string' },
        platform: { type: 'string' },
        year: { type: 'string' },
        manufacturing: { type: 'boolean' },
        'staff-rule': { type: 'string' },
        'qualification-order': { type: 'string' },
        'sample-by': { type: 'string' },
        random: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'string' },
        declared: { type: 'string' },
        template: { type: 'string' },
        out: { type: 'string' },
        'in-place': { type: 'boolean' },
        rubric: { type: 'string' },
        batch: { type: 'string' },
        jobs: { type: 'string' },
        previous: { type: 'string' },
        'previous-batch': { type: 'string' },
        'no-cross-check': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.batch !== undefined) {
    if (v.out === undefined) throw new UsageError('批量审核需要用 --out 指定输出文件夹');
    if (parsed.positionals.length > 0) throw new UsageError('批量审核时不再另给文件或文件夹：--batch 文件夹下的每个子文件夹就是一个平台');
    if (v.platform !== undefined) throw new UsageError('批量审核时平台由各子文件夹确定，不能用 --platform');
    if (v['in-place']) throw new UsageError('批量审核不支持 --in-place');
    // Options the batch cannot honour are refused, never silently dropped.
    if (v.declared !== undefined) throw new UsageError('批量审核时各平台的申报数据取自各自文件夹中的“申报数据”表，不能用 --declared（它只对应一个平台）');
    if (v.json !== undefined) throw new UsageError('批量审核写出各平台的审核工作簿和 汇总.xlsx，不写 JSON 报告：请去掉 --json，或逐个平台审核');
    if (v.previous !== undefined) throw new UsageError('批量审核时上一年度材料请用 --previous-batch 给出一个文件夹（每个子文件夹一个平台）；--previous 只对应一个平台');
    if (v['previous-batch'] !== undefined && samePath(v['previous-batch'], v.batch)) throw new UsageError('--previous-batch 不能与 --batch 是同一个文件夹：一个是上一年度的材料，一个是本年度的材料');
    if (v['previous-batch'] !== undefined && samePath(v['previous-batch'], v.out!)) throw new UsageError('--previous-batch 不能与 --out 是同一个文件夹：审核结果不写进上一年度的材料');
  } else if (v['previous-batch'] !== undefined) {
    throw new UsageError(v.previous !== undefined ? '--previous-batch 只用于批量审核（--batch）；审核一个平台时只给 --previous' : '--previous-batch 只用于批量审核（--batch）；审核一个平台时请用 --previous 给出它上一年度的材料');
  }
  if (v.previous !== undefined) {
    if (v.template !== undefined) throw new UsageError('--template 只写出空白的申报数据表，不审核材料，不能与 --previous 同用');
    if (v.previous.trim() === '') throw new UsageError('--previous 需要上一年度材料所在的文件夹');
    const clash = parsed.positionals.find((p) => samePath(p, v.previous!) || inside(p, v.previous!) || inside(v.previous!, p));
    if (clash !== undefined) throw new UsageError(`--previous「${v.previous}」与本年度材料「${clash}」是同一位置或互相包含：上一年度材料请放在单独的文件夹中`);
    if (v.out !== undefined && (samePath(v.out, v.previous) || inside(v.out, v.previous))) throw new UsageError('--out 不能是 --previous 的文件夹或在其中：审核结果不写进上一年度的材料');
  }
  if (v['no-cross-check'] && v.batch === undefined) throw new UsageError('--no-cross-check 只用于批量审核（--batch）：交叉核查比对的是一批平台');
  if (parsed.positionals.length === 0 && v.template === undefined && v.batch === undefined) throw new UsageError(`请给出要审核的文件或文件夹\n\n${USAGE}`);
  if (v['in-place'] && (parsed.positionals.length !== 1 || v.out !== undefined)) {
    throw new UsageError('--in-place 只用于更新一个审核工作簿：只给这一个文件，且不要同时给 --out');
  }

  let roster: RosterEntry | undefined;
  if (v.platform !== undefined) {
    roster = findPlatform(v.platform);
    if (!roster && v.category === undefined) {
      throw new UsageError(`附件4-1 名录中没有平台「${v.platform}」，请核对名称，或用 --category 指定服务类别`);
    }
  }
  let category: string | null = null;
  if (v.category !== undefined) {
    const c = v.category.normalize('NFKC').trim();
    if (!isCategory(c)) throw new UsageError(`服务类别「${v.category}」无效，应为：${CATEGORIES.join('、')}`);
    category = c;
  } else if (roster) {
    category = roster.category;
  }

  const staffRule = v['staff-rule'] ?? 'either';
  if (staffRule !== 'either' && staffRule !== 'both') throw new UsageError(`--staff-rule 应为 either 或 both，收到「${staffRule}」`);
  let qualificationOrder: readonly string[] = DEFAULT_QUALIFICATION_ORDER;
  if (v['qualification-order'] !== undefined) {
    const order = v['qualification-order'].normalize('NFKC').split(/[,，、\s]+/).filter(Boolean);
    const known = new Set<string>(QUALIFICATIONS);
    const sorted = [...order].sort().join();
    if (order.some((q) => !known.has(q)) || new Set(order).size !== order.length || sorted !== [...QUALIFICATIONS].sort().join()) {
      throw new UsageError(`--qualification-order 应把 ${QUALIFICATIONS.join('、')} 六种资质各列一次，以逗号分隔，收到「${v['qualification-order']}」`);
    }
    qualificationOrder = order;
  }
  const by = v['sample-by'] ?? 'enterprise';
  if (by !== 'enterprise' && by !== 'order') throw new UsageError(`--sample-by 应为 enterprise 或 order，收到「${by}」`);

  return {
    paths: parsed.positionals,
    category,
    platform: {
      name: roster?.platform ?? v.platform?.trim() ?? null,
      unit: roster?.unit ?? null,
      district: roster?.district ?? null,
      roster,
    },
    year: integer('year', v.year, 2000, 2100, 2024),
    manufacturing: v.manufacturing ?? false,
    staffRule,
    qualificationOrder,
    json: v.json,
    declared: v.declared,
    template: v.template,
    out: v.out,
    inPlace: v['in-place'] ?? false,
    rubric: v.rubric,
    batch: v.batch,
    jobs: v.jobs === undefined ? undefined : integer('jobs', v.jobs, 0, 64, 1),
    previous: v.previous,
    previousBatch: v['previous-batch'],
    noCrossCheck: v['no-cross-check'] ?? false,
    sample: {
      by,
      size: 100,
      random: integer('random', v.random, 0, 100000, 0),
      seed: integer('seed', v.seed, 0, 2 ** 31 - 1, 1),
    },
  };
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** Whether `child` lies inside the folder `parent`. */
function inside(child: string, parent: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The message when no category can be found anywhere. */
export const NO_CATEGORY = `请用 --category 指定服务类别（${CATEGORIES.join('、')}），或用 --platform 指定附件4-1 名录中的平台名称，或在“申报数据”工作表中填写平台名称或申报服务类别`;
