/**
 * Generator of realistic (fictional) platform submissions: the attachment tables 附表4-2-1-1 … 4-2-1-8
 * of the yearly performance evaluation, written as .xlsx with ExcelJS.
 *
 * Everything is driven by a seeded PRNG (mulberry32), so one seed always yields the same cells, and
 * the workbooks carry fixed timestamps (document properties and zip entries), so re-running yields
 * the same bytes. `messy` mixes in what real files do (title rows, text dates, amounts in 元, …);
 * `planted` plants one or more instances of every problem the review engine checks for and records
 * each in the manifest with its file, sheet and row.
 *
 * All enterprise, person and institution names, phone numbers and credit codes are made up from
 * word lists; the credit codes carry correct GB 32100 check characters (except the planted one).
 */
import { CREDIT_CODE_ALPHABET, computeCheckChar } from '../src/domain/creditCode';
import { columnLetter } from '../src/domain/grid';
import { seededRandom } from '../src/domain/sample';
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type TableId =
  | '4-2-1-1'
  | '4-2-1-2'
  | '4-2-1-3'
  | '4-2-1-4'
  | '4-2-1-5'
  | '4-2-1-6'
  | '4-2-1-7'
  | '4-2-1-8';

export const TABLE_IDS: readonly TableId[] = [
  '4-2-1-1',
  '4-2-1-2',
  '4-2-1-3',
  '4-2-1-4',
  '4-2-1-5',
  '4-2-1-6',
  '4-2-1-7',
  '4-2-1-8',
];

/** The template's table titles (附表4-2-1-2 and 4-2-1-3 carry the year in front in filled-in files). */
export const TABLE_TITLES: Readonly<Record<TableId, string>> = {
  '4-2-1-1': '从事为中小企业服务人员情况表',
  '4-2-1-2': '年度服务企业名单',
  '4-2-1-3': '年度合同订单列表',
  '4-2-1-4': '服务产品（项目）名单',
  '4-2-1-5': '服务活动台账',
  '4-2-1-6': '服务对象满意度调查表',
  '4-2-1-7': '合作服务机构名单',
  '4-2-1-8': '服务创新型高成长中小企业名单',
};

/** The review engine's check ids that the generator can plant. */
export type CheckId =
  | 'duplicate-enterprise'
  | 'possible-duplicate-enterprise'
  | 'region-order'
  | 'region-outside'
  | 'region-unknown'
  | 'credit-code-invalid'
  | 'size-class-invalid'
  | 'date-out-of-year'
  | 'not-in-service-list'
  | 'institution-date'
  | 'qualification-unrecognized'
  | 'activity-order'
  | 'total-mismatch'
  | 'size-class-mismatch'
  | 'declared-mismatch'
  | 'size-class-conflict'
  | 'staff-title-unrecognized'
  | 'activity-topic'
  | 'platform-name-invalid'
  | 'declared-inconsistent'
  | 'file-unreadable';

export type SubmissionLayout = 'one-file-each' | 'one-workbook' | 'mixed';
export type AmountUnit = '万元' | '元';

export interface SubmissionOptions {
  seed: number;
  /** Rows of 附表4-2-1-2 before planted extras. Default 120. */
  enterprises?: number;
  /** Rows of 附表4-2-1-3 before planted extras. Default 150. */
  orders?: number;
  /** Rows of 附表4-2-1-1. Default 12. */
  staff?: number;
  /** Rows of 附表4-2-1-4. Default 8. */
  products?: number;
  /** Rows of 附表4-2-1-5 (without the 合计 row). Default 14. */
  activities?: number;
  /** Rows of 附表4-2-1-6 before planted extras (without the 平均满意度 row). Default 60. */
  survey?: number;
  /** Rows of 附表4-2-1-7. Default 7. */
  institutions?: number;
  /** Rows of 附表4-2-1-8 before planted extras. Default 20. */
  innovative?: number;
  /** Mix in what real files do (title rows, text dates, amounts in 元, blank rows, …). Default false. */
  messy?: boolean;
  /** Plant instances of every checked problem and record them in the manifest. Default false. */
  planted?: boolean;
  /** Also write `损坏的附件.xlsx`, a few random bytes that are no xlsx. Default false. */
  includeBroken?: boolean;
  /** Default 'one-file-each'. */
  layout?: SubmissionLayout;
  /** Default 星河中小企业公共服务平台. */
  platformName?: string;
  /** The review year. Default 2024. */
  year?: number;
  /** Unit of 附表4-2-1-3's amount column. Default 元 when messy (header `合同金额（元）`), else 万元. */
  amountUnit?: AmountUnit;
}

export type ResolvedSubmissionOptions = Required<SubmissionOptions>;

/** A cell value as recorded in the manifest: dates as `YYYY-MM-DD`, formulas as their result. */
export type ManifestValue = string | number | null;

export interface ManifestCellRef {
  /** 1-based sheet row. */
  row: number;
  /** 1-based column, when one cell is meant. */
  column: number | null;
  /** A1 address, when one cell is meant. */
  cell: string | null;
  value: ManifestValue;
}

export interface PlantedItem {
  check: CheckId;
  /** null for `file-unreadable`. */
  table: TableId | null;
  /** File name inside the submission folder. */
  file: string;
  sheet: string | null;
  /** 1-based sheet row showing the problem; null for `file-unreadable`. */
  row: number | null;
  /** 1-based column of the cell showing the problem (null when the whole row is meant). */
  column: number | null;
  cell: string | null;
  /** That cell's value as written. */
  value: ManifestValue;
  /** Other rows involved: the original of a duplicate, the other of a swapped pair, … */
  related: ManifestCellRef[];
  /** Whether this item added a row (so row counts = option count + extras). */
  extraRow: boolean;
  description: string;
}

export interface ManifestTable {
  table: TableId;
  title: string;
  file: string;
  sheet: string;
  /** Rows above the header: titles, stamp and unit lines. */
  titleRows: number[];
  /** One row, or two for the grouped header of 附表4-2-1-1. */
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  /** Data rows, without blank, 合计 / 平均满意度 and note rows. */
  dataRows: number;
  blankRows: number[];
  totalRow: number | null;
  averageRow: number | null;
  noteRow: number | null;
  /** Stable column keys (`enterprise`, `creditCode`, `amount`, …) → 1-based column. */
  columns: Record<string, number>;
  /** Stable column keys → header text as written (leaf header for grouped columns). */
  headers: Record<string, string>;
  amountUnit: AmountUnit | null;
}

export interface ManifestFile {
  file: string;
  tables: TableId[];
  sheets: string[];
  readable: boolean;
}

export interface SubmissionStats {
  /** Rows of 附表4-2-1-2 including planted extras. */
  serviceListRows: number;
  /** 附表4-2-1-2 rows by the region the generator gave them (BJ, TJ, HB, OUT, UNKNOWN). */
  serviceListRowsByRegion: Record<string, number>;
  orderRows: number;
  /** Sum of all 附表4-2-1-3 data rows in 万元 (whatever unit the sheet uses). */
  orderAmountTotalWanYuan: number;
  activityRows: number;
  /** True sums of 参与企业家数 / 参与人数 over the activity rows. */
  activityEnterprisesTotal: number;
  activityPeopleTotal: number;
  surveyRows: number;
  /** True mean of 服务满意度 in percent, rounded to 2 decimals. */
  surveyAverage: number;
  innovativeRows: number;
  institutionRows: number;
}

export interface SubmissionManifest {
  generator: 'scripts/submission.ts';
  formatVersion: 1;
  options: ResolvedSubmissionOptions;
  files: ManifestFile[];
  tables: ManifestTable[];
  planted: PlantedItem[];
  stats: SubmissionStats;
}

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/** mulberry32: the same seeded PRNG the spot-check sample uses, floats in [0, 1). */
export const mulberry32 = seededRandom;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(private readonly seed: number) {
    this.next = mulberry32(seed);
  }
  /** An independent stream for one part of the submission, so parts don't shift each other. */
  fork(label: string): Rng {
    return new Rng((this.seed ^ fnv1a(label)) >>> 0);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-uniform in [lo, hi]. */
  logUniform(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
  }
}

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714)
// ---------------------------------------------------------------------------------------------

/** Whether an 18-character code, exactly as written, passes the GB 32100 check. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return computeCheckChar(code.slice(0, 17)) === code[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i];
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function makeCreditCode(rng: Rng, division: string): string {
  let body: string;
  if (rng.chance(0.7)) {
    // Registrations since 2015 carry an MA-prefixed organisation code.
    body = 'MA0' + Array.from({ length: 5 }, () => rng.pick(CREDIT_CODE_ALPHABET.split(''))).join('');
  } else {
    body = Array.from({ length: 8 }, () => String(rng.int(0, 9))).join('');
    if (body[0] === '0') body = '5' + body.slice(1);
  }
  const first17 = '91' + division + body + orgCodeCheckChar(body);
  return first17 + computeCheckChar(first17);
}

/** The same code with a wrong (but well-formed) check character. */
function corruptCreditCode(rng: Rng, code: string): string {
  const good = code[17];
  const others = CREDIT_CODE_ALPHABET.split('').filter((c) => c !== good);
  return code.slice(0, 17) + rng.pick(others);
}

// ---------------------------------------------------------------------------------------------
// Enterprise size classes (工信部联企业〔2011〕300号), for the 所属行业/从业人员/营业收入 trio
// ---------------------------------------------------------------------------------------------

export type SizeClass = '大型' | '中型' | '小型' | '微型';
type IndustryKey =
  | 'industry'
  | 'wholesale'
  | 'retail'
  | 'transport'
  | 'warehouse'
  | 'hotel'
  | 'catering'
  | 'telecom'
  | 'software'
  | 'property'
  | 'agriculture'
  | 'other';

interface Bounds {
  emp?: number;
  rev?: number;
}
export interface SizeRule {
  label: string;
  ceilEmp?: number;
  ceilRev?: number;
  mid: Bounds;
  small: Bounds;
}

/**
 * The rules of docs/reference.md §2 for the industries the generator uses (employees, 营业收入 in 万元).
 * Written out again here, not taken from src/domain/sizeClass.ts, on purpose: the sample's planted
 * size classes are then an independent check on the domain's table, not the domain checking itself.
 */
export const SIZE_RULES: Readonly<Record<IndustryKey, SizeRule>> = {
  agriculture: { label: '农、林、牧、渔业', ceilRev: 20000, mid: { rev: 500 }, small: { rev: 50 } },
  industry: { label: '工业', ceilEmp: 1000, ceilRev: 40000, mid: { emp: 300, rev: 2000 }, small: { emp: 20, rev: 300 } },
  wholesale: { label: '批发业', ceilEmp: 200, ceilRev: 40000, mid: { emp: 20, rev: 5000 }, small: { emp: 5, rev: 1000 } },
  retail: { label: '零售业', ceilEmp: 300, ceilRev: 20000, mid: { emp: 50, rev: 500 }, small: { emp: 10, rev: 100 } },
  transport: { label: '交通运输业', ceilEmp: 1000, ceilRev: 30000, mid: { emp: 300, rev: 3000 }, small: { emp: 20, rev: 200 } },
  warehouse: { label: '仓储业', ceilEmp: 200, ceilRev: 30000, mid: { emp: 100, rev: 1000 }, small: { emp: 20, rev: 100 } },
  hotel: { label: '住宿业', ceilEmp: 300, ceilRev: 10000, mid: { emp: 100, rev: 2000 }, small: { emp: 10, rev: 100 } },
  catering: { label: '餐饮业', ceilEmp: 300, ceilRev: 10000, mid: { emp: 100, rev: 2000 }, small: { emp: 10, rev: 100 } },
  telecom: { label: '信息传输业', ceilEmp: 2000, ceilRev: 100000, mid: { emp: 100, rev: 1000 }, small: { emp: 10, rev: 100 } },
  software: { label: '软件和信息技术服务业', ceilEmp: 300, ceilRev: 10000, mid: { emp: 100, rev: 1000 }, small: { emp: 10, rev: 50 } },
  property: { label: '物业管理', ceilEmp: 1000, ceilRev: 5000, mid: { emp: 300, rev: 1000 }, small: { emp: 100, rev: 500 } },
  other: { label: '其他未列明行业', ceilEmp: 300, mid: { emp: 100 }, small: { emp: 10 } },
};

