/**
 * The figures a platform declared in the online form (附件4-2 【一】–【四】), and their pairing with
 * what the review verified from the tables. A reviewer's first question for any figure is
 * "does it match what the platform declared?".
 */
import { a1, cellAt, lastColumn, lastRow, type CellRef, type SheetGrid } from './grid';
import type { Indicators } from './report';
import { isBlank, parseAmount, parseCount, parsePercent } from './values';

export type DeclaredUnit = '家' | '人' | '次' | '项' | '个' | '%' | '万元' | '亿元' | '件' | '';

export interface DeclaredItem {
  /** Stable id: section and item number of 附件4-2, e.g. `二.9`, `二.13(1).京津冀`, `三.1(2)`. */
  id: string;
  /** 【一、基本情况】 … */
  section: string;
  /** The form's words. */
  label: string;
  unit: DeclaredUnit;
  /** Only for platforms of these categories (the 8.x items). */
  categories?: readonly string[];
  /**
   * The verified counterpart from the tables, when the review can compute one; `previous` is last
   * year's figures (`--previous`), null when not given.
   */
  verify?: (ind: Indicators, previous: Indicators | null) => number | null;
  /** How far a declared figure may differ before it is reported. */
  tolerance?: { abs: number } | { rel: number };
}

const S1 = '【一、基本情况】';
const S2 = '【二、运营情况】';
const S3 = '【三、专业服务成效情况】';
const S4 = '【四、激励条件情况】';
const exact = { abs: 0 } as const;

/** Every numeric item of the online form, in the form's order. */
/**
 * 「13.上两年度运营数据」: one year's seven items, the four the tables show verified from that year's
 * indicators (`of` picks them: this year's, or last year's when its submission is given).
 */
function operatingData(part: '(1)' | '(2)', year: number, of: (current: Indicators, previous: Indicators | null) => Indicators | null): DeclaredItem[] {
  const id = (name: string) => `二.13${part}.${name}`;
  const from =
    (pick: (x: Indicators) => number | null) =>
    (i: Indicators, p: Indicators | null): number | null => {
      const x = of(i, p);
      return x ? pick(x) : null;
    };
  return [
    { id: id('资产总额'), section: S2, label: `${year}年度资产总额`, unit: '万元' },
    { id: id('营业收入'), section: S2, label: `${year}年度营业收入`, unit: '万元' },
    { id: id('服务中小企业收入'), section: S2, label: `${year}年度服务中小企业收入`, unit: '万元' },
    {
      id: id('占比'),
      section: S2,
      label: `${year}年度为中小企业提供服务的营业收入占营业总收入的比重`,
      unit: '%',
      // Verified from the order list, which is all the tables show of revenue: a wide tolerance.
      verify: from((x) => (x.smeRevenueShare === null ? null : x.smeRevenueShare * 100)),
      tolerance: { abs: 5 },
    },
    { id: id('京津冀'), section: S2, label: `${year}年度服务京津冀企业家数`, unit: '家', verify: from((x) => x.jjjEnterprises), tolerance: exact },
    { id: id('北京'), section: S2, label: `${year}年度服务京津冀企业家数中北京企业家数`, unit: '家', verify: from((x) => x.byRegion.北京), tolerance: exact },
    { id: id('订单合同数'), section: S2, label: `${year}年度订单合同数`, unit: '个', verify: from((x) => x.orders), tolerance: exact },
  ];
}

