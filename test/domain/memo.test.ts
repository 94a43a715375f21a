import { rememberText } from '../../src/domain/memo';

describe('rememberText', () => {
  it('works each text out once, null and undefined answers too', () => {
    const calls: string[] = [];
    const f = rememberText((t) => {
      calls.push(t);
      return t === 'a' ? null : t === 'b' ? undefined : t.length;
    }, 10);
    expect([f('a'), f('a'), f('b'), f('b'), f('ccc'), f('ccc')]).toEqual([null, null, undefined, undefined, 3, 3]);
    expect(calls).toEqual(['a', 'b', 'ccc']);
  });

  it('starts afresh when full, and still answers right', () => {
    let calls = 0;
    const f = rememberText((t) => {
      calls++;
      return t.toUpperCase();
    }, 2);
    expect(['x', 'y', 'z', 'x'].map(f)).toEqual(['X', 'Y', 'Z', 'X']);
    // x and y fill it; z clears it; x is worked out again.
    expect(calls).toBe(4);
    expect(f('z')).toBe('Z');
    expect(calls).toBe(4);
  });
});
