/**
 * 划型测算: an enterprise's size class from its industry and figures, by 工信部联企业〔2011〕300号
 * 《中小企业划型标准规定》 (docs/reference.md §2). Units: 从业人员 in persons, 营业收入 and 资产总额 in 万元.
 *
 * An enterprise is SME (中小微型) when any figure of its row's ceiling is below it ("或");
 * within SMEs, 中型 needs every lower bound of its row, 小型 likewise, 微型 is what is left;
 * anything not SME is 大型. A figure the decision does not need may be missing.
 */
import type { SizeClass } from './sizeClassWord';
import { withoutBracketed } from './linearText';
import { rememberText } from './memo';

/** The figures the standard classifies by. */
export type Figure = 'employees' | 'revenue' | 'assets';

export interface Figures {
  /** 从业人员, persons. */
  employees?: number;
  /** 营业收入, 万元. */
  revenue?: number;
  /** 资产总额, 万元. */
  assets?: number;
}

/** The 16 industry rows of the standard, in its order. */
export const INDUSTRIES = [
  '农、林、牧、渔业',
  '工业',
  '建筑业',
  '批发业',
  '零售业',
  '交通运输业',
  '仓储业',
  '邮政业',
  '住宿业',
  '餐饮业',
  '信息传输业',
  '软件和信息技术服务业',
  '房地产开发经营',
  '物业管理',
  '租赁和商务服务业',
  '其他未列明行业',
] as const;

export type IndustryName = (typeof INDUSTRIES)[number];

/** A test of one figure: `<` for the SME ceiling (limit excluded), `≥` for a class's lower bound (limit included). */
export interface Limit {
  figure: Figure;
  limit: number;
}

export interface IndustryLimits {
  /** SME when any of these holds: figure < limit. */
  ceiling: Limit[];
  /** 中型 when all of these hold: figure ≥ limit. */
  medium: Limit[];
  /** 小型 when all of these hold: figure ≥ limit. */
  small: Limit[];
}

const e = (limit: number): Limit => ({ figure: 'employees', limit });
const r = (limit: number): Limit => ({ figure: 'revenue', limit });
const a = (limit: number): Limit => ({ figure: 'assets', limit });

/** docs/reference.md §2, row by row. */
export const SIZE_LIMITS: Readonly<Record<IndustryName, Readonly<IndustryLimits>>> = {
  '农、林、牧、渔业': { ceiling: [r(20000)], medium: [r(500)], small: [r(50)] },
  工业: { ceiling: [e(1000), r(40000)], medium: [e(300), r(2000)], small: [e(20), r(300)] },
  建筑业: { ceiling: [r(80000), a(80000)], medium: [r(6000), a(5000)], small: [r(300), a(300)] },
  批发业: { ceiling: [e(200), r(40000)], medium: [e(20), r(5000)], small: [e(5), r(1000)] },
  零售业: { ceiling: [e(300), r(20000)], medium: [e(50), r(500)], small: [e(10), r(100)] },
  交通运输业: { ceiling: [e(1000), r(30000)], medium: [e(300), r(3000)], small: [e(20), r(200)] },
  仓储业: { ceiling: [e(200), r(30000)], medium: [e(100), r(1000)], small: [e(20), r(100)] },
  邮政业: { ceiling: [e(1000), r(30000)], medium: [e(300), r(2000)], small: [e(20), r(100)] },
  住宿业: { ceiling: [e(300), r(10000)], medium: [e(100), r(2000)], small: [e(10), r(100)] },
  餐饮业: { ceiling: [e(300), r(10000)], medium: [e(100), r(2000)], small: [e(10), r(100)] },
  信息传输业: { ceiling: [e(2000), r(100000)], medium: [e(100), r(1000)], small: [e(10), r(100)] },
  软件和信息技术服务业: { ceiling: [e(300), r(10000)], medium: [e(100), r(1000)], small: [e(10), r(50)] },
  房地产开发经营: { ceiling: [r(200000), a(10000)], medium: [r(1000), a(5000)], small: [r(100), a(2000)] },
  物业管理: { ceiling: [e(1000), r(5000)], medium: [e(300), r(1000)], small: [e(100), r(500)] },
  租赁和商务服务业: { ceiling: [e(300), a(120000)], medium: [e(100), a(8000)], small: [e(10), a(100)] },
  其他未列明行业: { ceiling: [e(300)], medium: [e(100)], small: [e(10)] },
};