export const DECLARED_ITEMS: readonly DeclaredItem[] = [
  { id: '一.9', section: S1, label: '单位从业人数', unit: '人' },
  { id: '一.10', section: S1, label: '从事中小企业服务人员的数量', unit: '人' },
  { id: '一.11', section: S1, label: '其中，本科及以上学历和中级及以上技术职称人员数量', unit: '人', verify: (i) => i.qualifiedStaff, tolerance: exact },
  { id: '一.12', section: S1, label: '具备专业资质、资格的服务人员数量', unit: '人' },
  { id: '二.3', section: S2, label: '截至上年底集聚专业服务机构数量', unit: '家', verify: (i) => i.cooperatingInstitutions, tolerance: exact },
  { id: '二.4', section: S2, label: '截至上年底拥有自主商标、知识产权件数', unit: '件' },
  { id: '二.5', section: S2, label: '截至上年底服务产品（项目）数量', unit: '项', verify: (i) => i.serviceProducts, tolerance: exact },
  { id: '二.6', section: S2, label: '截至上年底线上服务系统京津冀企业注册量', unit: '家' },
  { id: '二.7.创新型中小企业', section: S2, label: '上年度服务创新型中小企业数量', unit: '家', verify: (i) => i.innovativeEnterprises.heldByQualification.创新型中小企业, tolerance: exact },
  { id: '二.7.专精特新', section: S2, label: '上年度服务市级专精特新企业数量', unit: '家', verify: (i) => i.innovativeEnterprises.heldByQualification.专精特新, tolerance: exact },
  { id: '二.7.国家小巨人', section: S2, label: '上年度服务国家小巨人企业数量', unit: '家', verify: (i) => i.innovativeEnterprises.heldByQualification.国家小巨人, tolerance: exact },
  { id: '二.7.隐形冠军', section: S2, label: '上年度服务隐形冠军企业数量', unit: '家', verify: (i) => i.innovativeEnterprises.heldByQualification.隐形冠军, tolerance: exact },
  { id: '二.7.单项冠军', section: S2, label: '上年度服务单项冠军企业数量', unit: '家', verify: (i) => i.innovativeEnterprises.heldByQualification.单项冠军, tolerance: exact },
  { id: '二.7.独角兽', section: S2, label: '上年度服务独角兽企业数量', unit: '家', verify: (i) => i.innovativeEnterprises.heldByQualification.独角兽, tolerance: exact },
  { id: '二.8', section: S2, label: '上年度公益性免费服务在总服务量中的占比', unit: '%' },
  { id: '二.9', section: S2, label: '上年度组织服务活动次数', unit: '次', verify: (i) => i.activities, tolerance: exact },
  { id: '二.10', section: S2, label: '服务对象平均满意度', unit: '%', verify: (i) => i.averageSatisfaction, tolerance: { abs: 0.5 } },
  ...operatingData('(1)', 2024, (i) => i),
  // 「13.上两年度运营数据：…（2）2023年度——」: verified from last year's submission when one is given.
  ...operatingData('(2)', 2023, (_i, p) => p),
  { id: '三.1(1)', section: S3, label: '综合咨询：线上服务系统京津冀企业注册量', unit: '家', categories: ['综合咨询'] },
  { id: '三.1(2)', section: S3, label: '综合咨询：上一年度开展各类服务活动次数', unit: '次', categories: ['综合咨询'], verify: (i) => i.qualifyingActivities, tolerance: exact },
  { id: '三.1(3)', section: S3, label: '综合咨询：上一年度京津冀合同订单量', unit: '家', categories: ['综合咨询'], verify: (i) => i.jjjOrderEnterprises, tolerance: exact },
  { id: '三.1(4)', section: S3, label: '综合咨询：政策宣讲次数', unit: '次', categories: ['综合咨询'], verify: (i) => i.policyTalks, tolerance: exact },
  { id: '三.2(1)', section: S3, label: '创业辅导：上一年度开展创业相关服务活动次数', unit: '次', categories: ['创业辅导'], verify: (i) => i.qualifyingActivities, tolerance: exact },
  { id: '三.2(2)', section: S3, label: '创业辅导：具有创业导师团队人数', unit: '人', categories: ['创业辅导'] },
  { id: '三.2(3)', section: S3, label: '创业辅导：上一年度服务初创期（成立3年及以下）企业数量', unit: '家', categories: ['创业辅导'] },
  { id: '三.2(4)', section: S3, label: '创业辅导：被服务的北京市中小企业中获得融资的企业数量', unit: '家', categories: ['创业辅导'] },
  { id: '三.3(1)', section: S3, label: '技术创新：为企业提供技术创新服务产品/项目数量', unit: '项', categories: ['技术创新'], verify: (i) => i.serviceProducts, tolerance: exact },
  { id: '三.3(2)', section: S3, label: '技术创新：上一年度开展技术创新相关服务活动次数', unit: '次', categories: ['技术创新'], verify: (i) => i.qualifyingActivities, tolerance: exact },
  { id: '三.3(3)', section: S3, label: '技术创新：服务企业中新认定为创新型、专精特新、小巨人、隐形冠军、单项冠军的企业数量', unit: '家', categories: ['技术创新'] },
  { id: '三.4(1)', section: S3, label: '数字化应用：为企业提供的数字化服务产品/项目数量', unit: '项', categories: ['数字化应用'], verify: (i) => i.serviceProducts, tolerance: exact },
  {
    id: '三.4(2)',
    section: S3,
    label: '数字化应用：上一年度新增北京市订单企业（不含免费服务）数量',
    unit: '家',
    categories: ['数字化应用'],
    // Needs last year's submission (--previous): null, so unverified, without it.
    verify: (i) => i.newBeijingOrderEnterprises,
    tolerance: exact,
  },
  { id: '三.4(3)', section: S3, label: '数字化应用：上一年度为北京市中小企业提供数字化服务形成的应用成功案例数量', unit: '个', categories: ['数字化应用'] },
  { id: '三.5(1)', section: S3, label: '人力资源：具备优质人才库或讲师库人数', unit: '人', categories: ['人力资源'] },
  { id: '三.5(2)', section: S3, label: '人力资源：上一年度开展招聘或培训等人力资源服务活动次数', unit: '次', categories: ['人力资源'], verify: (i) => i.qualifyingActivities, tolerance: exact },
  { id: '三.5(3)', section: S3, label: '人力资源：上一年度帮助企业招聘或培训人才（紧缺人才）数量', unit: '人', categories: ['人力资源'] },
  { id: '三.6(1)', section: S3, label: '融资促进：上一年度服务中小企业的订单量', unit: '个', categories: ['融资促进'], verify: (i) => i.smeOrders, tolerance: exact },
  { id: '三.6(2)', section: S3, label: '融资促进：上一年度组织融资促进相关活动次数', unit: '次', categories: ['融资促进'], verify: (i) => i.qualifyingActivities, tolerance: exact },
  { id: '三.6(3)', section: S3, label: '融资促进：上一年度帮助中小企业获得融资金额', unit: '亿元', categories: ['融资促进'] },
  { id: '四.1(1)', section: S4, label: '完成股改并提交辅导备案、通过辅导验收的企业数量', unit: '家' },
  { id: '四.1(2)', section: S4, label: '提交首发申请且取得受理证明的企业数量', unit: '家' },
  { id: '四.1(3)', section: S4, label: '通过发审委审核的企业数量', unit: '家' },
  { id: '四.1(4)', section: S4, label: '新三板创新层挂牌企业数量', unit: '家' },
  { id: '四.3', section: S4, label: '截至上年度主持或参与制（修）订国际、国家、行业或地方标准数量', unit: '项' },
];

