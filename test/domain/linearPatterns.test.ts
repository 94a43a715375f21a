// Patterns that were quadratic on cell text, each replaced by a linear equivalent: the old pattern
// stays here as the reference, random text must get the same answer from both, and a hostile cell
// of Excel's longest length (32,767 characters) must come out right without the old hang.
import fc from 'fast-check';
import { withoutBracketed } from '../../src/domain/linearText';
import { fullNameKey, parentBeforeBranchSuffix, parentOfBranch, trailingDebrisStart } from '../../src/domain/enterpriseName';
import { filingUnitName, fillingUnitOf } from '../../src/domain/platform';
import { readQualifications, withoutTrailingWords } from '../../src/domain/qualification';
import { resolveIndustry } from '../../src/domain/sizeClass';
import { headerKey } from '../../src/domain/tableSpecs';
import { parseDate, SPACE_BEFORE_TIME } from '../../src/domain/values';

/** Excel's limit on the characters of one cell. */
const CELL = 32_767;

const RUNS = { numRuns: 3000 };

/** Text of the given pieces (some longer than a character), up to `maxLength` of them. */
function textOf(pieces: readonly string[], maxLength = 24): fc.Arbitrary<string> {
  return fc.string({ unit: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1 }) }), maxLength });
}

/** Whether `ours` gives what `reference` gives for every text `arb` draws. */
function sameAsReference<T>(arb: fc.Arbitrary<string>, ours: (s: string) => T, reference: (s: string) => T): void {
  fc.assert(
    fc.property(arb, (s) => {
      expect(ours(s)).toEqual(reference(s));
    }),
    RUNS,
  );
}

/**
 * Run `work` on ten hostile cells (a column's worth), asserting each answer; the old patterns
 * took 0.4–7 s per cell, the new code well under a millisecond, so a second is a generous bound.
 */
function tenCells(cell: (i: number) => string, check: (text: string) => void): void {
  const cells = Array.from({ length: 10 }, (_, i) => cell(i));
  for (const c of cells) expect(c.length).toBeLessThanOrEqual(CELL);
  const started = performance.now();
  for (const c of cells) check(c);
  expect(performance.now() - started).toBeLessThan(1000);
}

/** A cell of `piece` repeated, between `before` and `after`. */
const many = (piece: string, before = '', after = '') => before + piece.repeat(Math.floor((CELL - before.length - after.length) / piece.length)) + after;

describe('withoutBracketed', () => {
  const arb = textOf(['(', '(', ')', ')', '[', '[', ']', ']', '（', '）', '北京', '第二批', ' ', '\n', '😀', '\ud83d']);

  it('removes what /\\([^)]*\\)|\\[[^\\]]*\\]/g removes, on any text', () => {
    sameAsReference(
      arb,
      (s) => withoutBracketed(s, ['()', '[]']),
      (s) => s.replace(/\([^)]*\)|\[[^\]]*\]/g, ''),
    );
  });

  it('removes what /\\([^)]*\\)/g removes, on any text', () => {
    sameAsReference(
      arb,
      (s) => withoutBracketed(s, ['()']),
      (s) => s.replace(/\([^)]*\)/g, ''),
    );
  });

  it('keeps a cell of opening brackets never closed, and empties one closed at the end', () => {
    tenCells(
      (i) => many(i % 2 ? '(' : '[', String(i)),
      (s) => expect(withoutBracketed(s, ['()', '[]'])).toBe(s),
    );
    tenCells(
      (i) => many('(', String(i), ')'),
      (s) => expect(withoutBracketed(s, ['()'])).toBe(s[0]),
    );
  });

  it('gives headers, industries and qualifications of unclosed brackets quickly', () => {
    tenCells(
      (i) => many('(', `金额${i}`),
      (s) => expect(headerKey(s)).toBe(s),
    );
    tenCells(
      (i) => many('(', `行业${i}`),
      (s) => expect(resolveIndustry(s)).toBeNull(),
    );
    tenCells(
      (i) => many('(', `资质${i}`),
      (s) => expect(readQualifications(s)).toEqual({ found: [], unrecognized: [s] }),
    );
  });
});

describe('withoutTrailingWords', () => {
  it('removes what /(中小企业|企业|称号|认定|名单|资质)+$/g removes, on any text', () => {
    sameAsReference(
      textOf(['中小企业', '企业', '中小', '中', '小', '企', '业', '称号', '认定', '名单', '资质', '号', '专精特新', ' ', 'x']),
      withoutTrailingWords,
      (s) => s.replace(/(中小企业|企业|称号|认定|名单|资质)+$/g, ''),
    );
  });

  it('keeps a cell of those words followed by something else, and empties one of nothing else', () => {
    tenCells(
      (i) => many('企业', '', `x${i}`),
      (s) => expect(withoutTrailingWords(s)).toBe(s),
    );
    tenCells(
      (i) => many(i % 2 ? '中小企业' : '称号'),
      (s) => expect(withoutTrailingWords(s)).toBe(''),
    );
    tenCells(
      (i) => many('企业', '', `x${i}`),
      (s) => expect(readQualifications(s)).toEqual({ found: [], unrecognized: [s] }),
    );
  });
});