/** Industry labels as they appear in messy files (all read as the same rule). */
const INDUSTRY_MESSY_LABELS: Readonly<Record<IndustryKey, readonly string[]>> = {
  agriculture: ['农、林、牧、渔业', '农业'],
  industry: ['工业', '制造业'],
  wholesale: ['批发业'],
  retail: ['零售业'],
  transport: ['交通运输业'],
  warehouse: ['仓储业'],
  hotel: ['住宿业'],
  catering: ['餐饮业'],
  telecom: ['信息传输业'],
  software: ['软件和信息技术服务业'],
  property: ['物业管理'],
  other: ['其他未列明行业'],
};

/** Size class of an enterprise by docs/reference.md §2 (employees, revenue in 万元). */
export function classifySize(rule: SizeRule, employees: number, revenue: number): SizeClass {
  const sme =
    (rule.ceilEmp !== undefined && employees < rule.ceilEmp) || (rule.ceilRev !== undefined && revenue < rule.ceilRev);
  if (!sme) return '大型';
  const meets = (b: Bounds) => (b.emp === undefined || employees >= b.emp) && (b.rev === undefined || revenue >= b.rev);
  if (meets(rule.mid)) return '中型';
  if (meets(rule.small)) return '小型';
  return '微型';
}

/** Finds the rule for an industry label written by the generator. */
export function sizeRuleForLabel(label: string): SizeRule | undefined {
  for (const key of Object.keys(INDUSTRY_MESSY_LABELS) as IndustryKey[]) {
    if (INDUSTRY_MESSY_LABELS[key].includes(label)) return SIZE_RULES[key];
  }
  return undefined;
}

interface Profile {
  industry: IndustryKey;
  employees: number;
  revenue: number;
  sizeClass: SizeClass;
}

const CLASS_RANGES: Readonly<Record<SizeClass, { emp: [number, number]; rev: [number, number] }>> = {
  微型: { emp: [2, 30], rev: [5, 400] },
  小型: { emp: [10, 160], rev: [60, 3000] },
  中型: { emp: [60, 900], rev: [600, 30000] },
  大型: { emp: [300, 6000], rev: [10000, 400000] },
};

function thresholds(rule: SizeRule): number[] {
  return [rule.ceilEmp, rule.ceilRev, rule.mid.emp, rule.mid.rev, rule.small.emp, rule.small.rev].filter(
    (x): x is number => x !== undefined,
  );
}

/** Employees and revenue that give the target class (clear of every threshold), if one is found. */
function makeProfile(rng: Rng, industry: IndustryKey, target: SizeClass): Profile {
  const rule = SIZE_RULES[industry];
  const limits = thresholds(rule);
  let last: Profile | null = null;
  for (let attempt = 0; attempt < 400; attempt++) {
    const r = CLASS_RANGES[target];
    const employees = Math.max(1, Math.round(rng.logUniform(r.emp[0], r.emp[1])));
    const revenue = Math.round(rng.logUniform(r.rev[0], r.rev[1]) * 10) / 10;
    if (limits.some((t) => Math.abs(employees - t) < 2 || Math.abs(revenue - t) < 1)) continue;
    const sizeClass = classifySize(rule, employees, revenue);
    last = { industry, employees, revenue, sizeClass };
    if (sizeClass === target) return last;
  }
  return last ?? { industry, employees: 5, revenue: 10, sizeClass: classifySize(rule, 5, 10) };
}

// ---------------------------------------------------------------------------------------------
// Word lists (fictional names; data in Chinese)
// ---------------------------------------------------------------------------------------------

const BRAND_A = (
  '星河 云帆 金桥 瀚海 博远 启明 智源 远航 恒信 鼎新 卓越 蓝图 青禾 明德 润泽 嘉禾 和光 同创 弘毅 睿思 ' +
  '致远 凌云 锦程 汇川 天工 北斗 长风 海纳 宏图 华章 泰和 安泰 聚力 优创 新元 德润 茂源 晨曦 光启 万象 ' +
  '九章 拓维 盛景 中和 百川 丰泽 众诚 信达 正元 坤舆 乾元 立方 合力 朗润 清源 景行 沐阳 若水 知行 思源 ' +
  '瑞丰 祥云 和畅 通达 方圆 泓涛 峻岭 雅居 禾木 松柏 兰亭 竹溪 枫林 云杉 青松 鲲鹏 鸿鹄 麒麟 凤鸣 龙腾 ' +
  '骏马 白鹭 翠微 紫荆 金穗 银杏 琥珀 玄武 朱雀 星火 晨光 朝晖 夕照 春晓 秋实 冬青 夏禾 山海 苍穹 澄明'
).split(' ');
const BRAND_B = (
  '智联 云图 数创 科拓 慧通 信安 芯动 融汇 易达 创研 精工 微光 数联 云链 智造 博睿 恒通 汇智 联创 优品 ' +
  '致新 赛思 维康 安捷 锐进 迅驰 宏达 普惠 天成 益丰 华盛 众合 新锐 卓信 博通 泰康 昊天 鑫源 诚达 嘉业 ' +
  '腾飞 凯旋 立信 思拓 灵犀 云舟 星图 量子 极光 千帆 万里 正和 永信 天禧 瑞科 浩然 明辉 骏达 华远 同舟 ' +
  '宇航 广源 鼎盛 鸿运 恒昌 通汇 长青 汇通 科信 华创 兴业 启航 博文 智达 聚源 丰华 优联 新程 德信 天润'
).split(' ');

/** Industry word in the name → the size rule it implies, with a weight (Beijing is software-heavy). */
const INDUSTRY_WORDS: readonly (readonly [readonly [string, IndustryKey], number])[] = [
  [['科技', 'software'], 14],
  [['信息技术', 'software'], 10],
  [['软件', 'software'], 6],
  [['网络科技', 'software'], 5],
  [['数据科技', 'software'], 4],
  [['智能科技', 'software'], 5],
  [['电子', 'industry'], 4],
  [['生物科技', 'industry'], 4],
  [['医疗器械', 'industry'], 3],
  [['新材料', 'industry'], 3],
  [['智能装备', 'industry'], 3],
  [['机械制造', 'industry'], 2],
  [['精密仪器', 'industry'], 2],
  [['食品', 'industry'], 2],
  [['商贸', 'wholesale'], 4],
  [['贸易', 'wholesale'], 3],
  [['供应链管理', 'wholesale'], 2],
  [['商业连锁', 'retail'], 1],
  [['物流', 'transport'], 2],
  [['仓储服务', 'warehouse'], 1],
  [['餐饮管理', 'catering'], 2],
  [['酒店管理', 'hotel'], 1],
  [['通信技术', 'telecom'], 2],
  [['物业服务', 'property'], 1],
  [['农业科技', 'agriculture'], 2],
  [['文化传媒', 'other'], 3],
  [['教育科技', 'other'], 2],
  [['检测技术', 'other'], 2],
  [['工程设计', 'other'], 2],
];

const SURNAMES = '王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧 程 曹 袁 邓 许 傅 沈 曾 彭 吕'.split(' ');
const GIVEN = (
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 辉 鑫 宇 ' +
  '浩 晨 欣 雪 琳 晗 然 博 思 睿 嘉 子 梓 雨 航 泽 佳 诗 楠 一 天 文 凯 亮 丹 瑶 婷 颖 昊 阳'
).split(' ');

const SERVICES = [
  '代理记账',
  '财税咨询',
  '发明专利申请代理',
  '实用新型专利申请',
  '商标注册代理',
  '软件著作权登记',
  '高新技术企业认定辅导',
  '专精特新企业申报辅导',
  '创新型中小企业评价辅导',
  '数字化转型诊断',
  '企业上云服务',
  'ISO9001质量管理体系认证咨询',
  '产品检验检测',
  '法律咨询',
  '劳动合同审查',
  '人才招聘服务',
  '员工技能培训',
  '融资对接',
  '知识产权质押融资咨询',
  '政策申报辅导',
  '创业辅导',
  '工商注册代办',
  '网络安全等级保护测评咨询',
  '市场推广策划',
];

const ACTIVITY_NAMES = [
  '{y}年专精特新企业政策宣讲会',
  '中小企业数字化转型沙龙',
  '知识产权保护专题培训',
  '中小企业融资对接会',
  '创业导师一对一诊断日',
  '财税政策解读培训',
  '人力资源合规讲座',
  '高新技术企业认定申报培训',
  '京津冀中小企业供需对接会',
  '企业出海合规专题讲座',
  '数据资产入表实务培训',
  '优质中小企业梯度培育政策解读',
  '人工智能应用场景交流会',
  '科技成果转化路演',
  '惠企政策进园区宣讲',
  '中小企业品牌建设公开课',
];

const OFFLINE_PLACES = [
  '平台服务中心报告厅（海淀区）',
  '北京市海淀区学院路星河大厦3层会议室',
  '北京市朝阳区望京科创园路演厅',
  '北京经济技术开发区科创街区会议中心',
  '北京市丰台区总部基地会议室',
  '天津市滨海新区某产业园会议中心',
  '河北省廊坊市某科技园多功能厅',
];

const PRODUCTS: readonly (readonly [string, string, string])[] = [
  ['中小企业数字化转型诊断服务', '数字化应用', '组织专家对企业研发、生产、管理流程开展数字化水平评估，出具诊断报告和改造建议。'],
  ['知识产权贯标辅导', '技术创新', '辅导企业建立知识产权管理体系，协助通过贯标认证。'],
  ['代理记账与税务申报', '综合咨询', '为小微企业提供记账、纳税申报和财务报表编制服务。'],
  ['专精特新企业培育辅导', '综合咨询', '梳理企业条件，辅导申报创新型中小企业、专精特新中小企业。'],
  ['融资需求对接服务', '融资促进', '收集企业融资需求，对接银行、担保和投资机构。'],
  ['企业人才招聘服务', '人力资源', '发布招聘信息，组织专场招聘会，推荐匹配人才。'],
  ['创业孵化辅导', '创业辅导', '为初创企业提供工商注册、政策咨询、创业导师辅导等服务。'],
  ['检验检测委托服务', '技术创新', '受理企业产品检验检测委托，对接合作检测机构出具报告。'],
  ['政策申报一站式服务', '综合咨询', '解读各级惠企政策，协助企业准备申报材料。'],
  ['法律风险体检', '综合咨询', '由合作律师事务所为企业开展合同、用工等法律风险排查。'],
  ['企业上云用云服务', '数字化应用', '提供云服务器、协同办公等上云产品选型与部署支持。'],
  ['员工技能提升培训', '人力资源', '面向企业员工开展数字技能、管理能力等培训课程。'],
];

const PRICES_CLEAN = ['免费', '免费', '3000元/次', '1.5万元/年', '5000元/项', '200元/人'];
const PRICES_MESSY = ['免费', '免费', '免费。', '3000元/次', '1.5万元/年', '5000', '按项目报价', '200元/人', '0.8万元'];

const INSTITUTION_TYPES: readonly (readonly [string, string, string])[] = [
  ['北京{b}律师事务所', '法律服务', '合同审查、劳动用工、股权架构等法律咨询服务'],
  ['北京{b}会计师事务所（普通合伙）', '财税服务', '财务审计、税务筹划、代理记账'],
  ['北京{b}知识产权代理有限公司', '知识产权', '专利、商标、软件著作权申请代理'],
  ['{b}检测认证（北京）有限公司', '检验检测', '产品检验检测、体系认证'],
  ['北京{b}人力资源服务有限公司', '人力资源', '招聘、培训、人事代理'],
  ['北京{b}融资担保有限公司', '融资服务', '中小企业融资担保、融资咨询'],
  ['北京{b}技术转移中心有限公司', '技术转移', '科技成果评价、技术交易撮合'],
  ['{b}数字科技（北京）有限公司', '数字化服务', '企业上云、数字化转型解决方案'],
];

const STAFF_POSITIONS = ['总经理', '副总经理', '服务部经理', '项目经理', '咨询顾问', '财务主管', '运营专员', '技术总监', '法务专员', '人力资源主管', '市场专员', '客服专员'];
const SCHOOLS = [
  '北京理工大学 计算机科学与技术',
  '中国人民大学 会计学',
  '北京工商大学 工商管理',
  '天津大学 机械工程',
  '首都经济贸易大学 经济学',
  '北京邮电大学 通信工程',
  '河北工业大学 电气工程及其自动化',
  '北京信息科技大学 软件工程',
  '中国政法大学 法学',
  '北京联合大学 市场营销',
  '北京交通大学 物流管理',
  '北京科技大学 材料科学与工程',
];
const COLLEGES = ['北京电子科技职业学院 计算机应用技术', '北京财贸职业学院 会计', '天津职业大学 电子商务'];
/** Titles at 中级 or above (with the issuing authority). */
const TITLES_SENIOR: readonly (readonly [string, string])[] = [
  ['高级工程师', '北京市人力资源和社会保障局'],
  ['工程师', '北京市人力资源和社会保障局'],
  ['中级经济师', '人力资源和社会保障部'],
  ['会计师', '财政部'],
  ['正高级工程师', '北京市人力资源和社会保障局'],
];
const TITLES_JUNIOR: readonly (readonly [string, string])[] = [
  ['助理工程师', '北京市海淀区人力资源和社会保障局'],
  ['无', ''],
];