/** Text items of the form's header: who declares, and in which category. */
export const DECLARED_TEXT_ITEMS = [
  { id: '一.类别', label: '申报服务类别' },
  { id: '一.1', label: '单位名称' },
  { id: '一.2', label: '平台名称' },
  { id: '一.3', label: '注册所在区' },
] as const;

/**
 * The 申报服务类别 as declared, without the tick boxes copied from the form (☑技术创新 → 技术创新).
 *
 * @example
 * declaredCategory({ '一.类别': '☑ 技术创新' }) // '技术创新'
 */
export function declaredCategory(texts: DeclaredFigures['texts']): string | undefined {
  return texts['一.类别']?.normalize('NFKC').replace(/[□☑√✓■\s]/g, '') || undefined;
}

/** What a platform declared: figures by item id, where each came from, and the header's texts. */
export interface DeclaredFigures {
  /** The 申报数据 sheet, or the JSON file. */
  source: { file: string; sheet: string | null };
  values: Record<string, { value: number | null; raw: string; ref: CellRef | null }>;
  texts: Partial<Record<(typeof DECLARED_TEXT_ITEMS)[number]['id'], string>>;
  /** Rows or keys naming no item of the form. */
  unknown: { key: string; ref: CellRef | null }[];
}

export interface DeclaredComparison {
  id: string;
  label: string;
  unit: DeclaredUnit;
  declared: number | null;
  verified: number | null;
  /** match: within tolerance; mismatch: beyond it; unverified: the tables cannot tell; missing: not declared. */
  status: 'match' | 'mismatch' | 'unverified' | 'missing';
  tolerance: string;
  ref: CellRef | null;
}

