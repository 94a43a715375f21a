/**
 * The checks across the platforms of a batch, run once every platform is reviewed, on the facts
 * each review collected (crossFacts.ts): findings for each platform, the shared items for
 * 汇总.xlsx's 交叉核查, and how many platforms serve each firm. Firms are matched as within one
 * platform (the same normalised name or the same 统一社会信用代码), across the batch in one pass.
 */
import { CROSS_CHECKS } from './checks';
import { renderMessage, type CrossPlatform, type SharedItem } from './checks/check';
import { UnionFind } from './crossIndex';
import type { Finding } from './report';

export interface FirmsAcross {
  /** Distinct firms in the platforms' 附表4-2-1-2. */
  firms: number;
  /** How many firms are served by how many platforms (1, 2, 3, 4–5, …). */
  distribution: { label: string; firms: number }[];
  /** The firms served by the most platforms (two or more), most first. */
  top: { name: string; code: string | null; platforms: string[] }[];
}

export interface CrossCheckResult {
  /** Each platform's findings, by its index. */
  findings: Finding[][];
  /** One per item two or more platforms share, in the order of {@link CROSS_CHECKS}. */
  shared: SharedItem[];
  firms: FirmsAcross;
}

const BANDS: readonly [number, number, string][] = [
  [1, 1, '1 个平台'],
  [2, 2, '2 个平台'],
  [3, 3, '3 个平台'],
  [4, 5, '4–5 个平台'],
  [6, 10, '6–10 个平台'],
  [11, 20, '11–20 个平台'],
  [21, Infinity, '21 个及以上平台'],
];

/** The identity of every platform's firms across the batch: one union-find over (platform, firm). */
function firmIdentity(platforms: readonly CrossPlatform[]): (platform: number, firm: number) => number {
  const offset: number[] = [];
  let total = 0;
  for (const p of platforms) {
    offset.push(total);
    total += p.facts.firms.length;
  }
  const sets = new UnionFind(total);
  const byKey = new Map<string, number>();
  const byCode = new Map<string, number>();
  platforms.forEach((p, i) => {
    p.facts.firms.forEach((f, j) => {
      const node = offset[i] + j;
      const sameName = byKey.get(f.key);
      if (sameName === undefined) byKey.set(f.key, node);
      else sets.union(sameName, node);
      if (f.code) {
        const sameCode = byCode.get(f.code);
        if (sameCode === undefined) byCode.set(f.code, node);
        else sets.union(sameCode, node);
      }
    });
  });
  const roots = new Int32Array(total);
  for (let n = 0; n < total; n++) roots[n] = sets.find(n);
  return (platform, firm) => roots[offset[platform] + firm];
}

/** How many platforms (by name) list each firm, as bands, and the firms listed by the most. */
function firmsAcross(platforms: readonly CrossPlatform[], firmOf: (p: number, f: number) => number, top: number): FirmsAcross {
  const platformsOf = new Map<number, Set<string>>();
  const nameOf = new Map<number, { name: string; code: string | null }>();
  platforms.forEach((p, i) => {
    for (let f = 0; f < p.facts.listed; f++) {
      const id = firmOf(i, f);
      let set = platformsOf.get(id);
      if (!set) {
        platformsOf.set(id, (set = new Set()));
        nameOf.set(id, { name: p.facts.firms[f].name, code: p.facts.firms[f].code });
      }
      set.add(p.name);
    }
  });
  const distribution = BANDS.map(([, , label]) => ({ label, firms: 0 }));
  for (const set of platformsOf.values()) {
    const band = BANDS.findIndex(([lo, hi]) => set.size >= lo && set.size <= hi);
    distribution[band].firms++;
  }
  const ranked = [...platformsOf].filter(([, s]) => s.size >= 2);
  ranked.sort((a, b) => b[1].size - a[1].size || nameOf.get(a[0])!.name.localeCompare(nameOf.get(b[0])!.name, 'zh-CN'));
  return {
    firms: platformsOf.size,
    distribution,
    top: ranked.slice(0, top).map(([id, s]) => ({ ...nameOf.get(id)!, platforms: [...s].sort((a, b) => a.localeCompare(b, 'zh-CN')) })),
  };
}

/**
 * Run every check across platforms.
 *
 * @param platforms each platform's name and collected facts; two folders of one platform (the same
 *   name) are not compared with each other
 * @example
 * const { findings, shared } = crossCheck([{ name: '甲平台', facts: a }, { name: '乙平台', facts: b }]);
 */
export function crossCheck(platforms: readonly CrossPlatform[], options: { top?: number } = {}): CrossCheckResult {
  const firmOf = firmIdentity(platforms);
  const findings: Finding[][] = platforms.map(() => []);
  const shared: SharedItem[] = [];
  for (const check of CROSS_CHECKS) {
    const { meta } = check;
    check.runAcross({
      platforms,
      firmOf,
      report({ platform, at }, messageId, data = {}) {
        const template = meta.messages[messageId];
        if (template === undefined) throw new Error(`${meta.id} has no message "${messageId}"`);
        const table = platforms[platform].facts.tables[at.table];
        findings[platform].push({ check: meta.id, severity: meta.severity, file: table.file, sheet: table.sheet, row: at.row, cell: at.cell, message: renderMessage(template, data), messageId, data });
      },
      share(item) {
        shared.push({ check: meta.id, severity: meta.severity, ...item });
      },
    });
  }
  return { findings, shared, firms: firmsAcross(platforms, firmOf, options.top ?? 30) };
}