const QUALIFICATIONS_MESSY: Readonly<Record<string, readonly string[]>> = {
  创新型中小企业: ['创新型中小企业', '创新型'],
  专精特新: ['专精特新', '专精特新中小企业', '北京市专精特新中小企业'],
  国家小巨人: ['国家小巨人', '专精特新"小巨人"', '国家级专精特新“小巨人”企业'],
  隐形冠军: ['隐形冠军'],
  单项冠军: ['单项冠军', '制造业单项冠军'],
  独角兽: ['独角兽', '独角兽企业'],
};

// Guide notes (填表说明), quoted from the template.
const NOTES: Partial<Record<TableId, string>> = {
  '4-2-1-1': '说明：线上申报提交的社保记录（1-12月）、学历证明相应材料，顺序需与该表的人员顺序一致。',
  '4-2-1-2':
    '填表说明：服务企业名单包括参加活动和一对一服务过的全部企业，不能有重复；服务内容需具体，如“参加XX活动”、“XX专利申请”、“XX检验检测”、“代理记账”等；按北京、天津、河北的省市顺序排序；线上填报系统需提交Excel版本。',
  '4-2-1-3':
    '填表说明：本表按合同或订单个数维度填写，一家企业可有多个合同/订单；企业划型填写大型、中型、小型、微型，标准参照《中小企业划型标准规定》（工信部联企业[2011]300号）；线上填报系统需提交Excel版本。',
  '4-2-1-5':
    '填表说明：按日期顺序填写2024年度活动情况；如为线上活动，则“地点”填写“线上”；“收费情况”按照实际收费金额填写，如不收取费用则填写“免费”。',
  '4-2-1-6': '填表说明：数量不少于服务企业数的40%，最多100家，并按序提供满意度调查问卷或其他相关证明材料。线上填报系统需提交Excel版本。',
};

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

type Region = 'BJ' | 'TJ' | 'HB' | 'OUT' | 'UNKNOWN';

interface Place {
  region: Region;
  /** GB/T 2260 division code for positions 3–8 of the credit code. */
  division: string;
  /** District or city name. */
  area: string;
}

const BJ_DISTRICTS: readonly (readonly [string, string, number])[] = [
  ['东城区', '110101', 3],
  ['西城区', '110102', 3],
  ['朝阳区', '110105', 12],
  ['丰台区', '110106', 5],
  ['石景山区', '110107', 2],
  ['海淀区', '110108', 18],
  ['门头沟区', '110109', 1],
  ['房山区', '110111', 2],
  ['通州区', '110112', 4],
  ['顺义区', '110113', 3],
  ['昌平区', '110114', 5],
  ['大兴区', '110115', 3],
  ['怀柔区', '110116', 1],
  ['平谷区', '110117', 1],
  ['密云区', '110118', 1],
  ['延庆区', '110119', 1],
  ['北京经济技术开发区', '110302', 4],
];
const TJ_DISTRICTS: readonly (readonly [string, string, number])[] = [
  ['和平区', '120101', 1],
  ['河东区', '120102', 1],
  ['河西区', '120103', 2],
  ['南开区', '120104', 2],
  ['河北区', '120105', 2],
  ['红桥区', '120106', 1],
  ['东丽区', '120110', 1],
  ['西青区', '120111', 2],
  ['津南区', '120112', 1],
  ['北辰区', '120113', 1],
  ['武清区', '120114', 2],
  ['宝坻区', '120115', 1],
  ['滨海新区', '120116', 6],
  ['静海区', '120118', 1],
];
const HB_CITIES: readonly (readonly [string, string, number])[] = [
  ['石家庄市', '130100', 4],
  ['唐山市', '130200', 2],
  ['秦皇岛市', '130300', 1],
  ['邯郸市', '130400', 1],
  ['邢台市', '130500', 1],
  ['保定市', '130600', 3],
  ['张家口市', '130700', 1],
  ['承德市', '130800', 1],
  ['沧州市', '130900', 1],
  ['廊坊市', '131000', 5],
  ['衡水市', '131100', 1],
  ['雄安新区', '133100', 3],
];

function pickPlace(rng: Rng, region: 'BJ' | 'TJ' | 'HB'): Place {
  const list = region === 'BJ' ? BJ_DISTRICTS : region === 'TJ' ? TJ_DISTRICTS : HB_CITIES;
  const [area, division] = rng.weighted(list.map((d) => [[d[0], d[1]] as const, d[2]] as const));
  return { region, division, area };
}

// ---------------------------------------------------------------------------------------------
// Enterprises
// ---------------------------------------------------------------------------------------------

interface NameParts {
  /** Place word in front, e.g. 北京, 天津滨海, 廊坊 (empty for a name without a place). */
  prefix: string;
  brand: string;
  industryWord: string;
  /** Place in full-width brackets after the brand, e.g. （北京）. */
  paren: string;
  suffix: '有限公司' | '股份有限公司' | '有限责任公司';
  /** Appended after the suffix, e.g. 北京分公司. */
  branch: string;
}

function buildName(p: NameParts): string {
  return `${p.prefix}${p.brand}${p.paren ? `（${p.paren}）` : ''}${p.industryWord}${p.suffix}${p.branch}`;
}

interface Enterprise {
  name: string;
  parts: NameParts;
  place: Place;
  /** 所属省市 as written. */
  province: string;
  creditCode: string;
  profile: Profile;
  /** 服务内容 in 附表4-2-1-2. */
  service: string;
  /** Whether 附表4-2-1-3 shows the 所属行业/从业人员/营业收入 trio for its orders. */
  showTrio: boolean;
}

const CLASS_WEIGHTS: readonly (readonly [SizeClass, number])[] = [
  ['微型', 30],
  ['小型', 40],
  ['中型', 22],
  ['大型', 8],
];

class EnterpriseFactory {
  private readonly brands: string[];
  private brandIndex = 0;
  private readonly usedCores = new Set<string>();
  private readonly usedCodes = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly messy: boolean,
  ) {
    const all: string[] = [];
    for (const a of BRAND_A) for (const b of BRAND_B) all.push(a + b);
    this.brands = rng.shuffle(all);
  }

  /** A brand not used before (while they last; then brands repeat with another industry word). */
  nextBrand(): string {
    const b = this.brands[this.brandIndex % this.brands.length];
    this.brandIndex++;
    return b;
  }

  creditCode(division: string): string {
    for (;;) {
      const code = makeCreditCode(this.rng, division);
      if (!this.usedCodes.has(code)) {
        this.usedCodes.add(code);
        return code;
      }
    }
  }

  private placeWords(place: Place): { prefix: string; paren: string } {
    const rng = this.rng;
    const city = place.area.replace(/市$/, '');
    switch (place.region) {
      case 'BJ':
        return rng.chance(0.16) ? { prefix: '', paren: '北京' } : { prefix: '北京', paren: '' };
      case 'TJ':
        if (place.area === '滨海新区' && rng.chance(0.7)) return { prefix: '天津滨海', paren: '' };
        return rng.chance(0.15) ? { prefix: '', paren: '天津' } : { prefix: rng.pick(['天津', '天津市']), paren: '' };
      case 'HB':
        if (place.area === '雄安新区') return { prefix: '雄安', paren: '' };
        return rng.weighted([
          [{ prefix: '河北', paren: '' }, 3],
          [{ prefix: city, paren: '' }, 4],
          [{ prefix: `河北${city}`, paren: '' }, 2],
          [{ prefix: '', paren: '河北' }, 1],
        ] as const);
      case 'OUT':
        return { prefix: place.area, paren: '' };
      default:
        return { prefix: '', paren: '' };
    }
  }

  /** 所属省市 for a place: clean files write the province, messy ones any of the forms people use. */
  province(place: Place): string {
    const rng = this.rng;
    if (!this.messy) {
      return place.region === 'BJ' ? '北京市' : place.region === 'TJ' ? '天津市' : place.region === 'HB' ? '河北省' : '';
    }
    switch (place.region) {
      case 'BJ':
        return rng.weighted([
          ['北京', 3],
          ['北京市', 5],
          [place.area === '北京经济技术开发区' ? '北京经济技术开发区' : `北京市${place.area}`, 3],
        ] as const);
      case 'TJ':
        return rng.weighted([
          ['天津', 2],
          ['天津市', 4],
          [`天津市${place.area}`, 3],
        ] as const);
      case 'HB':
        if (place.area === '雄安新区') return rng.pick(['雄安新区', '河北省雄安新区']);
        return rng.weighted([
          ['河北', 2],
          ['河北省', 4],
          [`河北省${place.area}`, 3],
        ] as const);
      default:
        return '';
    }
  }

  /** A new enterprise whose name core (brand + industry word) was not used before. */
  make(place: Place, opts: { withoutPlace?: boolean; suffix?: NameParts['suffix']; target?: SizeClass } = {}): Enterprise {
    const rng = this.rng;
    for (;;) {
      const brand = this.nextBrand();
      const [industryWord, industry] = rng.weighted(INDUSTRY_WORDS);
      const core = brand + industryWord;
      if (this.usedCores.has(core)) continue;
      this.usedCores.add(core);
      const words = opts.withoutPlace ? { prefix: '', paren: '' } : this.placeWords(place);
      const suffix = opts.suffix ?? (rng.chance(0.06) ? '股份有限公司' : '有限公司');
      const parts: NameParts = { ...words, brand, industryWord, suffix, branch: '' };
      const profile = makeProfile(rng, industry, opts.target ?? rng.weighted(CLASS_WEIGHTS));
      return {
        name: buildName(parts),
        parts,
        place,
        province: this.province(place),
        creditCode: this.creditCode(place.division),
        profile,
        service: '',
        showTrio: rng.chance(0.3),
      };
    }
  }

  /** Marks a name core as taken (for names built by hand). */
  reserve(core: string): boolean {
    if (this.usedCores.has(core)) return false;
    this.usedCores.add(core);
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Cells, rows and tables (the in-memory model before layout)
// ---------------------------------------------------------------------------------------------

type Scalar = string | number | Date | null;
interface CellSpec {
  v: Scalar;
  fmt?: string;
  /** SUM / AVERAGE over the table's data rows in this column; `v` is the cached result. */
  formula?: 'SUM' | 'AVERAGE';
  /** The formula's range, filled in at layout (e.g. `F5:F18`). */
  ref?: string;
}
type Cell = Scalar | CellSpec;

function isSpec(c: Cell | undefined): c is CellSpec {
  return c !== null && c !== undefined && typeof c === 'object' && !(c instanceof Date);
}

type RowKind = 'data' | 'blank' | 'total' | 'average';
interface RowModel {
  kind: RowKind;
  cells: Record<string, Cell>;
}

interface ColumnDef {
  key: string;
  header: string;
  width: number;
  /** Group header above this column (two-row header of 附表4-2-1-1). */
  group?: string;
}

interface TableModel {
  id: TableId;
  columns: ColumnDef[];
  rows: RowModel[];
  /** Lines above the header: titles (merged across the table). */
  titleLines: string[];
  /** Stamp line (left) above the header. */
  stampLine: string | null;
  /** Unit line (right) above the header. */
  unitLine: string | null;
  note: string | null;
  amountUnit: AmountUnit | null;
}

interface Draft {
  check: CheckId;
  table: TableId | null;
  row: RowModel | null;
  key: string | null;
  related: { row: RowModel; key?: string }[];
  extraRow: boolean;
  description: string;
  file?: string;
}

const DAY_MS = 86400000;

function utcDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function randomDateInYear(rng: Rng, year: number, from = 1, to = 366): Date {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  const day = rng.int(Math.max(1, from), Math.min(days, to)) - 1;
  return new Date(Date.UTC(year, 0, 1) + day * DAY_MS);
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]);
}