/** A label reduced to its words: no brackets, punctuation, numbering or year words (上年度, 2024年度). */
function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\s*[(（]?\d{1,2}[)）.．、]/, '')
    .replace(/上一?年度|\d{4}年度|截至上年底|[(（](%|万元|亿元|家|人|次|个|项|件)[)）]/g, '')
    .replace(/[\s()【】:：,，、。“”"_]/g, '');
}

/** The year a label names (2023年度), if any: 二.13(1) and 二.13(2) differ only by it. */
function labelYear(text: string): string {
  return /(\d{4})年度/.exec(text.normalize('NFKC'))?.[1] ?? '';
}

const byLabel = new Map<string, DeclaredItem>();
const byYearLabel = new Map<string, DeclaredItem>();
for (const item of DECLARED_ITEMS) {
  // Without a year, a label names the review year's item (二.13(1), listed first).
  if (!byLabel.has(labelKey(item.label))) byLabel.set(labelKey(item.label), item);
  const year = labelYear(item.label);
  if (year) byYearLabel.set(`${year}|${labelKey(item.label)}`, item);
}
const byId = new Map<string, DeclaredItem>(DECLARED_ITEMS.map((i) => [i.id, i]));

/** The item a key names: its id, or its label written with any spacing or brackets. */
export function findDeclaredItem(key: string): DeclaredItem | undefined {
  const k = key.normalize('NFKC').trim();
  const year = labelYear(k);
  return byId.get(k) ?? (year ? byYearLabel.get(`${year}|${labelKey(k)}`) : undefined) ?? byLabel.get(labelKey(k));
}

/** Read a declared figure: counts, amounts and percentages as typed in the form. */
export function parseDeclaredValue(item: DeclaredItem, raw: unknown, format?: string): number | null | 'unreadable' {
  if (raw === null || raw === undefined || (typeof raw === 'string' && isBlank(raw))) return null;
  const value = raw as string | number;
  if (item.unit === '%') {
    const p = parsePercent(value, format);
    return p.state === 'ok' ? p.value : p.state === 'blank' ? null : 'unreadable';
  }
  if (item.unit === '万元' || item.unit === '亿元') {
    const p = parseAmount(value, '万元');
    return p.state === 'ok' ? p.value : p.state === 'blank' ? null : 'unreadable';
  }
  const p = parseCount(value);
  return p.state === 'ok' ? p.value : p.state === 'blank' ? null : 'unreadable';
}

function cellString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * Find a 申报数据 sheet among a submission's sheets: a header with 项目 (or 指标) and 申报值 in the
 * first 15 rows, optionally 编号. Returns the figures and the grid it came from.
 *
 * @example
 * const found = readDeclaredSheet(grids); found?.figures.values['二.9'].value // 14
 */
export function readDeclaredSheet(grids: SheetGrid[]): { grid: SheetGrid; figures: DeclaredFigures } | null {
  for (const grid of grids) {
    const last = Math.min(lastRow(grid), grid.firstRow + 14);
    for (let r = grid.firstRow; r <= last; r++) {
      let idCol = 0;
      let labelCol = 0;
      let valueCol = 0;
      for (let c = grid.firstColumn; c <= lastColumn(grid); c++) {
        const t = cellString(cellAt(grid, r, c)).normalize('NFKC').replace(/\s+/g, '');
        if (t === '编号' || t === '序号' || t === '项目编号') idCol ||= c;
        else if (t === '项目' || t === '指标' || t === '填报项目' || t === '申报项目') labelCol ||= c;
        else if (t === '申报值' || t === '申报数' || t === '填报值' || t === '申报数据') valueCol ||= c;
      }
      if (!valueCol || (!labelCol && !idCol)) continue;
      const figures: DeclaredFigures = { source: { file: grid.file, sheet: grid.sheet }, values: {}, texts: {}, unknown: [] };
      for (let row = r + 1; row <= lastRow(grid); row++) {
        const id = idCol ? cellString(cellAt(grid, row, idCol)) : '';
        const label = labelCol ? cellString(cellAt(grid, row, labelCol)) : '';
        const raw = cellAt(grid, row, valueCol);
        if (!id && !label) continue;
        const ref: CellRef = { file: grid.file, sheet: grid.sheet, row, column: valueCol, cell: a1(row, valueCol) };
        const text = DECLARED_TEXT_ITEMS.find((t) => t.id === id || labelKey(t.label) === labelKey(label));
        if (text) {
          const s = cellString(raw);
          if (s) figures.texts[text.id] = s;
          continue;
        }
        const item = (id && findDeclaredItem(id)) || (label && findDeclaredItem(label));
        if (!item) {
          if (!isBlank(raw as string)) figures.unknown.push({ key: id || label, ref });
          continue;
        }
        const value = parseDeclaredValue(item, raw, grid.numberFormats?.[row - grid.firstRow]?.[valueCol - grid.firstColumn] ?? undefined);
        figures.values[item.id] = { value: value === 'unreadable' ? null : value, raw: cellString(raw), ref };
      }
      return { grid, figures };
    }
  }
  return null;
}

/**
 * Read declared figures from JSON: `{ "category": "技术创新", "platform": "…", "items": { "二.9": 14, "服务对象平均满意度": "95%" } }`.
 * Keys may be item ids or the form's labels. Throws an Error with a Chinese message when the shape is wrong.
 */
export function readDeclaredJson(json: unknown, file: string): DeclaredFigures {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`「${file}」应是一个 JSON 对象，包含 items`);
  const obj = json as Record<string, unknown>;
  const items = (obj.items ?? {}) as Record<string, unknown>;
  if (typeof items !== 'object' || Array.isArray(items)) throw new Error(`「${file}」的 items 应是“项目: 数值”的对象`);
  const figures: DeclaredFigures = { source: { file, sheet: null }, values: {}, texts: {}, unknown: [] };
  if (typeof obj.category === 'string') figures.texts['一.类别'] = obj.category;
  if (typeof obj.platform === 'string') figures.texts['一.2'] = obj.platform;
  if (typeof obj.unit === 'string') figures.texts['一.1'] = obj.unit;
  for (const [key, raw] of Object.entries(items)) {
    const item = findDeclaredItem(key);
    if (!item) {
      figures.unknown.push({ key, ref: null });
      continue;
    }
    const value = parseDeclaredValue(item, raw);
    figures.values[item.id] = { value: value === 'unreadable' ? null : value, raw: cellString(raw), ref: null };
  }
  return figures;
}

