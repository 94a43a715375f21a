import fc from 'fast-check';
import { a1, columnLetter, columnNumber, parseRange } from '../../src/domain/grid';

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

describe('parseRange', () => {
  test.each([
    ['A1:D1', { top: 1, left: 1, bottom: 1, right: 4 }],
    ['B3:A1', { top: 1, left: 1, bottom: 3, right: 2 }],
    ['$C$2:$E$3', { top: 2, left: 3, bottom: 3, right: 5 }],
    ['xfd1048576', { top: 1048576, left: 16384, bottom: 1048576, right: 16384 }],
  ])('%s', (ref, corners) => expect(parseRange(ref)).toEqual(corners));
  test.each(['', 'A', '1', 'A1:', 'AAAA1', 'A1:B2:C3'])('%j is not a range', (ref) => expect(parseRange(ref)).toBeNull());
});