/** Other names people write for a row: GB/T 4754 sections and divisions, and short forms. */
const ALIASES: Record<string, IndustryName> = {
  农林牧渔业: '农、林、牧、渔业',
  农业: '农、林、牧、渔业',
  林业: '农、林、牧、渔业',
  畜牧业: '农、林、牧、渔业',
  渔业: '农、林、牧、渔业',
  采矿业: '工业',
  制造业: '工业',
  '电力、热力、燃气及水生产和供应业': '工业',
  '电力、热力生产和供应业': '工业',
  燃气生产和供应业: '工业',
  水的生产和供应业: '工业',
  道路运输业: '交通运输业',
  水上运输业: '交通运输业',
  航空运输业: '交通运输业',
  管道运输业: '交通运输业',
  互联网和相关服务: '信息传输业',
  '电信、广播电视和卫星传输服务': '信息传输业',
  软件开发: '软件和信息技术服务业',
  信息技术服务: '软件和信息技术服务业',
  软件业: '软件和信息技术服务业',
  房地产开发: '房地产开发经营',
  租赁业: '租赁和商务服务业',
  商务服务业: '租赁和商务服务业',
  其他: '其他未列明行业',
  其他行业: '其他未列明行业',
  其他未列明: '其他未列明行业',
  // GB/T 4754 sections the 2011 table does not list fall under its 其他未列明行业 row.
  科学研究和技术服务业: '其他未列明行业',
  研究和试验发展: '其他未列明行业',
  专业技术服务业: '其他未列明行业',
  科技推广和应用服务业: '其他未列明行业',
  '水利、环境和公共设施管理业': '其他未列明行业',
  水利环境和公共设施管理业: '其他未列明行业',
  '居民服务、修理和其他服务业': '其他未列明行业',
  居民服务业: '其他未列明行业',
  '机动车、电子产品和日用产品修理业': '其他未列明行业',
  教育: '其他未列明行业',
  卫生和社会工作: '其他未列明行业',
  卫生: '其他未列明行业',
  社会工作: '其他未列明行业',
  '文化、体育和娱乐业': '其他未列明行业',
  文化体育和娱乐业: '其他未列明行业',
  '新闻和出版业': '其他未列明行业',
  '广播、电视、电影和录音制作业': '其他未列明行业',
};

/** 金融业 is classified by another standard: 《金融业企业划型标准规定》（银发〔2015〕309号）. */
const FINANCE = /^(金融|货币金融服务|资本市场服务|保险|其他金融|银行|证券|期货|信托|基金)/;

/** Names that cover several rows with different limits: the enterprise's row cannot be told. */
const AMBIGUOUS: Record<string, IndustryName[]> = {
  批发和零售业: ['批发业', '零售业'],
  批发零售业: ['批发业', '零售业'],
  '交通运输、仓储和邮政业': ['交通运输业', '仓储业', '邮政业'],
  住宿和餐饮业: ['住宿业', '餐饮业'],
  '信息传输、软件和信息技术服务业': ['信息传输业', '软件和信息技术服务业'],
  房地产业: ['房地产开发经营', '物业管理', '其他未列明行业'],
};

/** Industry text folded for lookup: NFKC, no spaces, punctuation or bracketed notes, no trailing 业. */
function industryKey(text: string): string {
  return withoutBracketed(text.normalize('NFKC'), ['()'])
    .replace(/[\s\p{Z}、,，·/]+/gu, '')
    .replace(/业$/, '');
}