function describeTolerance(item: DeclaredItem): string {
  if (!item.tolerance) return '';
  if ('abs' in item.tolerance) return item.tolerance.abs === 0 ? '须一致' : `允许相差 ${item.tolerance.abs}${item.unit === '%' ? ' 个百分点' : item.unit}`;
  return `允许相差 ${item.tolerance.rel * 100}%`;
}

function within(item: DeclaredItem, declared: number, verified: number): boolean {
  const t = item.tolerance ?? { abs: 0 };
  const diff = Math.abs(declared - verified);
  return 'abs' in t ? diff <= t.abs + 1e-9 : diff <= Math.abs(verified) * t.rel + 1e-9;
}

/**
 * Pair each declared figure with its verified counterpart: this year's tables, and for 二.13(2)
 * last year's (`previous`, from `--previous`).
 *
 * @example
 * compareDeclared(figures, indicators, '技术创新').find((c) => c.id === '二.9')?.status // 'match'
 */
export function compareDeclared(figures: DeclaredFigures | null, ind: Indicators, category: string, previous: Indicators | null = null): DeclaredComparison[] {
  const out: DeclaredComparison[] = [];
  for (const item of DECLARED_ITEMS) {
    if (item.categories && !item.categories.includes(category)) continue;
    const got = figures?.values[item.id];
    const declared = got?.value ?? null;
    const verifiedRaw = item.verify ? item.verify(ind, previous) : null;
    const verified = verifiedRaw === null ? null : Math.round(verifiedRaw * 100) / 100;
    let status: DeclaredComparison['status'];
    if (declared === null) status = 'missing';
    else if (verified === null) status = 'unverified';
    else status = within(item, declared, verifiedRaw!) ? 'match' : 'mismatch';
    out.push({ id: item.id, label: item.label, unit: item.unit, declared, verified, status, tolerance: describeTolerance(item), ref: got?.ref ?? null });
  }
  return out;
}
