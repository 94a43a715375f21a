/**
 * The 评分指标 and 门槛 figures, each counted once: enterprises by identity, staff by person,
 * institutions by name, and only what falls within the review year.
 */
import { fitsCategoryTopic } from './activityTopics';
import { normalizeName } from './enterpriseName';
import { declaredSizes, isDeclaredLarge } from './enterpriseSize';
import { QUALIFICATIONS, highestQualification, readQualifications } from './qualification';
import type { TableRow } from './recognize';
import type { Indicators, Qualification } from './report';
import { declaredSizeClass, isSme } from './sizeClassWord';
import { readEducation, readTitle } from './staffRules';
import { cellText, inYear, numberOf, type Submission } from './submission';

const JJJ = new Set(['北京', '天津', '河北']);

/** 本科及以上学历 (staffRules.ts holds the words). */
export function hasDegree(education: string): boolean {
  return readEducation(education) === 'counts';
}

/** 中级及以上技术职称 (staffRules.ts holds the words). */
export function hasIntermediateTitle(qualification: string): boolean {
  return readTitle(qualification) === 'counts';
}

/** Whether an activity was held online (线上), where enterprise counts cannot be confirmed. */
export function isOnline(place: string): boolean {
  return /线上|网络|在线|直播|视频|云端|腾讯会议|钉钉|飞书|zoom|webinar/i.test(place.normalize('NFKC'));
}

/** Only part of it free (部分免费, 部分收费): counted apart from the free ones. */
export function isPartlyFree(text: string): boolean {
  return /部分免费|部分收费|半价|减免|优惠/.test(text.normalize('NFKC').replace(/\s+/g, ''));
}

/** Whether a 收费情况 or 价格 cell says the service was free (wholly: 部分免费 is not). */
export function isFree(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (isPartlyFree(t)) return false;
  return /免费|公益|不收费|无偿/.test(t) || t === '0' || t === '0元' || t === '0.00';
}

/**
 * Does an activity meet the size bar of the platform's category (8.1 (2), 8.3 (2), 8.5 (2), 8.6 (2))?
 * 8.1(2) and 8.5(2): 「参与企业家数不少于30家，如为线上形式无法确认企业家数，则需超过50人」: with the
 * number of enterprises filled in, only ≥ 30 enterprises qualifies, online or not; only an online
 * activity whose enterprise count is blank may qualify by > 50 people.
 */
export function activityMeetsSize(category: string, row: TableRow): boolean {
  const enterprises = numberOf(row.cells.enterprises);
  const people = numberOf(row.cells.people);
  switch (category) {
    case '综合咨询':
    case '人力资源': {
      // 不少于30家 includes 30; 需超过50人 excludes 50.
      if (enterprises !== undefined) return enterprises >= 30;
      const blank = cellText(row.cells.enterprises) === '';
      return blank && isOnline(cellText(row.cells.place)) && people !== undefined && people > 50;
    }
    case '技术创新':
    case '融资促进':
      return people !== undefined && people >= 10;
    default:
      // 8.2(1) 创业辅导 sets no size; 8.4 数字化应用 counts no activity.
      return true;
  }
}

/** Does an activity count for the category: its size bar, and its topic (activityTopics.ts)? */
export function activityQualifies(category: string, row: TableRow): boolean {
  return activityMeetsSize(category, row) && fitsCategoryTopic(category, cellText(row.cells.activity));
}

/** 门槛4, 指标6: 「全部京津冀中小企业家数」: a listed firm its orders declare 大型 is not one. */
function countJjj(submission: Submission) {
  const { serviceList } = submission;
  const sizes = declaredSizes(submission);
  const byRegion = { 北京: 0, 天津: 0, 河北: 0 };
  let jjjLargeExcluded = 0;
  const counted = new Set<number>();
  for (const e of serviceList.enterprises) {
    if (!JJJ.has(e.region)) continue;
    if (isDeclaredLarge(sizes.get(e.index))) {
      jjjLargeExcluded++;
      continue;
    }
    byRegion[e.region as keyof typeof byRegion]++;
    counted.add(e.index);
  }
  // Rows merged into a counted firm only because their 统一社会信用代码 matched (different names).
  const mergedNames = new Set<string>();
  for (const d of serviceList.duplicates) if (d.by === 'creditCode' && counted.has(d.first.index)) mergedNames.add(`${d.first.index}|${normalizeName(cellText(d.row.cells.enterprise))}`);
  return { byRegion, jjjLargeExcluded, jjjEnterprises: byRegion.北京 + byRegion.天津 + byRegion.河北, jjjCreditCodeMerged: mergedNames.size };
}

