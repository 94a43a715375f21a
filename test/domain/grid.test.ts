import fc from 'fast-check';
import { a1, columnLetter, columnNumber } from '../../src/domain/grid';

describe('column letters and numbers', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %i is %s, and back', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  it('reads the letters that start a reference, and 0 when there are none', () => {
    expect(columnNumber('AB12')).toBe(28);
    expect(columnNumber(a1(5, 3))).toBe(3);
    expect(columnNumber('12')).toBe(0);
    expect(columnNumber('')).toBe(0);
    expect(columnNumber('$A$1')).toBe(0);
  });

  it('round-trips every column Excel has', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetter(n)) === n));
  });
});
