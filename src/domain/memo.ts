/**
 * Remember the answers of a function of one text. A submission repeats the same words on thousands
 * of rows (an enterprise's name in every table, 小型 in every order, the same industry), so each
 * distinct text is worked out once. The memory is bounded: when full, it starts afresh.
 *
 * @example
 * const fold = rememberText((t) => t.normalize('NFKC'), 1000);
 * fold('ＡＢＣ') // 'ABC', worked out; the next fold('ＡＢＣ') is looked up
 */
export function rememberText<T>(compute: (text: string) => T, limit: number): (text: string) => T {
  const memory = new Map<string, T>();
  return (text) => {
    const known = memory.get(text);
    if (known !== undefined || memory.has(text)) return known as T;
    const answer = compute(text);
    if (memory.size >= limit) memory.clear();
    memory.set(text, answer);
    return answer;
  };
}