function withThousands(n: number, decimals = 2): string {
  const [int, frac] = n.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const DATE_FORMATS = ['yyyy-mm-dd', 'yyyy/m/d', 'yyyy"年"m"月"d"日"'];

/** A date as an Excel date (clean) or, when messy, also as text in the forms people type. */
function dateCell(rng: Rng, d: Date, messy: boolean): Cell {
  if (!messy) return { v: d, fmt: 'yyyy-mm-dd' };
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const p2 = (n: number) => String(n).padStart(2, '0');
  return rng.weighted<Cell>([
    [{ v: d, fmt: rng.pick(DATE_FORMATS) }, 11],
    [`${y}/${m}/${day}`, 3],
    [`${y}.${p2(m)}.${p2(day)}`, 2],
    [`${y}年${m}月${day}日`, 3],
    [`${y}-${p2(m)}-${p2(day)}`, 2],
  ]);
}

/** A satisfaction percentage (e.g. 95) as 95, "95%" or 0.95 formatted as a percentage. */
function percentCell(rng: Rng, pct: number, messy: boolean): Cell {
  if (!messy) return pct;
  const whole = Number.isInteger(pct);
  return rng.weighted<Cell>([
    [pct, 6],
    [`${pct}%`, 2],
    [{ v: Number((pct / 100).toFixed(4)), fmt: whole ? '0%' : '0.0%' }, 2],
  ]);
}

function amountCell(rng: Rng, wan: number, unit: AmountUnit, messy: boolean): Cell {
  if (unit === '万元') {
    if (!messy) return { v: wan, fmt: '0.00' };
    return rng.weighted<Cell>([
      [{ v: wan, fmt: '0.00' }, 15],
      [wan.toFixed(2), 2],
      [toFullWidthDigits(String(wan)), 2],
      [`${wan}万元`, 2],
    ]);
  }
  const yuan = Math.round(wan * 10000);
  if (!messy) return { v: yuan, fmt: '#,##0.00' };
  return rng.weighted<Cell>([
    [{ v: yuan, fmt: '#,##0.00' }, 14],
    [withThousands(yuan), 3],
    [toFullWidthDigits(String(yuan)), 2],
    [`${yuan}元`, 2],
    // The suffix states its own unit, even in a column headed （元）.
    [`${wan}万元`, 1],
  ]);
}

/** The same name typed differently: other brackets or stray spaces (ASCII or U+3000). */
function nameVariant(rng: Rng, name: string): string {
  if (name.includes('（') && rng.chance(0.6)) return name.replace('（', '(').replace('）', ')');
  return rng.weighted([
    [`${name} `, 2],
    [`\u3000${name}`, 2],
    [`${name}\u3000`, 1],
    [name.length > 4 ? `${name.slice(0, 2)} ${name.slice(2)}` : ` ${name}`, 2],
  ] as const);
}

function messyName(rng: Rng, name: string, messy: boolean, p = 0.12): string {
  return messy && rng.chance(p) ? nameVariant(rng, name) : name;
}

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.65) ? rng.pick(GIVEN) : '');
}

function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

