import fc from 'fast-check';
import { outOfOrderRows } from '../../src/domain/regionOrder';

/** Longest non-decreasing subsequence length, the plain O(n²) way. */
function lndsLength(xs: number[]): number {
  const len = xs.map(() => 1);
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < i; j++) if (xs[j] <= xs[i]) len[i] = Math.max(len[i], len[j] + 1);
  }
  return xs.length === 0 ? 0 : Math.max(...len);
}

/** The kept index sets of every longest non-decreasing subsequence, by brute force (small n only). */
function allLongest(xs: number[]): number[][] {
  const best = lndsLength(xs);
  const out: number[][] = [];
  const walk = (start: number, last: number, kept: number[]) => {
    if (kept.length === best) {
      out.push([...kept]);
      return;
    }
    for (let i = start; i < xs.length; i++) {
      if (xs[i] >= last) walk(i + 1, xs[i], [...kept, i]);
    }
  };
  walk(0, -Infinity, []);
  return out;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
  return a.length < b.length;
}

function without(xs: number[], drop: number[]): number[] {
  const gone = new Set(drop);
  return xs.filter((_, i) => !gone.has(i));
}

function nonDecreasing(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || xs[i - 1] <= x);
}

describe('outOfOrderRows', () => {
  it.each([
    [[], []],
    [[0], []],
    [[0, 0, 1, 1, 2, 2, 3], []],
    [[0, 1, 0, 0, 2], [1]],
    [[0, 2, 1, 1, 2], [1]],
    [[1, 0], [1]],
    [[2, 1, 0], [1, 2]],
    [[3, 0, 0, 1, 2], [0]],
    [[0, 0, 3, 1, 1, 2, 2], [2]],
    [[0, 1, 2, 0, 1, 2], [3, 4]],
    [[1, 1, 1, 0, 0, 0, 0], [0, 1, 2]],
    // A tie: keeping the earlier 天津 row, the later 北京 row is the one to move.
    [[0, 0, 1, 0, 2], [3]],
  ])('%j → %j', (ranks, expected) => {
    expect(outOfOrderRows(ranks)).toEqual(expected);
  });

  const ranks = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 });

  it('leaves a non-decreasing list once the returned rows are taken out', () => {
    fc.assert(
      fc.property(ranks, (xs) => {
        expect(nonDecreasing(without(xs, outOfOrderRows(xs)))).toBe(true);
      }),
    );
  });

  it('returns exactly n − (longest non-decreasing subsequence) rows, ascending and distinct', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 80 }), (xs) => {
        const out = outOfOrderRows(xs);
        expect(out.length).toBe(xs.length - lndsLength(xs));
        expect(out).toEqual([...new Set(out)].sort((a, b) => a - b));
        expect(out.every((i) => i >= 0 && i < xs.length)).toBe(true);
      }),
    );
  });

  it('keeps the earliest rows among equally long choices', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 10 }), (xs) => {
        const kept = without(
          xs.map((_, i) => i),
          outOfOrderRows(xs),
        );
        const smallest = allLongest(xs).reduce((a, b) => (lexLess(b, a) ? b : a));
        expect(kept).toEqual(smallest);
      }),
    );
  });

  it('handles ranks of any number, not just 0–3', () => {
    expect(outOfOrderRows([20240105, 20240103, 20240110, 20240108])).toEqual([1, 3]);
  });
});
