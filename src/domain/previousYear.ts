/**
 * Last year's submission beside this year's: 8.4(2) 「上一年度新增北京市订单企业（不含免费服务）数量」
 * and the figures of both years for the 年度对比 block and the form's 二.13(2) (2023年度) items.
 *
 * 8.4(2) as the guide words it: the indicator 「上一年度新增北京市订单企业数量」, its material
 * 「不含免费服务，提供2023和2024年度服务北京市企业名单，以及相应的合同和发票」 and the form's
 * 「上一年度新增北京市订单企业（不含免费服务）数量」. So a firm counts when, in the review year, it
 * has a paid order in 附表4-2-1-3 (「年度合同订单列表」), it is a 北京 firm of 附表4-2-1-2, and it had
 * no paid order in last year's 附表4-2-1-3. Paid: an amount that reads as more than 0 (a free
 * service, 0 or 「免费」, is no paid order; an amount that cannot be read proves no payment). The
 * same firm across years is the same firm within one platform: the same normalised name or the same
 * 统一社会信用代码 (src/domain/submission.ts).
 */
import { checkCreditCode } from './creditCode';
import { normalizeName } from './enterpriseName';
import type { Indicators, NewOrderFirm, PreviousYearReport } from './report';
import { cellText, inYear, numberOf, type ServiceEnterprise, type Submission } from './submission';

/**
 * Whether an order row of 附表4-2-1-3 is a paid one: its amount reads as more than 0. 「不含免费服务」:
 * a free order (0, 「免费」) is not, nor one whose amount cannot be read.
 */
export function isPaidOrder(amount: number | undefined): boolean {
  return amount !== undefined && amount > 0;
}

/** Identities of firms: normalised names and credit codes. */
interface FirmIndex {
  names: Map<string, string>;
  codes: Map<string, string>;
}

/** A credit code as the service list reads one for identity (18 characters after normalisation). */
function codeOf(raw: string): string | null {
  if (!raw) return null;
  const { normalized } = checkCreditCode(raw);
  return normalized.length === 18 ? normalized : null;
}

/** Every identity a firm is known by: its order row's name and code, and its service-list entry's names and code. */
function identities(name: string, creditCode: string, e: ServiceEnterprise | undefined): { names: string[]; codes: string[] } {
  const names = new Set<string>();
  const codes = new Set<string>();
  if (name) names.add(normalizeName(name));
  const code = codeOf(creditCode);
  if (code) codes.add(code);
  if (e) {
    names.add(e.key);
    for (const r of e.rows) {
      const n = cellText(r.cells.enterprise);
      if (n) names.add(normalizeName(n));
    }
    if (e.creditCode) codes.add(e.creditCode);
  }
  return { names: [...names], codes: [...codes] };
}

/** Last year's firms with a paid order in last year, by every identity, with the region its list gave. */
function paidOrderFirms(previous: Submission): FirmIndex {
  const index: FirmIndex = { names: new Map(), codes: new Map() };
  const year = previous.options.year;
  for (const t of previous.ofKind('4-2-1-3')) {
    for (const row of t.rows) {
      if (!inYear(row.cells.date, year) || !isPaidOrder(numberOf(row.cells.amount))) continue;
      const e = previous.serviceList.enterpriseOf(row);
      const region = e?.region ?? '未知';
      const ids = identities(cellText(row.cells.enterprise), cellText(row.cells.creditCode), e);
      for (const n of ids.names) if (!index.names.has(n)) index.names.set(n, region);
      for (const c of ids.codes) if (!index.codes.has(c)) index.codes.set(c, region);
    }
  }
  return index;
}

/**
 * Compare this year's submission with last year's: the new 北京 paid-order firms (8.4(2)).
 *
 * @example
 * comparePreviousYear(current, previous, 'folder').newFirms.length // indicators.newBeijingOrderEnterprises
 */
export function comparePreviousYear(current: Submission, previous: Submission, previousIndicators: Indicators, source: string | null, tables: number): PreviousYearReport {
  const before = paidOrderFirms(previous);
  const year = current.options.year;
  // Per firm of this year's service list: its paid orders and whether last year knew it.
  const firms = new Map<number, { e: ServiceEnterprise; firm: NewOrderFirm; returning: boolean; beijingBefore: boolean }>();
  for (const t of current.ofKind('4-2-1-3')) {
    for (const row of t.rows) {
      if (!inYear(row.cells.date, year)) continue;
      const amount = numberOf(row.cells.amount);
      if (!isPaidOrder(amount)) continue;
      // The region is the service list's (附表4-2-1-2 「所属省市」); an order firm not listed there is reported by not-in-service-list.
      const e = current.serviceList.enterpriseOf(row);
      if (!e || e.region !== '北京') continue;
      let f = firms.get(e.index);
      if (!f) {
        f = { e, firm: { name: e.name, creditCode: e.creditCode, orders: 0, amount: 0, file: t.file, sheet: t.sheet, row: row.row }, returning: false, beijingBefore: false };
        firms.set(e.index, f);
      }
      f.firm.orders++;
      f.firm.amount += amount!;
      const ids = identities(cellText(row.cells.enterprise), cellText(row.cells.creditCode), e);
      for (const region of [...ids.names.map((n) => before.names.get(n)), ...ids.codes.map((c) => before.codes.get(c))]) {
        if (region === undefined) continue;
        f.returning = true;
        if (region === '北京') f.beijingBefore = true;
      }
    }
  }
  const all = [...firms.values()];
  const returning = all.filter((f) => f.returning);
  return {
    year: previous.options.year,
    source,
    indicators: previousIndicators,
    tables,
    beijingPaidOrderEnterprises: all.length,
    returning: returning.length,
    returningFromOutside: returning.filter((f) => !f.beijingBefore).length,
    newFirms: all.filter((f) => !f.returning).map((f) => ({ ...f.firm, amount: Math.round(f.firm.amount * 1e6) / 1e6 })),
  };
}
