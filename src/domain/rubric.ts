/**
 * The rubric (评分细则): points and scoring rule of every 评分指标. The guide lists the indicators
 * but gives no points, so the shipped `rubric/default.json` is an example to be replaced by the
 * official rubric (`--rubric FILE`); {@link loadRubric} checks such a file with Chinese messages.
 * The default file itself is loaded by the workbook layer (the domain reads no files).
 */
import type { Indicators } from './report';
import { CATEGORIES, type Category } from './roster';

/** A cell as the rubric's arithmetic reads it (a reviewer may type anything into the 评分细则 sheet). */
export type LayoutScalar = string | number | boolean | null;

/**
 * How points follow from the 核定值 (never more than the item's 满分):
 * - `linear` with `per`: value × per, capped at `cap` (if given);
 * - `linear` with `full`: full marks at `full`, proportional below;
 * - `steps`: the points of the highest step whose `min` the value reaches, 0 below the first.
 */
export type RubricRule =
  | { type: 'linear'; per: number; cap?: number }
  | { type: 'linear'; full: number }
  | { type: 'steps'; steps: { min: number; points: number }[] };

export interface RubricItem {
  /** The guide's numbering: `1` … `13`, or `8.3(1)` for a category's sub-indicator. */
  id: string;
  title: string;
  /** 满分 */
  max: number;
  rule: RubricRule;
  /** A key path into the report's indicators (`jjjEnterprises`, `innovativeEnterprises.total`), or `manual`. */
  indicator: string;
  /** Unit of the value: 家, 次, 万元… */
  unit?: string;
  /** Group heading: 一、运营条件和服务能力 … */
  group?: string;
  note?: string;
}

export interface RubricCategory {
  /** 8.1 … 8.6 */
  id: string;
  title: string;
  items: RubricItem[];
}

export interface Rubric {
  name: string;
  /** True for an example rubric (the shipped default): results under it are not official. */
  example: boolean;
  /** Written at the top of the 评分细则 sheet; says plainly when the rubric is only an example. */
  notice: string;
  /** Total needed to pass (80 in the guide). */
  passScore: number;
  /** Indicators 1–7 and 9–13; the category's 8.x items go between 7 and 9. */
  items: RubricItem[];
  /** 8.1–8.6, one per service category. */
  categories: Record<Category, RubricCategory>;
}

/** Rule types as the 评分细则 sheet names them; the 得分 formulas branch on these words. */
export const RULE_LABELS = { per: '按数量计分', full: '按目标折算', steps: '分档计分' } as const;

/** Most steps a `steps` rule may have. */
export const MAX_STEPS = 8;