/** 门槛5: cooperating institutions with an agreement signed by the end of the review year, each once. */
function countInstitutions(submission: Submission, year: number): number {
  const institutions = new Set<string>();
  for (const t of submission.ofKind('4-2-1-7')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.institution);
      const p = row.cells.signDate?.parsed;
      if (name && p?.state === 'ok' && typeof p.value === 'object' && p.value.y <= year) institutions.add(normalizeName(name));
    }
  }
  return institutions.size;
}

/** 门槛8: staff with a degree and/or an intermediate title (per --staff-rule), each person once. */
function countQualifiedStaff(submission: Submission): number {
  const staff = new Set<string>();
  for (const t of submission.ofKind('4-2-1-1')) {
    for (const row of t.rows) {
      const person = cellText(row.cells.person);
      if (!person) continue;
      const degree = hasDegree(cellText(row.cells.education));
      const title = hasIntermediateTitle(cellText(row.cells.qualification));
      if (submission.options.staffRule === 'both' ? degree && title : degree || title) staff.add(normalizeName(person) + '|' + cellText(row.cells.phone));
    }
  }
  return staff.size;
}

/** 门槛9 and the order counts: the review year's orders, SME amounts, and the 京津冀 firms ordering. */
function countOrders(submission: Submission, year: number) {
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
      const e = submission.serviceList.enterpriseOf(row);
      if (e && JJJ.has(e.region)) jjjOrder.add(e.index);
    }
  }
  return { smeRevenueShare: anyOrder && allAmount > 0 ? smeAmount / allAmount : null, orders, smeOrders, jjjOrderEnterprises: jjjOrder.size };
}

/** 门槛11: the survey of 服务对象: firms the service list names, each once (not-in-service-list reports the rest). */
function countSurvey(submission: Submission) {
  const surveyed = new Map<string, number | undefined>();
  for (const t of submission.ofKind('4-2-1-6')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.enterprise);
      if (!name) continue;
      const e = submission.serviceList.enterpriseOf(row);
      if (!e) continue;
      const key = `#${e.index}`;
      const value = numberOf(row.cells.satisfaction);
      // One answer per enterprise: the first that has a value.
      if (!surveyed.has(key) || (surveyed.get(key) === undefined && value !== undefined)) surveyed.set(key, value);
    }
  }
  const values = [...surveyed.values()].filter((v): v is number => v !== undefined);
  return { averageSatisfaction: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, satisfactionSample: surveyed.size };
}

/** 指标7: 「上一年度服务的北京市的创新型中小企业…名单」: served (listed in 附表4-2-1-2) and in 北京. */
function countInnovative(submission: Submission): Indicators['innovativeEnterprises'] {
  const zero = (): Record<Qualification, number> => Object.fromEntries(QUALIFICATIONS.map((q) => [q, 0])) as Record<Qualification, number>;
  const byQualification = zero();
  const held = new Map<string, Qualification[]>();
  for (const t of submission.ofKind('4-2-1-8')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.enterprise);
      if (!name) continue;
      const e = submission.serviceList.enterpriseOf(row);
      if (!e || e.region !== '北京') continue;
      const key = `#${e.index}`;
      const list = held.get(key) ?? [];
      for (const q of readQualifications(cellText(row.cells.qualification)).found) if (!list.includes(q)) list.push(q);
      held.set(key, list);
    }
  }
  let total = 0;
  // 二.7 asks per qualification: each listed 北京 firm counted under every qualification it holds.
  const heldByQualification = zero();
  for (const list of held.values()) {
    for (const q of list) heldByQualification[q]++;
    const top = highestQualification(list, submission.options.qualificationOrder);
    if (top) {
      byQualification[top]++;
      total++;
    }
  }
  return { total, byQualification, heldByQualification };
}

