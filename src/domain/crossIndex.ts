/**
 * The index the checks across platforms share: every platform's items numbered once, linked when
 * they share a key (or, within a small bucket, when they are alike), and the linked groups that
 * span two or more platforms returned. One pass over the items and a hash per key: no loop over
 * pairs of platforms.
 */

/** Disjoint sets over 0 … n-1, with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
  }
}

/** One item of one platform. */
export interface LinkedEntry {
  platform: number;
  index: number;
}

export interface LinkRules<T> {
  items(platform: number): readonly T[];
  /** Identity keys: two items sharing any one are the same thing. */
  keys(item: T, platform: number): readonly string[];
  /** A bucket (the same date and place): items in one are also linked when {@link similar}. */
  bucket?(item: T, platform: number): string | null;
  similar?(a: T, b: T): boolean;
}

/**
 * A bucket larger than this is not compared pair by pair (that would grow with its square): its
 * items are sorted by `order` and each compared with the next few only.
 */
const PAIRWISE_BUCKET = 1000;
const NEIGHBOURS = 8;

/**
 * Group the items of every platform that are the same thing, and keep the groups that two or more
 * platforms (by name: two folders of one platform are one platform) take part in.
 *
 * @param names each platform's name, by index
 * @param order for a large bucket, what its items are sorted by before neighbours are compared
 * @example
 * linkAcross(['甲', '乙'], { items: (p) => staff[p], keys: (s) => [`${s.name}|${s.phone}`] }) // [[{ platform: 0, index: 3 }, { platform: 1, index: 0 }]]
 */
export function linkAcross<T>(names: readonly string[], rules: LinkRules<T>, order?: (item: T) => string): LinkedEntry[][] {
  const nameId = new Map<string, number>();
  const platformName = names.map((n) => {
    let id = nameId.get(n);
    if (id === undefined) nameId.set(n, (id = nameId.size));
    return id;
  });
  const lists = names.map((_, p) => rules.items(p));
  const total = lists.reduce((n, l) => n + l.length, 0);
  const platformOf = new Int32Array(total);
  const indexOf = new Int32Array(total);
  const sets = new UnionFind(total);
  const firstOf = new Map<string, number>();
  const buckets = new Map<string, number[]>();
  let id = 0;
  lists.forEach((list, p) => {
    for (let i = 0; i < list.length; i++, id++) {
      platformOf[id] = p;
      indexOf[id] = i;
      for (const key of rules.keys(list[i], p)) {
        const first = firstOf.get(key);
        if (first === undefined) firstOf.set(key, id);
        else sets.union(first, id);
      }
      const b = rules.bucket?.(list[i], p);
      if (b) {
        const members = buckets.get(b);
        if (members) members.push(id);
        else buckets.set(b, [id]);
      }
    }
  });
  const similar = rules.similar;
  if (similar) {
    const item = (k: number) => lists[platformOf[k]][indexOf[k]];
    const compare = (a: number, b: number) => {
      if (platformName[platformOf[a]] !== platformName[platformOf[b]] && similar(item(a), item(b))) sets.union(a, b);
    };
    for (const members of buckets.values()) {
      if (members.length < 2) continue;
      const first = platformName[platformOf[members[0]]];
      if (members.every((k) => platformName[platformOf[k]] === first)) continue;
      if (members.length <= PAIRWISE_BUCKET) {
        for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) compare(members[x], members[y]);
      } else {
        const sorted = members.map((k) => ({ k, o: order ? order(item(k)) : '' })).sort((a, b) => (a.o < b.o ? -1 : a.o > b.o ? 1 : a.k - b.k));
        for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y < sorted.length && y <= x + NEIGHBOURS; y++) compare(sorted[x].k, sorted[y].k);
      }
    }
  }
  // Components of two or more items, in order of their first item.
  const groups = new Map<number, LinkedEntry[]>();
  const roots = new Int32Array(total);
  const count = new Int32Array(total);
  for (let k = 0; k < total; k++) {
    roots[k] = sets.find(k);
    count[roots[k]]++;
  }
  for (let k = 0; k < total; k++) {
    if (count[roots[k]] < 2) continue;
    const g = groups.get(roots[k]);
    const entry = { platform: platformOf[k], index: indexOf[k] };
    if (g) g.push(entry);
    else groups.set(roots[k], [entry]);
  }
  return [...groups.values()].filter((g) => g.some((e) => platformName[e.platform] !== platformName[g[0].platform]));
}

/** The character pairs of a text (a single character stands for itself). */
function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = Array.from(s);
  if (chars.length === 1) out.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i] + chars[i + 1];
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

/**
 * Whether two names (as keys) are near-identical: one holds the other and is at most a quarter
 * longer, or their character pairs overlap by 80% (Dice).
 *
 * @example
 * nearIdentical('专精特新政策宣讲会', '2024专精特新政策宣讲会') // true
 * nearIdentical('专精特新政策宣讲会', '数字化转型沙龙') // false
 */
export function nearIdentical(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  if (!a || !b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.includes(short) && long.length <= short.length * 1.25 + 1) return true;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let nx = 0;
  let ny = 0;
  for (const n of x.values()) nx += n;
  for (const [k, n] of y) {
    ny += n;
    common += Math.min(n, x.get(k) ?? 0);
  }
  return (2 * common) / (nx + ny) >= 0.8;
}

/** How many other platforms a message names before 「等 N 个平台」. */
const NAMED_OTHERS = 5;

/**
 * The other platforms of a group as a message names them, each with its rows:
 * 「乙平台」第5行、「丙平台」第9、12行; past five, 「等 8 个平台」.
 *
 * @param self the entry's own platform: its name's entries are left out
 */
export function othersText(names: readonly string[], group: readonly { platform: number; row: number }[], self: number): string {
  const rows = new Map<string, number[]>();
  for (const e of group) {
    const name = names[e.platform];
    if (name === names[self]) continue;
    const list = rows.get(name);
    if (list) {
      if (!list.includes(e.row)) list.push(e.row);
    } else rows.set(name, [e.row]);
  }
  const parts = [...rows].slice(0, NAMED_OTHERS).map(([name, r]) => `「${name}」第${r.sort((a, b) => a - b).join('、')}行`);
  return parts.join('、') + (rows.size > NAMED_OTHERS ? `等 ${rows.size} 个平台` : '');
}
