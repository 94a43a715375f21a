/**
 * Cell text read in one pass where a regular expression would be quadratic on hostile text (a cell
 * holds up to 32,767 characters): what the linear rewrites of those patterns share.
 */

/** Characters `.` does not match: a rewrite of a `.`-pattern stops at them as the pattern did. */
export const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

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
