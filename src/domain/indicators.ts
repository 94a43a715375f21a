/**
 * The 评分指标 and 门槛 figures, each counted once: enterprises by identity, staff by person,
 * institutions by name, and only what falls within the review year.
 */
import { normalizeName } from './enterpriseName';
import { highestQualification, readQualifications } from './qualification';
import type { TableRow } from './recognize';
import { resolveRegion } from './region';
import type { Indicators, Qualification } from './report';
import { declaredSizeClass, isSme } from './sizeClassWord';
import { cellText, inYear, numberOf, type Submission } from './submission';

const JJJ = new Set(['北京', '天津', '河北']);

/** 本科 or higher: 本科, 学士, 硕士, 研究生, 博士 (not 专科/大专). */
export function hasDegree(education: string): boolean {
  const t = education.normalize('NFKC').replace(/\s+/g, '');
  if (/专科|大专|高职|中专|高中|初中/.test(t) && !/本科|硕士|博士|研究生/.test(t)) return false;
  return /本科|学士|硕士|研究生|博士|MBA|EMBA|MPA/i.test(t);
}

/** 中级 or higher title: 中级, 副高, 高级, 正高, or 工程师/经济师/会计师… without 助理. */
export function hasIntermediateTitle(qualification: string): boolean {
  const t = qualification.normalize('NFKC').replace(/\s+/g, '');
  if (!t) return false;
  if (/中级|副高|高级|正高|副研究员|研究员|副教授|教授/.test(t)) return true;
  const titled = t.replace(/助理[^、,，;；/]*?(工程师|经济师|会计师|审计师|统计师|编辑|记者|翻译|律师|研究员|讲师)/g, '');
  return /(工程师|经济师|会计师|审计师|统计师|律师|讲师|编辑|记者|翻译|农艺师|规划师|建筑师|造价师|咨询师)/.test(titled);
}

/** Whether an activity was held online (线上), where enterprise counts cannot be confirmed. */
export function isOnline(place: string): boolean {
  return /线上|网络|在线|直播|视频|云端|腾讯会议|钉钉|飞书|zoom|webinar/i.test(place.normalize('NFKC'));
}

/** Whether a 收费情况 or 价格 cell says the service was free. */
export function isFree(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  return /免费|公益|不收费|无偿/.test(t) || t === '0' || t === '0元' || t === '0.00';
}

/** Does an activity meet the bar of the platform's category (8.1 (2), 8.3 (2), 8.5 (2), 8.6 (2))? */
export function activityQualifies(category: string, row: TableRow): boolean {
  const enterprises = numberOf(row.cells.enterprises);
  const people = numberOf(row.cells.people);
  switch (category) {
    case '综合咨询':
    case '人力资源':
      // 不少于30家 includes 30; 线上 … 需超过50人 excludes 50.
      return (enterprises !== undefined && enterprises >= 30) || (isOnline(cellText(row.cells.place)) && people !== undefined && people > 50);
    case '技术创新':
    case '融资促进':
      return people !== undefined && people >= 10;
    case '创业辅导':
      return true;
    default:
      // 8.4 数字化应用 sets no activity bar.
      return true;
  }
}

/**
 * Compute every indicator of a submission.
 *
 * @example
 * computeIndicators(submission).jjjEnterprises // 137
 */