const LOOKUP = new Map<string, IndustryName>();
for (const name of INDUSTRIES) LOOKUP.set(industryKey(name), name);
for (const [alias, name] of Object.entries(ALIASES)) LOOKUP.set(industryKey(alias), name);
const AMBIGUOUS_LOOKUP = new Map<string, IndustryName[]>(Object.entries(AMBIGUOUS).map(([k, v]) => [industryKey(k), v]));

/**
 * The standard's row an industry name refers to, or null when unknown or when it covers several rows
 * (批发和零售业). Tolerant of full-width forms, spaces, 、 and a missing trailing 业.
 *
 * @example
 * resolveIndustry('制造业') // '工业'
 * resolveIndustry(' 软件和信息技术服务 ') // '软件和信息技术服务业'
 * resolveIndustry('批发和零售业') // null
 */
export function resolveIndustry(text: string): IndustryName | null {
  // An order table repeats a few industry words on every row: fold each once.
  return rememberedIndustry(text);
}

const rememberedIndustry = rememberText((text) => LOOKUP.get(industryKey(text)) ?? null, 1000);

/** The accepted names, for messages: the 16 rows and a hint that common names work too. */
export function acceptedIndustriesText(): string {
  return `可填写的行业：${INDUSTRIES.join('；')}（“制造业”“采矿业”“软件开发”“互联网和相关服务”等常见名称也可识别）`;
}

/** One test the decision made, with the figure given (or not) and its outcome. */
export interface BoundCheck {
  /** Which step: the SME ceiling, or the lower bounds of 中型 or 小型. */
  step: 'sme' | '中型' | '小型';
  figure: Figure;
  /** `<` for the ceiling (limit excluded), `≥` for a lower bound (limit included). */
  op: '<' | '≥';
  limit: number;
  /** The figure as given; absent when not given. */
  value?: number;
  /** Whether the test holds; absent when the figure was not given. */
  met?: boolean;
}

export type ClassifyResult =
  | { ok: true; size: SizeClass; industry: IndustryName; reason: string; bounds: BoundCheck[] }
  | {
      ok: false;
      /** other-standard: 金融业, classified by 银发〔2015〕309号, not this table. */
      error: 'unknown-industry' | 'missing-figure' | 'other-standard';
      message: string;
      /** For missing-figure: the figures the decision still needs. */
      missing?: Figure[];
      /** For an industry name that covers several rows (批发和零售业): the rows it could be. */
      candidates?: IndustryName[];
    };

/** Chinese name and unit of each figure. */
export const FIGURE_LABELS: Record<Figure, { name: string; unit: string }> = {
  employees: { name: '从业人员', unit: '人' },
  revenue: { name: '营业收入', unit: '万元' },
  assets: { name: '资产总额', unit: '万元' },
};

const amount = (f: Figure, n: number) => `${n} ${FIGURE_LABELS[f].unit}`;

/** A test as it came out, «从业人员 300 人 ≥ 300 人», «营业收入 100 万元 < 2000 万元»; or the rule, «从业人员 ≥ 300 人», when not given. */
function describe(b: BoundCheck): string {
  const { name } = FIGURE_LABELS[b.figure];
  if (b.value === undefined) return `${name} ${b.op} ${amount(b.figure, b.limit)}`;
  const op = b.met ? b.op : b.op === '<' ? '≥' : '<';
  return `${name} ${amount(b.figure, b.value)} ${op} ${amount(b.figure, b.limit)}`;
}

/** The rule itself: «从业人员 < 1000 人或营业收入 < 40000 万元». */
const rule = (bs: BoundCheck[], join: string) => bs.map((b) => describe({ ...b, value: undefined })).join(join);
const named = (fs: Figure[]) => fs.map((f) => FIGURE_LABELS[f].name).join('、');

