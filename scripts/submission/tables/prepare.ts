/**
 * What every table of a generated submission shares: the seeded random streams, the enterprises of
 * the service list and who ordered what, the activities' names, and the planted problems' bookkeeping
 * (one firm is never used by two planted problems). The tables are built from it in order.
 */
import { ResolvedSubmissionOptions, Rng, SERVICES, ACTIVITY_NAMES, pickPlace, Enterprise, EnterpriseFactory, Draft, isoDate, randomDateInYear, round2, messyName, Order } from '../model';

export function prepare(o: ResolvedSubmissionOptions) {
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

  return { o, root, messy, planted, year, drafts, factory, plantRng, actRng, activityNames, bjEnts, tjEnts, hbEnts, allEnts, ordRng, orderEnts, entServices, orders, contractNo, usedForPlant, pickFree };
}

/** What the tables are built from. */
export type TableContext = ReturnType<typeof prepare>;