describe('trailingDebrisStart', () => {
  it('is where /(?:(?!\\))[\\p{P}\\p{S}])+$/u matches, on any text', () => {
    const END = /(?:(?!\))[\p{P}\p{S}])+$/u;
    sameAsReference(
      textOf(['(', ')', '。', '.', '，', '“', '*', '+', '😀', '🀄', '\ud83d', '\ude00', '𠀀', 'a', '北', ' ']),
      (s) => s.slice(0, trailingDebrisStart(s)),
      (s) => s.replace(END, ''),
    );
  });

  it('leaves a name with a cell of punctuation inside as it is', () => {
    tenCells(
      (i) => many(i % 2 ? '。' : '(', 'a', `b${i}`),
      (s) => expect(fullNameKey(s)).toBe(s.toUpperCase()),
    );
  });
});

describe('parentBeforeBranchSuffix', () => {
  it('is the parent /^(.+公司)(?:[^()]|\\([^()]*\\))*分公司$/ captures, on any text', () => {
    const BRANCH_SUFFIX = /^(.+公司)(?:[^()]|\([^()]*\))*分公司$/;
    const pieces = ['公司', '分公司', '有限公司', '公', '司', '分', '(', '(', ')', ')', '(北京)', '第一', 'a', '\n', '\u2028'];
    sameAsReference(
      fc.tuple(textOf(pieces), fc.constantFrom('', '分公司')).map(([s, end]) => s + end),
      parentBeforeBranchSuffix,
      (s) => BRANCH_SUFFIX.exec(s)?.[1] ?? null,
    );
  });

  it('finds no parent in a cell of 公司 whose tail has a stray bracket, and the longest one otherwise', () => {
    tenCells(
      (i) => many('公司', String(i), ')分公司'),
      (s) => expect(parentOfBranch(s)).toBeNull(),
    );
    tenCells(
      (i) => many('公司', String(i), '分公司'),
      (s) => expect(parentBeforeBranchSuffix(s)).toBe(s.slice(0, -3)),
    );
  });
});

describe('filingUnitName', () => {
  const FILING_UNIT = /^\s*填报单位\s*(?:[（(]\s*盖章\s*[）)])?\s*[:：]\s*(\S.*?)\s*$/;
  const space = fc.string({ unit: fc.constantFrom(' ', '\u3000', '\t', '\u00a0', '\ufeff', '\n', '\r', '\u2028'), maxLength: 3 });
  const join = (parts: string[]) => parts.join('');
  // Lines shaped like the label, a part sometimes wrong, so that about half match.
  const stamp = fc.tuple(fc.constantFrom('(', '（', '（'), space, fc.constantFrom('盖章', '盖章', '盖'), space, fc.constantFrom(')', '）', '）', '')).map(join);
  const line = fc
    .tuple(space, fc.constantFrom('填报单位', '填报单位', '填报'), space, fc.oneof(fc.constant(''), stamp), space, fc.constantFrom(':', '：', '：', ';'), space, textOf(['北京', '某', '公司', '_', ' ', '\u3000', '\n', '\u2028', ':'], 8), space)
    .map(join);

  it('is the unit the old pattern captures, on any line', () => {
    sameAsReference(line, filingUnitName, (s) => FILING_UNIT.exec(s)?.[1] ?? null);
    sameAsReference(textOf(['填报单位', '(', '盖章', ')', '：', ' ', '\n', 'a']), filingUnitName, (s) => FILING_UNIT.exec(s)?.[1] ?? null);
  });

  it('reads a cell whose label or name holds a long run of white space', () => {
    const grid = (v: string) => [{ file: 'a.xlsx', sheet: 'S', firstRow: 1, firstColumn: 1, values: [[v]] }];
    tenCells(
      (i) => many(' ', `填报单位：某${i}`, '公司'),
      (s) => expect(fillingUnitOf(grid(s))).toBe(s.slice(5)),
    );
    tenCells(
      (i) => many(i % 2 ? ' ' : '\u3000', '填报单位', `公司${i}`),
      (s) => expect(fillingUnitOf(grid(s))).toBeNull(),
    );
  });
});

describe('SPACE_BEFORE_TIME', () => {
  it('replaces what /\\s+(?=\\d{1,2}:\\d{2})/g replaces, on any text', () => {
    sameAsReference(
      textOf([' ', ' ', '\u3000', '\t', '\n', '1', '12', '30', ':', '1:30', '12:05', '2024-05-12', '年', 'a']),
      (s) => s.replace(SPACE_BEFORE_TIME, 'T'),
      (s) => s.replace(/\s+(?=\d{1,2}:\d{2})/g, 'T'),
    );
  });

  it('reads dates with a cell of white space in them', () => {
    tenCells(
      (i) => many(' ', '2024', `x${i}`),
      (s) => expect(parseDate(s).state).toBe('error'),
    );
    tenCells(
      (i) => many('\t', '2024-05-12', `14:3${i}`),
      (s) => expect(parseDate(s)).toMatchObject({ state: 'ok', value: { iso: '2024-05-12' } }),
    );
  });
});
