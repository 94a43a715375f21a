/**
 * Which rows break the 北京 → 天津 → 河北 order of 附表4-2-1-2, naming as few rows as possible:
 * one 天津 row typed among the 北京 rows is one finding, not a finding for every 北京 row after it.
 */

/**
 * Indices (0-based, ascending) of the fewest rows whose moving restores non-decreasing order: the
 * complement of one longest non-decreasing subsequence, found in O(n log n). Among equally long
 * subsequences the one keeping the earliest rows (lexicographically smallest indices) is kept, so
 * with a tie the later row is the one reported.
 *
 * @example
 * outOfOrderRows([0, 1, 0, 0, 2]) // [1] — one 天津 row among the 北京 rows
 * outOfOrderRows([0, 2, 1, 1, 2]) // [1]
 * outOfOrderRows([0, 0, 1, 0, 2]) // [3] — a tie: keeping the earlier 天津 row, the later 北京 row moves
 * outOfOrderRows([1, 0]) // [1]
 */
export function outOfOrderRows(ranks: number[]): number[] {
  const n = ranks.length;
  // best[i]: length of the longest non-decreasing subsequence starting at row i.
  // Scanning right to left, it is the longest non-increasing run ending at i in the reversed list.
  const best = new Array<number>(n);
  // tails[k]: the largest possible first value of a non-decreasing subsequence of length k + 1 seen so far.
  const tails: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const v = ranks[i];
    // First k whose tail is smaller than v: v can start a subsequence one longer than those before k.
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] >= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    best[i] = lo + 1;
  }
  // Walk forward, keeping the earliest row that can still complete a longest subsequence.
  const out: number[] = [];
  let need = tails.length;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (need > 0 && best[i] === need && ranks[i] >= last) {
      last = ranks[i];
      need--;
    } else {
      out.push(i);
    }
  }
  return out;
}
