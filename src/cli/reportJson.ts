/**
 * The JSON report in pieces, exactly the text of `JSON.stringify(report, null, 2)`: a report of a
 * million findings is longer than one JavaScript string may be («Invalid string length»), so it is
 * written element by element instead of built whole.
 */

/** The pieces of `JSON.stringify(value, null, 2)`, top-level arrays one element at a time. */
export function* jsonChunks(value: unknown): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    yield JSON.stringify(value, null, 2);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i];
    const tail = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(v) && v.length > 0) {
      yield `\n  ${JSON.stringify(key)}: [`;
      for (let k = 0; k < v.length; k++) {
        // JSON.stringify writes undefined and functions in arrays as null.
        const el = v[k] === undefined || typeof v[k] === 'function' ? null : v[k];
        yield `\n    ${JSON.stringify(el, null, 2).split('\n').join('\n    ')}${k < v.length - 1 ? ',' : ''}`;
      }
      yield `\n  ]${tail}`;
    } else {
      yield `\n  ${JSON.stringify(key)}: ${JSON.stringify(v, null, 2).split('\n').join('\n  ')}${tail}`;
    }
  }
  yield '\n}';
}
