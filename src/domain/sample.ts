/**
 * The spot-check sample (门槛4 材料要求): contracts for at most 100 enterprises, chosen by amount;
 * or the 100 largest single orders; optionally plus a reproducible random draw from the rest.
 */
import { normalizeName } from './enterpriseName';
import type { EnterpriseSample, OrderSample } from './report';
import { cellText, numberOf, type Submission } from './submission';

export interface SampleOptions {
  by: 'enterprise' | 'order';
  /** How many by amount (100 in the guide). */
  size: number;
  /** How many more to draw at random from the rest. */
  random: number;
  seed: number;
}

/** mulberry32: a small seeded generator, so a sample can be drawn again and get the same rows. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pick `n` items of `rest` at random (Fisher–Yates on a copy), keeping their order of appearance. */
function draw<T>(rest: T[], n: number, seed: number): T[] {
  const rnd = seededRandom(seed);
  const idx = rest.map((_, i) => i);
  const k = Math.min(n, idx.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rnd() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx
    .slice(0, k)
    .sort((a, b) => a - b)
    .map((i) => rest[i]);
}

/** Sort by amount, largest first; ties keep first appearance (a stable sort). */
function byAmount<T extends { amount: number; first: number }>(a: T, b: T): number {
  return b.amount - a.amount || a.first - b.first;
}

/**
 * The sample's rule over orders or enterprises alike: the `size` largest by amount, then `random`
 * more drawn from the rest (in order of appearance), each marked with why it was chosen.
 */
function pick<T extends { amount: number; first: number }>(items: T[], options: SampleOptions): { item: T; selection: 'amount' | 'random' }[] {
  const ranked = [...items].sort(byAmount);
  const top = ranked.slice(0, options.size);
  const rest = ranked.slice(options.size).sort((a, b) => a.first - b.first);
  return [
    ...top.map((item) => ({ item, selection: 'amount' as const })),
    ...draw(rest, options.random, options.seed).map((item) => ({ item, selection: 'random' as const })),
  ];
}

/**
 * Choose the spot-check sample over every 附表4-2-1-3 row.
 *
 * @example
 * chooseSample(submission, { by: 'enterprise', size: 100, random: 0, seed: 1 }).sample[0].rank // 1
 */
export function chooseSample(submission: Submission, options: SampleOptions): { sample: EnterpriseSample[] | OrderSample[]; pool: number } {
  const orders: { enterprise: string; key: object | string; amount: number; contract: string; file: string; sheet: string; row: number; first: number }[] = [];
  for (const t of submission.ofKind('4-2-1-3')) {
    for (const row of t.rows) {
      const name = cellText(row.cells.enterprise);
      const amount = numberOf(row.cells.amount);
      if (!name || amount === undefined) continue;
      const e = submission.serviceList.enterpriseOf(row);
      orders.push({
        enterprise: e ? e.name : name,
        // The service-list enterprise itself, or the name's key for one the list does not have.
        key: e ?? normalizeName(name),
        amount,
        contract: cellText(row.cells.contract),
        file: t.file,
        sheet: t.sheet,
        row: row.row,
        first: orders.length,
      });
    }
  }
  if (options.by === 'order') {
    const sample = pick(orders, options).map(({ item: o, selection }, i) => ({
      rank: i + 1,
      enterprise: o.enterprise,
      amount: round2(o.amount),
      contract: o.contract,
      file: o.file,
      sheet: o.sheet,
      row: o.row,
      selection,
    }));
    return { sample, pool: orders.length };
  }
  const groups = new Map<object | string, { enterprise: string; amount: number; orders: number; contracts: string[]; first: number }>();
  for (const o of orders) {
    let g = groups.get(o.key);
    if (!g) {
      g = { enterprise: o.enterprise, amount: 0, orders: 0, contracts: [], first: o.first };
      groups.set(o.key, g);
    }
    g.amount += o.amount;
    g.orders++;
    if (o.contract && !g.contracts.includes(o.contract)) g.contracts.push(o.contract);
  }
  const sample = pick([...groups.values()], options).map(({ item: g, selection }, i) => ({
    rank: i + 1,
    enterprise: g.enterprise,
    amount: round2(g.amount),
    orders: g.orders,
    contracts: g.contracts,
    selection,
  }));
  return { sample, pool: groups.size };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The selection rule in the reviewer's words, written above the sample. */
export function describeSample(options: SampleOptions, counted: number): string {
  const base =
    options.by === 'enterprise'
      ? `按附表4-2-1-3 全部订单合计金额从高到低选取前 ${options.size} 家企业（金额相同按首次出现顺序），共 ${counted} 家企业参与排序`
      : `按附表4-2-1-3 单笔合同/订单金额从高到低选取前 ${options.size} 笔（金额相同按出现顺序），共 ${counted} 笔订单参与排序`;
  return options.random > 0 ? `${base}；另从其余${options.by === 'enterprise' ? '企业' : '订单'}中按随机种子 ${options.seed} 随机抽取 ${options.random} 个` : base;
}