/** Every indicator a rubric item may read, with the words the sheets use for it. */
export const INDICATOR_LABELS: Readonly<Record<string, string>> = {
  serviceEnterprises: '附表4-2-1-2 去重后的服务企业总数',
  jjjEnterprises: '附表4-2-1-2 去重后的京津冀中小企业家数',
  'byRegion.北京': '附表4-2-1-2 北京企业家数',
  'byRegion.天津': '附表4-2-1-2 天津企业家数',
  'byRegion.河北': '附表4-2-1-2 河北企业家数',
  cooperatingInstitutions: '附表4-2-1-7 审核年度末前签约的合作服务机构数',
  qualifiedStaff: '附表4-2-1-1 符合学历或职称条件的人员数',
  smeRevenueShare: '附表4-2-1-3 中小企业订单金额占比',
  averageSatisfaction: '附表4-2-1-6 平均满意度（%）',
  satisfactionSample: '附表4-2-1-6 满意度调查企业数',
  'innovativeEnterprises.total': '附表4-2-1-8 中在服务名单内的创新型、专精特新等企业数（不重复）',
  'innovativeEnterprises.byQualification.创新型中小企业': '附表4-2-1-8 创新型中小企业数',
  'innovativeEnterprises.byQualification.专精特新': '附表4-2-1-8 专精特新企业数',
  'innovativeEnterprises.byQualification.国家小巨人': '附表4-2-1-8 国家小巨人企业数',
  'innovativeEnterprises.byQualification.隐形冠军': '附表4-2-1-8 隐形冠军企业数',
  'innovativeEnterprises.byQualification.单项冠军': '附表4-2-1-8 单项冠军企业数',
  'innovativeEnterprises.byQualification.独角兽': '附表4-2-1-8 独角兽企业数',
  serviceProducts: '附表4-2-1-4 服务产品（项目）数',
  orders: '附表4-2-1-3 审核年度内的订单数',
  smeOrders: '附表4-2-1-3 审核年度内中型、小型、微型企业的订单数',
  activities: '附表4-2-1-5 审核年度内的活动次数',
  qualifyingActivities: '附表4-2-1-5 达到本类别参与规模要求的活动次数',
  policyTalks: '附表4-2-1-5 参与人数不少于50人的政策宣讲次数',
  jjjOrderEnterprises: '附表4-2-1-3 签订订单的京津冀企业家数',
  newBeijingOrderEnterprises: '附表4-2-1-3 本年度有付费订单、上一年度没有的北京企业家数（需上一年度材料）',
  'freeServices.activities': '附表4-2-1-5 免费活动次数',
  'freeServices.products': '附表4-2-1-4 免费服务产品数',
  'freeServices.total': '免费活动与免费服务产品合计',
};