function phone(rng: Rng): string {
  return rng.chance(0.75) ? mobile(rng) : `010-${rng.int(5, 8)}${String(rng.int(0, 9999999)).padStart(7, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Building the tables
// ---------------------------------------------------------------------------------------------

const DEFAULTS: Omit<ResolvedSubmissionOptions, 'seed' | 'amountUnit'> = {
  enterprises: 120,
  orders: 150,
  staff: 12,
  products: 8,
  activities: 14,
  survey: 60,
  institutions: 7,
  innovative: 20,
  messy: false,
  planted: false,
  includeBroken: false,
  layout: 'one-file-each',
  platformName: '星河中小企业公共服务平台',
  year: 2024,
};

export function resolveOptions(options: SubmissionOptions): ResolvedSubmissionOptions {
  const o: ResolvedSubmissionOptions = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    amountUnit: options.amountUnit ?? (options.messy ? '元' : '万元'),
  } as ResolvedSubmissionOptions;
  if (!Number.isInteger(o.seed)) throw new Error('seed must be an integer');
  const min = o.planted
    ? { enterprises: 20, orders: 20, staff: 1, products: 1, activities: 6, survey: 3, institutions: 3, innovative: 3 }
    : { enterprises: 1, orders: 1, staff: 1, products: 1, activities: 1, survey: 1, institutions: 1, innovative: 1 };
  for (const [key, lo] of Object.entries(min)) {
    const v = o[key as keyof typeof min];
    if (!Number.isInteger(v) || v < lo) {
      throw new Error(`option ${key} must be an integer ≥ ${lo}${o.planted ? ' when planted' : ''} (got ${v})`);
    }
  }
  return o;
}

interface Order {
  ent: Enterprise;
  /** The name as typed in this row. */
  name: string;
  service: string;
  sizeClass: string | null;
  wan: number;
  date: Date;
  contractNo: string;
  trio: boolean;
}

interface BuildResult {
  tables: Record<TableId, TableModel>;
  drafts: Draft[];
  stats: SubmissionStats;
}

function operatorName(platformName: string): string {
  return `北京${platformName.slice(0, 2)}企业服务有限公司`;
}

function seqCells(rows: RowModel[]): void {
  let n = 0;
  for (const r of rows) if (r.kind === 'data') r.cells.seq = ++n;
}

function insertAt<T>(list: T[], index: number, item: T): void {
  list.splice(Math.max(0, Math.min(index, list.length)), 0, item);
}

function buildTables(o: ResolvedSubmissionOptions): BuildResult {
  const root = new Rng(o.seed);
  const messy = o.messy;
  const planted = o.planted;
  const year = o.year;
  const drafts: Draft[] = [];
  const factory = new EnterpriseFactory(root.fork('enterprises'), messy);
  const plantRng = root.fork('planted');

  // --- Activities (needed for the 服务内容 "参加“XX”" of the service list) -------------------
  const actRng = root.fork('activities');
  const activityNames: string[] = [];
  {
    const base = actRng.shuffle(ACTIVITY_NAMES.map((n) => n.replace('{y}', String(year))));
    for (let i = 0; i < o.activities; i++) {
      const name = base[i % base.length];
      const round = Math.floor(i / base.length);
      activityNames.push(round === 0 ? name : `${name}（第${round + 1}期）`);
    }
  }

  // --- Service list enterprises -------------------------------------------------------------
  const n = o.enterprises;
  const tj = Math.max(planted ? 3 : 0, Math.round(n * 0.08));
  const hb = Math.max(planted ? 3 : 0, Math.round(n * 0.12));
  const bj = n - tj - hb;
  if (bj < (planted ? 10 : 0)) throw new Error('too few enterprises for the planted problems');
  const entRng = root.fork('enterprise-places');
  const make = (region: 'BJ' | 'TJ' | 'HB', count: number) =>
    Array.from({ length: count }, () => factory.make(pickPlace(entRng, region)));
  const bjEnts = make('BJ', bj);
  const tjEnts = make('TJ', tj);
  const hbEnts = make('HB', hb);
  const allEnts = [...bjEnts, ...tjEnts, ...hbEnts];

  // --- Orders: which enterprises, how many each, what service ---------------------------------
  const ordRng = root.fork('orders');
  const distinct = Math.max(1, Math.min(allEnts.length, Math.round(o.orders / 2.2)));
  const orderEnts = ordRng.shuffle([...allEnts]).slice(0, Math.min(distinct, o.orders));
  const perEnt = orderEnts.map(() => 1);
  for (let i = orderEnts.length; i < o.orders; i++) {
    // Skewed: a few enterprises hold many orders.
    const k = Math.floor(Math.pow(ordRng.float(), 2) * orderEnts.length);
    perEnt[k]++;
  }
  const entServices = new Map<Enterprise, string[]>();
  orderEnts.forEach((e) => {
    const s1 = ordRng.pick(SERVICES);
    const list = [s1];
    if (ordRng.chance(0.25)) {
      const s2 = ordRng.pick(SERVICES);
      if (s2 !== s1) list.push(s2);
    }
    entServices.set(e, list);
    e.service = list.join('、');
  });
  const svcRng = root.fork('services');
  for (const e of allEnts) {
    if (e.service) continue;
    e.service = svcRng.chance(0.6) ? `参加“${svcRng.pick(activityNames)}”` : svcRng.pick(SERVICES);
  }

  const orders: Order[] = [];
  let contractSeq = 0;
  const contractNo = (d: Date): string => {
    contractSeq++;
    return ordRng.weighted([
      [`XH-${year}-${String(contractSeq).padStart(4, '0')}`, 6],
      [`HT${year}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(contractSeq).padStart(4, '0')}`, 3],
      [`DD${isoDate(d).replace(/-/g, '')}${String(ordRng.int(100, 999))}`, 2],
      [`${ordRng.int(1000, 9999)}${String(ordRng.int(0, 999999999999)).padStart(12, '0')}`, 1],
    ] as const);
  };
  orderEnts.forEach((e, i) => {
    for (let k = 0; k < perEnt[i]; k++) {
      const wan = Math.min(300, Math.max(0.5, round2(Math.exp(Math.log(4) + 1.25 * ordRng.normal()))));
      const date = randomDateInYear(ordRng, year);
      orders.push({
        ent: e,
        name: messyName(ordRng, e.name, messy),
        service: ordRng.pick(entServices.get(e) ?? [e.service]),
        sizeClass: e.profile.sizeClass,
        wan,
        date,
        contractNo: '',
        trio: e.showTrio,
      });
    }
  });
  orders.sort((a, b) => a.date.getTime() - b.date.getTime());
  for (const ord of orders) ord.contractNo = contractNo(ord.date);

  // Enterprises used by a planted problem are not reused by another one.
  const usedForPlant = new Set<Enterprise>();
  const pickFree = (list: Enterprise[], filter: (e: Enterprise) => boolean = () => true): Enterprise => {
    const candidates = list.filter((e) => !usedForPlant.has(e) && filter(e));
    if (candidates.length === 0) throw new Error('too few enterprises for the planted problems');
    const e = plantRng.pick(candidates);
    usedForPlant.add(e);
    return e;
  };

  // ===========================================================================================
  // 附表4-2-1-2 年度服务企业名单
  // ===========================================================================================
  const listRng = root.fork('service-list');
  const listRow = (e: Enterprise, name = e.name, code: string | null = e.creditCode, province = e.province): RowModel => ({
    kind: 'data',
    cells: { enterprise: name, service: e.service, region: province, creditCode: code },
  });
  const rowOf = new Map<Enterprise, RowModel>();
  const blockOf = (ents: Enterprise[]): RowModel[] =>
    listRng.shuffle(
      ents.map((e) => {
        const row = listRow(e, messyName(listRng, e.name, messy, 0.05));
        rowOf.set(e, row);
        return row;
      }),
    );
  const blocks: Record<Region, RowModel[]> = {
    BJ: blockOf(bjEnts),
    TJ: blockOf(tjEnts),
    HB: blockOf(hbEnts),
    OUT: [],
    UNKNOWN: [],
  };
  /** Whether the enterprise's list row shows its canonical name (so a planted variant differs). */
  const canonical = (e: Enterprise) => rowOf.get(e)?.cells.enterprise === e.name;
  const randomIndexIn = (block: RowModel[]) => plantRng.int(1, Math.max(1, block.length - 1));

  if (planted) {
    const T: TableId = '4-2-1-2';
    // duplicate-enterprise (1): the same enterprise again, name typed differently, no credit code.
    {
      // Prefer a name with brackets, typed the second time with ASCII brackets.
      const withParen = bjEnts.some((x) => x.parts.paren && canonical(x) && !usedForPlant.has(x));
      const e = pickFree(bjEnts, (x) => canonical(x) && (!withParen || x.parts.paren !== ''));
      const variant = withParen ? e.name.replace('（', '(').replace('）', ')') : nameVariant(plantRng, e.name);
      const dup = listRow(e, variant, null);
      insertAt(blocks.BJ, randomIndexIn(blocks.BJ), dup);
      drafts.push({
        check: 'duplicate-enterprise',
        table: T,
        row: dup,
        key: 'enterprise',
        related: [{ row: rowOf.get(e)!, key: 'enterprise' }],
        extraRow: true,
        description: `${e.name} listed twice; the second time typed as "${dup.cells.enterprise}" without a credit code`,
      });
    }
    // duplicate-enterprise (2): the same credit code under a differently worded name.
    {
      const e = pickFree(tjEnts.length > 3 ? tjEnts : bjEnts);
      const otherWord = e.parts.industryWord === '信息技术' ? '科技' : '信息技术';
      const renamed = buildName({ ...e.parts, industryWord: otherWord });
      factory.reserve(e.parts.brand + otherWord);
      const dup = listRow(e, renamed, e.creditCode);
      const block = blocks[e.place.region];
      insertAt(block, randomIndexIn(block), dup);
      drafts.push({
        check: 'duplicate-enterprise',
        table: T,
        row: dup,
        key: 'creditCode',
        related: [{ row: rowOf.get(e)!, key: 'creditCode' }],
        extraRow: true,
        description: `credit code ${e.creditCode} appears twice: "${e.name}" and "${renamed}"`,
      });
    }
    // possible-duplicate-enterprise (1): X有限公司 vs X有限责任公司.
    {
      const e = pickFree(bjEnts, (x) => x.parts.suffix === '有限公司' && canonical(x));
      const twin = factory.make(e.place);
      twin.parts = { ...e.parts, suffix: '有限责任公司' };
      twin.name = buildName(twin.parts);
      twin.service = plantRng.pick(SERVICES);
      const row = listRow(twin);
      insertAt(blocks.BJ, randomIndexIn(blocks.BJ), row);
      drafts.push({
        check: 'possible-duplicate-enterprise',
        table: T,
        row,
        key: 'enterprise',
        related: [{ row: rowOf.get(e)!, key: 'enterprise' }],
        extraRow: true,
        description: `"${twin.name}" and "${e.name}" differ only in 有限责任公司 / 有限公司 (different credit codes)`,
      });
    }
    // possible-duplicate-enterprise (2): a parent and its 北京分公司.
    {
      const parent = pickFree([...tjEnts, ...hbEnts], canonical);
      const branch = factory.make(pickPlace(plantRng, 'BJ'));
      branch.parts = { ...parent.parts, branch: '北京分公司' };
      branch.name = buildName(branch.parts);
      branch.service = plantRng.pick(SERVICES);
      const row = listRow(branch);
      insertAt(blocks.BJ, randomIndexIn(blocks.BJ), row);
      drafts.push({
        check: 'possible-duplicate-enterprise',
        table: T,
        row,
        key: 'enterprise',
        related: [{ row: rowOf.get(parent)!, key: 'enterprise' }],
        extraRow: true,
        description: `"${branch.name}" is a branch of "${parent.name}", listed separately`,
      });
    }
    // region-order: a 北京 row among the 天津 rows.
    {
      const e = pickFree(bjEnts, canonical);
      const row = rowOf.get(e)!;
      blocks.BJ.splice(blocks.BJ.indexOf(row), 1);
      insertAt(blocks.TJ, plantRng.int(1, blocks.TJ.length - 1), row);
      drafts.push({
        check: 'region-order',
        table: T,
        row,
        key: 'region',
        related: [],
        extraRow: false,
        description: `北京 enterprise "${e.name}" placed among the 天津 rows`,
      });
    }
    // region-outside: an enterprise in 上海, and one in 辽宁朝阳 (not 北京朝阳区).
    {
      const sh = factory.make({ region: 'OUT', division: '310115', area: '上海' });
      sh.province = messy ? '上海市浦东新区' : '上海市';
      sh.service = plantRng.pick(SERVICES);
      const ln = factory.make({ region: 'OUT', division: '211300', area: '朝阳市' });
      ln.province = '辽宁省朝阳市';
      ln.service = plantRng.pick(SERVICES);
      for (const e of [sh, ln]) {
        const row = listRow(e);
        blocks.OUT.push(row);
        drafts.push({
          check: 'region-outside',
          table: T,
          row,
          key: 'region',
          related: [],
          extraRow: true,
          description: `"${e.name}" is registered outside 京津冀 (${e.province})`,
        });
      }
    }
    // region-unknown: 所属省市 blank / garbage and a name without a place (no credit code either).
    {
      for (const province of ['', 'XX省']) {
        const e = factory.make({ region: 'UNKNOWN', division: '110108', area: '' }, { withoutPlace: true });
        e.province = province;
        e.service = plantRng.pick(SERVICES);
        const row = listRow(e, e.name, null, province);
        if (province === '') row.cells.region = null;
        blocks.UNKNOWN.push(row);
        drafts.push({
          check: 'region-unknown',
          table: T,
          row,
          key: 'region',
          related: [],
          extraRow: true,
          description: `"${e.name}" has ${province ? `所属省市 "${province}"` : 'no 所属省市'} and no place in its name`,
        });
      }
    }
    // credit-code-invalid: one wrong check character.
    {
      const e = pickFree(bjEnts, canonical);
      const row = rowOf.get(e)!;
      row.cells.creditCode = corruptCreditCode(plantRng, e.creditCode);
      drafts.push({
        check: 'credit-code-invalid',
        table: T,
        row,
        key: 'creditCode',
        related: [],
        extraRow: false,
        description: `credit code of "${e.name}" has a wrong check character (should end in ${e.creditCode[17]})`,
      });
    }
  }
  const listRows: RowModel[] = [...blocks.BJ, ...blocks.TJ, ...blocks.HB, ...blocks.OUT, ...blocks.UNKNOWN];
  const listRegionCounts: Record<string, number> = {
    BJ: blocks.BJ.length,
    TJ: blocks.TJ.length,
    HB: blocks.HB.length,
    OUT: blocks.OUT.length,
    UNKNOWN: blocks.UNKNOWN.length,
  };
  if (planted) {
    // The moved 北京 row counts as 北京.
    listRegionCounts.BJ++;
    listRegionCounts.TJ--;
  }
  const listDataRows = listRows.length;
  if (messy && listRows.length > 6) {
    const idx = Math.floor(blocks.BJ.length / 2);
    insertAt(listRows, idx, { kind: 'blank', cells: {} });
  }
  seqCells(listRows);
  const listTable: TableModel = {
    id: '4-2-1-2',
    columns: messy
      ? [
          { key: 'seq', header: '序号', width: 6 },
          { key: 'enterprise', header: '服务企业名称', width: 38 },
          { key: 'creditCode', header: '统一社会信用代码', width: 22 },
          { key: 'service', header: '服务内容', width: 34 },
          { key: 'region', header: '所属省市', width: 18 },
        ]
      : [
          { key: 'seq', header: '序号', width: 6 },
          { key: 'enterprise', header: '服务企业名称', width: 38 },
          { key: 'service', header: '服务内容', width: 34 },
          { key: 'region', header: '所属省市', width: 12 },
          { key: 'creditCode', header: '统一社会信用代码', width: 22 },
        ],
    rows: listRows,
    titleLines: messy ? ['附表4-2-1-2', `${year}年度服务企业名单`] : [],
    stampLine: messy ? `填报单位（盖章）：${operatorName(o.platformName)}` : null,
    unitLine: null,
    note: messy ? NOTES['4-2-1-2'] ?? null : null,
    amountUnit: null,
  };

  // ===========================================================================================
  // 附表4-2-1-3 年度合同订单列表
  // ===========================================================================================
  const unit = o.amountUnit;
  const orderRowOf = new Map<Order, RowModel>();
  const classText = (c: string | null): string | null =>
    c !== null && messy && ordRng.chance(0.15) ? `${c}企业` : c;
  const trioCells = (e: Enterprise): Record<string, Cell> => ({
    industry: messy ? ordRng.pick(INDUSTRY_MESSY_LABELS[e.profile.industry]) : SIZE_RULES[e.profile.industry].label,
    employees: e.profile.employees,
    revenue: e.profile.revenue,
  });
  const orderRowFor = (ord: Order): RowModel => {
    const cells: Record<string, Cell> = {
      enterprise: ord.name,
      service: ord.service,
      sizeClass: classText(ord.sizeClass),
      amount: amountCell(ordRng, ord.wan, unit, messy),
      date: dateCell(ordRng, ord.date, messy),
      contractNo: ord.contractNo,
    };
    if (ord.trio) Object.assign(cells, trioCells(ord.ent));
    return { kind: 'data', cells };
  };
  const orderRows: RowModel[] = orders.map((ord) => {
    const r = orderRowFor(ord);
    orderRowOf.set(ord, r);
    return r;
  });
  const outsiders: Enterprise[] = [];
  /** A fictional 北京 enterprise that is not in the service list. */
  const outsider = (): Enterprise => {
    const e = factory.make(pickPlace(plantRng, 'BJ'));
    e.service = plantRng.pick(SERVICES);
    outsiders.push(e);
    return e;
  };
  if (planted) {
    const T: TableId = '4-2-1-3';
    const byEnt = new Map<Enterprise, Order[]>();
    for (const ord of orders) byEnt.set(ord.ent, [...(byEnt.get(ord.ent) ?? []), ord]);
    const orderEntList = [...byEnt.keys()];
    const pickOrder = (filter: (e: Enterprise) => boolean = () => true): Order => {
      const e = pickFree(orderEntList, filter);
      return plantRng.pick(byEnt.get(e)!);
    };
    // size-class-invalid: blank in one order, 小微 in another.
    for (const bad of [null, '小微'] as const) {
      const ord = pickOrder((e) => !e.showTrio);
      const row = orderRowOf.get(ord)!;
      row.cells.sizeClass = bad;
      drafts.push({
        check: 'size-class-invalid',
        table: T,
        row,
        key: 'sizeClass',
        related: [],
        extraRow: false,
        description: bad === null ? `企业划型 left blank for "${ord.ent.name}"` : `企业划型 "小微" names no single class ("${ord.ent.name}")`,
      });
    }
    // date-out-of-year: an order dated 2023-12-28.
    {
      const ord = pickOrder();
      const row = orderRowOf.get(ord)!;
      ord.date = utcDate(year - 1, 12, 28);
      row.cells.date = dateCell(plantRng, ord.date, messy);
      drafts.push({
        check: 'date-out-of-year',
        table: T,
        row,
        key: 'date',
        related: [],
        extraRow: false,
        description: `order of "${ord.ent.name}" dated ${isoDate(ord.date)}, before the review year`,
      });
    }
    // size-class-mismatch: 所属行业/从业人员/营业收入 say 中型 but the row declares 微型.
    {
      const ord = pickOrder((e) => !e.showTrio && e.profile.industry !== 'agriculture');
      const e = ord.ent;
      e.profile = makeProfile(plantRng, e.profile.industry, '中型');
      if (e.profile.sizeClass !== '中型') throw new Error(`internal: no 中型 profile for ${e.profile.industry}`);
      for (const other of byEnt.get(e)!) {
        other.sizeClass = '微型';
        orderRowOf.get(other)!.cells.sizeClass = '微型';
      }
      const row = orderRowOf.get(ord)!;
      Object.assign(row.cells, trioCells(e));
      drafts.push({
        check: 'size-class-mismatch',
        table: T,
        row,
        key: 'sizeClass',
        related: [],
        extraRow: false,
        description: `"${e.name}": ${SIZE_RULES[e.profile.industry].label}, ${e.profile.employees}人, 营业收入${e.profile.revenue}万元 make it ${e.profile.sizeClass}, declared 微型`,
      });
    }
    // size-class-conflict: an enterprise with several orders, one of them declaring another class.
    // A fork of its own, so that the problems planted before and after stay as they were.
    {
      const conflictRng = root.fork('plant-size-class-conflict');
      const e = conflictRng.pick(orderEntList.filter((x) => !usedForPlant.has(x) && !x.showTrio && byEnt.get(x)!.length >= 2 && x.profile.sizeClass !== '大型'));
      usedForPlant.add(e);
      const own = byEnt.get(e)!;
      const other = own[own.length - 1];
      other.sizeClass = e.profile.sizeClass === '中型' ? '小型' : '中型';
      orderRowOf.get(other)!.cells.sizeClass = other.sizeClass;
      drafts.push({
        check: 'size-class-conflict',
        table: T,
        row: orderRowOf.get(own[0])!,
        key: 'sizeClass',
        related: own.slice(1).map((o) => ({ row: orderRowOf.get(o)!, key: 'sizeClass' })),
        extraRow: false,
        description: `"${e.name}" declared ${e.profile.sizeClass} on its orders but ${other.sizeClass} on the last one`,
      });
    }
    // not-in-service-list: an order for an enterprise missing from 附表4-2-1-2.
    {
      const e = outsider();
      const ord: Order = {
        ent: e,
        name: e.name,
        service: e.service,
        sizeClass: e.profile.sizeClass,
        wan: round2(plantRng.logUniform(1, 30)),
        date: randomDateInYear(plantRng, year, 30, 330),
        contractNo: contractNo(utcDate(year, 6, 1)),
        trio: false,
      };
      const row = orderRowFor(ord);
      orders.push(ord);
      insertAt(orderRows, plantRng.int(1, orderRows.length - 1), row);
      drafts.push({
        check: 'not-in-service-list',
        table: T,
        row,
        key: 'enterprise',
        related: [],
        extraRow: true,
        description: `order for "${e.name}", which is not in 附表4-2-1-2`,
      });
    }
  }
  const orderTotalWan = round2(orders.reduce((s, ord) => s + ord.wan, 0));
  const orderDataRows = orderRows.length;
  if (messy) {
    if (orderRows.length > 8) insertAt(orderRows, ordRng.int(3, orderRows.length - 3), { kind: 'blank', cells: {} });
    const total = unit === '万元' ? orderTotalWan : orders.reduce((s, ord) => s + Math.round(ord.wan * 10000), 0);
    orderRows.push({ kind: 'total', cells: { seq: '合计', amount: { v: total, fmt: unit === '万元' ? '0.00' : '#,##0.00' } } });
  }
  seqCells(orderRows);
  const orderTable: TableModel = {
    id: '4-2-1-3',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'enterprise', header: '服务企业名称', width: 38 },
      { key: 'service', header: '服务主要内容', width: 28 },
      { key: 'sizeClass', header: '企业划型', width: 10 },
      { key: 'amount', header: unit === '元' ? '合同金额（元）' : '合同/订单金额（万元）', width: 16 },
      { key: 'date', header: '合同/订单时间', width: 16 },
      { key: 'contractNo', header: '合同号/订单号/银行回单号等', width: 26 },
      { key: 'industry', header: '所属行业', width: 20 },
      { key: 'employees', header: '从业人员', width: 10 },
      { key: 'revenue', header: '营业收入（万元）', width: 16 },
    ],
    rows: orderRows,
    titleLines: messy ? [`${year}年度合同订单列表`] : [],
    stampLine: null,
    unitLine: messy ? `单位：${unit}` : null,
    note: messy ? NOTES['4-2-1-3'] ?? null : null,
    amountUnit: unit,
  };

  // ===========================================================================================
  // 附表4-2-1-1 从事为中小企业服务人员情况表
  // ===========================================================================================
  const staffRng = root.fork('staff');
  const staffRows: RowModel[] = [];
  {
    const qualified = Math.min(o.staff, Math.max(8, Math.round(o.staff * 0.75)));
    const flags = staffRng.shuffle(Array.from({ length: o.staff }, (_, i) => i < qualified));
    flags.forEach((q, i) => {
      const edu = q
        ? staffRng.weighted([
            ['博士研究生', 1],
            ['硕士研究生', 4],
            ['本科', 6],
          ] as const)
        : staffRng.weighted([
            ['本科', 2],
            ['大专', 3],
            ['高中', 1],
          ] as const);
      const [title, issuer] = q ? staffRng.pick(TITLES_SENIOR) : staffRng.pick(TITLES_JUNIOR);
      const school = edu === '大专' ? staffRng.pick(COLLEGES) : edu === '高中' ? '北京市昌平区第一中学' : staffRng.pick(SCHOOLS);
      staffRows.push({
        kind: 'data',
        cells: {
          name: personName(staffRng),
          position: i === 0 ? '总经理' : staffRng.pick(STAFF_POSITIONS.slice(1)),
          education: edu,
          school,
          qualification: title,
          issuer: issuer || (messy ? '—' : null),
          phone: mobile(staffRng),
        },
      });
    });
  }
  if (planted) {
    // staff-title-unrecognized: a degree holder (so 门槛8 keeps its count) whose 资格 is an honour, not a title.
    const withDegree = staffRows.filter((r) => r !== staffRows[0] && /本科|硕士|博士/.test(String(r.cells.education)));
    const row = root.fork('plant-staff-title').pick(withDegree);
    row.cells.qualification = '优秀青年人才';
    row.cells.issuer = messy ? '—' : null;
    drafts.push({
      check: 'staff-title-unrecognized',
      table: '4-2-1-1',
      row,
      key: 'qualification',
      related: [],
      extraRow: false,
      description: `"${String(row.cells.name)}" lists 优秀青年人才, an honour the rules cannot place as a title`,
    });
  }
  seqCells(staffRows);
  const staffTable: TableModel = {
    id: '4-2-1-1',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'name', header: '姓名', width: 10 },
      { key: 'position', header: '职务', width: 14 },
      { key: 'education', header: '学历', width: 12, group: '教育情况' },
      { key: 'school', header: '毕业院校及专业', width: 32, group: '教育情况' },
      { key: 'qualification', header: '资格/资质名称', width: 16, group: '专业资质情况' },
      { key: 'issuer', header: '发证机关', width: 28, group: '专业资质情况' },
      { key: 'phone', header: '联系电话', width: 15 },
    ],
    rows: staffRows,
    titleLines: messy ? ['附表4-2-1-1', TABLE_TITLES['4-2-1-1']] : [],
    stampLine: null,
    unitLine: null,
    note: messy ? NOTES['4-2-1-1'] ?? null : null,
    amountUnit: null,
  };

  // ===========================================================================================
  // 附表4-2-1-4 服务产品（项目）名单
  // ===========================================================================================
  const prodRng = root.fork('products');
  const productRows: RowModel[] = [];
  {
    const base = prodRng.shuffle([...PRODUCTS]);
    for (let i = 0; i < o.products; i++) {
      const [name, category, intro] = base[i % base.length];
      const round = Math.floor(i / base.length);
      productRows.push({
        kind: 'data',
        cells: {
          product: round === 0 ? name : `${name}（${round + 1}）`,
          category,
          description: intro,
          price: prodRng.pick(messy ? PRICES_MESSY : PRICES_CLEAN),
        },
      });
    }
  }
  seqCells(productRows);
  const productTable: TableModel = {
    id: '4-2-1-4',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'product', header: '服务产品（项目）名称', width: 30 },
      { key: 'category', header: '服务产品（项目）分类', width: 18 },
      { key: 'description', header: '内容介绍', width: 60 },
      { key: 'price', header: '价格', width: 14 },
    ],
    rows: productRows,
    titleLines: [],
    stampLine: null,
    unitLine: null,
    note: null,
    amountUnit: null,
  };

  // ===========================================================================================
  // 附表4-2-1-5 服务活动台账
  // ===========================================================================================
  interface Activity {
    name: string;
    date: Date;
    online: boolean;
    enterprises: number;
    people: number;
    fee: string | number;
  }
  const activities: Activity[] = [];
  {
    // Spread over the year, ascending; distinct days.
    const days = new Set<number>();
    while (days.size < Math.min(o.activities, 300)) days.add(actRng.int(8, 355));
    const sorted = [...days].sort((a, b) => a - b);
    for (let i = 0; i < o.activities; i++) {
      const day = sorted[Math.min(i, sorted.length - 1)];
      const online = actRng.chance(0.3);
      const enterprises = online ? actRng.int(35, 180) : actRng.int(18, 90);
      const people = Math.round(enterprises * (online ? 1.4 + actRng.float() * 1.6 : 1.1 + actRng.float() * 0.9));
      activities.push({
        name: activityNames[i],
        date: new Date(Date.UTC(year, 0, 1) + (day - 1) * DAY_MS),
        online,
        enterprises,
        people,
        fee: actRng.weighted<string | number>([
          ['免费', 8],
          ['200元/人', 1],
          [messy ? '0.5万元' : '5000元', 1],
          [messy ? 3000 : '3000元', 1],
        ]),
      });
    }
  }
  const actRowFor = (a: Activity): RowModel => ({
    kind: 'data',
    cells: {
      activity: a.name,
      date: dateCell(actRng, a.date, messy),
      location: a.online ? (messy && actRng.chance(0.3) ? '线上（腾讯会议）' : '线上') : actRng.pick(OFFLINE_PLACES),
      enterprises: a.enterprises,
      people: a.people,
      fee: a.fee,
    },
  });
  const actRows = activities.map(actRowFor);
  if (planted) {
    const T: TableId = '4-2-1-5';
    // date-out-of-year: the last activity dated early next year.
    const last = activities[activities.length - 1];
    last.date = utcDate(year + 1, 1, 3);
    actRows[actRows.length - 1].cells.date = dateCell(plantRng, last.date, messy);
    drafts.push({
      check: 'date-out-of-year',
      table: T,
      row: actRows[actRows.length - 1],
      key: 'date',
      related: [],
      extraRow: false,
      description: `activity "${last.name}" dated ${isoDate(last.date)}, after the review year`,
    });
    // activity-order: two neighbours swapped out of date order.
    const i = plantRng.int(1, Math.max(1, activities.length - 3));
    // activity-topic: the first activity (untouched by the other plants) becomes a tax course, big
    // enough for 8.3(2) but not about technical innovation.
    if (i > 0) {
      activities[0].name = '财税实务培训';
      activities[0].people = Math.max(activities[0].people ?? 0, 20);
      activities[0].enterprises = Math.max(activities[0].enterprises ?? 0, 12);
      actRows[0].cells.activity = activities[0].name;
      actRows[0].cells.people = activities[0].people;
      actRows[0].cells.enterprises = activities[0].enterprises;
      drafts.push({
        check: 'activity-topic',
        table: T,
        row: actRows[0],
        key: 'activity',
        related: [],
        extraRow: false,
        description: `"财税实务培训" has 20 people but is not a 技术创新 activity (8.3(2))`,
      });
    }
    [actRows[i], actRows[i + 1]] = [actRows[i + 1], actRows[i]];
    [activities[i], activities[i + 1]] = [activities[i + 1], activities[i]];
    drafts.push({
      check: 'activity-order',
      table: T,
      row: actRows[i],
      key: 'date',
      related: [{ row: actRows[i + 1], key: 'date' }],
      extraRow: false,
      description: `"${activities[i].name}" (${isoDate(activities[i].date)}) comes before "${activities[i + 1].name}" (${isoDate(activities[i + 1].date)})`,
    });
  }
  const actEntTotal = activities.reduce((s, a) => s + a.enterprises, 0);
  const actPeopleTotal = activities.reduce((s, a) => s + a.people, 0);
  const actTotalRow: RowModel = {
    kind: 'total',
    cells: {
      seq: '合计',
      activity: '——',
      date: '——',
      location: '——',
      enterprises: messy ? { v: actEntTotal, formula: 'SUM' } : actEntTotal,
      people: planted ? actPeopleTotal + 10 : messy ? { v: actPeopleTotal, formula: 'SUM' } : actPeopleTotal,
      fee: '——',
    },
  };
  if (planted) {
    drafts.push({
      check: 'total-mismatch',
      table: '4-2-1-5',
      row: actTotalRow,
      key: 'people',
      related: [],
      extraRow: false,
      description: `合计 参与人数 is ${actPeopleTotal + 10}, the rows add up to ${actPeopleTotal}`,
    });
  }
  actRows.push(actTotalRow);
  seqCells(actRows);
  const activityTable: TableModel = {
    id: '4-2-1-5',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'activity', header: '活动名称', width: 34 },
      { key: 'date', header: '时间', width: 16 },
      { key: 'location', header: '地点', width: 36 },
      { key: 'enterprises', header: '参与企业家数', width: 12 },
      { key: 'people', header: '参与人数', width: 10 },
      { key: 'fee', header: '收费情况', width: 12 },
    ],
    rows: actRows,
    titleLines: messy ? [`附表4-2-1-5 ${TABLE_TITLES['4-2-1-5']}`] : [],
    stampLine: null,
    unitLine: null,
    note: messy ? NOTES['4-2-1-5'] ?? null : null,
    amountUnit: null,
  };

  // ===========================================================================================
  // 附表4-2-1-6 服务对象满意度调查表
  // ===========================================================================================
  const surRng = root.fork('survey');
  const surveyEnts = [
    ...surRng.shuffle(orderEnts.filter((e) => e.place.region !== 'OUT')),
    ...surRng.shuffle(allEnts.filter((e) => !entServices.has(e))),
  ].slice(0, o.survey);
  const surveyPcts: number[] = [];
  const surveyRowFor = (e: Enterprise): RowModel => {
    const pct = surRng.chance(0.8) ? surRng.int(90, 100) : surRng.chance(0.5) ? surRng.int(85, 89) : surRng.int(180, 199) / 2;
    surveyPcts.push(pct);
    return {
      kind: 'data',
      cells: {
        enterprise: messyName(surRng, e.name, messy),
        service: e.service,
        contact: personName(surRng),
        phone: phone(surRng),
        satisfaction: percentCell(surRng, pct, messy),
      },
    };
  };
  const surveyRows = surveyEnts.map(surveyRowFor);
  if (planted) {
    const e = outsider();
    const row = surveyRowFor(e);
    insertAt(surveyRows, plantRng.int(1, surveyRows.length - 1), row);
    drafts.push({
      check: 'not-in-service-list',
      table: '4-2-1-6',
      row,
      key: 'enterprise',
      related: [],
      extraRow: true,
      description: `survey row for "${e.name}", which is not in 附表4-2-1-2`,
    });
  }
  const surveyAvg = round2(surveyPcts.reduce((s, x) => s + x, 0) / surveyPcts.length);
  const surveyDataRows = surveyRows.length;
  {
    const shown = planted ? round2(surveyAvg + 3) : surveyAvg;
    const avgRow: RowModel = {
      kind: 'average',
      cells: { seq: '平均满意度', satisfaction: messy ? { v: Number((shown / 100).toFixed(4)), fmt: '0.00%' } : shown },
    };
    surveyRows.push(avgRow);
    if (planted) {
      drafts.push({
        check: 'total-mismatch',
        table: '4-2-1-6',
        row: avgRow,
        key: 'satisfaction',
        related: [],
        extraRow: false,
        description: `平均满意度 shows ${shown}%, the rows average ${surveyAvg}%`,
      });
    }
  }
  seqCells(surveyRows);
  const surveyTable: TableModel = {
    id: '4-2-1-6',
    columns: messy
      ? [
          // Columns in another order than the template.
          { key: 'seq', header: '序号', width: 6 },
          { key: 'enterprise', header: '服务企业名称', width: 38 },
          { key: 'contact', header: '联系人', width: 10 },
          { key: 'phone', header: '联系电话', width: 15 },
          { key: 'service', header: '服务内容', width: 30 },
          { key: 'satisfaction', header: '服务满意度（%）', width: 14 },
        ]
      : [
          { key: 'seq', header: '序号', width: 6 },
          { key: 'enterprise', header: '服务企业名称', width: 38 },
          { key: 'service', header: '服务内容', width: 30 },
          { key: 'contact', header: '联系人', width: 10 },
          { key: 'phone', header: '联系电话', width: 15 },
          { key: 'satisfaction', header: '服务满意度（%）', width: 14 },
        ],
    rows: surveyRows,
    titleLines: messy ? [TABLE_TITLES['4-2-1-6']] : [],
    stampLine: messy ? `填报单位（盖章）：${operatorName(o.platformName)}` : null,
    unitLine: null,
    note: messy ? NOTES['4-2-1-6'] ?? null : null,
    amountUnit: null,
  };

  // ===========================================================================================
  // 附表4-2-1-7 合作服务机构名单
  // ===========================================================================================
  const instRng = root.fork('institutions');
  const instRows: RowModel[] = [];
  {
    const types = instRng.shuffle([...INSTITUTION_TYPES]);
    for (let i = 0; i < o.institutions; i++) {
      const [pattern, category, content] = types[i % types.length];
      let brand = factory.nextBrand();
      while (!factory.reserve(brand + category)) brand = factory.nextBrand();
      const signed = utcDate(instRng.int(year - 2, year), instRng.int(1, 12), instRng.int(1, 28));
      instRows.push({
        kind: 'data',
        cells: {
          institution: pattern.replace('{b}', brand),
          category,
          service: content,
          signedDate: dateCell(instRng, signed, messy),
        },
      });
    }
  }
  if (planted) {
    const picks = plantRng.shuffle(instRows.map((_, i) => i)).slice(0, 2);
    const noDate = instRows[picks[0]];
    noDate.cells.signedDate = null;
    drafts.push({
      check: 'institution-date',
      table: '4-2-1-7',
      row: noDate,
      key: 'signedDate',
      related: [],
      extraRow: false,
      description: `"${noDate.cells.institution}" has no 签订协议时间`,
    });
    const late = instRows[picks[1]];
    late.cells.signedDate = dateCell(plantRng, utcDate(year + 1, 2, 1), messy);
    drafts.push({
      check: 'institution-date',
      table: '4-2-1-7',
      row: late,
      key: 'signedDate',
      related: [],
      extraRow: false,
      description: `"${late.cells.institution}" signed ${year + 1}-02-01, after the review year`,
    });
  }
  seqCells(instRows);
  const instTable: TableModel = {
    id: '4-2-1-7',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'institution', header: '合作服务机构名称', width: 36 },
      { key: 'category', header: '服务类别', width: 12 },
      { key: 'service', header: '主要服务内容', width: 36 },
      { key: 'signedDate', header: '签订协议时间', width: 16 },
    ],
    rows: instRows,
    titleLines: messy ? ['附表4-2-1-7', TABLE_TITLES['4-2-1-7']] : [],
    stampLine: null,
    unitLine: null,
    note: null,
    amountUnit: null,
  };

  // ===========================================================================================
  // 附表4-2-1-8 服务创新型高成长中小企业名单
  // ===========================================================================================
  const innoRng = root.fork('innovative');
  const innoRows: RowModel[] = [];
  {
    const candidates = innoRng.shuffle(bjEnts.filter((e) => !usedForPlant.has(e) && e.profile.sizeClass !== '大型'));
    const qualText = (q: string): string => (messy ? innoRng.pick(QUALIFICATIONS_MESSY[q]) : q);
    let ci = 0;
    while (innoRows.length < o.innovative && ci < candidates.length) {
      const e = candidates[ci++];
      const twice = innoRows.length + 2 <= o.innovative && innoRng.chance(0.22);
      const quals = twice
        ? innoRng.pick([
            ['创新型中小企业', '专精特新'],
            ['专精特新', '国家小巨人'],
            ['国家小巨人', '单项冠军'],
          ])
        : [innoRng.weighted([
            ['创新型中小企业', 10],
            ['专精特新', 8],
            ['国家小巨人', 3],
            ['隐形冠军', 1],
            ['单项冠军', 1],
            ['独角兽', 1],
          ] as const)];
      for (const q of quals) {
        innoRows.push({
          kind: 'data',
          cells: { enterprise: messyName(innoRng, e.name, messy), qualification: qualText(q), service: e.service },
        });
      }
    }
    if (planted) {
      const e = outsider();
      const row: RowModel = {
        kind: 'data',
        cells: { enterprise: e.name, qualification: qualText('专精特新'), service: e.service },
      };
      insertAt(innoRows, plantRng.int(1, Math.max(1, innoRows.length - 1)), row);
      drafts.push({
        check: 'not-in-service-list',
        table: '4-2-1-8',
        row,
        key: 'enterprise',
        related: [],
        extraRow: true,
        description: `"${e.name}" is listed as 专精特新 but is not in 附表4-2-1-2`,
      });
      const listed = new Set(innoRows.map((r) => String(r.cells.enterprise).replace(/[\s\u3000]/g, '')));
      const high = pickFree(bjEnts, (x) => !listed.has(x.name));
      const row2: RowModel = {
        kind: 'data',
        cells: { enterprise: high.name, qualification: '高新技术企业', service: high.service },
      };
      insertAt(innoRows, plantRng.int(1, innoRows.length - 1), row2);
      drafts.push({
        check: 'qualification-unrecognized',
        table: '4-2-1-8',
        row: row2,
        key: 'qualification',
        related: [],
        extraRow: true,
        description: `"${high.name}" with 企业资质 高新技术企业, not one of the qualifications the guide lists`,
      });
    }
  }
  seqCells(innoRows);
  const innoTable: TableModel = {
    id: '4-2-1-8',
    columns: [
      { key: 'seq', header: '序号', width: 6 },
      { key: 'enterprise', header: '企业名称', width: 38 },
      { key: 'qualification', header: '企业资质', width: 24 },
      { key: 'service', header: '提供的服务内容', width: 32 },
    ],
    rows: innoRows,
    titleLines: [],
    stampLine: null,
    unitLine: null,
    note: null,
    amountUnit: null,
  };

  // Planted enterprises outside the list must not collide with listed ones (sanity check).
  const listedNames = new Set(listRows.filter((r) => r.kind === 'data').map((r) => String(r.cells.enterprise)));
  for (const e of outsiders) if (listedNames.has(e.name)) throw new Error(`internal: outsider ${e.name} is listed`);

  return {
    tables: {
      '4-2-1-1': staffTable,
      '4-2-1-2': listTable,
      '4-2-1-3': orderTable,
      '4-2-1-4': productTable,
      '4-2-1-5': activityTable,
      '4-2-1-6': surveyTable,
      '4-2-1-7': instTable,
      '4-2-1-8': innoTable,
    },
    drafts,
    stats: {
      serviceListRows: listDataRows,
      serviceListRowsByRegion: listRegionCounts,
      orderRows: orderDataRows,
      orderAmountTotalWanYuan: orderTotalWan,
      activityRows: activities.length,
      activityEnterprisesTotal: actEntTotal,
      activityPeopleTotal: actPeopleTotal,
      surveyRows: surveyDataRows,
      surveyAverage: surveyAvg,
      innovativeRows: innoRows.length,
      institutionRows: instRows.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Files and sheets
// ---------------------------------------------------------------------------------------------

interface FilePlan {
  file: string;
  sheets: { table: TableId; sheet: string }[];
}

const ONE_FILE_CLEAN = (id: TableId, year: number): FilePlan => ({
  file: `附表${id} ${id === '4-2-1-2' || id === '4-2-1-3' ? year : ''}${TABLE_TITLES[id]}.xlsx`,
  sheets: [{ table: id, sheet: `附表${id}` }],
});

/** Messy files: some names say which table, some don't; sheets named Sheet1, 名单, … */
const ONE_FILE_MESSY: Readonly<Record<TableId, (year: number) => FilePlan>> = {
  '4-2-1-1': () => ({ file: '附表4-2-1-1 从事为中小企业服务人员情况表.xlsx', sheets: [{ table: '4-2-1-1', sheet: 'Sheet1' }] }),
  '4-2-1-2': (y) => ({ file: `附表4-2-1-2_${y}年度服务企业名单.xlsx`, sheets: [{ table: '4-2-1-2', sheet: '名单' }] }),
  '4-2-1-3': (y) => ({ file: `合同订单列表（${y}年度）.xlsx`, sheets: [{ table: '4-2-1-3', sheet: 'Sheet1' }] }),
  '4-2-1-4': () => ({ file: '服务产品.xlsx', sheets: [{ table: '4-2-1-4', sheet: '产品' }] }),
  '4-2-1-5': () => ({ file: '附表4-2-1-5 服务活动台账.xlsx', sheets: [{ table: '4-2-1-5', sheet: '活动台账' }] }),
  '4-2-1-6': () => ({ file: '满意度调查.xlsx', sheets: [{ table: '4-2-1-6', sheet: 'Sheet1' }] }),
  '4-2-1-7': () => ({ file: '附表4-2-1-7.xlsx', sheets: [{ table: '4-2-1-7', sheet: '名单' }] }),
  '4-2-1-8': () => ({ file: '附件8 高成长企业.xlsx', sheets: [{ table: '4-2-1-8', sheet: 'Sheet1' }] }),
};

const WORKBOOK_SHEETS_MESSY: Readonly<Record<TableId, string>> = {
  '4-2-1-1': '人员情况',
  '4-2-1-2': '服务企业名单',
  '4-2-1-3': 'Sheet3',
  '4-2-1-4': '服务产品',
  '4-2-1-5': '活动台账',
  '4-2-1-6': '满意度',
  '4-2-1-7': '名单',
  '4-2-1-8': 'Sheet8',
};

const MIXED_WORKBOOK_TABLES: readonly TableId[] = ['4-2-1-1', '4-2-1-4', '4-2-1-5', '4-2-1-7'];
const MIXED_WORKBOOK_SHEETS_MESSY: Readonly<Partial<Record<TableId, string>>> = {
  '4-2-1-1': '人员',
  '4-2-1-4': 'Sheet2',
  '4-2-1-5': '活动台账',
  '4-2-1-7': '名单',
};

function planFiles(o: ResolvedSubmissionOptions): FilePlan[] {
  const single = (id: TableId): FilePlan => (o.messy ? ONE_FILE_MESSY[id](o.year) : ONE_FILE_CLEAN(id, o.year));
  switch (o.layout) {
    case 'one-file-each':
      return TABLE_IDS.map(single);
    case 'one-workbook':
      return [
        {
          file: `${o.platformName}${o.year}年度绩效评价附表.xlsx`,
          sheets: TABLE_IDS.map((id) => ({ table: id, sheet: o.messy ? WORKBOOK_SHEETS_MESSY[id] : `附表${id}` })),
        },
      ];
    case 'mixed': {
      const book: FilePlan = {
        file: `${o.platformName}附表（人员、产品、活动、合作机构）.xlsx`,
        sheets: MIXED_WORKBOOK_TABLES.map((id) => ({
          table: id,
          sheet: o.messy ? MIXED_WORKBOOK_SHEETS_MESSY[id] ?? `附表${id}` : `附表${id}`,
        })),
      };
      return [book, ...TABLE_IDS.filter((id) => !MIXED_WORKBOOK_TABLES.includes(id)).map(single)];
    }
    default:
      throw new Error(`unknown layout ${String(o.layout)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Layout: table model → sheet rows, merges and manifest positions
// ---------------------------------------------------------------------------------------------

type RowStyle = 'title' | 'pre' | 'unit' | 'header' | 'data' | 'total' | 'note';
interface PlacedRow {
  r: number;
  style: RowStyle;
  /** Index 0 = column A. */
  cells: (Cell | undefined)[];
}
interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface PlacedSheet {
  sheet: string;
  widths: number[];
  rows: PlacedRow[];
  merges: Range[];
  manifest: ManifestTable;
  rowNumbers: Map<RowModel, number>;
  table: TableModel;
}

export const columnLetters = columnLetter;

function placeTable(t: TableModel, file: string, sheet: string): PlacedSheet {
  const width = t.columns.length;
  const colOf: Record<string, number> = {};
  const headers: Record<string, string> = {};
  t.columns.forEach((c, i) => {
    colOf[c.key] = i + 1;
    headers[c.key] = c.header;
  });
  const rows: PlacedRow[] = [];
  const merges: Range[] = [];
  const titleRows: number[] = [];
  let r = 1;
  for (const line of t.titleLines) {
    rows.push({ r, style: 'title', cells: [line] });
    merges.push({ top: r, left: 1, bottom: r, right: width });
    titleRows.push(r++);
  }
  if (t.stampLine || t.unitLine) {
    const cells: (Cell | undefined)[] = new Array(width).fill(undefined);
    if (t.stampLine) cells[0] = t.stampLine;
    if (t.unitLine) cells[width - 1] = t.unitLine;
    rows.push({ r, style: t.stampLine ? 'pre' : 'unit', cells });
    if (t.stampLine) merges.push({ top: r, left: 1, bottom: r, right: Math.max(1, t.unitLine ? width - 1 : width) });
    titleRows.push(r++);
  }
  const headerRows: number[] = [];
  if (t.columns.some((c) => c.group)) {
    const top: (Cell | undefined)[] = [];
    const bottom: (Cell | undefined)[] = [];
    let i = 0;
    while (i < width) {
      const c = t.columns[i];
      if (!c.group) {
        top[i] = c.header;
        merges.push({ top: r, left: i + 1, bottom: r + 1, right: i + 1 });
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < width && t.columns[j + 1].group === c.group) j++;
      top[i] = c.group;
      if (j > i) merges.push({ top: r, left: i + 1, bottom: r, right: j + 1 });
      for (let k = i; k <= j; k++) bottom[k] = t.columns[k].header;
      i = j + 1;
    }
    rows.push({ r, style: 'header', cells: top }, { r: r + 1, style: 'header', cells: bottom });
    headerRows.push(r, r + 1);
    r += 2;
  } else {
    rows.push({ r, style: 'header', cells: t.columns.map((c) => c.header) });
    headerRows.push(r++);
  }
  const firstDataRow = r;
  const rowNumbers = new Map<RowModel, number>();
  const blankRows: number[] = [];
  let lastDataRow = r - 1;
  let dataRows = 0;
  let totalRow: number | null = null;
  let averageRow: number | null = null;
  for (const m of t.rows) {
    rowNumbers.set(m, r);
    if (m.kind === 'blank') {
      blankRows.push(r++);
      continue;
    }
    const cells: (Cell | undefined)[] = t.columns.map((c) => m.cells[c.key]);
    if (m.kind === 'data') {
      dataRows++;
      lastDataRow = r;
      rows.push({ r, style: 'data', cells });
    } else {
      rows.push({ r, style: 'total', cells });
      if (m.kind === 'total') totalRow = r;
      else averageRow = r;
      if (m.kind === 'average') {
        // The label spans the columns before the value.
        const valueCol = t.columns.findIndex((c, idx) => idx > 0 && m.cells[c.key] !== undefined);
        if (valueCol > 1) merges.push({ top: r, left: 1, bottom: r, right: valueCol });
      }
    }
    r++;
  }
  // Formulas refer to the data range, which is known only now.
  for (const pr of rows) {
    if (pr.style !== 'total') continue;
    pr.cells = pr.cells.map((c, idx) => {
      if (!isSpec(c) || !c.formula) return c;
      const L = columnLetters(idx + 1);
      return { ...c, ref: `${L}${firstDataRow}:${L}${lastDataRow}` };
    });
  }
  let noteRow: number | null = null;
  if (t.note) {
    r++; // one empty row between table and note
    rows.push({ r, style: 'note', cells: [t.note] });
    merges.push({ top: r, left: 1, bottom: r, right: width });
    noteRow = r++;
  }
  return {
    sheet,
    widths: t.columns.map((c) => c.width),
    rows,
    merges,
    rowNumbers,
    table: t,
    manifest: {
      table: t.id,
      title: TABLE_TITLES[t.id],
      file,
      sheet,
      titleRows,
      headerRows,
      firstDataRow,
      lastDataRow,
      dataRows,
      blankRows,
      totalRow,
      averageRow,
      noteRow,
      columns: colOf,
      headers,
      amountUnit: t.amountUnit,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Fixed document and zip timestamps, so a re-run writes the same bytes. */
function fixedTimestamp(year: number): Date {
  return new Date(Date.UTC(year + 1, 2, 15, 9, 30, 0));
}

const HEADER_FONT = { bold: true, name: '宋体', size: 11 };
const TITLE_FONT = { bold: true, name: '宋体', size: 14 };

async function writeWorkbook(filePath: string, sheets: PlacedSheet[], stamp: Date): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: filePath,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = '填报人';
  wb.lastModifiedBy = '填报人';
  wb.created = stamp;
  wb.modified = stamp;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheet);
    ws.columns = s.widths.map((w) => ({ width: w }));
    const mergesByTop = new Map<number, Range[]>();
    for (const m of s.merges) mergesByTop.set(m.top, [...(mergesByTop.get(m.top) ?? []), m]);
    for (const pr of s.rows) {
      for (const m of mergesByTop.get(pr.r) ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
      const row = ws.getRow(pr.r);
      pr.cells.forEach((c, idx) => {
        if (c === undefined) return;
        const cell = row.getCell(idx + 1);
        if (isSpec(c)) {
          cell.value = c.formula && c.ref ? { formula: `${c.formula}(${c.ref})`, result: c.v as number } : c.v;
          if (c.fmt) cell.numFmt = c.fmt;
        } else {
          cell.value = c;
        }
        if (pr.style === 'header') {
          cell.font = HEADER_FONT;
          cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        } else if (pr.style === 'title') {
          cell.font = TITLE_FONT;
          cell.alignment = { horizontal: 'center', vertical: 'middle' };
        } else if (pr.style === 'note') {
          cell.alignment = { wrapText: true, vertical: 'top' };
        } else if (pr.style === 'unit' || (pr.style === 'pre' && idx > 0)) {
          cell.alignment = { horizontal: 'right' };
        } else if (pr.style === 'total' && idx === 0) {
          cell.alignment = { horizontal: 'center' };
        }
      });
      if (pr.style === 'note') row.height = 48;
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await normalizeZipTimestamps(filePath, stamp);
}

/** Sets every zip entry's DOS time/date (local and central headers) to `stamp`. */
export async function normalizeZipTimestamps(filePath: string, stamp: Date): Promise<void> {
  const buf = await fs.readFile(filePath);
  const dosTime = (stamp.getUTCHours() << 11) | (stamp.getUTCMinutes() << 5) | Math.floor(stamp.getUTCSeconds() / 2);
  const dosDate = ((stamp.getUTCFullYear() - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate();
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 65535); p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${filePath}: no zip end-of-central-directory record`);
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${filePath}: bad central directory entry`);
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${filePath}: bad local header`);
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  await fs.writeFile(filePath, buf);
}

function manifestValue(c: Cell | undefined): ManifestValue {
  if (c === undefined || c === null) return null;
  if (c instanceof Date) return isoDate(c);
  if (isSpec(c)) return manifestValue(c.v);
  return c;
}

export const BROKEN_FILE_NAME = '损坏的附件.xlsx';

/**
 * Writes one platform's attachment tables into `dir` (created if missing) and returns the manifest
 * of what was written and planted where. Same options → same cells (and the same bytes).
 */
export async function writeSubmission(dir: string, options: SubmissionOptions): Promise<SubmissionManifest> {
  const o = resolveOptions(options);
  const { tables, drafts, stats } = buildTables(o);
  await fs.mkdir(dir, { recursive: true });
  const stamp = fixedTimestamp(o.year);

  const files: ManifestFile[] = [];
  const placedByTable = new Map<TableId, PlacedSheet>();
  for (const plan of planFiles(o)) {
    const placed = plan.sheets.map(({ table, sheet }) => placeTable(tables[table], plan.file, sheet));
    for (const p of placed) placedByTable.set(p.table.id, p);
    await writeWorkbook(path.join(dir, plan.file), placed, stamp);
    files.push({ file: plan.file, tables: plan.sheets.map((s) => s.table), sheets: plan.sheets.map((s) => s.sheet), readable: true });
  }

  const plantedItems: PlantedItem[] = drafts.map((d) => {
    const placed = placedByTable.get(d.table!)!;
    const rowNumber = placed.rowNumbers.get(d.row!);
    if (rowNumber === undefined) throw new Error(`internal: planted row of ${d.check} not placed`);
    const column = d.key ? placed.manifest.columns[d.key] : null;
    return {
      check: d.check,
      table: d.table,
      file: placed.manifest.file,
      sheet: placed.sheet,
      row: rowNumber,
      column,
      cell: column ? `${columnLetters(column)}${rowNumber}` : null,
      value: d.key ? manifestValue(d.row!.cells[d.key]) : null,
      related: d.related.map((rel) => {
        const rr = placed.rowNumbers.get(rel.row);
        if (rr === undefined) throw new Error(`internal: related row of ${d.check} not placed`);
        const col = rel.key ? placed.manifest.columns[rel.key] : null;
        return {
          row: rr,
          column: col,
          cell: col ? `${columnLetters(col)}${rr}` : null,
          value: rel.key ? manifestValue(rel.row.cells[rel.key]) : null,
        };
      }),
      extraRow: d.extraRow,
      description: d.description,
    };
  });

  if (o.includeBroken) {
    const rng = new Rng(o.seed).fork('broken');
    // Starts like a zip (PK) but is cut short: no reader can open it.
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 60 }, () => rng.int(0, 255))]);
    await fs.writeFile(path.join(dir, BROKEN_FILE_NAME), bytes);
    files.push({ file: BROKEN_FILE_NAME, tables: [], sheets: [], readable: false });
    plantedItems.push({
      check: 'file-unreadable',
      table: null,
      file: BROKEN_FILE_NAME,
      sheet: null,
      row: null,
      column: null,
      cell: null,
      value: null,
      related: [],
      extraRow: false,
      description: `${BROKEN_FILE_NAME} is ${bytes.length} bytes that are not a valid xlsx`,
    });
  }

  return {
    generator: 'scripts/submission.ts',
    formatVersion: 1,
    options: o,
    files,
    tables: TABLE_IDS.map((id) => placedByTable.get(id)!.manifest),
    planted: plantedItems,
    stats,
  };
}

export interface BenchSubmissionOptions {
  enterprises?: number;
  orders?: number;
  seed?: number;
}

/**
 * A big submission for benchmarks: 20 000 enterprises and 40 000 orders by default, messy but with
 * nothing planted, one file per table (amounts in 万元, so the text forms carry `万元` suffixes).
 */
export async function writeBenchSubmission(dir: string, options: BenchSubmissionOptions = {}): Promise<SubmissionManifest> {
  return writeSubmission(dir, {
    seed: options.seed ?? 20240,
    enterprises: options.enterprises ?? 20000,
    orders: options.orders ?? 40000,
    survey: 100,
    innovative: 60,
    activities: 40,
    messy: true,
    planted: false,
    layout: 'one-file-each',
    amountUnit: '万元',
    platformName: '星河中小企业公共服务平台（压测）',
  });
}