export function computeIndicators(submission: Submission): Indicators {
  const { options, serviceList } = submission;
  const year = options.year;

  const byRegion = { 北京: 0, 天津: 0, 河北: 0 };
  for (const e of serviceList.enterprises) if (JJJ.has(e.region)) byRegion[e.region as keyof typeof byRegion]++;
  const serviceEnterprises = serviceList.enterprises.length;
  const jjjEnterprises = byRegion.北京 + byRegion.天津 + byRegion.河北;

  const institutions = new Set<string>();
  for (const t of submission.ofKind('4-2-1-7')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.institution);
      const p = row.cells.signDate?.parsed;
      if (name && p?.state === 'ok' && typeof p.value === 'object' && p.value.y <= year) institutions.add(normalizeName(name));
    }
  }

  const staff = new Set<string>();
  for (const t of submission.ofKind('4-2-1-1')) {
    for (const row of t.rows) {
      const person = cellText(row.cells.person);
      if (!person) continue;
      const degree = hasDegree(cellText(row.cells.education));
      const title = hasIntermediateTitle(cellText(row.cells.qualification));
      if (options.staffRule === 'both' ? degree && title : degree || title) staff.add(normalizeName(person) + '|' + cellText(row.cells.phone));
    }
  }

  let smeAmount = 0;
  let allAmount = 0;
  let anyOrder = false;
  let orders = 0;
  let smeOrders = 0;
  const jjjOrder = new Set<number>();
  for (const t of submission.ofKind('4-2-1-3')) {
    for (const row of t.rows) {
      if (!inYear(row.cells.date, year)) continue;
      orders++;
      const sme = isSme(declaredSizeClass(cellText(row.cells.sizeClass)));
      if (sme) smeOrders++;
      const amount = numberOf(row.cells.amount);
      if (amount !== undefined) {
        anyOrder = true;
        allAmount += amount;
        if (sme) smeAmount += amount;
      }
      const e = serviceList.enterpriseOf(row);
      if (e && JJJ.has(e.region)) jjjOrder.add(e.index);
    }
  }

  const surveyed = new Map<string, number | undefined>();
  for (const t of submission.ofKind('4-2-1-6')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.enterprise);
      if (!name) continue;
      const e = serviceList.enterpriseOf(row);
      const key = e ? `#${e.index}` : normalizeName(name);
      const value = numberOf(row.cells.satisfaction);
      // One answer per enterprise: the first that has a value.
      if (!surveyed.has(key) || (surveyed.get(key) === undefined && value !== undefined)) surveyed.set(key, value);
    }
  }
  const satisfactionValues = [...surveyed.values()].filter((v): v is number => v !== undefined);
  const averageSatisfaction = satisfactionValues.length ? satisfactionValues.reduce((a, b) => a + b, 0) / satisfactionValues.length : null;

  const byQualification: Record<Qualification, number> = { 创新型中小企业: 0, 专精特新: 0, 国家小巨人: 0, 隐形冠军: 0, 单项冠军: 0, 独角兽: 0 };
  const held = new Map<string, Qualification[]>();
  for (const t of submission.ofKind('4-2-1-8')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.enterprise);
      if (!name) continue;
      const e = serviceList.enterpriseOf(row);
      const region = e ? e.region : resolveRegion(null, name).region;
      if (region !== '北京') continue;
      const key = e ? `#${e.index}` : normalizeName(name);
      const list = held.get(key) ?? [];
      for (const q of readQualifications(cellText(row.cells.qualification)).found) if (!list.includes(q)) list.push(q);
      held.set(key, list);
    }
  }
  let innovativeTotal = 0;
  for (const list of held.values()) {
    const top = highestQualification(list, options.qualificationOrder);
    if (top) {
      byQualification[top]++;
      innovativeTotal++;
    }
  }

  const products = new Set<string>();
  let freeProducts = 0;
  for (const t of submission.ofKind('4-2-1-4')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.product);
      if (!name) continue;
      const key = normalizeName(name);
      if (products.has(key)) continue;
      products.add(key);
      if (isFree(cellText(row.cells.price))) freeProducts++;
    }
  }

  let activities = 0;
  let qualifyingActivities = 0;
  let policyTalks = 0;
  let freeActivities = 0;
  for (const t of submission.ofKind('4-2-1-5')) {
    for (const row of t.rows) {
      if (!inYear(row.cells.date, year)) continue;
      activities++;
      if (activityQualifies(options.category, row)) qualifyingActivities++;
      const people = numberOf(row.cells.people);
      if (/政策/.test(cellText(row.cells.activity)) && people !== undefined && people >= 50) policyTalks++;
      if (isFree(cellText(row.cells.fee))) freeActivities++;
    }
  }

  return {
    serviceEnterprises,
    jjjEnterprises,
    byRegion,
    cooperatingInstitutions: institutions.size,
    qualifiedStaff: staff.size,
    smeRevenueShare: anyOrder && allAmount > 0 ? smeAmount / allAmount : null,
    averageSatisfaction,
    satisfactionSample: surveyed.size,
    satisfactionSampleRequired: Math.min(Math.ceil(0.4 * serviceEnterprises), 100),
    innovativeEnterprises: { total: innovativeTotal, byQualification },
    serviceProducts: products.size,
    orders,
    smeOrders,
    activities,
    qualifyingActivities,
    policyTalks,
    jjjOrderEnterprises: jjjOrder.size,
    freeServices: { activities: freeActivities, products: freeProducts, total: freeActivities + freeProducts },
  };
}
