/**
 * Bracketed notes taken out of cell text in one pass. The pattern `/\([^)]*\)/g` this replaces
 * is quadratic on text with many `(` and no `)`: each `(` scans to the end of the text again.
 */

/**
 * `text` without its bracketed parts: exactly `text.replace(/\([^)]*\)|\[[^\]]*\]/g, '')` for
 * `pairs` `['()', '[]']` (any opening character, up to the first closing character after it;
 * an opening character never closed stays), in time linear in the text.
 *
 * @example
 * withoutBracketed('合同金额(万元)', ['()']) // '合同金额'
 * withoutBracketed('专精特新[2024](第二批', ['()', '[]']) // '专精特新(第二批'
 */
export function withoutBracketed(text: string, pairs: readonly string[]): string {
  let out = '';
  let copied = 0;
  // Closing characters that occur nowhere past the scan: their opening characters stay as they are.
  const neverClosed = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const pair = pairs.find((p) => p[0] === text[i]);
    if (!pair || neverClosed.has(pair[1])) continue;
    const close = text.indexOf(pair[1], i + 1);
    if (close < 0) {
      neverClosed.add(pair[1]);
      continue;
    }
    out += text.slice(copied, i);
    copied = close + 1;
    i = close;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