/** Free of charge, partly free, or neither, from a fee or price cell (read once). */
function feeKind(text: string): 'free' | 'partly' | null {
  return isFree(text) ? 'free' : isPartlyFree(text) ? 'partly' : null;
}

/** 指标8.x(1) and 门槛10: the distinct service products, and how many are free or partly free. */
function countProducts(submission: Submission) {
  const products = new Set<string>();
  let free = 0;
  let partlyFree = 0;
  for (const t of submission.ofKind('4-2-1-4')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.product);
      if (!name) continue;
      const key = normalizeName(name);
      if (products.has(key)) continue;
      products.add(key);
      const fee = feeKind(cellText(row.cells.price));
      if (fee === 'free') free++;
      else if (fee === 'partly') partlyFree++;
    }
  }
  return { serviceProducts: products.size, free, partlyFree };
}

/** 指标8.x(2), 8.1(2) and 门槛10: the review year's activities, those of the category's size, policy talks, free ones. */
function countActivities(submission: Submission, year: number) {
  let activities = 0;
  let qualifyingActivities = 0;
  let policyTalks = 0;
  let free = 0;
  let partlyFree = 0;
  for (const t of submission.ofKind('4-2-1-5')) {
    for (const row of t.rows) {
      if (!inYear(row.cells.date, year)) continue;
      activities++;
      if (activityQualifies(submission.options.category, row)) qualifyingActivities++;
      const people = numberOf(row.cells.people);
      if (/政策/.test(cellText(row.cells.activity)) && people !== undefined && people >= 50) policyTalks++;
      const fee = feeKind(cellText(row.cells.fee));
      if (fee === 'free') free++;
      else if (fee === 'partly') partlyFree++;
    }
  }
  return { activities, qualifyingActivities, policyTalks, free, partlyFree };
}

/**
 * Compute every indicator of a submission, table by table.
 *
 * @example
 * computeIndicators(submission).jjjEnterprises // 137
 */
export function computeIndicators(submission: Submission): Indicators {
  const year = submission.options.year;
  const serviceEnterprises = submission.serviceList.enterprises.length;
  const jjj = countJjj(submission);
  const ordered = countOrders(submission, year);
  const survey = countSurvey(submission);
  const products = countProducts(submission);
  const acts = countActivities(submission, year);
  // In the report's key order.
  return {
    serviceEnterprises,
    jjjEnterprises: jjj.jjjEnterprises,
    byRegion: jjj.byRegion,
    jjjLargeExcluded: jjj.jjjLargeExcluded,
    jjjCreditCodeMerged: jjj.jjjCreditCodeMerged,
    cooperatingInstitutions: countInstitutions(submission, year),
    qualifiedStaff: countQualifiedStaff(submission),
    smeRevenueShare: ordered.smeRevenueShare,
    averageSatisfaction: survey.averageSatisfaction,
    satisfactionSample: survey.satisfactionSample,
    satisfactionSampleRequired: Math.min(Math.ceil(0.4 * serviceEnterprises), 100),
    innovativeEnterprises: countInnovative(submission),
    serviceProducts: products.serviceProducts,
    orders: ordered.orders,
    smeOrders: ordered.smeOrders,
    activities: acts.activities,
    qualifyingActivities: acts.qualifyingActivities,
    policyTalks: acts.policyTalks,
    jjjOrderEnterprises: ordered.jjjOrderEnterprises,
    // Needs last year's submission: set by the review when one is given (src/domain/previousYear.ts).
    newBeijingOrderEnterprises: null,
    freeServices: {
      activities: acts.free,
      products: products.free,
      total: acts.free + products.free,
      partlyFree: { activities: acts.partlyFree, products: products.partlyFree },
    },
  };
}