/** The value of an indicator key path, or null when the path gives no number. */
export function indicatorValue(indicators: Indicators, path: string): number | null {
  let v: unknown = indicators;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[part];
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A rubric file that does not pass {@link loadRubric}; `problems` lists each fault in Chinese. */
export class RubricError extends Error {
  constructor(readonly problems: string[]) {
    super(`评分细则文件有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RubricError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function show(v: unknown): string {
  return v === undefined ? '未填写' : `「${JSON.stringify(v)}」`;
}

const ITEM_KEYS = ['id', 'title', 'max', 'rule', 'indicator', 'unit', 'group', 'note'];

function unknownKeys(obj: Json, allowed: string[], where: string, problems: string[]): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) problems.push(`${where}有未知字段「${k}」（是否拼写错误？）`);
}

function checkRule(rule: unknown, max: number | undefined, where: string, problems: string[]): RubricRule | undefined {
  if (!isObject(rule)) {
    problems.push(`${where}缺少计分规则 rule（应为对象，如 {"type":"linear","full":100}）`);
    return undefined;
  }
  if (rule.type === 'linear') {
    unknownKeys(rule, ['type', 'per', 'cap', 'full'], `${where}的 rule `, problems);
    const hasPer = rule.per !== undefined;
    const hasFull = rule.full !== undefined;
    if (hasPer === hasFull) {
      problems.push(`${where}的 linear 规则须且只能给出 per（每个计几分）或 full（达到多少得满分）之一`);
      return undefined;
    }
    if (hasPer) {
      if (!isNumber(rule.per) || rule.per <= 0) problems.push(`${where}的 per 应为大于 0 的数，收到${show(rule.per)}`);
      if (rule.cap !== undefined && (!isNumber(rule.cap) || rule.cap <= 0)) problems.push(`${where}的 cap（封顶分）应为大于 0 的数，收到${show(rule.cap)}`);
      if (isNumber(rule.cap) && max !== undefined && rule.cap > max) problems.push(`${where}的 cap（封顶分）${rule.cap} 超过满分 ${max}`);
      return rule.cap === undefined ? { type: 'linear', per: rule.per as number } : { type: 'linear', per: rule.per as number, cap: rule.cap as number };
    }
    if (rule.cap !== undefined) problems.push(`${where}的 cap 只能与 per 一起使用`);
    if (!isNumber(rule.full) || rule.full <= 0) problems.push(`${where}的 full 应为大于 0 的数，收到${show(rule.full)}`);
    return { type: 'linear', full: rule.full as number };
  }
  if (rule.type === 'steps') {
    unknownKeys(rule, ['type', 'steps'], `${where}的 rule `, problems);
    if (!Array.isArray(rule.steps) || rule.steps.length === 0) {
      problems.push(`${where}的 steps 应为非空数组，如 [{"min":100,"points":5}]`);
      return undefined;
    }
    if (rule.steps.length > MAX_STEPS) problems.push(`${where}的档位过多（${rule.steps.length} 档），最多 ${MAX_STEPS} 档`);
    const steps: { min: number; points: number }[] = [];
    rule.steps.forEach((s, i) => {
      const at = `${where}的第 ${i + 1} 档`;
      if (!isObject(s)) {
        problems.push(`${at}应为 {"min":…, "points":…}`);
        return;
      }
      unknownKeys(s, ['min', 'points'], at, problems);
      if (!isNumber(s.min)) problems.push(`${at}的 min（起点）应为数字，收到${show(s.min)}`);
      if (!isNumber(s.points) || s.points < 0) problems.push(`${at}的 points（得分）应为不小于 0 的数，收到${show(s.points)}`);
      else if (max !== undefined && s.points > max) problems.push(`${at}的得分 ${s.points} 超过满分 ${max}`);
      if (isNumber(s.min) && steps.length > 0 && s.min <= steps[steps.length - 1].min) {
        problems.push(`${at}的起点 ${s.min} 应大于上一档的起点 ${steps[steps.length - 1].min}（档位按起点从小到大排列）`);
      }
      if (isNumber(s.min) && isNumber(s.points)) steps.push({ min: s.min, points: s.points });
    });
    return { type: 'steps', steps };
  }
  problems.push(`${where}的规则类型 type 应为 "linear" 或 "steps"，收到${show(rule.type)}`);
  return undefined;
}

function checkItem(raw: unknown, where: string, ids: Set<string>, problems: string[]): RubricItem | undefined {
  if (!isObject(raw)) {
    problems.push(`${where}应为对象`);
    return undefined;
  }
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  const at = id ? `${where}（指标 ${id}）` : where;
  if (!id) problems.push(`${where}缺少指标编号 id（如 "6" 或 "8.3(1)"）`);
  else if (ids.has(id)) problems.push(`${at}的编号与其他指标重复`);
  else ids.add(id);
  unknownKeys(raw, ITEM_KEYS, at, problems);
  if (typeof raw.title !== 'string' || raw.title.trim() === '') problems.push(`${at}缺少指标名称 title`);
  let max: number | undefined;
  if (!isNumber(raw.max) || raw.max <= 0) problems.push(`${at}的满分 max 应为大于 0 的数，收到${show(raw.max)}`);
  else max = raw.max;
  if (typeof raw.indicator !== 'string' || (raw.indicator !== 'manual' && !(raw.indicator in INDICATOR_LABELS))) {
    problems.push(
      `${at}的数据来源 indicator 应为 "manual"（人工核定）或以下之一：${Object.keys(INDICATOR_LABELS).join('、')}；收到${show(raw.indicator)}`,
    );
  }
  for (const k of ['unit', 'group', 'note'] as const) {
    if (raw[k] !== undefined && typeof raw[k] !== 'string') problems.push(`${at}的 ${k} 应为文字`);
  }
  const rule = checkRule(raw.rule, max, at, problems);
  if (!id || !rule || max === undefined || typeof raw.title !== 'string' || typeof raw.indicator !== 'string') return undefined;
  const item: RubricItem = { id, title: raw.title.trim(), max, rule, indicator: raw.indicator };
  if (typeof raw.unit === 'string') item.unit = raw.unit;
  if (typeof raw.group === 'string') item.group = raw.group;
  if (typeof raw.note === 'string') item.note = raw.note;
  return item;
}

/**
 * Check a rubric read from JSON and return it typed.
 *
 * @throws RubricError listing every problem in Chinese
 * @example
 * const rubric = loadRubric(JSON.parse(await fs.readFile('official.json', 'utf8')));
 */
export function loadRubric(json: unknown): Rubric {
  const problems: string[] = [];
  if (!isObject(json)) throw new RubricError(['文件内容应为一个 JSON 对象（{…}）']);
  unknownKeys(json, ['$schema', 'name', 'notice', 'example', 'passScore', 'items', 'categories'], '文件顶层', problems);
  if (json.example !== undefined && typeof json.example !== 'boolean') problems.push('example 须为 true 或 false（示例细则写 true）');
  if (typeof json.name !== 'string' || json.name.trim() === '') problems.push('缺少评分细则名称 name');
  if (typeof json.notice !== 'string') problems.push('缺少说明 notice（写在评分细则表顶部；如为示例请写明）');
  let passScore = 80;
  if (json.passScore !== undefined) {
    if (!isNumber(json.passScore) || json.passScore <= 0) problems.push(`合格分数线 passScore 应为大于 0 的数，收到${show(json.passScore)}`);
    else passScore = json.passScore;
  }
  const ids = new Set<string>();
  const items: RubricItem[] = [];
  if (!Array.isArray(json.items) || json.items.length === 0) problems.push('缺少指标列表 items（指标1–7、9–13）');
  else
    json.items.forEach((raw, i) => {
      const item = checkItem(raw, `items 第 ${i + 1} 项`, ids, problems);
      if (item) items.push(item);
    });
  const categories = {} as Record<Category, RubricCategory>;
  if (!isObject(json.categories)) {
    problems.push(`缺少分类别指标 categories（应包含 ${CATEGORIES.join('、')} 六类的 8.1–8.6 指标）`);
  } else {
    for (const k of Object.keys(json.categories)) {
      if (!(CATEGORIES as readonly string[]).includes(k)) problems.push(`categories 中的「${k}」不是服务类别（应为 ${CATEGORIES.join('、')}）`);
    }
    for (const cat of CATEGORIES) {
      const raw = json.categories[cat];
      const where = `categories「${cat}」`;
      if (!isObject(raw)) {
        problems.push(`${where}缺失：每个服务类别都须给出 8.x 指标`);
        continue;
      }
      unknownKeys(raw, ['id', 'title', 'items'], where, problems);
      if (typeof raw.id !== 'string' || raw.id.trim() === '') problems.push(`${where}缺少编号 id（如 "8.3"）`);
      if (typeof raw.title !== 'string' || raw.title.trim() === '') problems.push(`${where}缺少名称 title`);
      const catItems: RubricItem[] = [];
      // Sub-indicator ids need only be unique with the common items and within the category.
      const catIds = new Set(ids);
      if (!Array.isArray(raw.items) || raw.items.length === 0) problems.push(`${where}缺少指标列表 items`);
      else
        raw.items.forEach((r, i) => {
          const item = checkItem(r, `${where}第 ${i + 1} 项`, catIds, problems);
          if (item) catItems.push(item);
        });
      categories[cat] = { id: String(raw.id ?? '').trim(), title: String(raw.title ?? '').trim(), items: catItems };
    }
  }
  if (problems.length > 0) throw new RubricError(problems);
  return { name: (json.name as string).trim(), notice: json.notice as string, example: json.example === true, passScore, items, categories };
}

/** Leading integer of an id: `8.3(1)` → 8, `12` → 12. */
function major(id: string): number {
  const m = /^\d+/.exec(id);
  return m ? Number(m[0]) : Number.NaN;
}

/**
 * The items scored for a category, in the guide's order: 1–7, the category's 8.x, 9–13.
 *
 * @throws Error (Chinese) when the category is not in the rubric
 */
export function rubricItems(rubric: Rubric, category: string): { item: RubricItem; section?: RubricCategory }[] {
  const section = rubric.categories[category as Category];
  if (!section) throw new Error(`评分细则中没有服务类别「${category}」的 8.x 指标`);
  const at = rubric.items.findIndex((i) => major(i.id) > 8);
  const cut = at === -1 ? rubric.items.length : at;
  return [
    ...rubric.items.slice(0, cut).map((item) => ({ item })),
    ...section.items.map((item) => ({ item: { ...item, group: item.group ?? rubric.items[cut - 1]?.group }, section })),
    ...rubric.items.slice(cut).map((item) => ({ item })),
  ];
}

/**
 * One rubric row as the 评分细则 sheet holds it: the cells the 得分 formulas read. Reviewers may
 * edit them in Excel, so scoring in TypeScript works from these cells, exactly as the formula does.
 */
export interface RubricRow {
  id: string;
  max: LayoutScalar;
  /** One of {@link RULE_LABELS}' words (or whatever a reviewer typed). */
  type: LayoutScalar;
  per: LayoutScalar;
  cap: LayoutScalar;
  full: LayoutScalar;
  steps: { min: LayoutScalar; points: LayoutScalar }[];
}

/** The sheet row of an item, with `stepCount` step columns. */
export function rubricRow(item: RubricItem, stepCount: number): RubricRow {
  const r = item.rule;
  const steps = Array.from({ length: stepCount }, (_, i) => {
    const s = r.type === 'steps' ? r.steps[i] : undefined;
    return { min: s ? s.min : null, points: s ? s.points : null };
  });
  if (r.type === 'steps') return { id: item.id, max: item.max, type: RULE_LABELS.steps, per: null, cap: null, full: null, steps };
  if ('per' in r) return { id: item.id, max: item.max, type: RULE_LABELS.per, per: r.per, cap: r.cap ?? null, full: null, steps };
  return { id: item.id, max: item.max, type: RULE_LABELS.full, per: null, cap: null, full: r.full, steps };
}

/** A cell as a spreadsheet's arithmetic reads it: empty is 0, text is not a number. */
function num(v: LayoutScalar): number {
  if (v === null || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeof v === 'number' ? v : Number.NaN;
}

/** ROUND(x, 2) as spreadsheets do it: half away from zero on the decimal digits. */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  // 2.675 × 100 is 267.49999999999997 in binary; 15 significant digits, as Excel keeps, give 267.5.
  const r = Math.round(Number((Math.abs(x) * 100).toPrecision(15))) / 100;
  return x < 0 ? -r : r;
}

/**
 * Points for a 核定值 under a rubric row, computed as the 得分 formula computes it; null (blank)
 * when the value is not a number.
 *
 * @example
 * scoreRow(rubricRow({ id: '6', title: '', max: 15, indicator: 'manual', rule: { type: 'linear', full: 300 } }, 3), 150) // 7.5
 */
export function scoreRow(row: RubricRow, value: LayoutScalar): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const max = num(row.max);
  let raw: number;
  if (row.type === RULE_LABELS.per) raw = value * num(row.per);
  else if (row.type === RULE_LABELS.full) {
    const full = num(row.full);
    raw = full > 0 ? Math.min(1, value / full) * max : 0;
  } else {
    raw = 0;
    for (let i = row.steps.length - 1; i >= 0; i--) {
      const s = row.steps[i];
      if (typeof s.min === 'number' && value >= s.min) {
        raw = num(s.points);
        break;
      }
    }
  }
  const cap = typeof row.cap === 'number' ? row.cap : max;
  const points = Math.max(0, Math.min(max, cap, raw));
  return Number.isNaN(points) ? null : round2(points);
}

/** Points for a value under an item's rule as the rubric file gives it. */
export function scoreItem(item: RubricItem, value: number | null): number | null {
  return scoreRow(rubricRow(item, item.rule.type === 'steps' ? item.rule.steps.length : 0), value);
}