function given(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function evaluate(step: BoundCheck['step'], limits: Limit[], figures: Figures): BoundCheck[] {
  return limits.map(({ figure, limit }) => {
    const value = given(figures[figure]);
    const op = step === 'sme' ? '<' : '≥';
    const b: BoundCheck = { step, figure, op, limit };
    if (value !== undefined) {
      b.value = value;
      b.met = op === '<' ? value < limit : value >= limit;
    }
    return b;
  });
}

const joinNames = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;

/**
 * The size class of an enterprise of `industry` with the given figures, with a Chinese reason that
 * names each bound met or missed. A figure the decision needs but lacks gives `missing-figure`;
 * a decision the given figures already settle is answered without the rest.
 *
 * @example
 * classify('工业', { employees: 300, revenue: 2000 }).size // '中型'
 * classify('制造业', { employees: 10 }) // ok: 微型 — 10 < 1000 settles SME, 10 < 20 rules out 中型 and 小型
 * classify('工业', { employees: 500 }) // { ok: false, error: 'missing-figure', missing: ['revenue'], … }
 */
export function classify(industryText: string, figures: Figures): ClassifyResult {
  const industry = resolveIndustry(industryText);
  if (!industry) {
    const candidates = AMBIGUOUS_LOOKUP.get(industryKey(industryText));
    const text = industryText.trim();
    if (FINANCE.test(industryKey(text))) {
      return {
        ok: false,
        error: 'other-standard',
        message: `「${text}」属金融业，按《金融业企业划型标准规定》（银发〔2015〕309号）划型，不适用工信部联企业〔2011〕300号，本工具不测算：请按该规定核对`,
      };
    }
    if (candidates) {
      return {
        ok: false,
        error: 'unknown-industry',
        candidates: [...candidates],
        message: `「${text}」在划型标准中分属${joinNames(candidates)}，请填写具体行业：${candidates.join('；')}`,
      };
    }
    return {
      ok: false,
      error: 'unknown-industry',
      message: `${text ? `不认识的行业「${text}」` : '未填写所属行业'}。${acceptedIndustriesText()}`,
    };
  }

  const row = SIZE_LIMITS[industry];
  const bounds: BoundCheck[] = [];
  // The reason's sentences are written only when read: a review classifies every order row but
  // quotes the reason only for the few whose declared class disagrees.
  const said: (() => string)[] = [];
  const sentences = () => said.map((s) => s());
  const missing = (need: BoundCheck[], what: string, ruleText: string): ClassifyResult => {
    const lacking = need.filter((b) => b.met === undefined).map((b) => b.figure);
    const known = need.filter((b) => b.met !== undefined).map((b) => describe(b));
    const last = [...known, `缺少${named(lacking)}，无法判断${what}（${ruleText}）`].join('，');
    return { ok: false, error: 'missing-figure', missing: lacking, message: `${industry}：${[...sentences(), last].join('；')}` };
  };
  const done = (size: SizeClass): ClassifyResult => ({
    ok: true,
    size,
    industry,
    get reason() {
      return `${industry}：${sentences().join('；')}`;
    },
    bounds,
  });

  // SME when any ceiling figure is below its limit.
  const ceiling = evaluate('sme', row.ceiling, figures);
  bounds.push(...ceiling);
  const below = ceiling.filter((b) => b.met === true);
  if (below.length > 0) {
    said.push(() => `${below.map((b) => describe(b)).join('、')}，属中小微企业`);
  } else if (ceiling.every((b) => b.met === false)) {
    said.push(() => `${ceiling.map((b) => describe(b)).join('且')}，不属中小微企业，为大型`);
    return done('大型');
  } else {
    return missing(ceiling, '是否属中小微企业', rule(ceiling, '或'));
  }

  // Then 中型, then 小型: every lower bound of the class must hold.
  for (const [step, limits] of [
    ['中型', row.medium],
    ['小型', row.small],
  ] as const) {
    const checks = evaluate(step, limits, figures);
    bounds.push(...checks);
    const failed = checks.filter((b) => b.met === false);
    if (failed.length > 0) {
      said.push(() => `${failed.map((b) => describe(b)).join('、')}，未达${step}`);
      continue;
    }
    if (checks.every((b) => b.met === true)) {
      said.push(() => `${checks.map((b) => describe(b)).join('且')}，为${step}`);
      return done(step);
    }
    return missing(checks, `是否为${step}`, rule(checks, '且'));
  }
  said.push(() => '为微型');
  return done('微型');
}
